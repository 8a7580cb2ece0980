import itertools
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.conftest import translated
from trainings.models import Format, TrainingModule, TrainingProgramme

_serial = itertools.count(1)


@pytest.fixture
def formats(db):
    return {
        slug: Format.objects.create(slug=slug, position=position, **translated("name", slug))
        for position, slug in enumerate(["workshop", "lecture", "toolbox"])
    }


@pytest.fixture
def make_training(formats, municipality):
    """Create a training programme: published, written in Dutch, a workshop in Hasselt."""

    def make(*, published=True, formats_=("workshop",), modules=0, **fields):
        number = next(_serial)
        values = {
            "slug": f"training-{number}",
            "title_nl": f"Opleiding {number}",
            "summary_nl": f"Samenvatting van opleiding {number}",
            "language": "nl",
            "municipality": municipality,
            "is_published": published,
            "published_at": timezone.now() if published else None,
        }
        values.update(fields)
        training = TrainingProgramme.objects.create(**values)
        training.formats.set([formats[slug] for slug in formats_])
        for position in range(1, modules + 1):
            TrainingModule.objects.create(
                programme=training,
                position=position,
                title_nl=f"Module {position}",
                hours=Decimal("3.5"),
            )
        return training

    return make
