import itertools
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.conftest import translated
from trainings.models import Format, TrainingModule, TrainingProgramme

_serial = itertools.count(1)
HOURS = Decimal("3.5")  # a module's


@pytest.fixture
def formats(db):
    return {
        slug: Format.objects.create(slug=slug, position=position, **translated("name", slug))
        for position, slug in enumerate(["workshop", "lecture", "toolbox"])
    }


def training_values(number, published=True, **fields):
    """A programme's columns: published, written in Dutch, unless told otherwise."""
    return {
        "slug": f"training-{number}",
        "title_nl": f"Opleiding {number}",
        "summary_nl": f"Samenvatting van opleiding {number}",
        "language": "nl",
        "is_published": published,
        "published_at": timezone.now() if published else None,
        **fields,
    }


def module_rows(training, count):
    return [
        TrainingModule(
            programme=training, position=position, title_nl=f"Module {position}", hours=HOURS
        )
        for position in range(1, count + 1)
    ]


@pytest.fixture
def make_training(formats, municipality):
    """Create a training programme: published, written in Dutch, a workshop in Hasselt."""

    def make(*, published=True, formats_=("workshop",), modules=0, **fields):
        values = training_values(next(_serial), published, municipality=municipality, **fields)
        training = TrainingProgramme.objects.create(**values)
        training.formats.set([formats[slug] for slug in formats_])
        TrainingModule.objects.bulk_create(module_rows(training, modules))
        return training

    return make


@pytest.fixture
def make_trainings(formats, municipality):
    """Create n programmes as make_training(modules=2) would, each a workshop belonging to
    `practice`: in a few INSERTs and one update of their languages instead of n saves."""

    def make(n, practice):
        trainings = TrainingProgramme.objects.bulk_create(
            TrainingProgramme(**training_values(next(_serial), municipality=municipality))
            for _ in range(n)
        )
        TrainingProgramme.objects.filter(pk__in=[t.pk for t in trainings]).refresh_languages()
        for relation, target in (("formats", formats["workshop"]), ("practices", practice)):
            through = getattr(TrainingProgramme, relation).through
            column = through._meta.get_field(relation.removesuffix("s")).attname
            through.objects.bulk_create(
                through(trainingprogramme_id=t.pk, **{column: target.pk}) for t in trainings
            )
        TrainingModule.objects.bulk_create(m for t in trainings for m in module_rows(t, 2))
        return trainings

    return make
