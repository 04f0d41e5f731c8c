"""Give the S3 bucket the settings the portal relies on (idempotent):

- a bucket policy that lets anyone read ``public/`` (image renditions) and nothing else;
- Block Public Access on for ACLs (no object can be made public by an ACL), off for the
  policy only, so that the policy above can apply;
- versioning, so that an overwritten or deleted file can be restored, with a lifecycle rule
  that removes the old versions after ``--keep-versions-days`` days (default 30), so that a
  deleted file does not stay for ever (see docs/storage.md).

``--dry-run`` prints what would be applied."""

import json

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from operations.storage import PrivateS3Storage, public_read_policy

PUBLIC_ACCESS_BLOCK = {
    "BlockPublicAcls": True,
    "IgnorePublicAcls": True,
    "BlockPublicPolicy": False,
    "RestrictPublicBuckets": False,
}


class Command(BaseCommand):
    help = "Configure le bucket S3 des fichiers (politique d'accès, blocage des ACL publiques, versions)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Affiche la configuration sans l'appliquer."
        )
        parser.add_argument(
            "--keep-versions-days",
            type=int,
            default=30,
            help="Durée de conservation des versions remplacées ou supprimées (jours, 30 par défaut).",
        )

    def handle(self, *args, dry_run=False, keep_versions_days=30, **options):
        bucket = getattr(settings, "AWS_STORAGE_BUCKET_NAME", "")
        storage = storages["default"]
        if not bucket or not isinstance(storage, PrivateS3Storage):
            raise CommandError(
                "Stockage S3 non configuré : définissez AWS_STORAGE_BUCKET_NAME (voir docs/storage.md)."
            )
        if keep_versions_days < 1:
            raise CommandError("--keep-versions-days doit valoir au moins 1.")
        policy = public_read_policy(bucket)
        lifecycle = {
            "Rules": [
                {
                    "ID": "old-versions",
                    "Status": "Enabled",
                    "Filter": {"Prefix": ""},
                    "NoncurrentVersionExpiration": {"NoncurrentDays": keep_versions_days},
                    "Expiration": {"ExpiredObjectDeleteMarker": True},
                    "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7},
                }
            ]
        }
        if dry_run:
            for part in (policy, PUBLIC_ACCESS_BLOCK, lifecycle):
                self.stdout.write(json.dumps(part, indent=2))
            self.stdout.write("Versionnage : activé")
            return
        client = storage.connection.meta.client
        client.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration=PUBLIC_ACCESS_BLOCK)
        client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
        client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
        client.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration=lifecycle)
        self.stdout.write(
            self.style.SUCCESS(
                f"Bucket {bucket} : lecture publique limitée à public/, ACL publiques bloquées, "
                f"versionnage activé (anciennes versions gardées {keep_versions_days} jours)."
            )
        )
