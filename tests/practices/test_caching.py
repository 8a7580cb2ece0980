"""Whole list pages and JSON listings, cached for readers without a session."""

from datetime import timedelta

from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils import timezone

from portal import version
from portal.caching import page_key
from practices import moderation
from practices.models import Practice, Status
from tests.helpers import FRENCH_ANSWERS, send_share


def test_a_second_reader_gets_the_page_from_the_cache(
    client, make_practices, django_assert_num_queries
):
    make_practices(3)
    first = client.get("/fr/practices/?reach=2&q=voorbeeld")
    with django_assert_num_queries(1):  # the catalogue's last change, to find the page
        second = client.get("/fr/practices/?reach=2&q=voorbeeld")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second["Content-Language"] == "fr"


def test_saving_a_practice_makes_pages_afresh(client, make_practice):
    make_practice(title_nl="Eerste voorbeeld")
    assert "Eerste voorbeeld" in client.get("/nl/practices/").content.decode()
    make_practice(title_nl="Tweede voorbeeld")
    html = client.get("/nl/practices/").content.decode()
    assert "Tweede voorbeeld" in html and "2 voorbeelden gevonden" in html


def test_each_address_and_language_has_its_own_page(client, make_practice):
    make_practice(reach=1)
    make_practice(reach=4)
    assert "2 practices found" in client.get("/en/practices/").content.decode()
    assert "1 practice found" in client.get("/en/practices/?reach=4").content.decode()
    assert 'lang="de"' in client.get("/de/practices/?reach=4").content.decode()
    other_host = client.get("/api/practices/?lang=nl", HTTP_HOST="localhost").json()
    assert other_host["results"][0]["url"].startswith("http://localhost/nl/practices/")
    assert (
        client.get("/api/practices/?lang=nl")
        .json()["results"][0]["url"]
        .startswith("http://testserver/")
    )


def test_readers_with_a_session_get_a_page_of_their_own(
    client, make_practices, django_assert_max_num_queries
):
    make_practices(3)
    client.get("/nl/practices/")
    client.force_login(User.objects.create_user("editor", is_staff=True))
    with django_assert_max_num_queries(10) as queries:
        assert client.get("/nl/practices/").status_code == 200
    assert len(queries) > 1


def test_refusals_are_not_cached(client, make_practice):
    make_practice()
    assert client.get("/api/practices/?reach=9").status_code == 400
    assert client.get("/api/practices/?reach=2").status_code == 200
    assert cache.get(page_key(RequestFactory().get("/api/practices/?reach=2")))
    assert cache.get(page_key(RequestFactory().get("/api/practices/?reach=9"))) is None


def test_a_change_shows_whatever_the_clocks_say(
    client, make_practice, django_capture_on_commit_callbacks
):
    """Another app server with its clock ahead saved a practice last: the time of the
    latest change does not move when this one publishes, but the generation does."""
    ahead = make_practice(title_nl="Van een server die voorloopt")
    Practice.objects.filter(pk=ahead.pk).update(updated_at=timezone.now() + timedelta(hours=1))
    waiting = make_practice(status=Status.SUBMITTED, title_nl="Net gepubliceerd")
    assert "Net gepubliceerd" not in client.get("/nl/practices/").content.decode()
    editor = User.objects.create_user("eda", is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.publish(waiting, by=editor)
    assert "Net gepubliceerd" in client.get("/nl/practices/").content.decode()


def test_a_practice_page_is_cached_until_an_editor_changes_it(
    client, make_practice, django_assert_num_queries
):
    practice = make_practice(title_nl="Eerste titel")
    assert "Eerste titel" in client.get(practice.get_absolute_url()).content.decode()
    with django_assert_num_queries(1):
        client.get(practice.get_absolute_url())
    practice.title_nl = "Nieuwe titel"
    practice.save()
    assert "Nieuwe titel" in client.get(practice.get_absolute_url()).content.decode()
    moderation.archive(practice, by=User.objects.create_user("eda", is_staff=True))
    assert client.get(practice.get_absolute_url()).status_code == 404  # not served stale


def test_a_submission_leaves_the_cached_pages_as_they_are(
    client, catalogue, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """A wave of submissions (or of spam) must not make every reader wait for fresh pages:
    nothing readers see changes until an editor publishes."""
    practice = Practice.objects.published().first()
    pages = ["/fr/practices/", "/api/practices/?lang=fr", practice.get_absolute_url()]
    for page in pages:
        client.get(page)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_share(Client(), FRENCH_ANSWERS).status_code == 302
    for page in pages:
        with django_assert_num_queries(1):  # still served from the cache
            assert client.get(page).status_code == 200
    submitted = Practice.objects.get(status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.publish(submitted, by=User.objects.create_user("eda", is_staff=True))
    assert FRENCH_ANSWERS["title"] in client.get("/fr/practices/").content.decode()


def test_a_newer_page_replaces_the_older_one_under_its_address(client, make_practice):
    """One entry an address in the cache, however often the catalogue changes."""
    make_practice(title_nl="Eerste voorbeeld")
    client.get("/nl/practices/")
    key = page_key(RequestFactory().get("/nl/practices/"))
    older = cache.get(key)
    make_practice(title_nl="Tweede voorbeeld")
    assert "Tweede voorbeeld" in client.get("/nl/practices/").content.decode()
    version, content_type, content = cache.get(key)
    assert version != older[0] and b"Tweede voorbeeld" in content
    assert content_type == "text/html; charset=utf-8"


def test_a_counter_the_cache_lost_starts_above_every_value_it_had(
    db, django_capture_on_commit_callbacks
):
    """Else pages cached for the counter's early values could match again."""
    before = version.current()
    with django_capture_on_commit_callbacks(execute=True):
        version.changed()
    raised = version.current()
    cache.delete(version.KEY)
    assert before < raised < version.current()


def kept_pages():
    """The pages in the (per-process memory) cache."""
    return sum(":page:" in key for key in cache._cache)


def test_made_up_parameters_never_add_a_cached_page(client, make_practices):
    """Anyone could fill the cache with one page per made-up address."""
    make_practices(3)
    assert client.get("/nl/practices/?reach=2").status_code == 200
    assert kept_pages() == 1
    for number in range(25):  # 100 made-up addresses
        assert client.get(f"/nl/practices/?reach=2&x{number}=1").status_code == 200
        assert client.get(f"/api/practices/?lang=nl&utm{number}=1").status_code == 200
        assert client.get(f"/nl/practices/?theme=made-up-{number}").status_code == 200
        assert client.get(f"/nl/trainings/?format=made-up-{number}").status_code == 200
    for address in ["/nl/practices/?page=999", "/nl/practices/?page=x", "/nl/?utm_source=x"]:
        assert client.get(address).status_code == 200
    assert kept_pages() == 1


def test_every_address_a_reader_can_reach_is_kept(client, make_practices):
    practices = make_practices(3)
    addresses = [
        "/nl/",
        practices[0].get_absolute_url(),
        "/nl/practices/?q=&domain=hr-policy&reach=2&reach=3&sort=newest&page=1",
        "/nl/trainings/?format=",
        "/api/practices/?lang=fr&reach=2",
    ]
    for address in addresses:
        assert client.get(address).status_code == 200
    assert kept_pages() == len(addresses)
