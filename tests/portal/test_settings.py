"""Settings read from the environment, checked in a fresh interpreter each."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.settings import database_from_url, env_bool, env_choice, env_int, env_str

PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "not-a-real-secret-but-long-enough-for-the-checks-0123456789",
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
}

SHOW_MAILER = (
    "import json; from django.core import mail; "
    "m = mail.mailers['default']; "
    "print(json.dumps([type(m).__module__, getattr(m, 'host', None), getattr(m, 'port', None),"
    " getattr(m, 'username', None), getattr(m, 'password', None), getattr(m, 'use_tls', None)]))"
)


def start_with(
    code="from django.conf import settings; print(settings.SECURE_SSL_REDIRECT)", **variables
):
    """Start Django in a fresh interpreter with only these of the portal's variables."""
    own = ("EMAIL_", "DJANGO_", "SECRET_KEY", "DATABASE_URL", "SHARE_", "ADMIN_", "SECURE_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(own)}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings", **variables)
    command = [sys.executable, "-c", f"import django; django.setup(); {code}"]
    return subprocess.run(command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True)


def mailer_with(**variables):
    started = start_with(SHOW_MAILER, **variables)
    assert started.returncode == 0, started.stderr
    return json.loads(started.stdout)


def test_email_goes_to_the_console_unless_an_smtp_host_is_set():
    assert mailer_with()[0] == "django.core.mail.backends.console"


def test_an_smtp_host_sends_through_smtp_with_its_login(tmp_path):
    secret = tmp_path / "password"
    secret.write_text("s3cret\n")
    found = mailer_with(
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="465",
        EMAIL_HOST_USER="portal",
        EMAIL_HOST_PASSWORD_FILE=str(secret),
        EMAIL_USE_TLS="false",
    )
    assert found == [
        "django.core.mail.backends.smtp",
        "smtp.example.org",
        465,
        "portal",
        "s3cret",
        False,
    ]


@pytest.mark.parametrize(
    ("read", "value"),
    [
        (lambda name: env_bool(name, True), "maybe"),
        (lambda name: env_int(name, 5), "five"),
        (lambda name: env_int(name, 5), "-1"),
        (lambda name: env_choice(name, "development", ["development", "production"]), "prod"),
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


def test_a_misspelt_boolean_in_production_stops_the_start():
    """`SECURE_SSL_REDIRECT=ture` used to turn the redirect off without a word."""
    started = start_with(**PRODUCTION, SECURE_SSL_REDIRECT="ture")
    assert started.returncode != 0
    assert "SECURE_SSL_REDIRECT must be one of 1, true, yes, on, 0, false, no, off, not 'ture'" in (
        started.stderr
    )
    assert start_with(**PRODUCTION, SECURE_SSL_REDIRECT="Off").stdout.strip() == "False"


def test_every_accepted_spelling_is_read(monkeypatch):
    for value, expected in [("1", True), ("YES", True), (" on ", True), ("False", False)]:
        monkeypatch.setenv("PORTAL_TEST_FLAG", value)
        assert env_bool("PORTAL_TEST_FLAG", not expected) is expected
    monkeypatch.setenv("PORTAL_TEST_NUMBER", "42")
    assert env_int("PORTAL_TEST_NUMBER", 0) == 42
    monkeypatch.delenv("PORTAL_TEST_NUMBER")
    assert env_int("PORTAL_TEST_NUMBER", 7) == 7
