import itertools

import pytest
from django.core.cache import cache
from django.utils import timezone

from portal.listing import Listing
from portal.management.commands.demo import load_demo_catalogue
from practices.filters import PracticeFilter
from practices.models import Domain, Municipality, Practice, Status, Theme

LANGUAGES = ["nl", "fr", "de", "en", "sv"]
_serial = itertools.count(1)


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test counts its facets afresh: no test sees another's cached counts."""
    cache.clear()


@pytest.fixture
def catalogue(db):
    """The demo catalogue, as `manage.py demo` loads it."""
    load_demo_catalogue()


def practice_listing(data, lang):
    """The practice list under the filters of `data` (a QueryDict), as its page makes it."""
    return Listing(PracticeFilter, Practice.objects.published(), data, lang)


def translated(field, text):
    return {f"{field}_{code}": f"{text} [{code}]" for code in LANGUAGES}


@pytest.fixture
def domain(db):
    return Domain.objects.create(slug="hr-policy", **translated("name", "HR policy"))


@pytest.fixture
def municipality(db):
    names = translated("name", "Hasselt")
    return Municipality.objects.create(slug="hasselt", country="BE", **names)


@pytest.fixture
def make_practice(domain, municipality):
    """Create a practice; published and written in Dutch only unless told otherwise."""

    def make(status=Status.PUBLISHED, **fields):
        number = next(_serial)
        values = {
            "slug": f"practice-{number}",
            "title_nl": f"Voorbeeld {number}",
            "summary_nl": f"Samenvatting van voorbeeld {number}",
            "language": "nl",
            "domain": domain,
            "municipality": municipality,
            "reach": 2,
            "recurrence": 3,
            "status": status,
            "published_at": timezone.now() if status == Status.PUBLISHED else None,
        }
        values.update(fields)
        return Practice.objects.create(**values)

    return make


@pytest.fixture
def make_practices(make_practice, domain):
    """Create n published practices, each with themes, as a catalogue would have."""

    def make(n):
        themes = [Theme.objects.create(slug=f"t{i}", **translated("name", "Theme")) for i in (1, 2)]
        practices = [make_practice() for _ in range(n)]
        for practice in practices:
            practice.themes.set(themes)
        return practices

    return make
