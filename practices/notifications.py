"""E-mails about shared initiatives: to the submitter, in their language, and to editors.

Each template's first line is the subject; the rest is the body (plain text). Links are
absolute, made from the request that caused the e-mail. The e-mails are queued (portal.mail)
in the caller's transaction: they leave with what they are about, or not at all."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal import mail

from .editors import EDITORS


def send(template, recipients, **context):
    subject, _newline, body = render_to_string(f"emails/{template}.txt", context).partition("\n")
    mail.post(subject.strip(), body.strip() + "\n", recipients, about=context["submission"])


def editors():
    users = get_user_model().objects.filter(groups__name=EDITORS, is_active=True)
    return list(users.exclude(email="").values_list("email", flat=True))


def tell_submitter(request, template, submission, **context):
    """An e-mail to the submitter in their language, unless their data was erased."""
    if not submission.email:
        return
    practice = submission.practice
    with translation.override(submission.language):
        status = reverse("practices:share-status", args=[submission.token])
        send(
            template,
            [submission.email],
            submission=submission,
            title=practice.text_in("title", submission.language),
            status_url=request.build_absolute_uri(status),
            public_url=request.build_absolute_uri(practice.get_absolute_url()),
            **context,
        )


def tell_editors(request, template, submission):
    recipients = editors()
    if not recipients:
        return
    practice = submission.practice
    change = reverse("admin:practices_practice_change", args=[practice.pk])
    with translation.override(settings.LANGUAGE_CODE):
        send(
            template,
            recipients,
            submission=submission,
            title=practice.text_in("title", practice.language),
            admin_url=request.build_absolute_uri(change),
        )
