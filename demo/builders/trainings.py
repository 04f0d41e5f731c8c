"""Demo content for the training catalogue and the seminars.

Sixteen trainings from the providers the roadmap names (action 19: DU Violences conjugales,
SOLFA, CIDFF, Planning familial 59, the Département's own co-formations), with past and
upcoming sessions spread over the eight territories and registrations of the demo accounts
that exercise every state: a full session with a waiting list, requests awaiting the ODPE's
decision, past sessions with attendance. Then the annual seminar of the referents' network
(action 11) for 2026 with its programme and speakers, the 2025 edition with its materials,
and a past study day.

Dates are relative to the day the command runs, so the demo always has upcoming sessions.

Idempotent like every demo builder: a page that exists already is left as it is, and
sessions and registrations are only created together with their page, so a second run
creates nothing (no page, revision, session, registration or speaker)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import REFERENTS_GROUP, Territory, User
from demo.builders.common import (
    Terms,
    aware,
    bullets,
    content,
    ensure_page,
    ensure_speakers,
    get_home_page,
    para,
    rich,
    specs,
    stream,
)
from trainings import registration as registration_service
from trainings.models import (
    Provider,
    Registration,
    SeminarIndexPage,
    SeminarPage,
    Session,
    TrainingCatalogPage,
    TrainingPage,
)

OPEN, VALIDATION, EXTERNAL = Session.Mode.OPEN, Session.Mode.VALIDATION, Session.Mode.EXTERNAL
IN_PERSON = TrainingPage.Format.IN_PERSON
T = Territory


SEMINAR_VENUE = "Hôtel du Département, Lille"
SEMINAR_ADDRESS = "51 rue Gustave Delory, 59000 Lille"


# --- Specifications ------------------------------------------------------------------------


@dataclass(frozen=True)
class S:
    """A session, ``in_days`` from the day the demo is built (negative: in the past).

    ``people`` are registered in this order ("referent", "professionnel", "editeur" or
    "r0"…"r11", the demo referents): through the registration service for an upcoming
    session, directly as confirmed with their attendance for a past one ("!" before a name:
    absent). ``accept`` and ``refuse`` are the ODPE's decisions on requests."""

    in_days: int
    territory: str = ""
    place: tuple = ()
    days: int = 1
    starts: str = "09:00"
    ends: str = "17:00"
    online: bool = False
    capacity: int | None = None
    mode: str = OPEN
    label: str = ""
    opens_in: int | None = None
    closes_before: int | None = None
    people: tuple = ()
    accept: tuple = ()
    refuse: tuple = ()


@dataclass(frozen=True)
class Training:
    slug: str
    title: str
    provider: str
    intro: str
    objectives: tuple
    programme: tuple
    themes: tuple
    audiences: tuple
    format: str = IN_PERSON
    hours: float | None = None
    days: float | None = None
    cost: str = "Gratuit pour les agents du Département"
    funded: bool = True
    certificate: str = "Attestation de formation"
    prerequisites: str = ""
    registration_notes: str = ""
    registration_url: str = ""
    related: tuple = ()
    sessions: tuple = ()


@dataclass(frozen=True)
class Slot:
    starts: str
    ends: str
    title: str
    description: str = ""
    speakers: tuple = ()
    pause: bool = False


@dataclass(frozen=True)
class Seminar:
    slug: str
    title: str
    date: datetime.date
    intro: str
    programme: tuple
    session: S
    registration_notes: str = ""
    materials: str = ""  # "replays": slides and recordings are online; "pending": still to come
    venue: str = SEMINAR_VENUE
    address: str = SEMINAR_ADDRESS


# The catalogue itself, in French, is data: demo/content/trainings.yaml.
TRAININGS = specs(Training, content("trainings")["trainings"], sessions=S)


def seminar_2026_date(today):
    """Three weeks from now (a Thursday) while that is still in 2026; afterwards, a fixed date."""
    candidate = today + datetime.timedelta(days=21)
    candidate += datetime.timedelta(days=(3 - candidate.weekday()) % 7)
    return candidate if candidate.year <= 2026 else datetime.date(2026, 12, 10)


def seminars(today):
    date_2026 = seminar_2026_date(today)
    return [
        Seminar(
            slug="seminaire-annuel-des-referents-vif-2026",
            title="Séminaire annuel des référents VIF 2026",
            date=date_2026,
            intro="Enfants co-victimes, emprise et séparation, réponse pénale : la journée annuelle du "
            "réseau des référents VIF, construite à partir des besoins exprimés par les référents.",
            programme=(
                Slot("08:45", "09:15", "Accueil des participants", pause=True),
                Slot(
                    "09:15",
                    "09:45",
                    "Ouverture",
                    "Le réseau des référents VIF, trois ans après le lancement de la feuille de route.",
                    ("dufour", "benali"),
                ),
                Slot(
                    "09:45",
                    "10:45",
                    "Psychotraumatisme des enfants co-victimes : comprendre pour mieux accompagner",
                    "Les effets de l'exposition aux violences selon l'âge, et ce "
                    "qui aide l'enfant à se rétablir.",
                    ("vasseur",),
                ),
                Slot("10:45", "11:00", "Pause", pause=True),
                Slot(
                    "11:00",
                    "12:00",
                    "Table ronde : la réponse pénale aux violences conjugales dans le Nord",
                    "Plainte, ordonnance de protection, téléphone grave danger : ce qui a "
                    "changé, ce qui bloque encore.",
                    ("carpentier", "delattre"),
                ),
                Slot("12:00", "13:30", "Déjeuner", pause=True),
                Slot(
                    "13:30",
                    "14:30",
                    "Emprise et séparation : les moments de danger",
                    "Pourquoi la "
                    "séparation est la période la plus dangereuse, et comment l'anticiper avec la "
                    "victime.",
                    ("haddad",),
                ),
                Slot(
                    "14:30",
                    "15:30",
                    "Prévenir dès l'enfance : compétences psychosociales et consentement",
                    "Retour sur les formations interinstitutionnelles menées dans trois territoires.",
                    ("deschamps",),
                ),
                Slot("15:30", "15:45", "Pause", pause=True),
                Slot(
                    "15:45",
                    "16:30",
                    "Le réseau en 2027 : bilan et perspectives",
                    "Résultats de "
                    "l'enquête auprès des référents et premières pistes pour la prochaine feuille de "
                    "route.",
                    ("benali", "lemaire"),
                ),
                Slot("16:30", "16:45", "Clôture"),
            ),
            session=S(
                0,
                place=(SEMINAR_VENUE, SEMINAR_ADDRESS),
                territory=T.METROPOLE_LILLE,
                starts="08:45",
                ends="16:45",
                capacity=150,
                closes_before=3,
                people=("referent", "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"),
            ),
            registration_notes="Ouvert aux référents VIF, à l'encadrement des services et aux "
            "partenaires du réseau. Déjeuner offert sur place.",
        ),
        Seminar(
            slug="seminaire-annuel-des-referents-vif-2025",
            title="Séminaire annuel des référents VIF 2025",
            date=datetime.date(2025, 12, 11),
            intro="Le premier séminaire du réseau des référents VIF : repérage systématique, "
            "enfants exposés et travail en réseau. Supports et enregistrements disponibles.",
            programme=(
                Slot("09:00", "09:30", "Accueil des participants", pause=True),
                Slot(
                    "09:30",
                    "10:00",
                    "Ouverture : la feuille de route VIF 2023-2026",
                    "",
                    ("dufour", "benali"),
                ),
                Slot(
                    "10:00",
                    "11:00",
                    "Le repérage systématique : retour des services pilotes",
                    "PMI, centres de santé sexuelle et CeGIDD de trois territoires.",
                    ("benali",),
                ),
                Slot("11:00", "11:15", "Pause", pause=True),
                Slot(
                    "11:15",
                    "12:30",
                    "Les enfants exposés aux violences conjugales : état des connaissances",
                    "",
                    ("vasseur",),
                ),
                Slot("12:30", "14:00", "Déjeuner", pause=True),
                Slot(
                    "14:00",
                    "16:00",
                    "Ateliers : travailler en réseau sur son territoire",
                    "",
                    ("haddad", "delattre"),
                ),
            ),
            session=S(
                0,
                place=(SEMINAR_VENUE, SEMINAR_ADDRESS),
                territory=T.METROPOLE_LILLE,
                starts="09:00",
                ends="16:00",
                capacity=150,
                people=("referent", "r0", "r1", "!r2", "r3", "r4", "r5", "r8", "!r9", "r10", "r11"),
            ),
            materials="replays",
        ),
        Seminar(
            slug="journee-d-etude-violences-conjugales-et-handicap",
            title="Journée d'étude : violences conjugales et handicap",
            date=datetime.date(2026, 6, 18),
            venue="Maison de l'autonomie, Douai",
            address="Rue d'Esquerchin, 59500 Douai",
            intro="Les femmes en situation de handicap sont plus exposées aux violences et moins "
            "repérées. Une journée pour adapter l'accueil, l'écoute et l'orientation.",
            programme=(
                Slot("09:30", "10:30", "Handicap et violences : ce que disent les études", "", ("lemaire",)),
                Slot("10:30", "10:45", "Pause", pause=True),
                Slot(
                    "10:45",
                    "12:15",
                    "Accueillir une victime en situation de handicap",
                    "",
                    ("haddad", "deschamps"),
                ),
            ),
            session=S(
                0,
                place=("Maison de l'autonomie", "Rue d'Esquerchin, 59500 Douai"),
                territory=T.DOUAISIS,
                starts="09:30",
                ends="12:15",
                capacity=80,
                people=("r2", "r5", "!r10", "professionnel"),
            ),
            materials="pending",
        ),
    ]


# --- Building ------------------------------------------------------------------------------


def christmas_break(day):
    return (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 3)


def working_day(day, length, forward):
    """Move ``day`` so that a session of ``length`` days (up to a week) avoids weekends and
    the Christmas break."""
    if length > 5:
        length = 1
    step = datetime.timedelta(days=1 if forward else -1)
    last = datetime.timedelta(days=length - 1)
    while day.weekday() + length - 1 > 4 or christmas_break(day) or christmas_break(day + last):
        day += step
    return day


def make_session(spec, order, slug, registration_url, today, day=None):
    if day is None:
        day = working_day(today + datetime.timedelta(days=spec.in_days), spec.days, spec.in_days >= 0)
    starts_at = aware(day, spec.starts)
    ends_at = aware(day + datetime.timedelta(days=spec.days - 1), spec.ends)
    place, address = spec.place or ("", "")
    session = Session(
        sort_order=order,
        label=spec.label,
        starts_at=starts_at,
        ends_at=ends_at,
        online=spec.online,
        place="" if spec.online else place,
        address="" if spec.online else address,
        territory=spec.territory,
        capacity=spec.capacity,
        registration_mode=spec.mode,
        external_registration_url=registration_url if spec.mode == EXTERNAL else "",
        join_url=f"https://visio.exemple.fr/odpe/{slug}-{day:%Y%m%d}" if spec.online else "",
    )
    if spec.opens_in is not None:
        session.registration_opens_at = aware(today + datetime.timedelta(days=spec.opens_in), "09:00")
    if spec.closes_before is not None:
        session.registration_deadline = aware(day - datetime.timedelta(days=spec.closes_before), "23:59")
    return session


class People:
    """The demo accounts by their short name, fetched once; a missing account is skipped."""

    def __init__(self):
        self._users = None

    def get(self, name):
        if self._users is None:
            demo = {
                user.email.split("@")[0]: user for user in User.objects.filter(email__endswith="@exemple.fr")
            }
            self._users = {
                name: demo[name] for name in ("referent", "professionnel", "editeur") if name in demo
            }
            referents = (
                User.objects.filter(groups__name=REFERENTS_GROUP)
                .exclude(email="referent@exemple.fr")
                .order_by("pk")
            )
            for index, user in enumerate(referents[:12]):
                self._users[f"r{index}"] = user
        return self._users.get(name)


def register_people(session, spec, people):
    """Registrations of ``spec.people`` to ``session`` (saved), following the spec's rules."""
    now = timezone.now()
    if session.starts_at <= now:
        rows = []
        for offset, name in enumerate(spec.people):
            user = people.get(name.lstrip("!"))
            if user is None:
                continue
            rows.append(
                Registration(
                    session=session,
                    user=user,
                    status=Registration.Status.CONFIRMED,
                    attendance=Registration.Attendance.ABSENT
                    if name.startswith("!")
                    else Registration.Attendance.PRESENT,
                    service=user.service,
                    territory=user.territory,
                    created_at=session.starts_at
                    - datetime.timedelta(days=30)
                    + datetime.timedelta(hours=offset),
                    decided_at=session.starts_at - datetime.timedelta(days=20)
                    if session.registration_mode == VALIDATION
                    else None,
                )
            )
        Registration.objects.bulk_create(rows)
        return
    if session.registration_state(now) != "open":
        return
    registered = {}
    for name in spec.people:
        user = people.get(name)
        if user is not None:
            registered[name] = registration_service.register(user, session.pk)
    for names, accept in ((spec.accept, True), (spec.refuse, False)):
        for name in names:
            if name in registered:
                registration_service.decide(registered[name].pk, accept)


def build_training(catalog, spec, providers, terms, today, people):
    sessions = [
        make_session(session, order, spec.slug, spec.registration_url, today)
        for order, session in enumerate(spec.sessions)
    ]
    page = ensure_page(
        catalog,
        TrainingPage,
        spec.slug,
        title=spec.title,
        intro=spec.intro,
        provider=providers[spec.provider],
        objectives=bullets(*spec.objectives),
        programme=stream(*spec.programme),
        themes=[terms.themes[slug] for slug in spec.themes if slug in terms.themes],
        audiences=[terms.audiences[slug] for slug in spec.audiences if slug in terms.audiences],
        prerequisites=spec.prerequisites,
        duration_hours=spec.hours,
        duration_days=spec.days,
        format=spec.format,
        cost=spec.cost,
        funded_by_department=spec.funded,
        certificate=spec.certificate,
        registration_notes=spec.registration_notes,
        related_resources=[terms.resources[slug] for slug in spec.related if slug in terms.resources],
        sessions=sessions,
    )
    for session, session_spec in zip(
        Session.objects.filter(page_id=page.pk).order_by("sort_order"), spec.sessions, strict=True
    ):
        register_people(session, session_spec, people)
    return page


def programme_blocks(slots, speakers):
    blocks = []
    for slot in slots:
        value = {"starts": f"{slot.starts}:00", "ends": f"{slot.ends}:00", "title": slot.title}
        if slot.pause:
            blocks.append(("pause", value))
        else:
            value["description"] = rich(slot.description) if slot.description else ""
            value["speakers"] = [speakers[key].pk for key in slot.speakers]
            blocks.append(("slot", value))
    return blocks


def materials_blocks(spec, terms):
    if not spec.materials:
        return []
    if spec.materials == "replays":
        blocks = [
            para(
                "Merci aux 120 participants. Les diaporamas des intervenants et les enregistrements "
                "de la matinée sont à votre disposition ; les ateliers de l'après-midi n'ont pas été "
                "enregistrés.",
            )
        ]
        for slug, title in (
            (
                "enfants-exposes-etat-des-connaissances",
                "Diaporama — Les enfants exposés aux violences conjugales",
            ),
            (
                "questionnaire-de-reperage-systematique",
                "Support — Le repérage systématique dans les services pilotes",
            ),
        ):
            document = terms.document(slug)
            if document is not None:
                blocks.append(("document", {"document": document.pk, "title": title}))
        blocks.append(
            para(
                "Les enregistrements de l'ouverture et des deux conférences sont publiés dans la "
                'rubrique <a href="/webinaires/">Webinaires</a>, sous-titrés et transcrits.'
            )
        )
        return blocks
    return [
        para(
            "Les supports des interventions seront publiés ici après relecture par les intervenants. "
            "Une synthèse des échanges est disponible dans la boîte à outils des référents."
        )
    ]


def build_seminar(index, spec, speakers, terms, today, people):
    session = make_session(spec.session, 0, spec.slug, "", today, day=spec.date)
    page = ensure_page(
        index,
        SeminarPage,
        spec.slug,
        title=spec.title,
        intro=spec.intro,
        date=spec.date,
        venue=spec.venue,
        address=spec.address,
        programme=stream(*programme_blocks(spec.programme, speakers)),
        materials=stream(*materials_blocks(spec, terms)),
        registration_notes=spec.registration_notes,
        sessions=[session],
    )
    register_people(Session.objects.get(page_id=page.pk), spec.session, people)
    return page


def build():
    home = get_home_page()
    catalog = ensure_page(
        home,
        TrainingCatalogPage,
        "formations",
        title="Formations",
        intro="Les formations sur les violences intrafamiliales ouvertes aux professionnels du "
        "Département : DU Violences conjugales, SOLFA, CIDFF, Planning familial 59, colloques.",
    )
    seminar_index = ensure_page(
        home,
        SeminarIndexPage,
        "seminaires",
        title="Séminaires",
        intro="Le séminaire annuel du réseau des référents VIF et les journées d'étude : "
        "programmes, intervenants, supports et replays.",
    )

    today = timezone.localdate()
    existing_trainings = set(catalog.get_children().values_list("slug", flat=True))
    existing_seminars = set(seminar_index.get_children().values_list("slug", flat=True))
    missing_trainings = [spec for spec in TRAININGS if spec.slug not in existing_trainings]
    missing_seminars = [spec for spec in seminars(today) if spec.slug not in existing_seminars]
    if not missing_trainings and not missing_seminars:
        return catalog, seminar_index

    terms, people = Terms(), People()
    with registration_service.notifications_muted():
        if missing_trainings:
            providers = {provider.name: provider for provider in Provider.objects.all()}
            for spec in missing_trainings:
                if spec.provider in providers:
                    build_training(catalog, spec, providers, terms, today, people)
        if missing_seminars:
            speakers = ensure_speakers()
            for spec in missing_seminars:
                build_seminar(seminar_index, spec, speakers, terms, today, people)
    return catalog, seminar_index
