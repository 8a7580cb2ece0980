"""The editors' desk on admin's front page: what waits on whom, each with a link to the
list it counts. Each catalogue adds its own items (`register`); the portal adds the
e-mails that could not be sent."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .tracking import WAITING, State, waiting

SOURCES = []  # callables that give a list of Items: all, or a translator's (`languages`)


@dataclass
class Item:
    label: str
    count: int
    url: str
    detail: str = ""  # "the oldest has waited 12 days"
    language: str = ""  # of a translation waiting: its language's name, shown as a grid
    state: str = ""  # … what it waits for (missing, out of date, to check)
    grid: str = ""  # … and the grid's caption: what is translated


def register(source):
    SOURCES.append(source)
    return source


def items(languages=None):
    """The catalogues' rows first, then the portal's own. A translator's desk (their
    `languages`) has only the translations waiting in those languages."""
    if languages is not None:
        return [item for source in SOURCES for item in source(languages)]
    return [item for source in SOURCES for item in source()] + unsent_emails()


LABELS = {
    State.MISSING: _("Translations missing in %(language)s"),
    State.OUT_OF_DATE: _("Translations out of date in %(language)s"),
    State.MACHINE: _("Machine translations to check in %(language)s"),
}


def translations(grid, published, url, languages=None):
    """A grid: for each language (of `languages`), how many of the `published` content
    have their translation into it missing, out of date, or made by a machine and not
    checked yet (portal.tracking.waiting); each count links to the list at `url` (the
    address of the published content's list) filtered to it."""
    shown = [
        (code, name) for code, name in settings.LANGUAGES if languages is None or code in languages
    ]
    counts = waiting(published, [code for code, _name in shown])
    return [
        Item(
            LABELS[state] % {"language": name},
            counts[state, code],
            f"{url}{'&' if '?' in url else '?'}translation={state.value}:{code}",
            language=name,
            state=state.label,
            grid=grid,
        )
        for code, name in shown
        for state in WAITING
    ]


def unsent_emails():
    from .models import Email

    count = Email.objects.filter(status=Email.Status.FAILED).count()
    url = reverse("admin:portal_email_changelist") + f"?status__exact={Email.Status.FAILED}"
    return [Item(_("E-mails that could not be sent"), count, url)]
