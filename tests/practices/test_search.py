"""Search in the reader's language: stemming, accents, word starts, and the original text
of untranslated practices; on PostgreSQL (text search) and SQLite (folded substrings)."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from practices.models import Status
from tests.conftest import practice_listing

TEXTS = {
    "nl": ("Onthaal voor iedereen", "Een training voor elke medewerker van het onthaal."),
    "fr": ("L'égalité des chances", "Une formation pour chaque employé de l'accueil."),
    "de": ("Bürgernahe Gemeinde", "Die Gemeinde schult jede Mitarbeiterin im Bürgerbüro."),
    "en": ("A welcoming front desk", "Training for every staff member who meets residents."),
    "sv": ("Värdskap i Lidköping", "Kommunen utbildar varje medarbetare i bemötande."),
}
# A search in each language that only stemming, accent folding or word starts can match.
SEARCHES = {
    "nl": ["medewerkers", "ONTHAAL", "onth"],
    "fr": ["employés", "egalite", "chance"],
    "de": ["Gemeinden", "burgernahe", "Mitarbeit"],
    "en": ["members", "welcoming desk", "resident"],
    "sv": ["medarbetarna", "Lidkoping", "bemot"],
}


@pytest.fixture
def practices(make_practice):
    """One practice per language, written in that language only."""
    made = {}
    for lang, (title, summary) in TEXTS.items():
        texts = {"title_nl": "", "summary_nl": ""} | {f"title_{lang}": title}
        texts[f"summary_{lang}"] = summary
        made[lang] = make_practice(language=lang, **texts)
    return made


def found(text, lang):
    return [p.slug for p in practice_listing(QueryDict(f"q={text}"), lang).filter.practices()]


@pytest.mark.parametrize("lang", list(TEXTS))
def test_search_finds_plurals_accents_and_word_starts(practices, lang):
    for text in SEARCHES[lang]:
        assert found(text, lang) == [practices[lang].slug], text


def test_a_search_needs_every_word(practices):
    assert found("training onthaal", "nl") == [practices["nl"].slug]
    assert found("training lidkoping", "nl") == []


def test_untranslated_practices_are_found_by_their_original_text(practices):
    """A Swedish practice without Dutch text is still found from the Dutch list."""
    assert found("Lidköping", "nl") == [practices["sv"].slug]


def test_unpublished_practices_are_not_found(make_practice):
    make_practice(status=Status.DRAFT, title_nl="Geheim onthaal")
    assert found("geheim", "nl") == []


def test_title_matches_rank_first(make_practice):
    body = make_practice(title_nl="Taalbeleid", summary_nl="Over het onthaal van nieuwkomers")
    title = make_practice(title_nl="Onthaal van nieuwkomers", summary_nl="Een taalbeleid")
    ranked = [p.slug for p in practice_listing(QueryDict("q=onthaal"), "nl").paginator.page(1)]
    if connection.vendor == "postgresql":
        assert ranked == [title.slug, body.slug]
    else:  # no rank on SQLite: the newest match first
        assert ranked == [title.slug, body.slug] == sorted(ranked, key=lambda s: -int(s[9:]))


def test_matched_words_are_highlighted_and_the_rest_escaped(client, make_practice):
    make_practice(summary_nl="Het <b>onthaal</b> & de <script>stad</script>")
    html = client.get("/nl/practices/?q=onthaal").content.decode()
    assert "<b>" not in html and "<script>stad" not in html
    if connection.vendor == "postgresql":  # the headline leaves tags out
        assert "<mark>onthaal</mark>" in html and "&amp; de" in html
    else:  # no headline: the summary, escaped
        assert "&lt;b&gt;onthaal" in html


@pytest.mark.parametrize(
    "text",
    [
        "\"quoted\" 'single'",
        "&|!:*()<>",
        "'; DROP TABLE practices_practice; --",
        "x" * 10_000,
        "onthaal " * 500,
        "😀 🌍",
        "שלום עולם",
        "مرحبا",
        "a:* & !b | c",
        "\\ % _ \x00",
    ],
)
def test_odd_searches_give_a_normal_page(client, make_practice, text):
    make_practice(title_nl="Onthaal")
    response = client.get("/nl/practices/", {"q": text})
    assert response.status_code == 200
    assert "<h1>" in response.content.decode()
    assert client.get("/api/practices/", {"q": text}).status_code == 200


def test_the_index_follows_every_change_of_a_practice(make_practice, django_assert_num_queries):
    """On SQLite the FTS5 index (kept by triggers), on PostgreSQL the stored vectors."""
    practice = make_practice(title_nl="Onthaal in klare taal")
    assert found("klare", "nl") == [practice.slug]
    practice.title_nl = "Spreekuur voor nieuwkomers"
    practice.save()
    assert found("klare", "nl") == [] and found("nieuwkomer", "nl") == [practice.slug]
    practice.delete()
    assert found("nieuwkomer", "nl") == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own index")
def test_sqlite_searches_its_full_text_index(make_practice):
    make_practice(title_nl="Onthaal in klare taal")
    with CaptureQueriesContext(connection) as queries:
        assert len(found("klare onth", "nl")) == 1
    assert any("practices_fts MATCH" in query["sql"] for query in queries.captured_queries)
    assert not any("LIKE" in query["sql"] for query in queries.captured_queries)
