from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm
from allauth.account.forms import SignupForm as AllauthSignupForm

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import format_html

from .models import Service, Territory, User

EMAIL_INVALID = "Indiquez une adresse e-mail complète, par exemple prenom.nom@lenord.fr."
LOCKED_OUT = (
    "Trop d'essais de mot de passe erronés pour cette adresse : la connexion par mot de passe "
    "est suspendue quelques minutes. Vous pouvez vous connecter dès maintenant avec un code "
    "reçu par e-mail (lien « Recevoir un code de connexion par e-mail »), ou réessayer plus tard."
)


def say_what_to_do(field, required=None, invalid=None, label=None):
    """French messages that tell the visitor what to enter, instead of Django's generic ones."""
    if required:
        field.error_messages["required"] = required
    if invalid:
        field.error_messages["invalid"] = invalid
    if label:
        field.label = label
    field.widget.attrs.pop("placeholder", None)
    return field


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


class SignupForm(AllauthSignupForm):
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
        error_messages={"required": "Votre accord est nécessaire pour créer un compte."},
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
        self.fields["consent"].help_text = format_html(
            'Pour en savoir plus, lisez la page <a href="{}">Données personnelles</a>. '
            "Vous pourrez télécharger vos données ou supprimer votre compte à tout moment.",
            "/donnees-personnelles/",
        )
        self.fields["email"].label = "Adresse e-mail professionnelle"
        self.fields["email"].widget.attrs.pop("placeholder", None)
        self.fields["password1"].widget.attrs.pop("placeholder", None)
        self.fields["password2"].widget.attrs.pop("placeholder", None)
        self.order_fields(self.field_order)

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

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Mot de passe incorrect.")
        return password
