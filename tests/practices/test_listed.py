"""The practice list's narrow table follows the practices in the same transaction."""

import pytest
from django.db import connection, transaction
from django.http import QueryDict

from practices.models import ListedPractice, Practice, Status
from tests.conftest import practice_listing


def slugs(text, lang="nl"):
    return {p.slug for p in practice_listing(QueryDict(f"q={text}"), lang).filter.practices()}


def test_only_published_practices_are_listed(make_practice):
    published = make_practice(title_nl="Buddywerking")
    waiting = make_practice(status=Status.SUBMITTED, title_nl="Buddywerking")
    assert set(ListedPractice.objects.values_list("pk", flat=True)) == {published.pk}
    assert slugs("buddywerking") == {published.slug}

    waiting.status, waiting.published_at = Status.PUBLISHED, published.published_at
    waiting.save()
    published.status = Status.ARCHIVED
    published.save()
    assert slugs("buddywerking") == {waiting.slug}
    listed = ListedPractice.objects.get()
    assert (listed.pk, listed.reach, listed.domain_id) == (
        waiting.pk, waiting.reach, waiting.domain_id,
    )  # fmt: skip

    waiting.delete()
    assert not ListedPractice.objects.exists()


def test_a_failed_save_leaves_the_list_as_it_was(make_practice):
    practice = make_practice(title_nl="Taalcoaching")
    practice.title_nl = "Leesbare brieven"
    with pytest.raises(RuntimeError), transaction.atomic():
        practice.save()
        raise RuntimeError("the request fails after the save")
    assert slugs("taalcoaching") == {practice.slug}
    assert slugs("leesbare") == set()


def test_a_renamed_municipality_is_found_by_its_new_name(make_practice, municipality):
    practice = make_practice()
    assert slugs("hasselt") == {practice.slug}
    municipality.name_nl = "Genk"
    municipality.save()
    assert slugs("genk") == {practice.slug}
    assert slugs("hasselt") == set()


def test_a_renamed_theme_shows_in_the_next_list(
    client, make_practices, django_capture_on_commit_callbacks
):
    """The vocabulary is read once per catalogue version: a change makes a new one."""
    make_practices(3)
    assert "Theme [nl]" in client.get("/nl/practices/").content.decode()
    theme = Practice.objects.first().themes.first()
    theme.name_nl = "Inclusief werven"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save()
    page = client.get("/nl/practices/").content.decode()
    assert "Inclusief werven" in page


def test_a_search_leaves_the_planner_as_it_was(client, make_practice):
    """Reading a search index first holds for the search's own statements only, also
    inside a transaction that goes on (a test's, or a request's with ATOMIC_REQUESTS)."""
    make_practice(title_nl="Buddywerking")
    with transaction.atomic(), connection.cursor() as cursor:
        assert client.get("/nl/practices/?q=buddy").status_code == 200
        if connection.vendor == "postgresql":
            cursor.execute("SHOW enable_seqscan")
            assert cursor.fetchone() == ("on",)
