"""The webinar page's edit form: captions uploaded as a WebVTT file (checked line by line)
and the transcript generated from them on the editor's request.

Every refusal is a French form error that says what to do: an upload never ends in a 500."""

import os

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminPageForm

from . import vtt
from .files import human_size


class WebinarPageForm(WagtailAdminPageForm):
    captions_file = forms.FileField(
        label="Déposer un fichier de sous-titres (WebVTT)",
        required=False,
        help_text="Un fichier .vtt, tel que l'exportent les outils de sous-titrage et les plateformes "
        "vidéo. Il remplace les sous-titres actuels ; un fichier mal formé est refusé avec le numéro "
        "de la ligne à corriger.",
        widget=forms.FileInput(attrs={"accept": ".vtt,text/vtt"}),
    )
    generate_transcript = forms.BooleanField(
        label="Générer la transcription à partir des sous-titres",
        required=False,
        help_text="Remplace la transcription ci-dessous par le texte des sous-titres, en paragraphes, "
        "avec le nom des intervenants quand les sous-titres l'indiquent. Relisez-la ensuite.",
    )

    def clean_captions_file(self):
        upload = self.cleaned_data.get("captions_file")
        if not upload:
            return ""
        limit = getattr(settings, "WEBINAR_CAPTIONS_MAX_UPLOAD_SIZE", 2 * 1024 * 1024)
        if upload.size > limit:
            raise ValidationError(
                f"Le fichier de sous-titres pèse {human_size(upload.size)} : la limite est de "
                f"{human_size(limit)}. Vérifiez qu'il s'agit bien d'un fichier WebVTT."
            )
        if os.path.splitext(upload.name)[1].lower() != ".vtt":
            raise ValidationError(
                "Le fichier de sous-titres doit être au format WebVTT (extension .vtt). Les fichiers "
                ".srt se convertissent en WebVTT avec la plupart des outils de sous-titrage."
            )
        data = upload.read()
        try:
            vtt.parse(data)
        except vtt.WebVTTError as error:
            raise ValidationError(f"Fichier de sous-titres refusé. {error}") from error
        return vtt.decode(data)

    def clean(self):
        cleaned_data = super().clean()
        uploaded = cleaned_data.get("captions_file")
        if uploaded:
            # The uploaded file wins over what the text box holds, errors included.
            self._errors.pop("captions", None)
            cleaned_data["captions"] = uploaded
        if cleaned_data.get("generate_transcript"):
            captions = cleaned_data.get("captions")
            if "captions" in self._errors:
                self.add_error(
                    "generate_transcript", "Corrigez d'abord les sous-titres pour générer la transcription."
                )
            elif not captions:
                self.add_error(
                    "generate_transcript",
                    "Ajoutez d'abord des sous-titres (fichier WebVTT) pour générer la transcription.",
                )
            else:
                cleaned_data["transcript"] = vtt.transcript_html(vtt.parse(captions))
        return cleaned_data
