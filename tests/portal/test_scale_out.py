"""Two gunicorn app servers on different ports, one PostgreSQL and one Redis: readers,
submitters and an editor may land on either, and everything they do is seen by both."""

import http.cookiejar
import os
import subprocess
import sys
import time
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import pytest
import redis
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from practices.editors import ensure_editors_group
from practices.models import Practice, Status, StatusChange, Submission
from tests.helpers import FRENCH_ANSWERS, csrf_token, share_steps

PORTS = (8141, 8142)


class KeepRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser():
    """A visitor: cookies kept (shared by both servers), redirects reported, not followed."""
    return build_opener(HTTPCookieProcessor(http.cookiejar.CookieJar()), KeepRedirects)


def get(visitor, url):
    try:
        return visitor.open(url).read().decode()
    except HTTPError as answer:
        return answer


def post(visitor, url, form_url, data):
    """Fetch the form (for its CSRF token) and send it: the answer's status."""
    page = get(visitor, form_url)
    token = csrf_token(page)
    body = urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
    try:
        return visitor.open(Request(url, body, headers={"Referer": form_url})).status
    except HTTPError as answer:
        return answer.code


@pytest.fixture
def servers(transactional_db, catalogue, redis_server):
    """Two gunicorn instances on the test database, sharing Redis (database 6)."""
    shared = f"{redis_server}/6"
    redis.Redis.from_url(shared).flushdb()  # no pages, counts or limits from an earlier run
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "VIRTUAL_ENV")}
    env.update(
        DATABASE_URL=url,
        REDIS_URL=shared,
        SECRET_KEY="one-secret-for-every-app-server",
        SHARE_RATE_LIMIT="1000",
        GUNICORN_WORKERS="2",
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn"],
            cwd=settings.BASE_DIR,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in PORTS
    ]
    bases = [f"http://127.0.0.1:{port}" for port in PORTS]
    try:
        for base in bases:
            for _ in range(100):
                try:
                    browser().open(f"{base}/health/")
                    break
                except URLError:
                    time.sleep(0.1)
        yield bases
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="app servers share PostgreSQL, not a SQLite file"
)
def test_two_app_servers_share_everything(servers, settings):
    first, second = servers
    # Submissions through both servers, alternately.
    for number in range(10):
        base = servers[number % 2]
        visitor, answers = browser(), {**FRENCH_ANSWERS, "title": f"Initiative {number}"}

        def step(path, data, visitor=visitor, base=base):
            return post(visitor, f"{base}{path}", f"{base}/fr/share/", data)

        assert share_steps(step, answers) == [302] * 6
    assert Submission.objects.count() == 10

    # Both servers cache the list; an editor logs in on one and publishes on the other.
    list_on = {base: get(browser(), f"{base}/fr/practices/") for base in servers}
    assert all("Initiative 3" not in page for page in list_on.values())
    editor = browser()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # theirs
    user = get_user_model().objects.create_user("eda", password="geheim-123", is_staff=True)
    user.groups.add(ensure_editors_group())
    login = {"username": "eda", "password": "geheim-123", "next": "/admin/"}
    assert post(editor, f"{first}/admin/login/", f"{first}/admin/login/", login) == 302
    practice = Practice.objects.get(title_fr="Initiative 3")
    change = f"{second}/admin/practices/practice/{practice.pk}/change/"
    publish = {"step": "publish", "seen": "submitted", "note": "", "confirmed": "yes"}
    moderate = f"{second}/admin/practices/practice/{practice.pk}/moderate/"
    assert post(editor, moderate, change, publish) == 302  # the session came from the first

    assert Practice.objects.get(pk=practice.pk).status == Status.PUBLISHED
    assert StatusChange.objects.filter(to_status=Status.PUBLISHED).count() == 1
    for base in servers:  # the shared cache knows the list changed
        assert "Initiative 3" in get(browser(), f"{base}/fr/practices/")
