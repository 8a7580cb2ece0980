"""A share form being filled in, step by step: what each step received is kept in the
person's session (in the database, so a failing cache loses nothing) until the form is
sent; the files attached on the way are Documents of the draft (their `draft` is its
key) until the practice exists. The draft's key is also the form's one-time key: the
same form sent twice is stored once (practices.sharing)."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.forms import ModelMultipleChoiceField, MultipleChoiceField
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import get_language

from .models import Document

SESSION_KEY = "share"
MANY = (MultipleChoiceField, ModelMultipleChoiceField)  # fields that take several values


class Draft:
    def __init__(self, session):
        self.session = session
        self.state = session.get(SESSION_KEY) or {}

    @property
    def key(self):
        """The draft's key (its one-time key too), made with its first step kept."""
        return self.state["key"]

    def has(self, step):
        return step.slug in self.state.get("answers", {})

    def answers(self, step=None):
        """What `step` received (every step's, without one), as a form's data."""
        answers = self.state.get("answers", {})
        kept = [answers.get(step.slug, {})] if step else answers.values()
        return MultiValueDict({name: values for step in kept for name, values in step.items()})

    def keep(self, step, data, checked=True):
        """Keep what the step's fields received (`data`, a POST), valid or not, each
        value cut to its field's size; `checked`: the step was sent to go on, so its
        mistakes are shown when it is shown again. After a form was sent, a step sent
        again starts a new one, in the language of the page."""
        if self.sent_as or not self.state:
            self.state = {"key": str(uuid.uuid4()), "language": get_language()}
        fields = step.form.base_fields if step.form else {}
        received = {name: kept(fields[name], data.getlist(name)) for name in fields if name in data}
        self.state.setdefault("answers", {})[step.slug] = received
        checked_steps = set(self.state.get("checked", [])) - {step.slug}
        self.state["checked"] = sorted(checked_steps | ({step.slug} if checked else set()))
        self.documents().update(kept_at=timezone.now())  # still being written
        self.save()

    def checked(self, step):
        return step.slug in self.state.get("checked", [])

    def initial(self, step):
        """What the step received, as a form's initial values (shown, not checked)."""
        fields = step.form.base_fields
        return {
            name: values if isinstance(fields[name], MANY) else values[-1]
            for name, values in self.answers(step).lists()
            if any(values)
        }

    @property
    def language(self):
        """The language the form was begun in: its texts are written in it."""
        return self.state.get("language", get_language())

    def documents(self):
        """The files attached to the draft, in the order they were attached."""
        if "key" not in self.state:
            return Document.objects.none()
        return Document.objects.filter(draft=self.state["key"], practice=None).order_by("pk")

    def forget(self):
        """Empty the form: its answers and its files (a shared computer's next person
        starts afresh)."""
        for document in self.documents():
            document.delete()
        self.state = {}
        self.save()

    def sent(self, reference):
        """The form was sent: the draft is done. Sent again (a double click, the back
        button), it leads to the same reference."""
        self.state = {"key": self.state["key"], "sent": reference}
        self.save()

    @property
    def sent_as(self):
        return self.state.get("sent")

    def save(self):
        self.session[SESSION_KEY] = self.state


def kept(field, values):
    """What is kept of the values sent for a field: one, unless it takes several, each
    at most one character longer than the field takes (so that it says so)."""
    longest = (getattr(field, "max_length", None) or 200) + 1
    if not isinstance(field, MANY):
        values = values[-1:]
    return [value[:longest] for value in values[:200]]


def forget_unsent(now=None):
    """Delete the files of drafts never sent, once their session has expired: the
    number of files deleted."""
    before = (now or timezone.now()) - timedelta(seconds=settings.SESSION_COOKIE_AGE)
    unsent = Document.objects.filter(practice=None, kept_at__lt=before)
    for document in unsent:
        document.delete()
    return len(unsent)
