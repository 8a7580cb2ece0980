"""Production settings, security headers on every kind of response, static files, the
health check, the admin login brake, Redis as the shared cache and logs as JSON lines."""

import gzip
import json
import logging
import os
import re
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.db import connection
from django.test import Client

from portal.logs import JsonFormatter
from tests.helpers import PRODUCTION, run

HSTS_AND_COOKIES = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
    "s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER)"
)
HEALTH = (
    "import django; django.setup(); from django.test import Client; "
    "r = Client().get('/health/'); print(r.status_code, r.content.decode())"
)
ADMIN_ADDRESS = "import django; django.setup(); from django.urls import reverse; "
ADMIN_ADDRESS += "print(reverse('admin:index'))"
SHARED_CACHE = (
    "import django; django.setup(); from django.core.cache import caches; "
    "c = caches['default']; c.set('portal-test', 'shared', 5); "
    "print(type(c).__name__, c.get('portal-test'))"
)
LOG_BOOM = "import django, logging; django.setup(); logging.getLogger('django').error('Boom')"
REQUIRED = ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_HOST"]


def without(missing):
    return {name: value for name, value in PRODUCTION.items() if name != missing}


@pytest.fixture(scope="module")
def silent_port():
    """A port that accepts connections and never answers: a hung database."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield listener.getsockname()[1]


@pytest.fixture(scope="module")
def fresh(redis_server, silent_port):
    """What the fresh interpreters of this module's tests answer (run()'s results, by the
    test that reads them), all started at once: each spends half a second starting
    Python and Django, mostly waiting, and one after another they took six seconds."""
    runs = {
        **{f"without {missing}": (["check"], without(missing)) for missing in REQUIRED},
        "debug": (["check"], {"DJANGO_DEBUG": "true", **PRODUCTION}),
        "misspelt switch": (["check"], {**PRODUCTION, "SECURE_SSL_REDIRECT": "ture"}),
        "deploy": (["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION),
        "behind proxy": (HSTS_AND_COOKIES, {"BEHIND_TLS_PROXY": "true", **PRODUCTION}),
        "database down": (HEALTH, {"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"}),
        "database hung": (
            "import django, time; django.setup(); from django.test import Client; "
            "client = Client(); started = time.monotonic(); r = client.get('/health/'); "
            "print(r.status_code, r.content.decode()); print(round(time.monotonic() - started, 1))",
            {"DATABASE_URL": f"postgres://nobody@127.0.0.1:{silent_port}/none"},
        ),
        "admin moved": (ADMIN_ADDRESS, {"ADMIN_URL": "backstage"}),
        "redis": (SHARED_CACHE, {"REDIS_URL": f"{redis_server}/5"}),
        "no redis": (SHARED_CACHE, {}),
        "log": (LOG_BOOM, {}),
    }
    with ThreadPoolExecutor(max_workers=4) as pool:
        started = {
            name: pool.submit(run, what, **variables) for name, (what, variables) in runs.items()
        }
        yield {name: future.result for name, future in started.items()}


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_refuses_to_start_without_its_variables(fresh, missing):
    result = fresh[f"without {missing}"]()
    assert result.returncode != 0
    assert f"DJANGO_ENV=production needs {missing}" in result.stderr


def test_production_refuses_debug(fresh):
    result = fresh["debug"]()
    assert result.returncode != 0 and "DJANGO_DEBUG must be off" in result.stderr


def test_a_misspelt_switch_stops_the_start(fresh):
    """`SECURE_SSL_REDIRECT=ture` used to turn the redirect off without a word."""
    result = fresh["misspelt switch"]()
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECURE_SSL_REDIRECT must be one of 1, true, yes, on, 0," in (
        result.stderr
    )


def test_the_deployment_checklist_is_clean_in_production(fresh):
    result = fresh["deploy"]()
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=()",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@pytest.mark.urls("tests.portal.broken_urls")
@pytest.mark.parametrize(
    "url",
    ["/en/practices/", "/api/practices/", "/en/nowhere/", "/broken/", "/static/css/portal.css"],
)
def test_security_headers_are_on_every_kind_of_response(client, db, url):
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code in (200, 404, 500)
    for header, value in HEADERS.items():
        assert value in response.get(header, ""), (url, header)
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_production_adds_hsts_and_secure_cookies(fresh):
    behind_proxy = fresh["behind proxy"]().stdout.split()
    assert int(behind_proxy[0]) >= 183 * 24 * 3600  # six months at least
    assert behind_proxy[1:4] == ["True", "True", "True"]
    assert "HTTP_X_FORWARDED_PROTO" in behind_proxy[4]


def test_health_answers_with_a_database_round_trip(client, db):
    response = client.get("/health/")
    assert response.json() == {"status": "ok", "database": True, "oldest_task": 0, "cache": True}
    assert response.status_code == 200


def test_health_says_503_when_the_database_is_down(fresh):
    result = fresh["database down"]()
    logged, answer = result.stdout.splitlines()  # the log line, then what the client got
    assert answer.startswith('503 {"status": "unavailable"'), result.stderr
    assert json.loads(logged)["status"] == 503


def test_health_answers_within_two_seconds_when_the_database_hangs(fresh):
    """A database that accepts the connection and never answers used to hold /health/
    for 45 s and more."""
    result = fresh["database hung"]()
    answer, seconds = result.stdout.splitlines()[-2:]
    assert answer.startswith('503 {"status": "unavailable", "database": false'), result.stderr
    assert float(seconds) < 2


SHOW_STATEMENT_TIMEOUT = (
    "from django.db import connection; cursor = connection.cursor(); "
    "cursor.execute('SHOW statement_timeout'); print(cursor.fetchone()[0])"
)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_web_requests_have_a_statement_timeout_and_commands_none(db):
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    web = run("import portal.wsgi; " + SHOW_STATEMENT_TIMEOUT, DATABASE_URL=url,
              WEB_STATEMENT_TIMEOUT="7")  # fmt: skip
    assert web.stdout.split() == ["7s"], web.stderr
    command = run("import django; django.setup(); " + SHOW_STATEMENT_TIMEOUT, DATABASE_URL=url)
    assert command.stdout.split() == ["0"], command.stderr


def test_the_admin_address_can_be_moved(fresh):
    assert fresh["admin moved"]().stdout.strip() == "/backstage/"


def test_admin_logins_are_limited_per_address_and_account_pair(db, settings):
    settings.ADMIN_LOGIN_ATTEMPTS = 3
    get_user_model().objects.create_user("eda", password="right-password", is_staff=True)
    guesser = Client(REMOTE_ADDR="192.0.2.1")
    for name in ("EDA", "eda", "Eda"):  # one account, however it is written
        assert guesser.post("/admin/login/", {"username": name, "password": "x"}).status_code == 200
    blocked = guesser.post("/admin/login/", {"username": "eda", "password": "right-password"})
    assert blocked.status_code == 429 and "15" in blocked.content.decode()
    # The guesser cannot lock the editor out: from elsewhere she logs in, again and again.
    for _ in range(5):
        elsewhere = Client(REMOTE_ADDR="198.51.100.2")
        answer = elsewhere.post("/admin/login/", {"username": "eda", "password": "right-password"})
        assert answer.status_code == 302
    other = Client(REMOTE_ADDR="198.51.100.3")
    get_user_model().objects.create_user("ines", password="her-password", is_staff=True)
    assert (
        other.post("/admin/login/", {"username": "ines", "password": "her-password"}).status_code
        == 302
    )


def test_redis_is_the_shared_cache_when_configured(fresh):
    result = fresh["redis"]()
    assert result.stdout.split() == ["ForgivingRedisCache", "shared"], result.stderr
    assert fresh["no redis"]().stdout.split() == ["LocMemCache", "shared"]


def test_logs_are_json_lines():
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Bad: %s", ("x",), None
    )
    record.status_code = 500
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "ERROR" and line["message"] == "Bad: x" and line["status"] == 500


def test_logs_go_to_standard_output(fresh):
    result = fresh["log"]()
    assert json.loads(result.stdout)["message"] == "Boom" and result.stderr == ""


def test_private_links_stay_out_of_the_logs(tmp_path):
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s",
        ("/fr/share/status/s3cr3t-token_value/",), None,
    )  # fmt: skip
    assert "s3cr3t" not in JsonFormatter().format(record)
    log = tmp_path / "gunicorn.log"
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "VIRTUAL_ENV")}
    env.update(GUNICORN_BIND="127.0.0.1:8131", GUNICORN_WORKERS="1")
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn"], cwd=settings.BASE_DIR, env=env,
            stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            for _ in range(50):
                try:
                    urlopen("http://127.0.0.1:8131/fr/share/status/s3cr3t-token_value/")
                except HTTPError:
                    break  # answered (404): the request is in the access log
                except URLError:
                    time.sleep(0.2)
        finally:
            server.terminate()
            server.wait(timeout=10)
    text = log.read_text()
    assert "/fr/share/status/[private]/" in text and "s3cr3t" not in text


def test_static_files_are_hashed_compressed_and_kept_for_ten_years(settings, tmp_path):
    """What collectstatic and whitenoise do in production (DEBUG off)."""
    settings.STATIC_ROOT = tmp_path
    manifest = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": manifest}
    settings.WHITENOISE_USE_FINDERS = settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", "--no-input", verbosity=0)
    url = staticfiles_storage.url("css/portal.css")
    assert re.fullmatch(r"/static/css/portal\.[0-9a-f]{12}\.css", url)
    response = Client().get(url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200 and response["Content-Encoding"] == "gzip"
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert "Access-Control-Allow-Origin" not in response  # as docs/deployment.md says
    assert b":root {" in gzip.decompress(b"".join(response.streaming_content))
