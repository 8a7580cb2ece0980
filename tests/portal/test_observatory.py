"""The Mozilla HTTP Observatory's tests that a Django site controls, scored on the
portal's own answers with the production settings behind the TLS proxy: every header test
at its best, so a scan behind TLS grades A+ (100 or more; these items give 135).
Subresource Integrity, which is not a header, stays at 0: the portal's scripts are its
own (integrity attributes on them would add 5)."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.helpers import PRODUCTION, run

SECURITY_SETTINGS = [
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
]
HTTPS = {"x-forwarded-proto": "https"}  # what the proxy adds to the requests it forwards
ELSEWHERE = {**HTTPS, "origin": "https://elsewhere.example"}  # as the Observatory asks
SIX_MONTHS = 15_768_000  # seconds, the Observatory's minimum
BEST = {
    "content-security-policy": 10,
    "cookies": 5,
    "cross-origin-resource-policy": 10,
    "cross-origin-resource-sharing": 0,
    "redirection": 0,
    "referrer-policy": 5,
    "strict-transport-security": 0,
    "subresource-integrity": 0,
    "x-content-type-options": 0,
    "x-frame-options": 5,
}


@pytest.fixture
def production(settings):
    """The security settings as DJANGO_ENV=production and BEHIND_TLS_PROXY make them,
    read from a fresh interpreter."""
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps({{name: getattr(s, name) for name in {SECURITY_SETTINGS}}}))"
    )
    values = json.loads(run(code, BEHIND_TLS_PROXY="true", **PRODUCTION).stdout)
    for name, value in values.items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)


def csp(header):
    directives = (directive.split() for directive in header.split(";") if directive.strip())
    policy = {name: sources for name, *sources in directives}
    sources = [source for values in policy.values() for source in values]
    if any(source in ("'unsafe-inline'", "'unsafe-eval'", "http:") for source in sources):
        return -20
    safe_scripts = "data:" not in policy.get("script-src", []) and "object-src" in policy
    if safe_scripts and policy.get("form-action") in (["'self'"], ["'none'"]):
        return 10 if policy.get("default-src") == ["'none'"] else 5
    return 0


def cookies(responses):
    """Every cookie Secure with SameSite, the session's and the CSRF token's HttpOnly."""
    jar = [morsel for response in responses for morsel in response.cookies.values()]
    assert {morsel.key for morsel in jar} >= {"sessionid", "csrftoken", "django_language"}
    for morsel in jar:
        if not morsel["secure"] or morsel["samesite"] not in ("Lax", "Strict"):
            return -20
        if morsel.key in ("sessionid", "csrftoken") and not morsel["httponly"]:
            return -30
    return 5


def hsts(header):
    found = re.search(r"max-age=(\d+)", header)
    return 0 if found and int(found[1]) >= SIX_MONTHS else -20


def scores(page, plain, setters):
    """The Observatory's score of each test, for a page reached over HTTPS, the answer to
    plain HTTP and the answers that set cookies."""
    headers = page.headers
    scripts = re.findall(r'<script[^>]*\ssrc="([^"]+)"', page.content.decode())
    private = ("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin")
    policy = headers.get("Content-Security-Policy", "")
    same_host = plain.status_code == 301 and plain["Location"].startswith("https://testserver/")
    return {
        "content-security-policy": csp(policy),
        "cookies": cookies(setters),
        "cross-origin-resource-policy": 10
        if headers.get("Cross-Origin-Resource-Policy") in ("same-origin", "same-site")
        else 0,
        # Stricter than the Observatory, which minds only a universal grant: none at all.
        "cross-origin-resource-sharing": -50 if "Access-Control-Allow-Origin" in headers else 0,
        "redirection": 0 if same_host else -20,
        "referrer-policy": 5 if headers.get("Referrer-Policy") in private else 0,
        "strict-transport-security": hsts(headers.get("Strict-Transport-Security", "")),
        "subresource-integrity": 0 if all(src.startswith("/") for src in scripts) else -5,
        "x-content-type-options": 0 if headers.get("X-Content-Type-Options") == "nosniff" else -5,
        "x-frame-options": 5 if "frame-ancestors 'none'" in policy else -20,
    }


def test_every_observatory_test_is_at_its_best_behind_tls(production, catalogue):
    get_user_model().objects.create_user("eda", password="geheim-123", is_staff=True)
    reader, editor = Client(), Client()
    home = reader.get("/", headers=ELSEWHERE, follow=True)
    assert home.redirect_chain == [("/nl/", 302)] and home.status_code == 200
    plain = Client().get("/nl/")  # the proxy forwards plain HTTP without the header
    form = editor.get("/admin/login/", headers=HTTPS)
    token = form.cookies["csrftoken"].value
    login = editor.post(
        "/admin/login/",
        {"username": "eda", "password": "geheim-123", "csrfmiddlewaretoken": token},
        headers={**HTTPS, "referer": "https://testserver/admin/login/"},
    )
    assert login.status_code == 302
    api = reader.get("/api/practices/", headers=ELSEWHERE)

    observed = scores(home, plain, [home, form, login])
    assert observed == BEST
    assert 100 + sum(observed.values()) == 135  # A+ from 100
    assert scores(api, plain, [home, form, login]) == BEST  # the JSON listing, too
