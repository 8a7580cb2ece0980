"""Training programmes: their list with facets, their page, the link both ways with
practices, what stays unpublished, query counts and the JSON listing."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from practices.editors import ensure_editors_group
from practices.models import Status, TargetGroup
from tests.conftest import LANGUAGES, translated
from trainings.models import TrainingProgramme


def option_count(html, facet, value):
    """The number shown beside a facet's option."""
    option = rf'id="facet-{facet}-{value}"[^>]*>\s*<label[^>]*>[^<]*<span class="count">\((\d+)'
    return int(re.search(option, html)[1])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_and_a_programme_answer_in_every_language(client, make_training, language):
    training = make_training(title_nl="Klare taal aan het loket", modules=2)
    for url in (f"/{language}/trainings/", f"/{language}/trainings/{training.slug}/"):
        html = client.get(url).content.decode()
        assert f'<html lang="{language}"' in html and len(re.findall(r"<h1[\s>]", html)) == 1
        assert "Klare taal aan het loket" in html


def test_a_programme_says_its_effort_in_plain_words(client, make_training, make_practice):
    practice = make_practice(title_nl="Klantvriendelijke diensten")
    training = make_training(
        session_count=5, session_hours=Decimal("3.5"), total_hours=Decimal("17.5"), modules=3
    )
    training.practices.add(practice)
    html = client.get(f"/en/trainings/{training.slug}/").content.decode()
    assert "5 sessions of half a day, 17.5 hours in all" in html
    assert html.index("Module 1") < html.index("Module 2") < html.index("Module 3")
    assert "3.5 hours" in html and practice.get_absolute_url() in html
    dutch = client.get(f"/nl/trainings/{training.slug}/").content.decode()
    assert "5 sessies van een halve dag, 17,5 uur in totaal" in dutch


def test_practices_and_trainings_link_to_each_other(client, make_training, make_practice):
    practice = make_practice()
    shown, hidden = (
        make_training(title_nl="Getoond"),
        make_training(title_nl="Verborgen", published=False),
    )
    for training in (shown, hidden):
        training.practices.add(practice)
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "Getoond" in page and "Verborgen" not in page
    draft = make_practice(status=Status.DRAFT, title_nl="Nog een ontwerp")
    shown.practices.add(draft)
    assert "Nog een ontwerp" not in client.get(f"/nl/trainings/{shown.slug}/").content.decode()


def test_a_programme_missing_the_readers_language_says_so(client, make_training):
    training = make_training(title_nl="Alleen Nederlands", summary_nl="Kort.")
    complete = make_training(**translated("title", "Overal"), **translated("summary", "Kort"))
    assert training.languages == "nl" and complete.languages == "nl fr de en sv"
    html = client.get(f"/fr/trainings/{training.slug}/").content.decode()
    assert '<h1 lang="nl">Alleen Nederlands</h1>' in html and "pas encore été traduit" in html
    listing = client.get("/fr/trainings/").content.decode()
    assert option_count(listing, "available", "no") == 1
    assert option_count(listing, "available", "yes") == 1
    editor = get_user_model().objects.create_user("eda", is_staff=True)
    editor.groups.add(ensure_editors_group())
    client.force_login(editor)
    admin = client.get(
        "/admin/trainings/trainingprogramme/?translation=missing:fr"
    ).content.decode()
    assert "Alleen Nederlands" in admin and "Overal" not in admin and ">fr, de, en, sv<" in admin


def test_unpublished_programmes_do_not_leak(client, make_training):
    hidden = make_training(title_nl="Nog niet klaar", published=False)
    assert client.get(f"/nl/trainings/{hidden.slug}/").status_code == 404
    for url in ("/nl/trainings/", "/nl/", "/api/trainings/", "/sitemap-trainings.xml"):
        assert "Nog niet klaar" not in client.get(url).content.decode()
        assert hidden.slug not in client.get(url).content.decode()


def test_facets_count_under_the_other_filters(client, make_training, formats):
    front = TargetGroup.objects.create(slug="front-office-staff", **translated("name", "Front"))
    make_training(formats_=("workshop",), total_hours=Decimal("3.5")).audience.add(front)
    make_training(formats_=("workshop", "toolbox"), total_hours=Decimal("12"))
    make_training(formats_=("lecture",), total_hours=Decimal("40")).audience.add(front)
    html = client.get("/en/trainings/?format=workshop").content.decode()
    assert "2 training programmes found" in html
    # Widening is possible: lecture counts the one programme it would add.
    assert option_count(html, "format", "lecture") == 1
    assert option_count(html, "audience", "front-office-staff") == 1
    assert 'id="facet-length-longer" disabled' in html  # no workshop is that long
    assert "1 training programme found" in client.get("/en/trainings/?length=days").content.decode()
    both = client.get("/en/trainings/?length=half-day&length=longer").content.decode()
    assert "2 training programmes found" in both


def test_unknown_filter_values_are_said_and_left_out(client, make_training):
    make_training()
    html = client.get("/en/trainings/?format=juggling&length=forever").content.decode()
    assert "1 training programme found" in html and "juggling" in html


def test_the_menu_marks_the_training_list_only(client, make_training):
    make_training()
    html = client.get("/en/trainings/").content.decode()
    assert html.count('aria-current="page"') == 1
    assert 'href="/en/trainings/" aria-current="page"' in html


def test_the_home_page_features_programmes(client, make_training):
    make_training(title_nl="Uitgelicht traject")
    assert "Uitgelicht traject" in client.get("/nl/").content.decode()


@pytest.mark.parametrize("size", [5, 200])
def test_queries_stay_constant(
    client,
    make_trainings,
    make_practice,
    django_assert_max_num_queries,
    django_assert_num_queries,
    size,
):
    """With 5 and with 200 programmes, each with modules and a practice: a query per
    programme (formats, municipality, modules) would show at 200."""
    make_trainings(size, make_practice())
    training = TrainingProgramme.objects.first()
    pages = {
        # the catalogue's version, vocabulary, facet index (its programmes, then their
        # formats, audiences and themes), page, formats
        "/nl/trainings/?format=workshop": 8,
        # the version, the programme and its 6 relations
        f"/nl/trainings/{training.slug}/": 8,
        # the version, vocabulary, page, formats, audience, themes (the index is known)
        "/api/trainings/?lang=fr": 6,
    }
    for url, ceiling in pages.items():
        with django_assert_max_num_queries(ceiling):
            assert client.get(url).status_code == 200
        with django_assert_num_queries(1):  # a second reader: the version, then the cache
            assert client.get(url).status_code == 200


def test_the_json_listing_of_programmes(client, make_training):
    make_training(
        title_nl="Opleiding A",
        title_fr="Formation A",
        session_count=5,
        session_hours=Decimal("3.5"),
        total_hours=Decimal("17.5"),
    )
    make_training(published=False)
    data = client.get("/api/trainings/?lang=fr").json()
    assert data["count"] == 1 and data["next"] is None and data["previous"] is None
    [first] = data["results"]
    assert first["title"] == "Formation A" and first["municipality"]["slug"] == "hasselt"
    assert first["formats"] == [{"slug": "workshop", "name": "workshop [fr]"}]
    assert (first["sessions"], first["hours_per_session"], first["total_hours"]) == (5, 3.5, 17.5)
    assert first["url"].startswith("http://testserver/fr/trainings/")
    assert set(data["facets"]) == {
        "format", "audience", "theme", "municipality", "length", "available",
    }  # fmt: skip
    for bad in ({"lang": "es"}, {"format": "juggling"}, {"page": "9"}):
        response = client.get("/api/trainings/", bad)
        assert response.status_code == 400 and response.json()["error"]


def test_editors_manage_programmes_with_their_modules(client, make_training):
    training = make_training(modules=2)
    staff = get_user_model().objects.create_user("staff", is_staff=True)
    client.force_login(staff)
    assert client.get("/admin/trainings/trainingprogramme/").status_code == 403
    staff.groups.add(ensure_editors_group())
    html = client.get(f"/admin/trainings/trainingprogramme/{training.pk}/change/").content.decode()
    assert 'name="title_sv"' in html and 'name="modules-0-title_fr"' in html
    assert 'value="Module 1"' in html and "tabbed_translation_fields.js" in html


def test_the_demo_has_the_four_seed_programmes_in_every_language(catalogue):
    trainings = TrainingProgramme.objects.published().prefetch_related("modules", "practices")
    assert trainings.count() == 4
    for training in trainings:
        assert training.languages == "nl fr de en sv", training.slug
        assert training.practices.exists() and training.modules.exists(), training.slug
        for module in training.modules.all():
            for field in ("title", "methods", "description"):
                texts = [getattr(module, f"{field}_{code}") for code in LANGUAGES]
                assert all(texts) or not any(texts), (training.slug, module.position, field)
    hasselt = trainings.get(slug="hasselt-customer-friendly-services-training")
    with translation.override("en"):
        assert hasselt.effort() == "5 sessions of half a day, 17.5 hours in all"


def test_facet_counts_say_what_they_count(client, make_training):
    make_training()
    html = client.get("/en/trainings/").content.decode()
    assert '(1<span class="visually-hidden"> training programme</span>)' in html
    assert "> practices</span>" not in html


def test_cached_pages_show_a_new_programme_at_once(
    client, make_training, make_practice, django_assert_num_queries
):
    """Without a shared cache the generation counter stays in one process; the time of
    the programmes' last change tells every process that the pages changed."""
    practice = make_practice()
    pages = ["/nl/", practice.get_absolute_url(), "/nl/trainings/", "/api/trainings/?lang=nl"]
    for page in pages:
        client.get(page)
        with django_assert_num_queries(1):  # from the cache
            assert client.get(page).status_code == 200
    training = make_training(title_nl="Nieuw: klare taal aan het loket")
    training.practices.add(practice)
    TrainingProgramme.objects.get(pk=training.pk).save()  # as admin saves after the links
    for page in pages:
        assert "Nieuw: klare taal aan het loket" in client.get(page).content.decode()
