"""The contact form, with its spam guard that needs no third party:

- a honeypot: a text field people never see (hidden off-screen, out of the tab order and of
  the accessibility tree) that robots filling every input fill;
- a signed timestamp (django.core.signing): the form must have been shown at least
  CONTACT_MIN_SECONDS before it is sent (robots post at once), and at most
  CONTACT_MAX_AGE_SECONDS ago (a replayed token expires). The signature makes the time
  impossible to forge without the SECRET_KEY."""

import time

from django import forms
from django.conf import settings
from django.core import signing

TOKEN_SALT = "home.contact"  # noqa: S105 - a signing salt, not a secret
HONEYPOT_FIELD = "site_web"

SUBJECTS = [
    ("question", "Une question sur une ressource ou un contenu"),
    ("formation", "Les formations et les inscriptions"),
    ("referent", "Devenir référent ou référente VIF"),
    ("compte", "Mon compte ou un accès refusé"),
    ("accessibilite", "Un problème d'accessibilité"),
    ("donnees-personnelles", "Mes données personnelles (délégué à la protection des données)"),
    ("autre", "Une autre demande"),
]


def new_token():
    return signing.dumps({"shown_at": int(time.time())}, salt=TOKEN_SALT, compress=False)


class SpamSuspected(Exception):
    """A submission that looks automatic: refused without sending anything."""


class ContactForm(forms.Form):
    name = forms.CharField(
        label="Votre nom",
        max_length=120,
        error_messages={
            "required": "Indiquez votre nom, pour que l'équipe sache à qui elle répond.",
            "max_length": "Indiquez un nom de 120 caractères au plus.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Votre adresse e-mail",
        help_text="La réponse vous sera envoyée à cette adresse. Format attendu : nom@exemple.fr",
        max_length=254,
        error_messages={
            "required": "Indiquez votre adresse e-mail, pour recevoir la réponse.",
            "invalid": "Indiquez une adresse e-mail valide, au format nom@exemple.fr.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    subject = forms.ChoiceField(
        label="Objet de votre message",
        choices=[("", "Choisissez l'objet de votre message"), *SUBJECTS],
        error_messages={
            "required": "Choisissez l'objet de votre message dans la liste.",
            "invalid_choice": "Choisissez l'objet de votre message dans la liste.",
        },
    )
    message = forms.CharField(
        label="Votre message",
        max_length=5000,
        min_length=10,
        help_text="5 000 caractères au plus. N'indiquez pas d'informations sur une situation "
        "personnelle ou sur une victime : ce formulaire ne sert pas aux signalements.",
        error_messages={
            "required": "Écrivez votre message.",
            "min_length": "Écrivez un message d'au moins 10 caractères.",
            "max_length": "Raccourcissez votre message à 5 000 caractères au plus (il en compte %(show_value)d).",
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_name(self):
        name = self.cleaned_data["name"]
        if any(ord(character) < 32 for character in name):
            raise forms.ValidationError("Indiquez votre nom sur une seule ligne.")
        return name

    def check_spam_guard(self):
        """Raise SpamSuspected for a filled honeypot, a missing or forged token, or a form
        sent too fast; a token too old is an ordinary error (the visitor sends again)."""
        if self.data.get(HONEYPOT_FIELD):
            raise SpamSuspected("honeypot")
        try:
            payload = signing.loads(self.data.get("token", ""), salt=TOKEN_SALT)
            age = time.time() - int(payload["shown_at"])
        except (signing.BadSignature, TypeError, KeyError, ValueError) as error:
            raise SpamSuspected("token") from error
        if age < settings.CONTACT_MIN_SECONDS:
            raise SpamSuspected("too fast")
        if age > settings.CONTACT_MAX_AGE_SECONDS:
            return "expired"
        return None
