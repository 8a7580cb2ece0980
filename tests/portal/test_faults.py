"""The faults of production, made real against gunicorn in production mode on
PostgreSQL (the fault suite of docs/testing.md): Redis stopped, paused, full or silent;
a mail server that accepts and never answers, then comes back; the same form sent three
times; fifty shares at once; someone guessing an editor's password; made-up parameters;
hostile bytes and a huge body. Each test says what a person sees and what is stored."""

import http.client
import re
import signal
import socket
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from portal.models import Email
from practices.models import Practice, Status, Submission
from tests import servers
from tests.helpers import FRENCH_ANSWERS, PAGES, PRODUCTION, csrf_token, run, share_steps

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="gunicorn and the worker share the database: PostgreSQL, as in production",
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("as_served"),  # timed: see tests/conftest.py
]
PASSWORD = "geheim-123-editor"


class Visitor:
    """A browser behind the TLS proxy, on loopback from `source`: cookies kept,
    redirects reported, not followed."""

    def __init__(self, port, source="127.0.0.1"):
        self.port, self.source, self.cookies = port, source, {}

    def request(self, method, path, body=None):
        address = ("127.0.0.1", self.port)
        connection = http.client.HTTPConnection(
            *address, timeout=20, source_address=(self.source, 0)
        )
        headers = {"X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://127.0.0.1:{self.port}"
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, value = cookie.split(";")[0].split("=", 1)
            self.cookies[name] = value
        return response.status, text, response.headers

    def get(self, path):
        return self.request("GET", path)

    def form(self, path):
        """The form at `path`: its CSRF token and one-time key (if any)."""
        _status, page, _headers = self.get(path)
        key = re.search(r'name="form_key" value="([^"]+)"', page)
        return {"csrfmiddlewaretoken": csrf_token(page), **({"form_key": key[1]} if key else {})}

    def post(self, path, data, form=None):
        body = urlencode({**self.form(form or path), **data}, doseq=True)
        return self.request("POST", path, body)

    def share(self, answers, send=True):
        """The share form's steps (and, to `send`, "Send"): their answers."""
        token = self.form("/fr/share/")["csrfmiddlewaretoken"]

        def post(path, data):
            body = urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
            return self.request("POST", path, body)

        return share_steps(post, answers, send=send)


def timed(call, *args):
    started = time.monotonic()
    answer = call(*args)
    return answer, time.monotonic() - started


@pytest.fixture
def editor_account(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # theirs
    user = get_user_model().objects.create_user(
        "editor", email="eda@example.org", password=PASSWORD, is_staff=True
    )
    from practices.editors import ensure_editors_group

    user.groups.add(ensure_editors_group())
    return user


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """The static files, collected as a deployment collects them."""
    root = tmp_path_factory.mktemp("static")
    result = run(["collectstatic", "--noinput"], **PRODUCTION, STATIC_ROOT=str(root))
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def portal(transactional_db, catalogue, editor_account, static_root, tmp_path):
    """start(worker=False, **variables): gunicorn in production mode on a spare port
    (and the task worker), with these variables; its port. Stopped after the test; what
    they wrote is in the test's report when it fails."""
    stack = ExitStack()

    def start(worker=False, **variables):
        port = servers.spare_port()
        env = servers.production_env(
            connection.settings_dict,
            GUNICORN_BIND=f"127.0.0.1:{port}",
            FORWARDED_ALLOW_IPS="127.0.0.1,127.0.0.2",
            STATIC_ROOT=str(static_root),
            **{"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": "1", **variables},
        )
        commands = [[sys.executable, "-m", "gunicorn"]]
        if worker:
            commands.append([sys.executable, "manage.py", "db_worker", "--interval", "0.2"])
        stack.enter_context(servers.processes(*commands, env=env, log=tmp_path / "log"))
        for _ in range(200):
            try:
                Visitor(port).get("/health/")
                return port
            except OSError:
                time.sleep(0.05)
        pytest.fail(f"gunicorn did not answer on port {port}")

    with stack:
        yield start
    print((tmp_path / "log").read_text() if (tmp_path / "log").exists() else "")


def arrived(sink, count, within=60):
    """Wait until the sink has `count` messages, then a little longer for any extra."""
    deadline = time.monotonic() + within
    while len(sink.messages) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)
    return sink.messages


def assert_a_person_is_served(port):
    """Every public page, a share, an editor's login and publishing: no 5xx, each page
    within a second."""
    for page in PAGES:
        (status, _text, _headers), seconds = timed(Visitor(port).get, page)
        assert status == 200 and seconds < 1, (page, status, seconds)
    answers, seconds = timed(Visitor(port).share, FRENCH_ANSWERS)
    assert [status for status, _text, _headers in answers] == [302] * 6
    assert seconds < 6 and "/fr/share/sent/" in answers[-1][2]["Location"]
    assert Submission.objects.count() == 1
    editor = Visitor(port)
    login = {"username": "editor", "password": PASSWORD, "next": "/admin/"}
    assert editor.post("/admin/login/", login)[0] == 302
    practice = Practice.objects.get(submission__isnull=False)
    change = f"/admin/practices/practice/{practice.pk}/change/"
    publish = {"step": "publish", "seen": "submitted", "note": "", "confirmed": "yes"}
    moderate = f"/admin/practices/practice/{practice.pk}/moderate/"
    assert editor.post(moderate, publish, form=change)[0] == 302
    assert Practice.objects.get(pk=practice.pk).status == Status.PUBLISHED
    to_submitter = Email.objects.filter(recipients=["marie@example.org"])
    assert to_submitter.count() == 2  # received, then published: both queued
    assert practice.title_fr in Visitor(port).get("/fr/practices/")[1]
    (status, text, _headers), seconds = timed(Visitor(port).get, "/health/")
    assert status == 200 and '"cache": false' in text and seconds < 2


@pytest.mark.parametrize("fault", ["stopped", "paused", "refusing writes"])
def test_redis_failing_while_serving(portal, fault):
    with servers.own_redis() as (redis_port, process, client):
        port = portal(REDIS_URL=f"redis://127.0.0.1:{redis_port}/0")
        for page in PAGES:
            assert Visitor(port).get(page)[0] == 200  # cached while Redis works
        assert client.dbsize() > 0
        if fault == "stopped":
            process.terminate()
            process.wait(timeout=10)
        elif fault == "paused":
            process.send_signal(signal.SIGSTOP)
        else:
            client.flushall()
            client.config_set("maxmemory", "1")
            client.config_set("maxmemory-policy", "noeviction")
        assert_a_person_is_served(port)


def test_redis_that_never_answers(portal):
    with servers.silent_server() as redis_port:
        port = portal(REDIS_URL=f"redis://127.0.0.1:{redis_port}/0")
        assert_a_person_is_served(port)


def share_at_once(port, count):
    """`count` visitors send the share form at the same moment: their answers' codes
    and times."""
    visitors = [Visitor(port) for _ in range(count)]
    for number, visitor in enumerate(visitors):  # the steps, then "Send" all at once
        visitor.share({**FRENCH_ANSWERS, "title": f"Initiative {number}"}, send=False)
    start = threading.Barrier(count)

    def send(number):
        token = {"csrfmiddlewaretoken": visitors[number].cookies["csrftoken"]}
        start.wait()
        return timed(visitors[number].request, "POST", "/fr/share/check/", urlencode(token))

    with ThreadPoolExecutor(count) as pool:
        return [(answer[0], seconds) for answer, seconds in pool.map(send, range(count))]


def test_a_hung_mail_server_holds_no_page_and_every_email_arrives_once(portal):
    mail_port = servers.spare_port()
    with servers.silent_server(mail_port):
        port = portal(
            worker=True, EMAIL_PORT=str(mail_port), EMAIL_TIMEOUT="1",
            EMAIL_RETRY_FIRST="1", EMAIL_RETRY_LONGEST="2", SHARE_RATE_LIMIT="100",
        )  # fmt: skip
        answers = share_at_once(port, 8)
        assert [status for status, _seconds in answers] == [302] * 8
        assert max(seconds for _status, seconds in answers) < 2, answers
        (status, _text, _headers), seconds = timed(Visitor(port).get, "/health/")
        assert status == 200 and seconds < 2
        time.sleep(2)  # the worker tries, and waits for an answer in vain
    assert Submission.objects.count() == 8
    with servers.smtp_sink(mail_port) as sink:
        messages = arrived(sink, 16)
    sent = Counter((message["To"], message["Subject"]) for message in messages)
    assert len(messages) == 16 and set(sent.values()) == {1}
    assert Counter(to for to, _subject in sent) == {"marie@example.org": 8, "eda@example.org": 8}
    assert set(Email.objects.values_list("status", flat=True)) == {Email.Status.SENT}


def test_the_same_form_sent_three_times_is_one_practice_and_one_email(portal):
    with servers.smtp_sink() as sink:
        port = portal(worker=True, EMAIL_PORT=str(sink.server_address[1]))
        visitor = Visitor(port)
        visitor.share(FRENCH_ANSWERS, send=False)
        body = urlencode({"csrfmiddlewaretoken": visitor.cookies["csrftoken"]})
        answers = [visitor.request("POST", "/fr/share/check/", body) for _ in range(3)]
        assert {(status, headers["Location"]) for status, _text, headers in answers} == {
            (302, f"/fr/share/sent/{Submission.objects.get().reference}/")
        }
        messages = arrived(sink, 2)
    assert Practice.objects.filter(title_fr=FRENCH_ANSWERS["title"]).count() == 1
    assert sorted(message["To"] for message in messages) == ["eda@example.org", "marie@example.org"]


def test_limits_hold_and_nobody_locks_an_editor_out(portal):
    with servers.own_redis() as (redis_port, _process, _client):  # shared by the workers
        port = portal(REDIS_URL=f"redis://127.0.0.1:{redis_port}/0")
        limits_hold(port)


def limits_hold(port):
    answers = share_at_once(port, 50)
    assert Counter(status for status, _seconds in answers) == {302: 5, 429: 45}
    assert Submission.objects.count() == 5
    guesser = Visitor(port, source="127.0.0.2")
    wrong = {"username": "EDITOR", "password": "wrong", "next": "/admin/"}
    codes = [guesser.post("/admin/login/", wrong)[0] for _ in range(7)]
    assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
    right = {"username": "editor", "password": PASSWORD, "next": "/admin/"}
    assert Visitor(port).post("/admin/login/", right)[0] == 302


def test_made_up_parameters_add_at_most_one_cache_entry(portal):
    with servers.own_redis() as (redis_port, _process, client):
        port = portal(REDIS_URL=f"redis://127.0.0.1:{redis_port}/0")
        assert Visitor(port).get("/fr/practices/")[0] == 200
        before = client.dbsize()
        with ThreadPoolExecutor(4) as pool:
            paths = [
                f"/fr/practices/?utm_{number}={number}&reach=x{number}" for number in range(500)
            ]
            statuses = set(pool.map(lambda path: Visitor(port).get(path)[0], paths))
        assert statuses == {200}
        assert client.dbsize() - before <= 1


def test_hostile_bytes_and_a_huge_body(portal):
    port = portal()
    editor = Visitor(port)
    login = {"username": "editor", "password": PASSWORD, "next": "/admin/"}
    assert editor.post("/admin/login/", login)[0] == 302
    public = [
        "/fr/practices/%00/", "/fr/practices/?q=%00", "/fr/practices/?domain=%00",
        "/fr/share/?domain=%00", "/fr/share/status/%00/", "/fr/share/sent/%00/",
        "/api/practices/?lang=%00", "/fr/trainings/?q=a%00b",
    ]  # fmt: skip
    admin = [
        "/admin/practices/practice/?q=%00", "/admin/practices/practice/?status__exact=%00",
        "/admin/practices/practice/%00/change/",
        "/admin/autocomplete/?term=%00&app_label=practices&model_name=practice&field_name=similar",
    ]  # fmt: skip
    for path in public:
        assert Visitor(port).get(path)[0] in (200, 400, 404), path
    for path in admin:
        assert editor.get(path)[0] in (200, 302, 400, 403, 404), path
    data = {**FRENCH_ANSWERS, "title": "Nul\x00", "summary": "a\x00b"}
    assert Visitor(port).post("/fr/share/", data)[0] in (400, 302)
    assert not Practice.objects.filter(title_fr__contains="Nul").exists()

    # 50 MB announced: refused before the body is read.
    with socket.create_connection(("127.0.0.1", port)) as raw:
        raw.sendall(
            b"POST /fr/share/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 52428800\r\n\r\n" + b"a" * 65536
        )
        assert raw.recv(64).startswith(b"HTTP/1.1 413")
    assert not Submission.objects.exists()
