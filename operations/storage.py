"""Uploaded files on S3 (django-storages), when ``AWS_STORAGE_BUCKET_NAME`` is set.

One bucket, two storages, two prefixes:

- ``PrivateS3Storage`` (the default storage): documents, videos (wagtailmedia), original
  images. Objects have no ACL of their own (the bucket's: private) and no bucket policy opens
  them. Their URLs are presigned and expire after ``AWS_QUERYSTRING_EXPIRE`` seconds; they are
  handed out only by Django, after its permission check (documents: Wagtail's serve view with
  ``WAGTAILDOCS_SERVE_METHOD = "redirect"``; videos: ``webinars.views.video``).
- ``PublicS3Storage`` (``STORAGES["renditions"]``, ``WAGTAILIMAGES_RENDITION_STORAGE``): image
  renditions, under the ``public/`` prefix, with plain unsigned URLs that never expire, so a
  page kept in a cache never shows broken images. The bucket policy
  (``public_read_policy``) allows anonymous ``s3:GetObject`` on that prefix only.

Renditions are public as they are on a local disk (``/media/images/``, served by nginx):
Wagtail has no privacy for images. Keep confidential material in documents.
"""

import mimetypes
import posixpath

from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from django.conf import settings
from django.utils.http import content_disposition_header

PUBLIC_PREFIX = "public"
# What reading a stored file may raise: a missing file on disk, or S3's answer (404, 403) or
# a network failure on the way to it.
STORAGE_ERRORS = (OSError, ClientError, BotoCoreError)


class PrivateS3Storage(S3Storage):
    default_acl = None
    querystring_auth = True

    def url(self, name, parameters=None, expire=None, http_method=None):
        if parameters is None and name.startswith("documents/"):
            # Wagtail's own serve view sends PDFs inline and the other formats as attachments,
            # under the document's file name: S3 does the same when the signed URL asks.
            content_type = mimetypes.guess_type(name)[0]
            inline = content_type in getattr(
                settings, "WAGTAILDOCS_INLINE_CONTENT_TYPES", ["application/pdf"]
            )
            parameters = {
                "ResponseContentDisposition": content_disposition_header(not inline, posixpath.basename(name))
            }
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)


class PublicS3Storage(S3Storage):
    location = PUBLIC_PREFIX
    default_acl = None  # the bucket policy opens the prefix; no object ACL needed
    querystring_auth = False


def signed_url(field_file, expire=None, filename=None, as_attachment=False):
    """A URL for a stored file; on S3 a presigned one, valid ``expire`` seconds, that names the
    file ``filename`` (``Content-Disposition``) when given."""
    storage = field_file.storage
    if not isinstance(storage, S3Storage):
        return field_file.url
    parameters = {}
    if filename:
        parameters["ResponseContentDisposition"] = content_disposition_header(as_attachment, filename)
    return storage.url(field_file.name, parameters=parameters or None, expire=expire)


def public_read_policy(bucket):
    """The bucket policy that lets anyone read the renditions (``public/``) and nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicImageRenditions",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/{PUBLIC_PREFIX}/*",
            }
        ],
    }
