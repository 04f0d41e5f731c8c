"""Training catalogue, seminars, dated sessions and registrations.

Sessions belong to an ``EventPage`` (a training, a seminar, later a live webinar), so the
registration machinery is written once. Registrations are transactional records managed in
the back office (wagtail-modeladmin); capacity is enforced under a row lock on the session."""

from .pages import EventPage, SeminarIndexPage, SeminarPage, TrainingCatalogPage, TrainingPage  # noqa: F401
from .registrations import Registration  # noqa: F401
from .sessions import Session, SessionQuerySet  # noqa: F401
from .snippets import Provider, Speaker  # noqa: F401

__all__ = [
    "Provider",
    "Speaker",
    "EventPage",
    "TrainingCatalogPage",
    "TrainingPage",
    "SeminarIndexPage",
    "SeminarPage",
    "SessionQuerySet",
    "Session",
    "Registration",
]
