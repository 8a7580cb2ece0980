"""Editors confirm that a published practice still holds: a step in the status history,
a date on the page, and a list in admin of practices due for a check."""

from datetime import timedelta

import pytest
from django.utils import formats, timezone, translation

from practices import moderation
from practices.models import Practice, Status, StatusChange


def ago(days):
    return timezone.now() - timedelta(days=days)


def test_confirming_is_a_step_and_dates_the_page(client, editor, editor_client, make_practice):
    practice = make_practice(published_at=ago(400))
    page = client.get(f"/nl/practices/{practice.slug}/").content.decode()
    assert "Gecontroleerd door de redactie op" in page  # the publication date, until checked
    url = f"/admin/practices/practice/{practice.pk}/change/"
    assert 'name="step" value="confirm"' in editor_client.get(url).content.decode()
    data = {"step": "confirm", "note": "Nog steeds zo.", "seen": Status.PUBLISHED}
    editor_client.post(f"/admin/practices/practice/{practice.pk}/moderate/", data)
    practice.refresh_from_db()
    assert practice.status == Status.PUBLISHED and timezone.now() - practice.checked_at < timedelta(
        minutes=1
    )
    step = StatusChange.objects.get(practice=practice)
    assert (step.from_status, step.to_status, step.by, step.note) == (
        Status.PUBLISHED, Status.PUBLISHED, editor, "Nog steeds zo.",
    )  # fmt: skip
    today = timezone.localdate()
    dutch = client.get(f"/nl/practices/{practice.slug}/").content.decode()
    assert f"Gecontroleerd door de redactie op {today.day} " in dutch
    english = client.get(f"/en/practices/{practice.slug}/").content.decode()
    with translation.override("en"):
        date = formats.date_format(today, "DATE_FORMAT")  # "Nov. 29, 2026"
    assert f"Checked by the editors on {date}" in english


def test_only_a_published_practice_can_be_confirmed(editor, make_practice):
    draft = make_practice(status=Status.SUBMITTED, published_at=None)
    with translation.override("en"), pytest.raises(moderation.Refused, match="cannot be moved"):
        moderation.confirm(draft, by=editor)
    assert not Practice.objects.get(pk=draft.pk).checked_at


def test_due_for_a_check_lists_the_practices_not_confirmed_for_a_year(
    editor, editor_client, make_practice, settings
):
    settings.CHECK_INTERVAL_DAYS = 365
    never_checked = make_practice(published_at=ago(400))
    checked_lately = make_practice(published_at=ago(800), checked_at=ago(30))
    checked_long_ago = make_practice(published_at=ago(900), checked_at=ago(366))
    new = make_practice(published_at=ago(10))
    old_draft = make_practice(status=Status.DRAFT, published_at=None, created_at=ago(900))
    due = set(Practice.objects.due_for_check())
    assert due == {never_checked, checked_long_ago}
    listed = editor_client.get("/admin/practices/practice/?check=due").content.decode()
    for practice in (never_checked, checked_long_ago):
        assert f"/admin/practices/practice/{practice.pk}/change/" in listed
    for practice in (checked_lately, new, old_draft):
        assert f"/admin/practices/practice/{practice.pk}/change/" not in listed
    moderation.confirm(never_checked, by=editor)
    assert set(Practice.objects.due_for_check()) == {checked_long_ago}
