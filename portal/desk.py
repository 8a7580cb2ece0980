"""The editors' desk on admin's front page: what waits on whom, each with a link to the
list it counts. Each catalogue adds its own items (`register`); the portal adds the
e-mails that could not be sent."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

SOURCES = []  # callables that give a list of Items: all, or a translator's (`languages`)


@dataclass
class Item:
    label: str
    count: int
    url: str
    detail: str = ""  # "the oldest has waited 12 days"
    language: str = ""  # of a translation waiting: its language's name, shown as a grid
    state: str = ""  # … and what it waits for (missing, out of date, to check)


def register(source):
    SOURCES.append(source)
    return source


def items(languages=None):
    """The catalogues' rows first, then the portal's own. A translator's desk (their
    `languages`) has only the translations waiting in those languages."""
    if languages is not None:
        return [item for source in SOURCES for item in source(languages)]
    return [item for source in SOURCES for item in source()] + unsent_emails()


def unsent_emails():
    from .models import Email

    count = Email.objects.filter(status=Email.Status.FAILED).count()
    url = reverse("admin:portal_email_changelist") + f"?status__exact={Email.Status.FAILED}"
    return [Item(_("E-mails that could not be sent"), count, url)]
