"""Data and helpers the tests of several modules share."""

import os
import re
import secrets
import subprocess
import sys

from django.conf import settings

FRENCH_ANSWERS = {
    "title": "Accueil en langage clair",
    "summary": "Le personnel d'accueil apprend à écrire et parler simplement.",
    "municipality": "hasselt",
    "domain": "public-services",
    "themes": ["clear-language", "low-literacy"],
    "target_groups": ["front-office-staff"],
    "what": "Cinq demi-journées de formation.",
    "goal": "Des habitants qui comprennent nos lettres.",
    "period": "automne 2016 – printemps 2017",
    "started_in": "2016",
    "reach": "2",
    "recurrence": "3",
    "links": "https://www.hasselt.be/\nhttp://example.org/fiche",
    "name": "Marie Dupont",
    "role": "responsable diversité",
    "organisation": "Ville de Hasselt",
    "email": "marie@example.org",
    "consent": "on",
    "website": "",
}
"""A complete share form, as a French-speaking submitter fills it in (demo catalogue)."""

# The share form's steps, in order (practices.forms.STEPS), then the check page.
SHARE_STEPS = ["share/", "share/story/", "share/doing/", "share/files/", "share/you/"]


def share_steps(post, answers, language="fr", send=True):
    """Share an initiative through a server: `post(path, data)` sends a request and
    gives the answer's status. Every step, then (to `send`) "Send": their statuses."""
    paths = [*SHARE_STEPS, "share/check/"] if send else SHARE_STEPS
    return [post(f"/{language}/{path}", {**answers, "go": "next"}) for path in paths]


def send_share(client, answers, language="fr", files=(), send=True, **request):
    """Share an initiative as a person does: every step in turn (each takes its own
    fields of `answers`), each of `files` (new-file fields without "new-") attached on
    the way, then "Send" on the check page. The first answer that is not a step to the
    next page, else the answer to "Send" (or, not to `send`, to the last step)."""
    for path in SHARE_STEPS:
        url = f"/{language}/{path}"
        for file in files if path == "share/files/" else ():
            attached = {f"new-{name}": value for name, value in file.items()}
            response = client.post(url, {"go": "attach", **attached}, **request)
            if response.status_code != 302:
                return response
        response = client.post(url, {**answers, "go": "next"}, **request)
        if response.status_code != 302:
            return response
    if not send:
        return response
    sent = {name: answers[name] for name in ("website", "csrfmiddlewaretoken") if name in answers}
    return client.post(f"/{language}/share/check/", sent, **request)


# A page of each kind a reader or submitter opens (demo catalogue): the fault tests ask
# each of them while something fails.
PAGES = [
    "/nl/",
    "/fr/practices/",
    "/de/practices/?q=klare&reach=3",
    "/en/practices/hasselt-customer-friendly-services/",
    "/sv/trainings/",
    "/api/practices/?lang=nl&domain=hr-policy",
    "/fr/share/",
]


def csrf_token(html):
    """The CSRF token of the (first) form in a page."""
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def run(code_or_command, **variables):
    """Run Python code (or a manage.py command, a list) with only these variables set."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "VIRTUAL_ENV")}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings", **variables)
    command = (
        [sys.executable, "manage.py", *code_or_command]
        if isinstance(code_or_command, list)
        else [sys.executable, "-c", code_or_command]
    )
    return subprocess.run(command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True)


# The variables a production start needs (docs/deployment.md), with made-up values.
PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
    "EMAIL_HOST": "smtp.example.org",
}
