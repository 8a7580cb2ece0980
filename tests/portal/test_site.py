"""Site-wide checks: every public page in every language, the demo, migrations."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portal.models import Page
from practices.models import Domain, Municipality, Practice, Recommendation
from tests.conftest import LANGUAGES
from trainings.models import TrainingProgramme


def url_in(language, name, args=()):
    with translation.override(language):
        return reverse(name, args=args)


def public_pages():
    """Every public page of the demo catalogue: lists and each object's page."""
    yield "home", []
    yield "practices:list", []
    yield "practices:share", []
    yield "trainings:list", []
    for kind in Page.Kind.values:  # the portal's own pages
        yield kind, []
    for model, name in [
        (Practice.objects.published(), "practices:detail"),
        (TrainingProgramme.objects.published(), "trainings:detail"),
        (Domain.objects.all(), "practices:domain"),
        (Municipality.objects.all(), "practices:municipality"),
        (Recommendation.objects.all(), "practices:recommendation"),
    ]:
        for slug in model.values_list("slug", flat=True):
            yield name, [slug]


_answers = {}


def public_answers(language):
    """(name, args, response) of every public page of the demo catalogue in `language`,
    as a new reader gets them. Asked once a session: the tests that read them (here and
    in test_languages) change nothing before, and all see the same committed catalogue,
    so each rendering of the same 31 pages in five languages would be the same."""
    if language not in _answers:
        reader = Client()
        _answers[language] = [
            (name, args, reader.get(url_in(language, name, args))) for name, args in public_pages()
        ]
    return _answers[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_answers_in_every_language(catalogue, language):
    pages = public_answers(language)
    assert len(pages) == 4 + 4 + 7 + 4 + 10 + 3 + 3
    for name, args, response in pages:
        assert response.status_code == 200, (name, args)
        html = response.content.decode()
        assert f'<html lang="{language}"' in html
        assert len(re.findall(r"<h1[\s>]", html)) == 1, (name, args)
        assert 'href="#main"' in html
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), (name, args)
        assert re.search(r'<meta property="og:title" content="[^"]+">', html), (name, args)
        assert 'class="notice"' not in html, "the demo is complete in every language"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_practice_is_written_in_every_language(catalogue, language):
    """Every text a practice has in its original language exists in each other one."""
    practices = Practice.objects.published()
    assert practices.count() == 7
    with translation.override(language):
        for practice in practices:
            assert practice.is_translated(), practice.slug
            assert practice.text_in("title", language), practice.slug
            assert practice.text_in("summary", language), practice.slug


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
    assert editor.check_password("demo-editor") and editor.email == "editor@example.org"
    assert editor.has_perm("practices.change_practice")
    assert not editor.has_perm("practices.delete_practice")


def test_demo_refuses_to_run_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
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


def test_the_icon_is_named_on_every_page_and_found_at_favicon_ico(client, db):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 302 and icon["Location"] == "/static/img/favicon.svg"
    assert '<link rel="icon" href="/static/img/favicon.svg"' in client.get("/en/").content.decode()
    assert client.get(icon["Location"])["Content-Type"] == "image/svg+xml"
