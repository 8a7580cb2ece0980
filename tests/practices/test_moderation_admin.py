"""Moderation in admin: the editors' buttons, what the submitter is told, preview, erasure,
and outsiders kept out."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from practices import moderation
from practices.models import Practice, Status, StatusChange, Submission


@pytest.fixture
def submission(make_submission):
    """A French submission, read back as the admin reads it."""
    return Submission.objects.select_related("practice").get(pk=make_submission().pk)


def moderate(client, practice, step, note="", seen=None):
    url = f"/admin/practices/practice/{practice.pk}/moderate/"
    data = {"step": step, "note": note, "seen": seen or practice.status, "confirmed": "yes"}
    return client.post(url, data, follow=True)


def test_the_change_page_offers_the_steps_the_status_allows(editor_client, submission):
    url = f"/admin/practices/practice/{submission.practice_id}/change/"
    html = editor_client.get(url).content.decode()
    for step in ("request_changes", "publish", "reject"):
        assert f'name="step" value="{step}"' in html
    assert 'value="archive"' not in html
    assert "marie@example.org" in html and submission.reference in html


def test_asking_for_changes_tells_the_submitter_in_their_language(
    editor_client, submission, mailoutbox
):
    mailoutbox.clear()
    page = moderate(editor_client, submission.practice, "request_changes", "Ajoutez une date.")
    assert Practice.objects.get(pk=submission.practice_id).status == Status.CHANGES_REQUESTED
    assert "Aanpassingen gevraagd" in page.content.decode()  # the admin speaks Dutch
    [mail] = mailoutbox
    assert mail.to == ["marie@example.org"] and "Ajoutez une date." in mail.body
    assert f"/fr/share/status/{submission.token}/" in mail.body


def test_a_step_that_needs_a_note_is_refused_without_one(editor_client, submission, mailoutbox):
    mailoutbox.clear()
    page = moderate(editor_client, submission.practice, "reject", "  ")
    assert Practice.objects.get(pk=submission.practice_id).status == Status.SUBMITTED
    assert "Schrijf een notitie" in page.content.decode() and not mailoutbox


def test_an_editor_acting_on_what_another_changed_is_told(editor_client, submission):
    moderate(editor_client, submission.practice, "publish")
    page = moderate(editor_client, submission.practice, "reject", "Te vaag", seen=Status.SUBMITTED)
    assert "Iemand anders heeft dit voorbeeld intussen gewijzigd" in page.content.decode()
    assert Practice.objects.get(pk=submission.practice_id).status == Status.PUBLISHED
    assert StatusChange.objects.filter(to_status=Status.REJECTED).count() == 0


def test_publishing_and_rejecting_tell_the_submitter(editor_client, submission, mailoutbox):
    mailoutbox.clear()
    moderate(editor_client, submission.practice, "publish")
    assert f"/fr/practices/{submission.practice.slug}/" in mailoutbox[-1].body
    moderate(editor_client, Practice.objects.get(pk=submission.practice_id), "archive")
    assert len(mailoutbox) == 1  # archiving is not announced


def test_preview_shows_an_unpublished_practice_to_editors_only(client, editor_client, submission):
    url = f"/admin/practices/practice/{submission.practice_id}/preview/"
    html = editor_client.get(url).content.decode()
    assert "Accueil en langage clair" in html and "Voorvertoning voor de redactie" in html
    assert client.get(url).status_code == 302
    assert client.get(f"/fr/practices/{submission.practice.slug}/").status_code == 404


def test_erasing_personal_data_keeps_the_practice(editor_client, submission, mailoutbox):
    answer = editor_client.post(
        "/admin/practices/practice/",
        {"action": "erase_personal_data", "_selected_action": [submission.practice_id]},
        follow=True,
    )
    assert "Documenten en afbeeldingen blijven bij hun voorbeeld" in answer.content.decode()
    erased = Submission.objects.get(pk=submission.pk)
    assert (erased.name, erased.email, erased.role, erased.organisation) == ("", "", "", "")
    assert erased.token != submission.token
    assert Client().get(f"/fr/share/status/{submission.token}/").status_code == 404
    assert erased.erased_at is not None and Practice.objects.filter(pk=erased.practice_id).exists()
    mailoutbox.clear()
    moderate(editor_client, erased.practice, "publish")
    assert not mailoutbox  # nobody left to tell


@pytest.mark.parametrize("who", ["anonymous", "staff outside editors"])
def test_outsiders_cannot_moderate_nor_preview(client, submission, who):
    if who != "anonymous":
        client.force_login(get_user_model().objects.create_user("staff", is_staff=True))
    practice = submission.practice
    response = moderate(client, practice, "publish")
    assert response.status_code in (200, 403)
    assert response.status_code == 403 or "/admin/login/" in response.redirect_chain[-1][0]
    preview = client.get(f"/admin/practices/practice/{practice.pk}/preview/")
    assert preview.status_code == 403 or "/admin/login/" in preview["Location"]
    assert Practice.objects.get(pk=practice.pk).status == Status.SUBMITTED


def test_moderation_takes_posts_only(editor_client, submission):
    url = f"/admin/practices/practice/{submission.practice_id}/moderate/"
    assert editor_client.get(url).status_code == 405
    assert editor_client.post(url, {"step": "delete", "seen": "submitted"}).status_code == 400


@pytest.mark.parametrize("step", ["publish", "reject"])
def test_publishing_and_rejecting_are_asked_first_on_a_page_of_their_own(
    editor_client, submission, mailoutbox, step
):
    practice = submission.practice
    url = f"/admin/practices/practice/{practice.pk}/moderate/"
    data = {"step": step, "seen": "submitted", "note": "Dank je, een mooi <b>voorbeeld</b>."}
    asked = editor_client.post(url, data)
    html = asked.content.decode()
    assert asked.status_code == 200 and practice.title_fr in html
    assert 'name="confirmed" value="yes"' in html and "een mooi &lt;b&gt;voorbeeld" in html
    assert Practice.objects.get(pk=practice.pk).status == Status.SUBMITTED and not mailoutbox
    done = editor_client.post(url, {**data, "confirmed": "yes"})
    assert done.status_code == 302
    assert Practice.objects.get(pk=practice.pk).status == moderation.EDITOR_STEPS[step].target
    assert len(mailoutbox) == 1
