"""E-mail alerts: "send me new practices like these" for any list address.

An alert is asked for with an address, a frequency and the list's query string; only the
confirmation e-mail goes out until its link is followed (double opt-in), and unconfirmed
alerts expire after ALERT_CONFIRM_DAYS. Each alert e-mail lists only the practices
published since the last one that match the saved filters, and carries a one-click
unsubscribe link (RFC 8058). Alerts "at once" are sent by a task queued when a practice is
published; weekly ones by `manage.py send_alert_digests`, which sends an alert at most
once in six days, so a timer that runs it twice sends nothing twice."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal import mail
from portal.listing import Listing

from .filters import PracticeFilter
from .models import Alert, Frequency, ListedPractice

WEEK = timedelta(days=6)  # a weekly timer that runs a little early still sends


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def links(alert):
    """The alert's private pages, in its language."""
    with translation.override(alert.language):
        return {
            "manage_url": absolute(reverse("practices:alert", args=[alert.token])),
            "confirm_url": absolute(reverse("practices:alert-confirm", args=[alert.token])),
            "stop_url": absolute(reverse("practices:alert-stop", args=[alert.token])),
            "list_url": absolute(reverse("practices:list") + f"?{alert.query}"),
        }


def send(alert, template, unsubscribe=True, **context):
    urls = links(alert)
    with translation.override(alert.language):
        text = render_to_string(f"emails/{template}.txt", {**urls, **context})
    subject, _newline, body = text.partition("\n")
    stop = urls["stop_url"] if unsubscribe else ""
    mail.post(subject.strip(), body.strip() + "\n", [alert.email], about=alert,
              unsubscribe_url=stop)  # fmt: skip


def ask(email, query, language, frequency):
    """A new, unconfirmed alert, and its confirmation e-mail."""
    alert = Alert.objects.create(email=email, query=query, language=language, frequency=frequency)
    send(alert, "alert_confirm", unsubscribe=False, days=settings.ALERT_CONFIRM_DAYS)
    return alert


def expired():
    limit = timezone.now() - timedelta(days=settings.ALERT_CONFIRM_DAYS)
    return Alert.objects.filter(confirmed_at=None, created_at__lt=limit)


def confirm(alert):
    """From now on the alert is sent: of practices published after this moment."""
    if alert.confirmed_at is None:
        alert.confirmed_at = alert.covered_until = timezone.now()
        alert.save()


def new_matches(alert, until):
    """The practices published since the alert's last e-mail that match its search."""
    published = ListedPractice.objects.filter(
        published_at__gt=alert.covered_until, published_at__lte=until
    )
    listing = Listing(PracticeFilter, published, QueryDict(alert.query), alert.language)
    return list(listing.filter.practices().newest_first().for_cards())


def send_due(frequency):
    """Send each confirmed alert of `frequency` that is due and has new matches; returns
    how many e-mails were queued."""
    now, sent = timezone.now(), 0
    expired().delete()
    due = Alert.objects.filter(frequency=frequency, confirmed_at__isnull=False)
    if frequency == Frequency.WEEKLY:
        due = due.filter(covered_until__lte=now - WEEK)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():  # one sender an alert, even with several workers
            alert = due.select_for_update(skip_locked=True).filter(pk=pk).first()
            if alert is None:
                continue
            if practices := new_matches(alert, now):
                send(alert, "alert", practices=described(practices, alert.language))
                sent += 1
            alert.covered_until = now
            alert.save(update_fields=["covered_until"])
    return sent


def described(practices, language):
    """(title, address) of each practice, in the alert's language."""
    with translation.override(language):
        return [(p.localized("title").text, absolute(p.get_absolute_url())) for p in practices]


@task
def send_at_once():
    """The alerts that are sent as soon as a practice is published."""
    return send_due(Frequency.AT_ONCE)
