"""The brakes hold under parallel attempts: each attempt is counted before it is let
through, atomically, so that many sent at the same moment cannot slip past together.
(Fifty shares at once against gunicorn: tests/portal/test_faults.py.)"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="parallel requests need connections of their own; SQLite's in-memory test "
        "database is one connection",
    ),
    pytest.mark.django_db(transaction=True),
]


def at_once(count, send):
    """`send(number)` in `count` threads released together; their answers' codes."""
    codes, start = [], threading.Barrier(count)

    def run(number):
        start.wait()
        try:
            codes.append(send(number))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(codes)


def test_forty_wrong_passwords_at_once_are_evaluated_five_times(db, settings):
    settings.ADMIN_LOGIN_ATTEMPTS = 5
    get_user_model().objects.create_user("eda", password="right-password", is_staff=True)

    def guess(number):
        wrong = {"username": "eda", "password": f"guess-{number}"}
        return Client(REMOTE_ADDR="192.0.2.1").post("/admin/login/", wrong).status_code

    assert at_once(40, guess) == [200] * 5 + [429] * 35
    right = {"username": "eda", "password": "right-password"}
    assert Client(REMOTE_ADDR="192.0.2.2").post("/admin/login/", right).status_code == 302
