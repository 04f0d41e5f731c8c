"""Registering, cancelling, deciding: the rules, in one place, each in a transaction that
holds a row lock on the session so that capacity is never exceeded, even when many people
register at the same instant (PostgreSQL: SELECT … FOR UPDATE; SQLite: the IMMEDIATE
transactions configured in settings serialise writers)."""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from .models import Registration, Session
from .tasks import enqueue_registration_email

Status = Registration.Status


class RegistrationError(Exception):
    """A refusal with a French message for the person concerned, and the HTTP status that
    answers it (404: nothing of theirs here; 409: not possible in the current state)."""

    def __init__(self, message, status=409):
        super().__init__(message)
        self.message = message
        self.status = status


def _locked_session(session_id):
    try:
        return Session.objects.select_for_update().get(pk=session_id)
    except (Session.DoesNotExist, ValueError, TypeError) as error:
        raise RegistrationError("Cette session n'existe pas ou n'est plus proposée.") from error


def _confirmed_count(session):
    return session.registrations.filter(status=Status.CONFIRMED).count()


_muted = threading.local()


@contextmanager
def notifications_muted():
    """No e-mail for the registrations made inside (demo content, imports of past data)."""
    _muted.active = True
    try:
        yield
    finally:
        _muted.active = False


def _notify(registration, kind):
    if getattr(_muted, "active", False):
        return
    # A background task, enqueued on commit (trainings/tasks.py): a mail server failure never
    # turns a saved registration into a 500, and the request does not wait for the mail.
    enqueue_registration_email(registration, kind)


def register(user, session_id):
    """Register ``user``: confirmed while places remain, otherwise on the waiting list;
    "on validation" sessions wait for an editor's decision."""
    with transaction.atomic():
        session = _locked_session(session_id)
        state = session.registration_state()
        if state == "external":
            raise RegistrationError(
                "L'inscription à cette session se fait directement auprès de l'organisme."
            )
        if state == "past":
            raise RegistrationError("Cette session a déjà commencé : il n'est plus possible de s'y inscrire.")
        if state == "not_yet":
            opening = date_format(timezone.localtime(session.registration_opens_at), "j F Y à H\\hi")
            raise RegistrationError(f"Les inscriptions à cette session ouvriront le {opening}.")
        if state == "closed":
            deadline = date_format(timezone.localtime(session.registration_deadline), "j F Y à H\\hi")
            raise RegistrationError(f"Les inscriptions à cette session sont closes depuis le {deadline}.")

        registration = Registration.objects.filter(session=session, user=user).first()
        if registration is not None and registration.is_active:
            raise RegistrationError("Vous êtes déjà inscrit·e à cette session.")

        if session.registration_mode == Session.Mode.VALIDATION:
            status = Status.PENDING
        elif session.capacity is None or _confirmed_count(session) < session.capacity:
            status = Status.CONFIRMED
        else:
            status = Status.WAITING

        if registration is None:
            registration = Registration(session=session, user=user)
        registration.status = status
        registration.attendance = ""
        registration.created_at = timezone.now()  # a comeback queues at the end
        registration.decided_at = None
        registration.service = user.service
        registration.territory = user.territory
        registration.save()
        _notify(
            registration,
            {Status.CONFIRMED: "confirmed", Status.WAITING: "waiting", Status.PENDING: "pending"}[status],
        )
    return registration


NOT_YOURS = "Cette inscription n'existe pas ou ne vous appartient pas."


def _check_cancellable(registration, user, session, by_staff=False):
    if registration is None or (not by_staff and registration.user_id != user.pk):
        raise RegistrationError(NOT_YOURS, status=404)
    if not registration.is_active:
        raise RegistrationError("Cette inscription est déjà annulée ou n'a pas été retenue.")
    if session.is_past and not by_staff:
        raise RegistrationError("La session a commencé : l'inscription ne peut plus être annulée en ligne.")


def cancellable_registration(registration_id, user):
    """The registration ``user`` may cancel now (for the confirmation page), or the
    ``RegistrationError`` that ``cancel`` would raise."""
    registration = (
        Registration.objects.filter(pk=registration_id, user=user).select_related("session__page").first()
    )
    _check_cancellable(registration, user, registration.session if registration else None)
    return registration


def waiting_rank(registration):
    """1 for the first person waiting (the next promoted), None when not waiting; the order
    of ``fill_from_waiting_list``."""
    if registration.status != Status.WAITING:
        return None
    ahead = registration.session.registrations.filter(status=Status.WAITING).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def cancel(registration_id, user, by_staff=False):
    """Cancel a registration (its owner, until the session starts; or an editor)."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update()
            .filter(pk=registration_id)
            .select_related("session")
            .first()
        )
        if registration is None or (not by_staff and registration.user_id != user.pk):
            raise RegistrationError(NOT_YOURS, status=404)
        session = _locked_session(registration.session_id)
        _check_cancellable(registration, user, session, by_staff=by_staff)
        freed_place = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.attendance = ""
        registration.save(update_fields=["status", "attendance", "updated_at"])
        _notify(registration, "cancelled")
        if freed_place:
            fill_from_waiting_list(session)
    return registration


def fill_from_waiting_list(session):
    """Promote the first people waiting while places are free (call with the session locked)."""
    promoted = []
    if session.is_past:
        return promoted
    waiting = session.registrations.filter(status=Status.WAITING).order_by("created_at", "pk")
    free = None if session.capacity is None else session.capacity - _confirmed_count(session)
    for registration in waiting:
        if free is not None and free <= 0:
            break
        registration.status = Status.CONFIRMED
        registration.decided_at = timezone.now()
        registration.save(update_fields=["status", "decided_at", "updated_at"])
        _notify(registration, "promoted")
        promoted.append(registration)
        if free is not None:
            free -= 1
    return promoted


def decide(registration_id, accept):
    """An editor's decision on a request. Accepting confirms it while places remain,
    otherwise it joins the waiting list."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().filter(pk=registration_id).first()
        if registration is None:
            raise RegistrationError("Cette inscription n'existe pas.")
        session = _locked_session(registration.session_id)
        if registration.status not in (Status.PENDING, Status.WAITING):
            raise RegistrationError("Seule une demande en attente peut être acceptée ou refusée.")
        if accept:
            if session.capacity is None or _confirmed_count(session) < session.capacity:
                registration.status = Status.CONFIRMED
                kind = "confirmed"
            elif registration.status == Status.WAITING:
                raise RegistrationError(
                    "La session est toujours complète : la demande reste en liste d'attente."
                )
            else:
                registration.status = Status.WAITING
                kind = "waiting"
        else:
            registration.status = Status.REFUSED
            kind = "refused"
        registration.decided_at = timezone.now()
        registration.save(update_fields=["status", "decided_at", "updated_at"])
        _notify(registration, kind)
    return registration


def mark_attendance(registration_ids, attendance):
    if attendance not in Registration.Attendance.values:
        raise RegistrationError("Valeur de présence inconnue.")
    return Registration.objects.filter(pk__in=registration_ids, status=Status.CONFIRMED).update(
        attendance=attendance, updated_at=timezone.now()
    )
