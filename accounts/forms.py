from allauth.account.forms import SignupForm as AllauthSignupForm

from django import forms
from django.utils import timezone
from django.utils.html import format_html

from .models import Service, Territory, User


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
