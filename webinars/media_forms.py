"""The base form of wagtailmedia's upload (admin and chooser): a size limit and a check that
the file's bytes really are a video (or audio) file in a format browsers play.

Set as ``WAGTAILMEDIA["MEDIA_FORM_BASE"]``. Every refusal is a French form error."""

import os

from wagtailmedia.forms import BaseMediaForm

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from .files import AUDIO_FORMATS, VIDEO_FORMATS, human_size, read_head, sniff_container


class MediaForm(BaseMediaForm):
    """wagtailmedia's upload form, with the portal's checks: a size limit
    (``WEBINAR_VIDEO_MAX_UPLOAD_SIZE``) and a file whose bytes match a format browsers play."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged file on edit
        limit = getattr(settings, "WEBINAR_VIDEO_MAX_UPLOAD_SIZE", 500 * 1024 * 1024)
        if upload.size > limit:
            raise ValidationError(
                f"Le fichier pèse {human_size(upload.size)} : la limite est de {human_size(limit)}. "
                "Réduisez sa taille (résolution 720p, débit plus faible) avant de le déposer."
            )
        is_audio = self.instance.type == "audio"
        formats = AUDIO_FORMATS if is_audio else VIDEO_FORMATS
        kind = "un fichier audio" if is_audio else "une vidéo"
        accepted = ", ".join(sorted(extension.upper() for extension in formats))
        extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
        if extension not in formats:
            raise ValidationError(
                f"Format non accepté (« .{extension or '?'} ») : déposez {kind} dans l'un de ces "
                f"formats : {accepted}."
            )
        if sniff_container(read_head(upload)) != formats[extension]:
            raise ValidationError(
                f"Ce fichier n'est pas {kind} lisible : son contenu ne correspond pas à un fichier "
                f"« .{extension} ». Exportez-le de nouveau depuis votre logiciel de montage ou "
                "d'enregistrement."
            )
        return upload

    def _post_clean(self):
        # A refused file must not also fail the model's own extension check with a second,
        # less helpful message.
        if "file" in self._errors:
            self._validate_unique = False
            return
        super()._post_clean()
