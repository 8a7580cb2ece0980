"""Facet counts are disjunctive and true: checked against a brute-force count."""

import random
from collections import Counter
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.utils import timezone

from portal.counting import known_index
from practices.models import (
    Domain,
    ListedPractice,
    Municipality,
    Practice,
    Status,
    TargetGroup,
    Theme,
)
from tests.conftest import LANGUAGES, practice_listing, translated

FACETS = [
    "domain", "theme", "target", "municipality", "country", "size", "reach", "recurrence", "year",
]  # fmt: skip


@pytest.fixture
def random_catalogue(db):
    """Forty practices with random facet values; a fixed seed keeps failures repeatable."""
    return random_practices(40)


def random_practices(count):
    """`count` practices with random facet values, and the random generator."""
    rng = random.Random(20261122)
    domains = [Domain.objects.create(slug=f"d{i}", **translated("name", f"D{i}")) for i in range(3)]
    themes = [Theme.objects.create(slug=f"t{i}", **translated("name", f"T{i}")) for i in range(4)]
    targets = [
        TargetGroup.objects.create(slug=f"g{i}", **translated("name", f"G{i}")) for i in range(3)
    ]
    places = [
        Municipality.objects.create(
            slug=f"m{i}", country=country, population=population, **translated("name", f"M{i}")
        )
        for i, (country, population) in enumerate(
            [("BE", 9_999), ("BE", 10_000), ("SE", None), ("SE", 50_000), ("BE", 100_000)]
        )
    ]
    practices, themes_of, targets_of = [], {}, {}
    for number in range(count):
        complete = rng.random() < 0.6
        practice = Practice(
            slug=f"p{number}",
            language="nl",
            **(translated("title", f"P{number}") if complete else {"title_nl": f"P{number}"}),
            domain=rng.choice(domains),
            municipality=rng.choice([*places, None]),
            reach=rng.randint(1, 4),
            recurrence=rng.randint(1, 4),
            started_in=rng.choice([2015, 2018, 2020, None]),
            status=rng.choice([Status.PUBLISHED] * 4 + [Status.DRAFT]),
            published_at=timezone.now(),
        )
        practices.append(practice)
        themes_of[practice.slug] = rng.sample(themes, rng.randint(0, 3))
        targets_of[practice.slug] = rng.sample(targets, rng.randint(0, 2))
    # The rows save() would write, in a few INSERTs and one re-index (languages, search).
    Practice.objects.bulk_create(practices)
    for tags, chosen in ((Practice.themes, themes_of), (Practice.target_groups, targets_of)):
        link, tag = tags.through, tags.field.m2m_reverse_field_name()
        link.objects.bulk_create(
            link(practice_id=practice.pk, **{f"{tag}_id": each.pk})
            for practice in practices
            for each in chosen[practice.slug]
        )
    Practice.objects.filter(pk__in=[p.pk for p in practices]).refresh_search_index()
    return rng


def values_of(practice, facet, lang):
    """The facet values of one practice, computed in Python."""
    return all_values_of(practice, lang)[facet]


def all_values_of(practice, lang):
    """The values of every facet of one practice, computed in Python."""
    place = practice.municipality
    return {
        "domain": {practice.domain.slug},
        "theme": {theme.slug for theme in practice.themes.all()},
        "target": {group.slug for group in practice.target_groups.all()},
        "municipality": {place.slug} if place else set(),
        "country": {place.country} if place else set(),
        "size": {size_band(place.population if place else None)},
        "reach": {str(practice.reach)},
        "recurrence": {str(practice.recurrence)},
        "year": {str(practice.started_in)} if practice.started_in else set(),
        "available": {"yes" if lang in practice.languages.split() else "no"},
    }


def size_band(population):
    """The band of a population, written out as a reader would sort it."""
    if population is None:
        return "unknown"
    if population < 10_000:
        return "under-10000"
    if population < 50_000:
        return "10000-50000"
    return "50000-100000" if population < 100_000 else "over-100000"


def published_values(lang):
    """The facet values of every published practice, read and computed once."""
    practices = Practice.objects.published().prefetch_related(
        "themes", "target_groups", "municipality"
    )
    return [all_values_of(practice, lang) for practice in practices]


def brute_force_counts(chosen, published):
    """For each facet, count the published practices (their values: `published`) that
    pass every other facet."""

    def passes(values, leave_out):
        return all(
            values[facet] & set(wanted)
            for facet, wanted in chosen.items()
            if wanted and facet != leave_out
        )

    counts = {}
    for facet in [*FACETS, "available"]:
        counts[facet] = {}
        for values in published:
            if passes(values, facet):
                for value in values[facet]:
                    counts[facet][value] = counts[facet].get(value, 0) + 1
    return counts


def random_choice_of_filters(rng):
    pools = {
        "domain": ["d0", "d1", "d2"],
        "theme": ["t0", "t1", "t2", "t3"],
        "target": ["g0", "g1", "g2"],
        "municipality": ["m0", "m1", "m2", "m3", "m4"],
        "country": ["BE", "SE"],
        "size": ["under-10000", "10000-50000", "50000-100000", "over-100000", "unknown"],
        "reach": ["1", "2", "3", "4"],
        "recurrence": ["1", "2", "3", "4"],
        "year": ["2015", "2018", "2020"],
        "available": ["yes", "no"],
    }
    chosen = rng.sample(sorted(pools), rng.randint(0, 4))
    return {facet: rng.sample(pools[facet], rng.randint(1, 2)) for facet in chosen}


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_counts_match_a_brute_force_count(random_catalogue, lang):
    rng, published = random_catalogue, published_values(lang)  # the loop changes no row
    for _attempt in range(25):
        chosen = random_choice_of_filters(rng)
        listing = practice_listing(QueryDict(urlencode(chosen, doseq=True)), lang)
        expected = brute_force_counts(chosen, published)
        for facet, counts in listing.counts.items():
            found = {value: n for value, n in counts.items() if n}
            assert found == expected[facet], (chosen, facet)
        matching = sum(expected["reach"].get(v, 0) for v in chosen.get("reach", "1234"))
        assert listing.total == matching == listing.filter.qs.count(), chosen


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_counts_under_a_search_are_those_of_the_practices_found(random_catalogue, lang):
    listing = practice_listing(QueryDict("q=P1"), lang)
    found = list(
        listing.filter.practices().prefetch_related("themes", "target_groups", "municipality")
    )
    assert len(found) > 3
    for facet in [*FACETS, "available"]:
        expected = Counter(
            value for practice in found for value in values_of(practice, facet, lang)
        )
        assert {value: n for value, n in listing.counts[facet].items() if n} == expected, facet


def test_a_facet_does_not_narrow_its_own_counts(random_catalogue):
    """Choosing a domain leaves the other domains' counts as they were: the reader can
    widen the choice; every other facet narrows to that domain."""
    everything = practice_listing(QueryDict(""), "nl")
    one_domain = practice_listing(QueryDict("domain=d0"), "nl")
    assert one_domain.counts["domain"] == everything.counts["domain"]
    assert sum(one_domain.counts["reach"].values()) == everything.counts["domain"]["d0"]
    assert sum(one_domain.counts["reach"].values()) < sum(everything.counts["reach"].values())


def test_values_within_a_facet_add_up(random_catalogue):
    """Two values of one facet give the practices with either of them."""
    d0 = practice_listing(QueryDict("domain=d0"), "nl").total
    d1 = practice_listing(QueryDict("domain=d1"), "nl").total
    assert practice_listing(QueryDict("domain=d0&domain=d1"), "nl").total == d0 + d1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_available_in_my_language_follows_the_reader(random_catalogue, lang):
    listing = practice_listing(QueryDict("available=yes"), lang)
    complete = Practice.objects.published().filter(**{f"title_{lang}__gt": ""}).count()
    assert listing.total == complete


def test_counts_are_cached_until_a_practice_is_saved(
    client, make_practice, django_assert_num_queries
):
    """A second reader of the same filters, sorted otherwise (so not the same cached
    page), gets the counts from the cache (no counting query); publishing a practice
    makes the next reader count afresh."""
    first = make_practice()
    client.get("/nl/practices/?reach=2")
    # The last change, the page's keys and its practices; the vocabulary of this
    # version is known already.
    with django_assert_num_queries(3):
        response = client.get("/nl/practices/?reach=2&sort=title")
    assert response.context["listing"].total == 1
    make_practice(reach=2)
    assert client.get("/nl/practices/?reach=2").context["listing"].total == 2
    first.reach = 3
    first.save()
    assert client.get("/nl/practices/?reach=2").context["listing"].total == 1
    assert practice_listing(QueryDict("reach=2"), "fr").total == 1


def test_cached_counts_are_per_language_and_search(random_catalogue):
    """The same filters in another language or with other words are counted apart."""
    dutch = practice_listing(QueryDict("available=yes"), "nl").total
    french = practice_listing(QueryDict("available=yes"), "fr").total
    assert dutch == Practice.objects.published().available_in("nl").count()
    assert french == Practice.objects.published().available_in("fr").count() != dutch
    for words in ("P1", "P39"):
        listing = practice_listing(QueryDict(f"q={words}"), "nl")
        assert listing.total == listing.filter.qs.count()
    assert (
        practice_listing(QueryDict("q=P1"), "nl").total
        > practice_listing(QueryDict("q=P39"), "nl").total
    )


def assert_counts_are_true(rng, lang="nl", attempts=15):
    published = published_values(lang)
    for _attempt in range(attempts):
        chosen = random_choice_of_filters(rng)
        listing = practice_listing(QueryDict(urlencode(chosen, doseq=True)), lang)
        expected = brute_force_counts(chosen, published)
        for facet, counts in listing.counts.items():
            assert {value: n for value, n in counts.items() if n} == expected[facet], chosen


def test_counts_stay_true_when_the_index_reads_only_what_changed(
    db, django_capture_on_commit_callbacks
):
    """After a change each process reads again only the practices written since it read
    its facet index (portal.counting.FacetIndex): published, changed, moved to another
    municipality size, unpublished or deleted (fewer than a tenth of them, or it reads
    them all). A new theme is a new vocabulary: the index is read whole again. The counts
    stay those of a brute-force count throughout."""
    rng = random_practices(400)
    an_hour_ago = timezone.now() - timedelta(hours=1)
    ListedPractice.objects.update(listed_at=an_hour_ago)  # a catalogue listed earlier
    assert_counts_are_true(rng)
    published = list(Practice.objects.published().order_by("pk"))
    draft = Practice.objects.exclude(status=Status.PUBLISHED).first()
    with django_capture_on_commit_callbacks(execute=True):
        changed = published[0]
        changed.domain = Domain.objects.exclude(pk=changed.domain_id).first()
        changed.started_in, changed.reach = 2031, 1
        changed.themes.set(Theme.objects.all()[:1])
        changed.save()
        draft.status, draft.published_at = Status.PUBLISHED, timezone.now()
        draft.save()
        published[1].status = Status.DRAFT
        published[1].save()
        deleted = published[2].pk
        published[2].delete()
    listing = practice_listing(QueryDict(""), "nl")
    assert listing.counts["year"]["2031"] == 1
    read_again = {changed.pk, draft.pk, published[1].pk, deleted}
    assert known_index(listing.filter, listing.version).read_again == read_again
    assert_counts_are_true(rng)
    with django_capture_on_commit_callbacks(execute=True):
        place = Municipality.objects.get(slug="m2")
        place.population = 60_000
        place.save()
        published[3].save()
    assert_counts_are_true(rng)
    with django_capture_on_commit_callbacks(execute=True):
        new = Theme.objects.create(slug="t9", **translated("name", "T9"))
        published[4].themes.add(new)
        published[4].save()
    listing = practice_listing(QueryDict(""), "nl")
    assert listing.counts["theme"]["t9"] == 1
    assert known_index(listing.filter, listing.version).read_again is None
    assert_counts_are_true(rng)
