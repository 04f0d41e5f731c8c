"""The portal's user: identified by a unique, case-insensitive e-mail address."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, Group, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

REFERENTS_GROUP = "Référents VIF"
EDITORS_GROUP = "Éditeurs ODPE"
MODERATORS_GROUP = "Modérateurs ODPE"


class Service(models.TextChoices):
    PMI = "pmi", "PMI (protection maternelle et infantile)"
    CSS = "css", "Centre de santé sexuelle (CSS)"
    SSP = "ssp", "Service social de proximité (SSP)"
    CHILD_PROTECTION = "protection_enfance", "Protection de l'enfance"
    CEGIDD = "cegidd", "CeGIDD"
    PARTNER = "partenaire", "Partenaire associatif"
    OTHER = "autre", "Autre"


class Territory(models.TextChoices):
    """The Département du Nord's eight territories."""

    FLANDRE_INTERIEURE = "flandre-interieure", "Flandre intérieure"
    FLANDRE_MARITIME = "flandre-maritime", "Flandre maritime"
    METROPOLE_LILLE = "metropole-lille", "Métropole-Lille"
    METROPOLE_ROUBAIX_TOURCOING = "metropole-roubaix-tourcoing", "Métropole-Roubaix-Tourcoing"
    DOUAISIS = "douaisis", "Douaisis"
    CAMBRESIS = "cambresis", "Cambrésis"
    VALENCIENNOIS = "valenciennois", "Valenciennois"
    AVESNOIS = "avesnois", "Avesnois"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("L'adresse e-mail est obligatoire.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("adresse e-mail", max_length=254, unique=True)
    first_name = models.CharField("prénom", max_length=150, blank=True)
    last_name = models.CharField("nom", max_length=150, blank=True)
    is_staff = models.BooleanField(
        "accès à l'administration Django",
        default=False,
        help_text="Réservé à l'équipe technique ; l'accès à l'administration Wagtail passe par les groupes.",
    )
    is_active = models.BooleanField("actif", default=True)
    date_joined = models.DateTimeField("date d'inscription", default=timezone.now)

    # What the portal needs to organise trainings and the referents' network, nothing more.
    service = models.CharField("type de service", max_length=32, choices=Service.choices, blank=True)
    territory = models.CharField("territoire", max_length=32, choices=Territory.choices, blank=True)
    job_title = models.CharField("fonction", max_length=150, blank=True)
    # The organisation the agent works for, as ProConnect states it at each log-in.
    siret = models.CharField(
        "SIRET de l'organisation",
        max_length=14,
        blank=True,
        editable=False,
        help_text="Transmis par ProConnect à chaque connexion.",
    )
    data_consent_at = models.DateTimeField(
        "consentement au traitement des données", null=True, blank=True, editable=False
    )

    # The referents' directory shows only what each referent chose to share.
    directory_listed = models.BooleanField(
        "apparaître dans l'annuaire des référents",
        default=False,
        help_text="Visible uniquement des référents VIF et de l'ODPE.",
    )
    directory_email = models.BooleanField("y montrer mon adresse e-mail", default=True)
    directory_phone = models.CharField("téléphone professionnel à y montrer", max_length=30, blank=True)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"
        ordering = ["last_name", "first_name", "email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique")]
        permissions = [
            ("manage_referents", "Peut attribuer ou retirer le statut de référent VIF"),
            ("export_referents", "Peut exporter le réseau des référents (données personnelles)"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def save(self, *args, **kwargs):
        if self.email:
            self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name or self.email

    @property
    def is_referent(self):
        # Iterating groups.all() lets listings prefetch the groups instead of querying per row.
        return any(group.name == REFERENTS_GROUP for group in self.groups.all())

    @property
    def is_editorial_staff(self):
        return self.is_superuser or self.groups.filter(name__in=[EDITORS_GROUP, MODERATORS_GROUP]).exists()

    def set_referent(self, value):
        group = Group.objects.get(name=REFERENTS_GROUP)
        if value:
            self.groups.add(group)
        else:
            self.groups.remove(group)


class NetworkMember(User):
    """The accounts as ODPE editors see them in "Réseau des référents": a proxy so that
    this admin screen has its own permission policy, apart from Wagtail's user admin."""

    class Meta:
        proxy = True
        verbose_name = "membre du réseau"
        verbose_name_plural = "réseau des référents"
