import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

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
    assert list(domain.practices.published().for_cards().newest_first()) == [published]


def test_database_refuses_a_published_practice_without_date(make_practice):
    practice = make_practice()
    with pytest.raises(IntegrityError), transaction.atomic():
        Practice.objects.filter(pk=practice.pk).update(published_at=None)


def test_validation_asks_for_title_summary_and_date(make_practice):
    practice = make_practice(language="fr", summary_fr="Résumé")
    practice.published_at = None
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert set(error.value.message_dict) >= {"title_fr"}
    practice.title_fr = "Titre"
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert set(error.value.message_dict) == {"published_at"}


def test_validation_refuses_links_that_are_not_web_addresses(make_practice):
    practice = make_practice(links="https://www.mechelen.be\njavascript:alert(1)")
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert set(error.value.message_dict) == {"links"}


def test_missing_text_is_empty_never_none(make_practice):
    practice = make_practice()
    with translation.override("de"):
        assert practice.localized("what").text == ""
        assert practice.localized("title").text == practice.title_nl
