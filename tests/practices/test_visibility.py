"""Only published practices are public: everywhere, for everyone but editors in admin."""

import pytest
from django.contrib.auth import get_user_model

from practices.models import Domain, Recommendation, Status

HIDDEN = [s for s in Status.values if s != Status.PUBLISHED]


@pytest.fixture
def hidden_practices(make_practice):
    return [make_practice(status=status, title_nl=f"Geheim {status}") for status in HIDDEN]


@pytest.fixture
def outsider(client, db):
    user = get_user_model().objects.create_user("resident", password="x")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "url", ["/nl/", "/nl/practices/", "/nl/domains/hr-policy/", "/nl/municipalities/hasselt/"]
)
def test_lists_show_only_published_practices(client, make_practice, hidden_practices, url):
    make_practice(title_nl="Openbaar voorbeeld")

    html = client.get(url).content.decode()

    assert "Openbaar voorbeeld" in html
    assert "Geheim" not in html


@pytest.mark.parametrize("status", HIDDEN)
def test_unpublished_practice_page_is_not_found(client, make_practice, status):
    practice = make_practice(status=status)
    assert client.get(f"/nl/practices/{practice.slug}/").status_code == 404


def test_unpublished_practice_is_not_found_for_a_logged_in_outsider(outsider, make_practice):
    practice = make_practice(status=Status.SUBMITTED)
    assert outsider.get(f"/en/practices/{practice.slug}/").status_code == 404


def test_unpublished_practice_is_never_shown_as_similar(client, make_practice, hidden_practices):
    practice = make_practice()
    html = client.get(f"/nl/practices/{practice.slug}/").content.decode()
    assert "Geheim" not in html


def test_domain_count_on_home_counts_only_published(client, make_practice, hidden_practices):
    make_practice()
    html = client.get("/en/").content.decode()
    assert "1 practice<" in html


@pytest.mark.parametrize(
    "url",
    [
        "/nl/practices/does-not-exist/",
        "/nl/domains/does-not-exist/",
        "/nl/municipalities/does-not-exist/",
        "/nl/recommendations/does-not-exist/",
    ],
)
def test_bad_addresses_are_not_found(client, make_practice, url):
    make_practice()
    assert client.get(url).status_code == 404


def test_recommendation_page_shows_only_published_practices(client, make_practice, domain):
    recommendation = Recommendation.objects.create(
        slug="advice", domain=domain, title_nl="Advies", summary_nl="Kort"
    )
    make_practice(title_nl="Openbaar voorbeeld")
    for status in HIDDEN:
        make_practice(status=status, title_nl=f"Geheim {status}")

    html = client.get(f"/nl/recommendations/{recommendation.slug}/").content.decode()

    assert "Openbaar voorbeeld" in html
    assert "Geheim" not in html


def test_unpublished_practice_linked_from_another_domain_is_never_similar(client, make_practice):
    practice = make_practice()
    elsewhere = Domain.objects.create(slug="elsewhere", name_nl="Elders")
    hidden = make_practice(status=Status.SUBMITTED, title_nl="Geheim gelinkt", domain=elsewhere)
    practice.similar.add(hidden)

    html = client.get(f"/nl/practices/{practice.slug}/").content.decode()

    assert "Geheim gelinkt" not in html
