"""`manage.py generate_practices`: a synthetic catalogue for benchmarks."""

import random
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from bench import run, synthetic
from bench.management.commands.generate_practices import Command as GeneratePractices
from practices import search
from practices.models import (
    Domain,
    ListedPractice,
    Municipality,
    Practice,
    Status,
    TargetGroup,
    Theme,
)

LANGS = list(synthetic.LANGS)
ALL = " ".join(LANGS)


@pytest.fixture
def generate(db):
    def run(count, seed=1):
        out = StringIO()
        call_command(GeneratePractices(), count, seed=seed, stdout=out)
        return out.getvalue()

    return run


def test_creates_published_practices_spread_over_the_vocabulary(generate):
    assert "Created 60 published practices" in generate(60)

    practices = Practice.objects.all()
    assert practices.count() == 60
    assert set(practices.values_list("status", flat=True)) == {Status.PUBLISHED}
    assert not practices.filter(published_at=None).exists()
    assert Domain.objects.count() == 10, "the vocabulary fixture is loaded into an empty database"
    assert practices.values("domain").distinct().count() >= 6
    assert practices.values("themes").distinct().count() >= 10
    assert practices.values("target_groups").distinct().count() >= 5
    assert set(practices.values_list("reach", flat=True)) == {1, 2, 3, 4}
    assert set(practices.values_list("recurrence", flat=True)) == {1, 2, 3, 4}
    assert set(practices.values_list("language", flat=True)) == set(LANGS)
    assert practices.values("municipality").distinct().count() >= 20
    tags = practices.annotate(
        themes_count=Count("themes", distinct=True),
        targets_count=Count("target_groups", distinct=True),
    )
    assert all(1 <= p.themes_count <= 4 and 1 <= p.targets_count <= 3 for p in tags)


def test_texts_in_five_languages_with_some_missing(generate):
    generate(60)

    practices = list(Practice.objects.all())
    complete = [p for p in practices if p.languages == ALL]
    assert 40 <= len(complete) < 60, "about 15% lack a translation"
    for practice in complete:
        assert all(practice.text_in("title", lang) for lang in LANGS)
        assert all(practice.text_in("description", lang) for lang in LANGS)
    for practice in practices:
        assert practice.languages == " ".join(practice.available_languages())
        assert practice.language in practice.languages.split()
        assert 5 <= len(practice.text_in("title", practice.language).split()) <= 12
        assert 20 <= len(practice.text_in("summary", practice.language).split()) <= 70


def test_uses_the_vocabulary_there_is(generate, domain):
    theme = Theme.objects.create(slug="only-theme", **{f"name_{lang}": "T" for lang in LANGS})
    TargetGroup.objects.create(slug="only-group", **{f"name_{lang}": "G" for lang in LANGS})

    generate(10)

    assert set(Practice.objects.values_list("domain", flat=True)) == {domain.pk}
    assert set(Practice.objects.values_list("themes", flat=True)) == {theme.pk}
    assert Domain.objects.count() == 1


def test_running_again_adds_more_and_reuses_the_municipalities(generate):
    generate(30)
    municipalities = Municipality.objects.count()

    generate(30)

    assert Practice.objects.count() == 60
    assert Practice.objects.filter(slug__startswith="gen-0000060-").exists()
    assert Municipality.objects.count() == municipalities
    assert municipalities <= 300


def test_same_seed_same_catalogue(generate):
    generate(20, seed=5)
    first = list(Practice.objects.order_by("slug").values_list("slug", "title_nl", "reach"))
    Practice.objects.all().delete()

    generate(20, seed=5)

    assert list(Practice.objects.order_by("slug").values_list("slug", "title_nl", "reach")) == first


def test_the_benchmark_words_are_found(generate):
    generate(60)

    assert ListedPractice.objects.count() == Practice.objects.published().count() == 60
    found = search.matching(ListedPractice.objects.all(), synthetic.COMMON["nl"], "nl").count()
    assert 30 <= found < 60, "the common word is in most practices, not in all"
    if connection.vendor == "postgresql":
        assert not ListedPractice.objects.filter(search_nl=None).exists()
        assert not ListedPractice.objects.filter(search_sv=None).exists()
    what = synthetic.Writer(random.Random(1), 500).texts()["what"]
    assert all(synthetic.RARE in text.lower() for text in what)
    assert synthetic.RARE not in str(synthetic.Writer(random.Random(1), 501).texts()).lower()


def test_the_first_readers_ask_addresses_that_exist(generate, client):
    """The benchmark's random addresses are the same in every run, in five languages,
    and each answers with a page."""
    generate(60)
    drawn = run.first_readers()
    assert drawn == run.first_readers()
    assert {kind: len(paths) for kind, paths in drawn.items()} == {
        "list": run.FIRST_READERS, "search": run.FIRST_READERS, "JSON": run.FIRST_READERS,
    }  # fmt: skip
    assert all("q=" in path for path in drawn["search"])
    assert {path[1:3] for path in drawn["list"] + drawn["search"]} == set(LANGS)
    for path in drawn["list"] + drawn["search"] + drawn["JSON"]:
        assert client.get(path).status_code == 200, path
