"""configure_s3_bucket: the bucket settings the portal relies on, applied to a real S3 API
(moto_server, see the ``s3_bucket`` fixture, which runs the command)."""

import json

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_the_bucket_opens_only_the_renditions_prefix_blocks_public_acls_and_keeps_versions(s3_bucket):
    client, name = s3_bucket.client, s3_bucket.name
    policy = json.loads(client.get_bucket_policy(Bucket=name)["Policy"])
    assert [(s["Effect"], s["Principal"], s["Action"], s["Resource"]) for s in policy["Statement"]] == [
        ("Allow", "*", "s3:GetObject", f"arn:aws:s3:::{name}/public/*")
    ]
    block = client.get_public_access_block(Bucket=name)["PublicAccessBlockConfiguration"]
    assert block["BlockPublicAcls"] and block["IgnorePublicAcls"]
    assert client.get_bucket_versioning(Bucket=name)["Status"] == "Enabled"
    (rule,) = client.get_bucket_lifecycle_configuration(Bucket=name)["Rules"]
    assert rule["NoncurrentVersionExpiration"]["NoncurrentDays"] == 30


def test_a_deleted_file_can_be_restored_from_its_previous_version(s3_bucket):
    name = default_storage.save("documents/protocole.txt", ContentFile(b"version 1"))
    default_storage.delete(name)
    assert not default_storage.exists(name)
    versions = s3_bucket.client.list_object_versions(Bucket=s3_bucket.name, Prefix=name)["Versions"]
    (previous,) = versions
    restored = s3_bucket.client.get_object(Bucket=s3_bucket.name, Key=name, VersionId=previous["VersionId"])
    assert restored["Body"].read() == b"version 1"


def test_the_command_refuses_to_run_without_s3(settings):
    settings.AWS_STORAGE_BUCKET_NAME = ""
    with pytest.raises(CommandError, match="Stockage S3 non configuré"):
        call_command("configure_s3_bucket")


def test_renditions_behind_a_public_domain_get_plain_urls_on_it():
    from operations.storage import PublicS3Storage

    storage = PublicS3Storage(custom_domain="medias.vif.example", bucket_name="portail")
    assert (
        storage.url("images/affiche.fill-80x60.png")
        == "https://medias.vif.example/public/images/affiche.fill-80x60.png"
    )
