"""The practice list page and the JSON listing: filters, chips, sort, pages, bad input."""

import pytest

from practices.models import Practice, Status, Theme
from tests.conftest import translated

ALL_FACETS = (
    "?q=voorbeeld&domain=hr-policy&theme=t1&target=nobody&municipality=hasselt&country=BE"
    "&reach=2&recurrence=3&year=2020&available=yes&sort=title"
)


def test_facets_are_fieldsets_with_counts(client, make_practice, domain):
    make_practice(reach=1)
    html = client.get("/en/practices/").content.decode()
    assert "<legend>Policy domain</legend>" in html
    assert 'name="domain" value="hr-policy"' in html
    assert 'HR policy [en] <span class="count">(1' in html
    # A reach no practice has is shown but cannot be chosen.
    assert 'name="reach" value="4" id="facet-reach-4" disabled' in html
    assert 'name="reach" value="1" id="facet-reach-1">' in html


def test_chosen_filters_are_chips_that_remove_themselves(client, make_practice):
    make_practice(reach=1)
    make_practice(reach=2)
    html = client.get("/en/practices/?reach=1&reach=2&q=voorbeeld").content.decode()
    assert "2 practices found" in html
    assert 'href="?reach=2&amp;q=voorbeeld"' in html  # removes reach 1
    assert 'href="?reach=1&amp;reach=2"' in html  # removes the search
    assert 'class="clear-all" href="?"' in html
    assert 'value="1" id="facet-reach-1" checked' in html


def test_pages_keep_the_filters(client, make_practice, settings):
    settings.PRACTICES_PER_PAGE = 2
    for _ in range(5):
        make_practice(reach=3)
    html = client.get("/en/practices/?reach=3&page=2").content.decode()
    assert 'href="?reach=3&amp;page=3"' in html and 'href="?reach=3&amp;page=1"' in html


def test_sort_by_title_or_newest(client, make_practice):
    make_practice(title_nl="Beta")
    make_practice(title_nl="Alfa")
    make_practice(title_nl="Gamma")
    html = client.get("/nl/practices/?sort=title").content.decode()
    assert html.index("Alfa") < html.index("Beta") < html.index("Gamma")
    html = client.get("/nl/practices/?sort=newest").content.decode()
    assert html.index("Gamma") < html.index("Alfa") < html.index("Beta")


@pytest.mark.parametrize(
    "query",
    [
        "?domain=unknown-domain",
        "?reach=9&recurrence=abc&year=20x5&year=99999",
        "?theme=%3Cscript%3Ealert(1)%3C/script%3E",
        "?page=abc",
        "?page=-1",
        "?page=100000000000000000000000",
        "?sort=sideways",
        "?available=maybe&country=XX",
    ],
)
def test_bad_input_gives_a_normal_page(client, make_practice, query):
    make_practice(title_nl="Zichtbaar voorbeeld")
    response = client.get(f"/en/practices/{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zichtbaar voorbeeld" in html and "<script>alert" not in html


def test_unknown_filter_values_are_left_out_and_said_so(client, make_practice):
    make_practice(title_nl="Zichtbaar voorbeeld")
    html = client.get("/en/practices/?domain=unknown&reach=9&domain=hr-policy").content.decode()
    assert "were not recognised and have been left out" in html
    assert "Policy domain: “unknown”" in html and "Reach: “9”" in html
    assert "Zichtbaar voorbeeld" in html  # hr-policy still applies


def test_json_listing(client, make_practice, domain, settings):
    settings.PRACTICES_PER_PAGE = 2
    theme = Theme.objects.create(slug="literacy", **translated("name", "Literacy"))
    for _ in range(3):
        texts = translated("title", "Example") | translated("summary", "Summary")
        make_practice(**texts).themes.add(theme)
    make_practice(status=Status.DRAFT, title_nl="Draft")
    data = client.get("/api/practices/", {"lang": "fr", "theme": "literacy"}).json()
    assert data["count"] == 3 and data["previous"] is None
    assert data["next"] == "http://testserver/api/practices/?lang=fr&theme=literacy&page=2"
    first = data["results"][0]
    assert set(first) == {
        "slug", "title", "summary", "municipality", "country", "domain", "themes",
        "reach", "recurrence", "state", "ended_in", "doing_it_yourself", "url", "languages",
    }  # fmt: skip
    assert (first["state"], first["ended_in"]) == ("running", None)
    assert set(first["doing_it_yourself"]) == {
        "resources", "conditions", "hindsight", "other_sizes",
    }  # fmt: skip
    assert first["title"] == "Example [fr]" and first["country"] == "BE"
    assert first["domain"] == {"slug": "hr-policy", "name": "HR policy [fr]"}
    assert first["themes"] == [{"slug": "literacy", "name": "Literacy [fr]"}]
    assert first["url"].startswith("http://testserver/fr/practices/")
    assert first["languages"] == ["nl", "fr", "de", "en", "sv"]
    assert {"value": "literacy", "label": "Literacy [fr]", "count": 3} in data["facets"]["theme"]
    assert set(data["facets"]) == {
        "domain", "theme", "target", "municipality", "country", "size", "reach", "recurrence",
        "year", "available",
    }  # fmt: skip
    assert "Draft" not in str(data)
    page_two = client.get(data["next"]).json()
    assert len(page_two["results"]) == 1 and page_two["next"] is None


@pytest.mark.parametrize(
    "params",
    [
        {"lang": "es"},
        {"domain": "unknown"},
        {"reach": "9"},
        {"page": "abc"},
        {"page": "99"},
        {"sort": "sideways"},
    ],
)
def test_json_listing_refuses_invalid_parameters(client, make_practice, params):
    make_practice()
    response = client.get("/api/practices/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


@pytest.mark.parametrize("size", [5, 200])
def test_query_counts_stay_constant_with_every_facet(
    client, make_practices, django_assert_max_num_queries, size
):
    """Every facet active and a search. For a new catalogue version: its last change, its
    vocabulary and its facet index (one query for the facets of one value, one for each
    of the two tag facets), then the search's matches, the page's keys and its practices.
    Within the same version, only the last change, the search's matches, the page's keys
    and practices (and the themes of the practices in JSON)."""
    make_practices(size)
    with django_assert_max_num_queries(8):
        assert client.get(f"/nl/practices/{ALL_FACETS}").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(f"/nl/practices/{ALL_FACETS}&reach=3").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/api/practices/?lang=nl&theme=t1&reach=2").status_code == 200


def test_municipalities_of_my_size(client, catalogue):
    """Lidköping (38,093 inhabitants) is of the second size; Hasselt's and Mechelen's
    populations are not in the demo catalogue, nor is a practice's without a municipality."""
    page = client.get("/en/municipalities/lidkoping/").content.decode()
    assert "10,000 to 50,000 inhabitants" in page and "?size=10000-50000" in page
    assert client.get("/en/practices/?size=10000-50000").status_code == 200

    def places(size):
        found = client.get(f"/api/practices/?lang=en&size={size}").json()["results"]
        return {(practice["municipality"] or {}).get("slug") for practice in found}

    assert places("10000-50000") == {"lidkoping"}
    assert places("unknown") == {"hasselt", "mechelen", None}  # None: no municipality
    assert places("unknown&size=10000-50000") == {"hasselt", "mechelen", None, "lidkoping"}
    assert places("over-100000") == set()
    counts = client.get("/api/practices/?lang=en").json()["facets"]["size"]
    assert {entry["value"]: entry["count"] for entry in counts if entry["count"]} == {
        "10000-50000": Practice.objects.published().filter(municipality__slug="lidkoping").count(),
        "unknown": Practice.objects.published().exclude(municipality__slug="lidkoping").count(),
    }
