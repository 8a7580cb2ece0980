"""Site-wide checks: every public page in every language, the demo, migrations."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from practices.models import Domain, Municipality, Practice, Recommendation
from tests.conftest import LANGUAGES

PUBLIC_PAGES = [
    ("home", []),
    ("practices:list", []),
    ("practices:detail", ["hasselt-customer-friendly-services"]),
    ("practices:detail", ["lidkoping-hospitality-programme"]),
    ("practices:detail", ["when-the-municipality-comes-home"]),
    ("practices:domain", ["hr-policy"]),
    ("practices:municipality", ["mechelen"]),
    ("practices:recommendation", ["diversity-in-municipal-hr-policy"]),
]


def url_in(language, name, args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "args"), PUBLIC_PAGES)
def test_public_page_answers_in_every_language(client, catalogue, language, name, args):
    response = client.get(url_in(language, name, args))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert 'href="#main"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_practice_is_written_in_every_language(catalogue, language):
    practices = Practice.objects.published()
    assert practices.count() == 7
    for practice in practices:
        assert getattr(practice, f"title_{language}"), practice.slug
        assert getattr(practice, f"summary_{language}"), practice.slug


def test_demo_translations_are_not_copies(catalogue):
    for practice in Practice.objects.all():
        summaries = {getattr(practice, f"summary_{code}") for code in LANGUAGES}
        assert len(summaries) == len(LANGUAGES), practice.slug


def test_demo_has_the_seed_ratings(catalogue):
    home = Practice.objects.get(slug="when-the-municipality-comes-home")
    hasselt = Practice.objects.get(slug="hasselt-customer-friendly-services")
    assert (home.reach, home.recurrence) == (2, 4)
    assert (hasselt.reach, hasselt.recurrence) == (1, 1)
    assert Recommendation.objects.filter(slug="diversity-in-municipal-hr-policy").exists()


def test_demo_runs_twice_without_duplicating(db, settings):
    settings.DEBUG = True  # as on a developer's machine; pytest turns it off
    call_command("demo", "--no-serve", stdout=StringIO())
    counts = [Practice.objects.count(), Domain.objects.count(), Municipality.objects.count()]
    output = StringIO()
    call_command("demo", "--no-serve", stdout=output)

    assert [Practice.objects.count(), Domain.objects.count(), Municipality.objects.count()] == (
        counts
    )
    assert counts[0] == 7
    assert "editor / demo-editor" in output.getvalue()
    editor = get_user_model().objects.get(username="editor")
    assert editor.is_staff and not editor.is_superuser
    assert editor.check_password("demo-editor")
    assert editor.has_perm("practices.change_practice")
    assert not editor.has_perm("practices.delete_practice")


def test_demo_refuses_to_run_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(Exception, match="development only"):
        call_command("demo", "--no-serve", stdout=StringIO())


def test_no_pending_migrations(db):
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Alle voorbeelden"),
        ("fr", "Tous les exemples"),
        ("de", "Alle Beispiele"),
        ("sv", "Alla exempel"),
        ("en", "All practices"),
    ],
)
def test_interface_is_translated(client, db, language, expected):
    response = client.get(url_in(language, "practices:list", []))
    assert expected in response.content.decode()


def test_unsupported_language_prefix_is_not_found(client, db):
    assert client.get("/es/practices/").status_code == 404


def test_root_redirects_to_a_language(client, db):
    response = client.get("/", headers={"accept-language": "fr"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_language_switcher_keeps_the_page_and_its_parameters(client, catalogue):
    response = client.get("/fr/practices/?page=1")
    html = response.content.decode()
    for language in LANGUAGES:
        assert f'href="/{language}/practices/?page=1"' in html
    assert 'lang="sv"' in html and "Svenska" in html
