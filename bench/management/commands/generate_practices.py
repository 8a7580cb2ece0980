"""Add N synthetic published practices to the catalogue, fast, for benchmarks and load tests.

Texts come from bench.synthetic (which documents the common and the rare word that
benchmarks search for). Rows are written with bulk_create, many-to-many rows through the
through models, and the search vectors (PostgreSQL) with set-based UPDATEs afterwards.
"""

import random
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify

from bench import synthetic
from practices.models import Domain, Municipality, Practice, Status, TargetGroup, Theme

PREFIX = "gen-"  # slugs of generated practices and municipalities
BATCH = 2000  # practices written per transaction
# Practices whose search vectors one UPDATE rebuilds: one UPDATE over 40,000 rows took as
# long as four of 10,000 (about 1.2 ms a practice), and smaller ones keep transactions short.
VECTOR_BATCH = 10_000
LANGUAGE_WEIGHTS = {"nl": 30, "fr": 22, "de": 16, "en": 12, "sv": 20}
LANGUAGES, WEIGHTS = list(LANGUAGE_WEIGHTS), list(LANGUAGE_WEIGHTS.values())
COUNTRIES = {"nl": "BE NL", "fr": "BE FR LU", "de": "DE LU BE", "en": "", "sv": "SE"}
UNTRANSLATED_SHARE = 0.15  # practices missing one or more translations
NO_MUNICIPALITY_SHARE = 0.03
NO_START_YEAR_SHARE = 0.1
FIRST_PUBLISHED = datetime(2019, 1, 1, tzinfo=UTC)
LAST_PUBLISHED = datetime(2026, 11, 1, tzinfo=UTC)


def ensure_vocabulary():
    if not (Domain.objects.exists() and Theme.objects.exists() and TargetGroup.objects.exists()):
        call_command("loaddata", settings.BASE_DIR / "fixtures/vocabulary.json", verbosity=0)


def ensure_municipalities():
    """The synthetic municipalities, created the first time: {country: [pk, ...]}."""
    generated = Municipality.objects.filter(slug__startswith=PREFIX)
    existing = set(generated.values_list("slug", flat=True))
    new = []
    for country in synthetic.MUNICIPALITIES:
        for index, name in enumerate(synthetic.municipality_names(country), start=1):
            slug = f"{PREFIX}{country.lower()}-{index:03d}-{slugify(name)}"
            if slug not in existing:
                population = random.Random(slug).randint(3_000, 400_000)
                names = {f"name_{lang}": name for lang in synthetic.LANGS}
                new.append(
                    Municipality(
                        slug=slug,
                        country=country,
                        population=population,
                        population_year=2025,
                        **names,
                    )
                )
    Municipality.objects.bulk_create(new)
    found = {}
    for pk, country in generated.values_list("pk", "country"):
        found.setdefault(country, []).append(pk)
    return found


def next_number():
    """One more than the highest number in a generated slug ("gen-0001234-…")."""
    generated = Practice.objects.filter(slug__startswith=PREFIX).order_by("-slug")
    last = generated.values_list("slug", flat=True).first()
    return int(last.split("-")[1]) + 1 if last else 1


class Catalogue:
    """Builds practices and their many-to-many rows from one random generator."""

    def __init__(self, rng, municipalities):
        self.rng = rng
        everywhere = [pk for pks in municipalities.values() for pk in pks]
        self.municipalities = {
            lang: [pk for c in countries.split() for pk in municipalities[c]] or everywhere
            for lang, countries in COUNTRIES.items()
        }
        self.domains = list(Domain.objects.values_list("pk", flat=True))
        self.themes = list(Theme.objects.values_list("pk", flat=True))
        self.targets = list(TargetGroup.objects.values_list("pk", flat=True))

    def missing_languages(self, language):
        """Languages left untranslated: nothing at all, or only title and summary."""
        if self.rng.random() >= UNTRANSLATED_SHARE:
            return {}
        others = [lang for lang in synthetic.LANGS if lang != language]
        missing = self.rng.sample(others, self.rng.randint(1, 4))
        return {lang: self.rng.choice([(), ("title", "summary")]) for lang in missing}

    def practice(self, number):
        rng = self.rng
        texts = synthetic.Writer(rng, number).texts()
        language = rng.choices(LANGUAGES, weights=WEIGHTS)[0]
        missing = self.missing_languages(language)
        fields = {
            f"{field}_{lang}": text
            for field, versions in texts.items()
            for lang, text in zip(synthetic.LANGS, versions, strict=True)
            if lang not in missing or field in missing[lang]
        }
        published_at = FIRST_PUBLISHED + rng.random() * (LAST_PUBLISHED - FIRST_PUBLISHED)
        no_place = rng.random() < NO_MUNICIPALITY_SHARE
        no_start = rng.random() < NO_START_YEAR_SHARE
        title = texts["title"][synthetic.LANGS.index(language)]
        practice = Practice(
            slug=f"{PREFIX}{number:07d}-{slugify(title)[:80].rstrip('-')}",
            language=language,
            status=Status.PUBLISHED,
            published_at=published_at,
            domain_id=rng.choice(self.domains),
            municipality_id=None if no_place else rng.choice(self.municipalities[language]),
            reach=rng.randint(1, 4),
            recurrence=rng.randint(1, 4),
            started_in=None if no_start else rng.randint(2000, published_at.year),
            links=f"https://example.org/practices/{number}" if rng.random() < 0.3 else "",
            **fields,
        )
        practice.languages = " ".join(practice.available_languages())
        return practice

    def some(self, choices, most):
        """1 to `most` different items of `choices`."""
        return self.rng.sample(choices, min(len(choices), self.rng.randint(1, most)))

    def tags(self, practices):
        """The through rows giving each practice 1–4 themes and 1–3 target groups."""
        themes, targets = Practice.themes.through, Practice.target_groups.through
        theme_rows, target_rows = [], []
        for practice in practices:
            for theme in self.some(self.themes, 4):
                theme_rows.append(themes(practice_id=practice.pk, theme_id=theme))
            for target in self.some(self.targets, 3):
                target_rows.append(targets(practice_id=practice.pk, targetgroup_id=target))
        return (themes, theme_rows), (targets, target_rows)


class Command(BaseCommand):
    help = (
        "Add N synthetic published practices in five languages (for benchmarks). "
        "Safe to run again: it adds N more."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="how many practices to add")
        parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")

    def handle(self, count, seed, **options):
        started = time.perf_counter()
        ensure_vocabulary()
        first = next_number()
        catalogue = Catalogue(random.Random(f"{seed}-{first}"), ensure_municipalities())
        created = []
        for offset in range(0, count, BATCH):
            numbers = range(first + offset, first + min(offset + BATCH, count))
            practices = [catalogue.practice(number) for number in numbers]
            with transaction.atomic():
                Practice.objects.bulk_create(practices)
                for through, rows in catalogue.tags(practices):
                    through.objects.bulk_create(rows)
            created += [practices[0].pk, practices[-1].pk]
        written = time.perf_counter()
        if created:
            for low in range(created[0], created[-1] + 1, VECTOR_BATCH):
                batch = Practice.objects.filter(pk__gte=low, pk__lt=low + VECTOR_BATCH)
                batch.relist()
        done = time.perf_counter()
        self.stdout.write(
            f"Created {count:,} published practices in {done - started:.1f} s "
            f"(rows {written - started:.1f} s, search vectors {done - written:.1f} s)."
        )
