"""Settings read from the environment: strictly, and into the right e-mail backend (in a
fresh interpreter each)."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_choice, env_int, env_str
from portal.settings import database_from_url
from tests.helpers import run

SHOW_MAILER = (
    "import json, django; django.setup(); from django.core import mail; "
    "m = mail.mailers['default']; "
    "print(json.dumps([type(m).__module__, getattr(m, 'host', None), getattr(m, 'port', None),"
    " getattr(m, 'username', None), getattr(m, 'password', None), getattr(m, 'use_tls', None),"
    " getattr(m, 'timeout', None)]))"
)


def mailer_with(**variables):
    started = run(SHOW_MAILER, **variables)
    assert started.returncode == 0, started.stderr
    return json.loads(started.stdout)


def test_email_goes_to_the_console_unless_an_smtp_host_is_set():
    assert mailer_with()[0] == "portal.console"  # bodies printed as they read


def test_an_smtp_host_sends_through_smtp_with_its_login(tmp_path):
    secret = tmp_path / "password"
    secret.write_text("s3cret\n")
    found = mailer_with(
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="465",
        EMAIL_HOST_USER="portal",
        EMAIL_HOST_PASSWORD_FILE=str(secret),
        EMAIL_USE_TLS="false",
        EMAIL_TIMEOUT="7",
    )
    assert found == [
        "django.core.mail.backends.smtp",
        "smtp.example.org",
        465,
        "portal",
        "s3cret",
        False,
        7,  # a mail server that never answers is given up after 7 s
    ]


def test_postgresql_is_given_up_when_it_does_not_answer():
    database = database_from_url("postgres://portal@127.0.0.1:5432/portal")
    assert database["OPTIONS"]["connect_timeout"] == 5


@pytest.mark.parametrize(
    ("read", "value"),
    [
        (lambda name: env_bool(name, True), "maybe"),
        (lambda name: env_int(name, 5), "five"),
        (lambda name: env_int(name, 5), "-1"),
        (lambda name: env_choice(name, "development", ["development", "production"]), "prod"),
        (lambda name: env_choice(name, "INFO", ["DEBUG", "INFO", "WARNING", "ERROR"]), "info"),
    ],
)
def test_a_misspelt_variable_is_refused_by_name(monkeypatch, read, value):
    """As healthchecks' envbool: a typo never silently means the default."""
    monkeypatch.setenv("PORTAL_TEST_VARIABLE", value)
    with pytest.raises(ImproperlyConfigured, match=f"PORTAL_TEST_VARIABLE .*{value!r}"):
        read("PORTAL_TEST_VARIABLE")


def test_a_missing_secret_file_and_an_unknown_database_are_refused(monkeypatch):
    monkeypatch.setenv("PORTAL_TEST_SECRET_FILE", "/nonexistent/secret")
    with pytest.raises(ImproperlyConfigured, match="PORTAL_TEST_SECRET_FILE names /nonexistent"):
        env_str("PORTAL_TEST_SECRET")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL must start with"):
        database_from_url("mysql://db/portal")


def test_every_accepted_spelling_is_read(monkeypatch):
    for value, expected in [("1", True), ("YES", True), (" on ", True), ("False", False)]:
        monkeypatch.setenv("PORTAL_TEST_FLAG", value)
        assert env_bool("PORTAL_TEST_FLAG", not expected) is expected
    monkeypatch.setenv("PORTAL_TEST_CHOICE", "")
    assert env_choice("PORTAL_TEST_CHOICE", "development", ["development"]) == "development"
    monkeypatch.setenv("PORTAL_TEST_NUMBER", "42")
    assert env_int("PORTAL_TEST_NUMBER", 0) == 42
    monkeypatch.delenv("PORTAL_TEST_NUMBER")
    assert env_int("PORTAL_TEST_NUMBER", 7) == 7
