"""The contact page's form handling, and the portal's contact (form address and e-mail)
that the footer, the error pages and the legal pages show."""

import logging

from allauth.core.internal import ratelimit

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from .forms import HONEYPOT_FIELD, SUBJECTS, ContactForm, SpamSuspected, new_token

logger = logging.getLogger(__name__)

SUBJECT_LABELS = dict(SUBJECTS)


def render_form(page, request, form, status=200, error=None):
    response = TemplateResponse(
        request,
        page.get_template(request),
        {
            **page.get_context(request),
            "form": form,
            "honeypot_field": HONEYPOT_FIELD,
            "form_error": error,
        },
        status=status,
    )
    # The form carries a timestamp and a CSRF token: never kept by a shared cache.
    add_never_cache_headers(response)
    return response


def blank_form(request):
    subject = request.GET.get("objet", "")
    initial = {"token": new_token()}
    if subject in SUBJECT_LABELS:
        initial["subject"] = subject
    return ContactForm(initial=initial)


def with_fresh_token(form):
    """The bound form, its token renewed and its honeypot emptied, so that the visitor can
    send it again once corrected (the fields keep what they typed)."""
    form.data = form.data.copy()
    form.data["token"] = new_token()
    form.data.pop(HONEYPOT_FIELD, None)
    return form


def contact_form_view(page, request, recipient):
    """The contact form of `page`; `recipient()` gives the address messages go to (read only
    when a message is sent)."""
    if request.method != "POST":
        return render_form(page, request, blank_form(request))

    form = ContactForm(request.POST)
    try:
        token_problem = form.check_spam_guard()
    except SpamSuspected as reason:
        logger.info("Formulaire de contact refusé (%s)", reason)
        form.is_valid()
        form.add_error(
            None,
            "Votre message n'a pas été envoyé : il a été envoyé trop vite ou un champ qui doit "
            "rester vide a été rempli, comme le font les robots. Vérifiez votre message, "
            "attendez quelques secondes, puis envoyez-le de nouveau.",
        )
        return render_form(page, request, with_fresh_token(form), status=400)
    if token_problem == "expired":  # noqa: S105 - not a password
        form.is_valid()
        form.add_error(
            None,
            "Le formulaire a été ouvert il y a trop longtemps. Vérifiez votre message, puis "
            "envoyez-le de nouveau.",
        )
        return render_form(page, request, with_fresh_token(form), status=400)
    if not form.is_valid():
        return render_form(page, request, with_fresh_token(form), status=400)

    to = recipient()
    if not to:
        logger.error("Formulaire de contact : aucune adresse de contact dans les réglages du portail")
        form.add_error(
            None,
            "Le formulaire de contact n'est pas encore relié à une adresse : votre message n'a "
            "pas été envoyé. Réessayez plus tard.",
        )
        return render_form(page, request, with_fresh_token(form), status=503)

    data = form.cleaned_data
    usage = ratelimit.consume(
        request,
        app="home.contact",
        action="contact",
        config={"contact": settings.CONTACT_RATE_LIMITS},
        key=data["email"].lower(),
    )
    if usage is None:
        form.add_error(
            None,
            "Vous avez envoyé plusieurs messages en peu de temps : votre message n'a pas été "
            "envoyé. Réessayez dans une heure.",
        )
        return render_form(page, request, with_fresh_token(form), status=429)

    from .tasks import send_contact_message_task

    try:
        send_contact_message_task.enqueue(
            to,
            data["name"],
            data["email"],
            SUBJECT_LABELS[data["subject"]],
            data["message"],
            page.get_full_url(request),
        )
    except Exception:
        logger.exception("Formulaire de contact : le message n'a pas pu être mis en file d'envoi")
        usage.rollback()
        form.add_error(
            None,
            f"Votre message n'a pas pu être envoyé à la suite d'un incident technique. "
            f"Réessayez dans quelques minutes ou écrivez directement à {to}.",
        )
        return render_form(page, request, with_fresh_token(form), status=503)
    return redirect(page.url + page.reverse_subpage("contact_sent"))
