"""Settings read from the environment, checked in a fresh interpreter each."""

import json
import os
import subprocess
import sys

from django.conf import settings

SHOW_MAILER = (
    "import json, django; django.setup(); from django.core import mail; "
    "m = mail.mailers['default']; "
    "print(json.dumps([type(m).__module__, getattr(m, 'host', None), getattr(m, 'port', None),"
    " getattr(m, 'username', None), getattr(m, 'password', None), getattr(m, 'use_tls', None)]))"
)


def mailer_with(**variables):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("EMAIL_", "DJANGO_SETTINGS"))
    }
    env.update(DJANGO_SETTINGS_MODULE="portal.settings", **variables)
    output = subprocess.run(
        [sys.executable, "-c", SHOW_MAILER],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(output.stdout)


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
