"""The moderation steps: allowed and refused moves, the record of each, two editors at once."""

import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import translation

from practices import moderation
from practices.models import Practice, Status, StatusChange


@pytest.fixture(autouse=True)
def in_english():
    """Refusals speak the editor's language; these tests read them in English."""
    with translation.override("en"):
        yield


def test_a_submission_goes_through_changes_to_publication(client, make_practice, editor):
    practice = make_practice(status=Status.DRAFT, title_nl="Taalcoaching aan het loket")
    moderation.submit(practice)
    moderation.request_changes(practice, by=editor, note="  Voeg de periode toe.  ")
    assert Practice.objects.get(pk=practice.pk).status == Status.CHANGES_REQUESTED
    moderation.submit(practice)
    moderation.publish(practice, by=editor)
    stored = Practice.objects.get(pk=practice.pk)
    assert stored.status == Status.PUBLISHED and stored.published_at is not None
    steps = [
        (c.from_status, c.to_status, c.by, c.note)
        for c in StatusChange.objects.filter(practice=practice).order_by("pk")
    ]
    assert steps == [
        (Status.DRAFT, Status.SUBMITTED, None, ""),
        (Status.SUBMITTED, Status.CHANGES_REQUESTED, editor, "Voeg de periode toe."),
        (Status.CHANGES_REQUESTED, Status.SUBMITTED, None, ""),
        (Status.SUBMITTED, Status.PUBLISHED, editor, ""),
    ]
    assert "Taalcoaching aan het loket" in client.get("/nl/practices/").content.decode()


@pytest.mark.parametrize("step", ["request_changes", "reject"])
def test_steps_the_submitter_reads_need_a_note(make_practice, editor, step):
    practice = make_practice(status=Status.SUBMITTED)
    note = {"request_changes": "note", "reject": "reason"}[step]
    with pytest.raises(moderation.Refused, match="Write a note"):
        getattr(moderation, step)(practice, by=editor, **{note: "   "})
    assert Practice.objects.get(pk=practice.pk).status == Status.SUBMITTED
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize(
    ("status", "step"),
    [
        (Status.REJECTED, moderation.PUBLISH),
        (Status.PUBLISHED, moderation.SUBMIT),
        (Status.DRAFT, moderation.ARCHIVE),
        (Status.ARCHIVED, moderation.REQUEST_CHANGES),
    ],
)
def test_impossible_moves_are_refused(make_practice, editor, status, step):
    practice = make_practice(status=status)
    with pytest.raises(moderation.Refused, match="cannot be moved"):
        moderation.take(step, practice, by=editor, note="why")
    assert Practice.objects.get(pk=practice.pk).status == status
    assert not StatusChange.objects.exists()


def test_archived_practices_leave_the_public_site(client, make_practice, editor):
    practice = make_practice()
    moderation.archive(practice, by=editor)
    assert client.get(practice.get_absolute_url()).status_code == 404
    moderation.publish(practice, by=editor)
    assert client.get(practice.get_absolute_url()).status_code == 200


def test_an_editor_acting_on_an_old_view_is_told(make_practice, editor):
    seen_by_first = make_practice(status=Status.SUBMITTED)
    seen_by_second = Practice.objects.get(pk=seen_by_first.pk)
    moderation.publish(seen_by_first, by=editor)
    with pytest.raises(moderation.Refused, match="Someone else changed this practice"):
        moderation.reject(seen_by_second, by=editor, reason="Te vaag")
    with translation.override("nl"), pytest.raises(moderation.Refused, match="“Gepubliceerd”"):
        moderation.reject(seen_by_second, by=editor, reason="Te vaag")
    assert Practice.objects.get(pk=seen_by_first.pk).status == Status.PUBLISHED
    assert StatusChange.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's in-memory test database cannot take two writers at once",
)
@pytest.mark.django_db(transaction=True)
def test_two_editors_at_once_leave_one_consistent_state(make_practice, editor):
    """Publish and reject, each in its own thread and connection, on the same submission:
    exactly one wins, the other is refused, and there is one record."""
    practice = make_practice(status=Status.SUBMITTED)
    barrier, outcomes = threading.Barrier(2), []

    def act(step, **note):
        seen = Practice.objects.get(pk=practice.pk)
        barrier.wait()
        try:
            outcomes.append(moderation.take(step, seen, by=editor, **note).to_status)
        except moderation.Refused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=(moderation.PUBLISH,)),
        threading.Thread(target=act, args=(moderation.REJECT,), kwargs={"note": "Te vaag"}),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 2 and outcomes.count("refused") == 1
    winner = next(outcome for outcome in outcomes if outcome != "refused")
    assert winner in (Status.PUBLISHED, Status.REJECTED)
    assert Practice.objects.get(pk=practice.pk).status == winner
    assert list(StatusChange.objects.values_list("to_status", flat=True)) == [winner]


def test_the_editors_group_is_made_by_migrate(db):
    permissions = Group.objects.get(name="editors").permissions
    codenames = set(permissions.values_list("codename", flat=True))
    assert {"change_practice", "add_practice", "view_statuschange"} <= codenames
    assert not {"change_statuschange", "add_statuschange", "delete_practice"} & codenames
