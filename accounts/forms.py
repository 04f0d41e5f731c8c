from allauth.account.adapter import get_adapter
from allauth.account.forms import ChangePasswordForm as AllauthChangePasswordForm
from allauth.account.forms import ConfirmLoginCodeForm as AllauthConfirmLoginCodeForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import ResetPasswordKeyForm as AllauthResetPasswordKeyForm
from allauth.account.forms import SetPasswordForm as AllauthSetPasswordForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.socialaccount.forms import SignupForm as AllauthSocialSignupForm

from django import forms
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Service, Territory, User
from .password_validation import minimum_length

EMAIL_INVALID = "Indiquez une adresse e-mail complète, par exemple prenom.nom@lenord.fr."
LOCKED_OUT = (
    "Trop d'essais de mot de passe erronés pour cette adresse : la connexion par mot de passe "
    "est suspendue quelques minutes. Vous pouvez vous connecter dès maintenant avec un code "
    "reçu par e-mail (lien « Recevoir un code de connexion par e-mail »), ou réessayer plus tard."
)
PASSWORDS_DIFFER = "Les deux mots de passe ne correspondent pas : saisissez le même mot de passe deux fois."
# allauth's own mismatch message (no error code to recognise it by), as the active language says it.
ALLAUTH_PASSWORDS_DIFFER = _("You must type the same password each time.")


def say_what_to_do(field, required=None, invalid=None, label=None, **messages):
    """French messages that tell the visitor what to enter, instead of Django's generic ones.
    ``messages`` sets other error codes (``invalid_choice``, ``max_length``…)."""
    if required:
        field.error_messages["required"] = required
    if invalid:
        field.error_messages["invalid"] = invalid
    field.error_messages.update(messages)
    if label:
        field.label = label
    field.widget.attrs.pop("placeholder", None)
    return field


def new_password_required():
    return f"Saisissez un mot de passe d'au moins {minimum_length()} caractères."


# One text per field of the person's details, shared by the sign-up and the profile.
PERSON_MESSAGES = {
    "first_name": {
        "required": "Saisissez votre prénom.",
        "max_length": "Saisissez un prénom de 150 caractères au plus.",
    },
    "last_name": {
        "required": "Saisissez votre nom de famille.",
        "max_length": "Saisissez un nom de 150 caractères au plus.",
    },
    "service": {
        "required": "Choisissez votre type de service ou employeur dans la liste.",
        "invalid_choice": "Choisissez un type de service proposé dans la liste.",
    },
    "territory": {
        "required": "Choisissez dans la liste le territoire où vous travaillez.",
        "invalid_choice": "Choisissez un territoire proposé dans la liste.",
    },
    "job_title": {
        "required": "Saisissez votre fonction, par exemple puéricultrice ou assistante sociale.",
        "max_length": "Saisissez une fonction de 150 caractères au plus.",
    },
    "directory_phone": {
        "max_length": "Saisissez un numéro de téléphone de 30 caractères au plus.",
    },
}


def say_what_to_do_for_person(form):
    for name, messages in PERSON_MESSAGES.items():
        if name in form.fields:
            say_what_to_do(form.fields[name], **messages)


class NewPasswordMixin:
    """The two "new password" fields of allauth's forms (sign-up, reset, change, set):
    French labels without placeholders, and messages that say what to type."""

    new_label = "Mot de passe"

    def init_new_password(self):
        say_what_to_do(self.fields["password1"], label=self.new_label, required=new_password_required())
        say_what_to_do(
            self.fields["password2"],
            label=f"{self.new_label} (confirmation)",
            required="Saisissez une deuxième fois le même mot de passe, pour le confirmer.",
        )

    def clean(self):
        cleaned_data = super().clean()
        if errors := self._errors.get("password2"):
            errors.data = [
                forms.ValidationError(PASSWORDS_DIFFER, code="password_mismatch")
                if str(error.message) == str(ALLAUTH_PASSWORDS_DIFFER)
                else error
                for error in errors.as_data()
            ]
        return cleaned_data


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_what_to_do(
            self.fields["login"],
            label="Adresse e-mail",
            required="Indiquez l'adresse e-mail de votre compte.",
            invalid=EMAIL_INVALID,
        )
        password = say_what_to_do(
            self.fields["password"],
            label="Mot de passe",
            required="Indiquez votre mot de passe, ou connectez-vous avec un code reçu par e-mail.",
        )
        # allauth puts a "Mot de passe oublié ?" link in the field's help; the page already has
        # one below the form, and a link inside the field's description is read on every focus.
        password.help_text = ""

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise forms.ValidationError(LOCKED_OUT, code=error.code) from error
            raise


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_what_to_do(
            self.fields["email"],
            label="Adresse e-mail de votre compte",
            required="Indiquez l'adresse e-mail de votre compte : le code y sera envoyé.",
            invalid=EMAIL_INVALID,
        )


class ConfirmLoginCodeForm(AllauthConfirmLoginCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_what_to_do(
            self.fields["code"],
            label="Code de connexion",
            required="Saisissez le code de connexion reçu par e-mail.",
        )

    def clean_code(self):
        try:
            return super().clean_code()
        except forms.ValidationError as error:
            raise forms.ValidationError(
                "Ce code est incorrect : saisissez le code du dernier e-mail reçu, "
                "ou demandez un nouveau code.",
                code="incorrect_code",
            ) from error


class ResetPasswordForm(AllauthResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_what_to_do(
            self.fields["email"],
            label="Adresse e-mail de votre compte",
            required="Saisissez l'adresse e-mail de votre compte : le lien pour choisir "
            "un nouveau mot de passe y sera envoyé.",
            invalid=EMAIL_INVALID,
        )


class ResetPasswordKeyForm(NewPasswordMixin, AllauthResetPasswordKeyForm):
    new_label = "Nouveau mot de passe"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.init_new_password()


class SetPasswordForm(NewPasswordMixin, AllauthSetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.init_new_password()


class ChangePasswordForm(NewPasswordMixin, AllauthChangePasswordForm):
    new_label = "Nouveau mot de passe"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_what_to_do(
            self.fields["oldpassword"],
            label="Mot de passe actuel",
            required="Saisissez votre mot de passe actuel.",
        )
        self.init_new_password()

    def clean_oldpassword(self):
        try:
            return super().clean_oldpassword()
        except forms.ValidationError as error:
            raise forms.ValidationError(
                "Ce n'est pas votre mot de passe actuel : saisissez celui qui vous sert à vous "
                "connecter (oublié ? demandez-en un nouveau par le lien « Mot de passe oublié »).",
                code="enter_current_password",
            ) from error


class SignupForm(NewPasswordMixin, AllauthSignupForm):
    """django-allauth's sign-up (e-mail, passwords) plus what the portal needs, nothing more."""

    first_name = forms.CharField(
        label="Prénom", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label="Nom", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    service = forms.ChoiceField(
        label="Type de service ou employeur", choices=[("", "— Choisir —"), *Service.choices]
    )
    territory = forms.ChoiceField(label="Territoire", choices=[("", "— Choisir —"), *Territory.choices])
    job_title = forms.CharField(
        label="Fonction",
        max_length=150,
        help_text="Par exemple : puéricultrice, assistante sociale, sage-femme, éducateur.",
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    consent = forms.BooleanField(
        label="J'accepte que le Département du Nord traite ces données pour gérer mon compte, "
        "mes inscriptions aux formations et, le cas échéant, le réseau des référents VIF.",
        error_messages={
            "required": "Cochez la case d'accord pour créer votre compte : "
            "le portail ne peut pas gérer vos inscriptions sans traiter ces données."
        },
    )

    field_order = [
        "first_name",
        "last_name",
        "email",
        "service",
        "territory",
        "job_title",
        "password1",
        "password2",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = self.consent_help_text()
        say_what_to_do(
            self.fields["email"],
            label="Adresse e-mail professionnelle",
            required="Saisissez votre adresse e-mail professionnelle, par exemple prenom.nom@lenord.fr.",
            invalid=EMAIL_INVALID,
        )
        say_what_to_do_for_person(self)
        self.init_new_password()
        self.order_fields(self.field_order)

    @staticmethod
    def consent_help_text():
        return format_html(
            'Pour en savoir plus, lisez la page <a href="{}">Données personnelles</a>. '
            "Vous pourrez télécharger vos données ou supprimer votre compte à tout moment.",
            "/donnees-personnelles/",
        )

    def try_save(self, request):
        """Two simultaneous sign-ups with the same address (a double click, a script) both
        pass allauth's "already exists" check; the second insert then hits the unique
        constraint. That one gets the page an existing address always gets
        (ACCOUNT_PREVENT_ENUMERATION: "vérifiez votre adresse"), not an error page, and sends
        no e-mail of its own: allauth sends one e-mail per address every 3 minutes, and it
        must be the winning request's confirmation link, not "votre compte existe déjà"."""
        try:
            with transaction.atomic():
                return super().try_save(request)
        except IntegrityError:
            if not User.objects.filter(email__iexact=self.cleaned_data.get("email", "")).exists():
                raise
            return None, get_adapter(request).respond_email_verification_sent(request, None)

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.service = self.cleaned_data["service"]
        user.territory = self.cleaned_data["territory"]
        user.job_title = self.cleaned_data["job_title"]
        user.data_consent_at = timezone.now()
        user.save()


class ProConnectSignupForm(AllauthSocialSignupForm):
    """An agent's first ProConnect log-in: ProConnect gave the e-mail address (verified, not
    editable) and the names (pre-filled, editable: some identity providers send them in
    capitals); the agent adds only what the portal still needs."""

    first_name = SignupForm.base_fields["first_name"]
    last_name = SignupForm.base_fields["last_name"]
    service = SignupForm.base_fields["service"]
    territory = SignupForm.base_fields["territory"]
    job_title = SignupForm.base_fields["job_title"]
    consent = SignupForm.base_fields["consent"]

    field_order = ["first_name", "last_name", "service", "territory", "job_title", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The address is the one ProConnect vouches for: shown on the page, never typed.
        self.fields.pop("email", None)
        self.fields["consent"].help_text = SignupForm.consent_help_text()
        say_what_to_do_for_person(self)
        self.order_fields(self.field_order)

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["email"] = self.sociallogin.account.uid
        return cleaned_data

    def try_save(self, request):
        # Two tabs finishing the same first log-in: the second one meets the first one's
        # account (unique e-mail) and is sent back to log in, instead of an error page.
        try:
            with transaction.atomic():
                return super().try_save(request)
        except IntegrityError:
            if not User.objects.filter(email__iexact=self.sociallogin.account.uid).exists():
                raise
            return None, redirect("account_login")

    def signup(self, request, user):
        SignupForm.signup(self, request, user)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "service",
            "territory",
            "job_title",
            "directory_listed",
            "directory_email",
            "directory_phone",
        ]
        widgets = {"directory_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "service", "territory", "job_title"):
            self.fields[name].required = True
        if not self.instance.is_referent:
            for name in ("directory_listed", "directory_email", "directory_phone"):
                del self.fields[name]
        say_what_to_do_for_person(self)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Mot de passe actuel",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label="Je comprends que mon compte et mes données personnelles seront supprimés définitivement.",
        error_messages={"required": "Cochez la case pour confirmer la suppression."},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if not user.has_usable_password():
            # An agent who only logs in with ProConnect has no password to confirm with.
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Mot de passe incorrect.")
        return password
