import pytest
from django.db import IntegrityError, transaction

from practices.models import Practice, Status


@pytest.mark.parametrize("field", ["reach", "recurrence"])
@pytest.mark.parametrize("value", [0, 5])
def test_database_refuses_ratings_outside_1_to_4(make_practice, field, value):
    practice = make_practice()
    with pytest.raises(IntegrityError), transaction.atomic():
        Practice.objects.filter(pk=practice.pk).update(**{field: value})


@pytest.mark.parametrize("value", [1, 4])
def test_database_accepts_ratings_1_to_4(make_practice, value):
    practice = make_practice(reach=value, recurrence=value)
    practice.refresh_from_db()
    assert (practice.reach, practice.recurrence) == (value, value)


def test_database_refuses_an_unknown_status(make_practice):
    practice = make_practice()
    with pytest.raises(IntegrityError), transaction.atomic():
        Practice.objects.filter(pk=practice.pk).update(status="deleted")


def test_published_is_chainable(make_practice, domain):
    published = make_practice()
    make_practice(status=Status.DRAFT)
    assert list(Practice.objects.published().in_domain(domain)) == [published]
    assert list(domain.practices.published()) == [published]
