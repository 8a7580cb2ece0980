"""Share forms filled in up to "Send", each in a session of its own, for the load test
(bench/load.py): COUNT sessions whose drafts hold bench.mix.ANSWERS, titled TITLE and a
number. Prints their session keys, one a line. Run with the app servers' SECRET_KEY."""

from datetime import timedelta

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.http import QueryDict
from django.utils import timezone
from django.utils.crypto import get_random_string

from bench.mix import ANSWERS
from practices.drafts import Draft
from practices.forms import STEPS

KEY_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


class Command(BaseCommand):
    help = "Make COUNT sessions holding a share form ready to send; print their keys."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("title")

    def handle(self, count, title, **options):
        store, expires = SessionStore(), timezone.now() + timedelta(days=1)
        sessions = [
            Session(
                session_key=get_random_string(32, KEY_CHARACTERS),
                session_data=store.encode(filled_in(f"{title}{number}")),
                expire_date=expires,
            )
            for number in range(count)
        ]
        Session.objects.bulk_create(sessions, batch_size=1000)
        self.stdout.write("\n".join(session.session_key for session in sessions))


def filled_in(title):
    """A session's data: a draft whose every step holds the answers."""
    answers = QueryDict(mutable=True)
    for name, value in {**ANSWERS, "title": title}.items():
        answers.setlist(name, value if isinstance(value, list) else [value])
    session = {}
    draft = Draft(session)
    for step in STEPS:
        draft.keep(step, answers)
    return session
