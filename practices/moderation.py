"""The moderation steps of a practice: submit, request changes, publish, reject, archive,
and confirm that a published practice still holds.

Each step is an explicit function that runs in one transaction: it locks the practice's
row, refuses a step that the practice's status does not allow, and records who moved it,
when, from which status to which and why (a StatusChange). An editor acts on the status
they saw: when someone else moved the practice in the meantime, the step is refused with
a message saying so, so of two editors acting at once one wins and the other is told.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import alerts
from .models import Practice, Status, StatusChange


class Refused(Exception):
    """A step that cannot be taken; its message is for the person who tried."""


@dataclass(frozen=True)
class Step:
    label: str
    sources: frozenset
    target: str
    needs_note: bool = False


SUBMIT = Step(
    gettext_lazy("Submit"), frozenset({Status.DRAFT, Status.CHANGES_REQUESTED}), Status.SUBMITTED
)
REQUEST_CHANGES = Step(
    gettext_lazy("Request changes"),
    frozenset({Status.SUBMITTED}),
    Status.CHANGES_REQUESTED,
    needs_note=True,
)
PUBLISH = Step(
    gettext_lazy("Publish"),
    frozenset({Status.DRAFT, Status.SUBMITTED, Status.ARCHIVED}),
    Status.PUBLISHED,
)
REJECT = Step(
    gettext_lazy("Reject"),
    frozenset({Status.SUBMITTED, Status.CHANGES_REQUESTED}),
    Status.REJECTED,
    needs_note=True,
)
ARCHIVE = Step(gettext_lazy("Archive"), frozenset({Status.PUBLISHED}), Status.ARCHIVED)
# Editors confirm that a published practice still holds: recorded like the other steps.
CONFIRM = Step(
    gettext_lazy("Confirm it still holds"), frozenset({Status.PUBLISHED}), Status.PUBLISHED
)


def take(step, practice, *, by=None, note=""):
    """Move `practice` by `step`, as `by` (None: the submitter) saw it; returns the
    StatusChange, or raises Refused. `practice` is brought up to date."""
    note, seen = note.strip(), practice.status
    if step.needs_note and not note:
        raise Refused(_("Write a note: the submitter will read it."))
    with transaction.atomic():
        current = Practice.objects.select_for_update().get(pk=practice.pk)
        if current.status != seen:
            raise Refused(
                _("Someone else changed this practice in the meantime: it is now “%(status)s”.")
                % {"status": Status(current.status).label}
            )
        if current.status not in step.sources:
            raise Refused(
                _("A practice that is “%(status)s” cannot be moved to “%(target)s”.")
                % {"status": Status(current.status).label, "target": Status(step.target).label}
            )
        current.status = step.target
        if step.target == Status.PUBLISHED:
            current.published_at = current.published_at or timezone.now()
            current.checked_at = timezone.now()
        current.save()
        change = StatusChange.objects.create(
            practice=current, by=by, from_status=seen, to_status=step.target, note=note
        )
        if step.target == Status.PUBLISHED and seen != Status.PUBLISHED:
            alerts.send_at_once.enqueue()  # with the step: run once it is committed
    practice.status, practice.published_at = current.status, current.published_at
    practice.checked_at = current.checked_at
    return change


def submit(practice, *, by=None):
    return take(SUBMIT, practice, by=by)


def request_changes(practice, *, by, note):
    return take(REQUEST_CHANGES, practice, by=by, note=note)


def publish(practice, *, by):
    return take(PUBLISH, practice, by=by)


def reject(practice, *, by, reason):
    return take(REJECT, practice, by=by, note=reason)


def archive(practice, *, by):
    return take(ARCHIVE, practice, by=by)


def confirm(practice, *, by, note=""):
    return take(CONFIRM, practice, by=by, note=note)


# The steps editors take in admin, by the name of their button.
EDITOR_STEPS = {
    "request_changes": REQUEST_CHANGES,
    "publish": PUBLISH,
    "reject": REJECT,
    "archive": ARCHIVE,
    "confirm": CONFIRM,
}


def steps_from(status):
    """The editors' steps open to a practice in `status`, by name."""
    return {name: step for name, step in EDITOR_STEPS.items() if status in step.sources}
