"""E-mails of the home app as background tasks (django-tasks), like the trainings' e-mails:
the request answers at once and the worker (``manage.py db_worker``) sends the mail."""

from email.utils import formataddr

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string


@task()
def send_contact_message_task(recipient, name, email, subject, message, page_url):
    """The contact form's message to the portal's contact address; "Répondre" answers the
    visitor (Reply-To), the sender stays the portal's address (SPF/DMARC)."""
    body = render_to_string(
        "home/emails/contact_message.txt",
        {"name": name, "email": email, "subject": subject, "message": message, "page_url": page_url},
    )
    mail = EmailMessage(
        subject=f"[Portail VIF Nord] Contact : {subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        reply_to=[formataddr((name, email))],
    )
    return mail.send() == 1
