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
from dataclasses import dataclass, replace

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
    organisation,
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
    venue: str = ""
    address: str = ""


# The catalogue itself, in French, is data: demo/content/trainings.yaml.
TRAININGS = [
    replace(training, provider=organisation(training.provider))
    for training in specs(Training, content("trainings")["trainings"], sessions=S)
]


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def relative_date(spec, today):
    """A date from ``{in_days | days_ago, weekday?, latest_year?, otherwise?}``: moved to the
    weekday (forward for an upcoming date, back for a past one); past ``latest_year``, the
    fixed date ``otherwise``."""
    forward = "in_days" in spec
    day = today + datetime.timedelta(days=spec["in_days"] if forward else -spec["days_ago"])
    if "weekday" in spec:
        target = WEEKDAYS.index(spec["weekday"])
        day += datetime.timedelta(
            days=(target - day.weekday()) % 7 if forward else -((day.weekday() - target) % 7)
        )
    if "latest_year" in spec and day.year > spec["latest_year"]:
        return spec["otherwise"]
    return day


def seminars(today):
    """The seminars of demo/content/seminars.yaml, their dates resolved from ``today``."""
    return [
        Seminar(
            **{
                **data,
                "date": relative_date(data["date"], today),
                "programme": tuple(specs(Slot, data["programme"])),
                "session": specs(S, [{"in_days": 0, **data["session"]}])[0],
            }
        )
        for data in ({**content("seminars")["place"], **data} for data in content("seminars")["seminars"])
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
    text = content("seminars")["materials"][spec.materials]
    if isinstance(text, str):
        return [para(text)]
    blocks = [para(text["before"])]
    for item in text["documents"]:
        document = terms.document(item["resource"])
        if document is not None:
            blocks.append(("document", {"document": document.pk, "title": item["title"]}))
    return [*blocks, para(text["after"])]


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
        **content("trainings")["catalogue"],
    )
    seminar_index = ensure_page(
        home,
        SeminarIndexPage,
        "seminaires",
        **content("seminars")["index"],
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
