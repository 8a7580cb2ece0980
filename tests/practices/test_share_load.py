"""200 initiatives shared at once by 8 clients through a running server: each is stored
exactly once and every client is answered without an error."""

import threading
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import pytest
from django.db import connection

from practices.models import Practice, StatusChange, Submission
from tests.helpers import FRENCH_ANSWERS, csrf_token, share_steps

CLIENTS, EACH = 8, 25


class KeepRedirects(HTTPRedirectHandler):
    """Report a redirect as the answer (HTTPError 302) instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


def share_many(base, client, answers):
    """One client: fetch the form (and its CSRF cookie), then share EACH initiatives,
    step by step."""
    opener = build_opener(HTTPCookieProcessor(CookieJar()), KeepRedirects)
    form = opener.open(f"{base}/fr/share/").read().decode()
    token = csrf_token(form)

    def post(path, data):
        body = urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        try:
            return opener.open(Request(f"{base}{path}", body)).status
        except HTTPError as answer:
            return answer.code

    for number in range(EACH):
        answers.append(
            share_steps(post, {**FRENCH_ANSWERS, "title": f"Initiative {client}-{number}"})
        )


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the claim is about PostgreSQL; SQLite's in-memory test database is one "
    "connection that the live server's threads cannot share",
)
@pytest.mark.django_db(transaction=True)
def test_two_hundred_initiatives_from_eight_clients_are_all_stored_once(
    live_server, catalogue, settings
):
    settings.SHARE_RATE_LIMIT = CLIENTS * EACH  # every client comes from 127.0.0.1
    answers = []
    threads = [
        threading.Thread(target=share_many, args=(live_server.url, client, answers))
        for client in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [[302] * 6] * CLIENTS * EACH
    titles = sorted(Practice.objects.filter(submission__isnull=False).values_list("title_fr"))
    expected = sorted((f"Initiative {c}-{n}",) for c in range(CLIENTS) for n in range(EACH))
    assert titles == expected
    assert Submission.objects.values("reference").distinct().count() == CLIENTS * EACH
    assert StatusChange.objects.count() == CLIENTS * EACH
