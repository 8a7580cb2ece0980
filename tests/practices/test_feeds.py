"""Follow a list: its Atom feed (the same filters, newest first, in the address's
language) and its spreadsheet (every matching practice, streamed)."""

import csv
import io
from urllib.parse import urlencode

import feedparser
import pytest

from practices.models import Practice

FILTER_SETS = [
    {},
    {"domain": "public-services"},
    {"theme": "clear-language"},
    {"q": "training"},
    {"size": "unknown", "reach": ["1", "2"]},
]


def feed_of(client, lang, filters):
    response = client.get(f"/{lang}/practices/feed/?{urlencode(filters, doseq=True)}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return feedparser.parse(response.content)


@pytest.mark.parametrize("lang", ["nl", "fr", "sv"])
def test_a_feed_holds_the_lists_first_page(client, catalogue, lang):
    for filters in FILTER_SETS:
        feed = feed_of(client, lang, filters)
        assert not feed.bozo and feed.version == "atom10", feed.bozo_exception
        query = urlencode({**filters, "lang": lang, "sort": "newest"}, doseq=True)
        first_page = client.get(f"/api/practices/?{query}").json()["results"]
        assert [entry.link for entry in feed.entries] == [item["url"] for item in first_page]
        assert [entry.title for entry in feed.entries] == [item["title"] for item in first_page]


def test_an_entry_says_what_where_and_in_which_language(client, catalogue):
    feed = feed_of(client, "fr", {"municipality": "lidkoping"})
    entry = feed.entries[0]
    practice = Practice.objects.get(slug=entry.link.rstrip("/").rsplit("/", 1)[1])
    assert entry.author == "Lidköping" and entry.tags[0].term == practice.domain.name_fr
    assert entry.summary == practice.summary_fr and entry.title_detail.language == "fr"
    assert entry.published_parsed and entry.updated_parsed
    untranslated = feed_of(client, "de", {"theme": "clear-language"}).entries
    assert {entry.title_detail.language for entry in untranslated} <= {"de", "nl", "sv"}


def test_lists_domains_and_municipalities_name_their_feed(client, catalogue):
    page = client.get("/nl/practices/?domain=hr-policy&page=1").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Volg deze resultaten '
        '(Atom-feed)" href="/nl/practices/feed/?domain=hr-policy">'
    ) in page
    assert 'href="/nl/practices/csv/?domain=hr-policy" type="text/csv"' in page
    domain = client.get("/en/domains/hr-policy/").content.decode()
    assert 'href="/en/practices/feed/?domain=hr-policy"' in domain
    place = client.get("/en/municipalities/mechelen/").content.decode()
    assert 'href="/en/practices/feed/?municipality=mechelen"' in place
    trainings = client.get("/sv/trainings/").content.decode()
    assert 'type="application/atom+xml"' in trainings
    assert not feedparser.parse(client.get("/sv/trainings/feed/").content).bozo


@pytest.mark.parametrize(
    "query", ["reach=x&page=abc", "made_up=1", "q=%00", "domain=" + "x" * 500, "page=999"]
)
def test_hostile_addresses_get_a_feed_not_an_error(client, catalogue, query):
    response = client.get(f"/en/practices/feed/?{query}")
    assert response.status_code == 200 and not feedparser.parse(response.content).bozo


def test_a_spreadsheet_holds_every_matching_practice(client, make_practices):
    make_practices(25)  # more than a page
    response = client.get("/fr/practices/csv/?reach=2")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="practices-fr.csv"'
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffTitre,")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    matching = Practice.objects.published().filter(reach=2)
    assert len(rows) - 1 == matching.count() == 25
    assert {row[-1] for row in rows[1:]} == {
        f"http://testserver/fr/practices/{slug}/"
        for slug in matching.values_list("slug", flat=True)
    }
    newest = matching.order_by("-published_at", "-pk").first()
    title, summary, place, country, domain, themes = rows[1][:6]
    assert (title, summary, place, country) == (  # not translated: in the original
        newest.title_nl,
        newest.summary_nl,
        newest.municipality.name_fr,
        "Belgique",
    )
    assert domain == newest.domain.name_fr and themes == "Theme [fr], Theme [fr]"
    assert rows[1][7:10] == ["2", "3", ""] and rows[1][10] == "En cours"


def test_a_training_list_downloads_too(client, catalogue):
    page = client.get("/de/trainings/?format=workshop").content.decode()
    assert 'href="/de/trainings/csv/?format=workshop" type="text/csv"' in page
    response = client.get("/de/trainings/csv/")
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0][0] == "Titel" and len(rows) - 1 == 4  # the demo's four programmes
    assert all(row[-1].startswith("http://testserver/de/trainings/") for row in rows[1:])


@pytest.mark.parametrize(
    "query", ["reach=x&page=abc", "made_up=1", "q=%00", "domain=" + "x" * 500, "year=99999"]
)
def test_hostile_addresses_get_a_spreadsheet_not_an_error(client, catalogue, query):
    response = client.get(f"/en/practices/csv/?{query}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode().startswith("\ufeffTitle,")


def test_a_feed_is_cached_like_the_lists(client, catalogue, django_assert_max_num_queries):
    client.get("/nl/practices/feed/?domain=hr-policy")
    with django_assert_max_num_queries(1):  # the catalogue's last changes, then the cache
        again = client.get("/nl/practices/feed/?domain=hr-policy")
    assert again.status_code == 200 and b"<feed" in again.content
