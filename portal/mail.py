"""E-mail through the task queue (django.tasks, stored in the database by django-tasks-db).

`post` writes the e-mail and its task in one transaction: the worker (`manage.py
db_worker`) sees both only once that transaction is committed, and never one without the
other. The worker sends each e-mail once. A mail server that refuses or does not answer
(EMAIL_TIMEOUT) is tried again, first after EMAIL_RETRY_FIRST seconds, then after twice as
long each time (at most EMAIL_RETRY_LONGEST), for EMAIL_RETRY_FOR seconds; then the e-mail
is given up, logged and listed for editors in admin, who may send it again."""

import logging
from datetime import timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Min, Q
from django.tasks import task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from .models import Email

logger = logging.getLogger(__name__)


def post(subject, body, recipients, about=None, reply_to="", key=None, unsubscribe_url=""):
    """Queue an e-mail; the worker sends it. With the `key` of an e-mail queued before
    (the same form sent again), nothing new: that e-mail is returned."""
    try:
        with transaction.atomic():
            email = Email.objects.create(
                subject=subject, body=body, recipients=list(recipients), about=about,
                reply_to=reply_to, key=key, unsubscribe_url=unsubscribe_url,
            )  # fmt: skip
            deliver.enqueue(email.pk)
    except IntegrityError:
        return Email.objects.get(key=key)
    return email


def send_again(emails):
    """Queue e-mails that were given up once more, with a fresh day of attempts."""
    with transaction.atomic():
        again = list(emails.filter(status=Email.Status.FAILED).select_for_update())
        for email in again:
            email.status, email.next_attempt_at = Email.Status.WAITING, None
            email.queued_at = timezone.now()
            email.save()
            deliver.enqueue(email.pk)
    return len(again)


@task
def deliver(email_id):
    """Send one waiting e-mail. It is taken (waiting → being sent) by one worker only;
    sent, given up, erased or taken already, there is nothing to do."""
    taken = Email.objects.filter(pk=email_id, status=Email.Status.WAITING).update(
        status=Email.Status.SENDING
    )
    if not taken:
        return
    email = Email.objects.get(pk=email_id)
    try:
        EmailMessage(
            email.subject, email.body, to=email.recipients, headers=headers(email),
            reply_to=[email.reply_to] if email.reply_to else None,
        ).send()  # fmt: skip
    except (SMTPException, OSError) as error:
        failed(email, error)
    else:
        # Sent: its text (a private link, a reader's message) is no longer kept.
        email.status, email.sent_at, email.body = Email.Status.SENT, timezone.now(), ""
        email.next_attempt_at = None
        email.attempts += 1
        email.save()


def headers(email):
    """One-click unsubscribe (RFC 8058) for e-mails one can stop."""
    if not email.unsubscribe_url:
        return {}
    return {
        "List-Unsubscribe": f"<{email.unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def failed(email, error):
    """Try again later, or give up once EMAIL_RETRY_FOR has passed since it was queued."""
    now = timezone.now()
    email.attempts += 1
    email.last_error = f"{type(error).__name__}: {error}"[:1000]
    if now - email.queued_at >= timedelta(seconds=settings.EMAIL_RETRY_FOR):
        email.status, email.next_attempt_at = Email.Status.FAILED, None
        email.save()
        logger.error("E-mail %s given up after %d attempts: %s", email.pk, email.attempts, error)
        return
    tries = email.attempts - 1
    wait = min(settings.EMAIL_RETRY_FIRST * 2**tries, settings.EMAIL_RETRY_LONGEST)
    email.status, email.next_attempt_at = Email.Status.WAITING, now + timedelta(seconds=wait)
    with transaction.atomic():
        email.save()
        deliver.using(run_after=email.next_attempt_at).enqueue(email.pk)
    logger.warning("E-mail %s not sent (attempt %d), again in %d s: %s",
                   email.pk, email.attempts, wait, error)  # fmt: skip


def oldest_waiting_task():
    """Seconds the longest-waiting task that is due has waited, 0 with none."""
    now = timezone.now()
    due = DBTaskResult.objects.ready().aggregate(
        queued=Min("enqueued_at", filter=Q(run_after=get_date_max())),
        deferred=Min("run_after", filter=Q(run_after__lte=now)),
    )
    since = [moment for moment in (due["queued"], due["deferred"]) if moment]
    return round((now - min(since)).total_seconds()) if since else 0
