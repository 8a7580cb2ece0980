"""A share form being filled in, step by step: what each step received is kept in the
person's session (in the database, so a failing cache loses nothing) until the form is
sent; the files attached on the way are Documents of the draft (their `draft` is its
key) until the practice exists. The draft's key is also the form's one-time key: the
same form sent twice is stored once (practices.sharing)."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from .models import Document

SESSION_KEY = "share"


class Draft:
    def __init__(self, session):
        self.session = session
        self.state = session.get(SESSION_KEY) or {}

    @property
    def key(self):
        """The draft's key, made when it is first asked for."""
        if "key" not in self.state:
            self.state["key"] = str(uuid.uuid4())
            self.save()
        return self.state["key"]

    def has(self, step):
        return step.slug in self.state.get("answers", {})

    def answers(self, step=None):
        """What `step` received (every step's, without one), as a form's data."""
        answers = self.state.get("answers", {})
        kept = [answers.get(step.slug, {})] if step else answers.values()
        return MultiValueDict({name: values for step in kept for name, values in step.items()})

    def keep(self, step, data):
        """Keep what the step's fields received (`data`, a POST), valid or not. After a
        form was sent, a step sent again starts a new one."""
        if self.sent_as:
            self.state = {}
        self.key  # noqa: B018 (made now: the answers belong to a form)
        received = {name: data.getlist(name) for name in step.fields if name in data}
        self.state.setdefault("answers", {})[step.slug] = received
        self.save()

    def documents(self):
        """The files attached to the draft, in the order they were attached."""
        if "key" not in self.state:
            return Document.objects.none()
        return Document.objects.filter(draft=self.state["key"], practice=None).order_by("pk")

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


def forget_unsent(now=None):
    """Delete the files of drafts never sent, once their session has expired: the
    number of files deleted."""
    before = (now or timezone.now()) - timedelta(seconds=settings.SESSION_COOKIE_AGE)
    unsent = Document.objects.filter(practice=None, added_at__lt=before)
    for document in unsent:
        document.delete()
    return len(unsent)
