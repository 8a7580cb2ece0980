"""Writing to a practice's or programme's contact: the portal relays the message by
e-mail, once, and never shows the contact's address; bad input is explained and kept."""

import re

import pytest
from django.conf import settings
from django.utils import timezone

from portal.models import Email
from practices import moderation
from practices.models import Practice, Submission
from tests.helpers import FRENCH_ANSWERS, csrf_token, send_share
from trainings.models import TrainingProgramme

CONTACT = {
    "contact_consent": "on",
    "contact_name": "Responsable diversité",
    "contact_organisation": "Service du personnel",
}
MESSAGE = {
    "name": "Anna Berg",
    "organisation": "Lidköpings kommun",
    "email": "anna.berg@lidkoping.se",
    "subject": "Vos formateurs",
    "message": "Bonjour, avec qui avez-vous travaillé pour les jeux de rôle ?",
}


@pytest.fixture
def practice(client, catalogue, editor):
    """A French submission whose submitter agreed to be the public contact, published."""
    assert send_share(client, {**FRENCH_ANSWERS, **CONTACT}).status_code == 302
    practice = Submission.objects.get().practice
    moderation.publish(practice, by=editor)
    return practice


def form_of(client, url):
    page = client.get(url).content.decode()
    key = re.search(r'name="form_key" value="([^"]+)"', page)[1]
    return {"csrfmiddlewaretoken": csrf_token(page), "form_key": key}


def test_the_contact_is_shown_and_written_to_once(client, practice, mailoutbox):
    assert practice.contact_email == "marie@example.org" and practice.contact_agreed_at
    mailoutbox.clear()
    page = client.get(f"/fr/practices/{practice.slug}/").content.decode()
    assert "Responsable diversité" in page and "Service du personnel" in page
    write = f"/fr/practices/{practice.slug}/write/"
    assert f'href="{write}"' in page and "marie@example.org" not in page
    form = client.get(write).content.decode()
    assert "marie@example.org" not in form and "<h1>" in form
    data = {**form_of(client, write), **MESSAGE}
    for _again in range(2):  # a double click: one e-mail
        response = client.post(write, data)
        assert response.status_code == 302 and response["Location"] == f"{write}sent/"
    sent = client.get(response["Location"]).content.decode()
    assert "Responsable diversité" in sent and "marie@example.org" not in sent
    [mail] = mailoutbox
    assert mail.to == ["marie@example.org"] and mail.reply_to == ["anna.berg@lidkoping.se"]
    assert mail.from_email == settings.DEFAULT_FROM_EMAIL  # never the sender's own domain
    assert FRENCH_ANSWERS["title"] in mail.subject and "Vos formateurs" in mail.subject
    assert "Anna Berg" in mail.body and "Lidköpings kommun" in mail.body
    assert MESSAGE["message"] in mail.body and "anna.berg@lidkoping.se" in mail.body


@pytest.mark.parametrize(
    ("change", "field", "says"),
    [
        ({"name": "Anna\nBcc: x@example.org"}, "name", "Write this on one line."),
        ({"subject": "Hello\r\nBcc: x@example.org"}, "subject", "Write this on one line."),
        ({"message": "x" * 100_000}, "message", "at most 5000 characters"),
        ({"email": "anna@localhost"}, "email", "a full domain name"),
        ({"email": "anna@[127.0.0.1]"}, "email", "a full domain name"),
        ({"website": "https://spam.example"}, "website", "Leave this field empty."),
        ({"message": ""}, "message", "This field is required."),
    ],
)
def test_bad_input_is_explained_and_kept(client, practice, change, field, says):
    write = f"/en/practices/{practice.slug}/write/"
    response = client.post(write, {**form_of(client, write), **MESSAGE, **change})
    page = response.content.decode()
    assert response.status_code == 400 and says in page, page
    assert f'id="id_{field}_error"' in page
    kept = [value for name, value in MESSAGE.items() if name not in change]
    assert all(value in page for value in kept), kept
    assert not Email.objects.filter(reply_to__contains="anna").exists()


def test_the_rate_limit_keeps_what_was_typed(client, practice, settings):
    settings.WRITE_RATE_LIMIT = 1
    write = f"/en/practices/{practice.slug}/write/"
    assert client.post(write, {**form_of(client, write), **MESSAGE}).status_code == 302
    again = client.post(write, {**form_of(client, write), **MESSAGE, "subject": "Second"})
    assert again.status_code == 429 and "Second" in again.content.decode()
    assert Email.objects.filter(reply_to="anna.berg@lidkoping.se").count() == 1


def test_no_contact_no_form(client, editor, editor_client, practice):
    without = Practice.objects.published().exclude(pk=practice.pk).first()
    assert client.get(f"/en/practices/{without.slug}/write/").status_code == 404
    assert "/write/" not in client.get(f"/en/practices/{without.slug}/").content.decode()
    moderation.archive(practice, by=editor)  # no longer public: nobody writes through it
    assert client.get(f"/en/practices/{practice.slug}/write/").status_code == 404
    # Erasing the submitter's personal data removes the contact too.
    action = {"action": "erase_personal_data", "_selected_action": [practice.pk]}
    editor_client.post("/admin/practices/practice/", action)
    practice.refresh_from_db()
    assert (practice.contact_email, practice.contact_name, practice.contact_agreed_at) == (
        "", "", None,
    )  # fmt: skip
    assert not practice.has_contact()


def test_editors_set_a_programmes_contact_and_readers_write_to_it(
    client, catalogue, editor_client, mailoutbox
):
    programme = TrainingProgramme.objects.published().first()
    change = editor_client.get(f"/admin/trainings/trainingprogramme/{programme.pk}/change/")
    assert 'name="contact_email"' in change.content.decode()
    TrainingProgramme.objects.filter(pk=programme.pk).update(
        contact_name="Opleidingscoördinator", contact_email="opleiding@example.be",
        contact_agreed_at=timezone.now(),
    )  # fmt: skip
    page = client.get(f"/nl/trainings/{programme.slug}/").content.decode()
    assert "Opleidingscoördinator" in page and "opleiding@example.be" not in page
    write = f"/nl/trainings/{programme.slug}/write/"
    assert client.post(write, {**form_of(client, write), **MESSAGE}).status_code == 302
    [mail] = mailoutbox
    assert mail.to == ["opleiding@example.be"] and MESSAGE["message"] in mail.body


def test_the_contact_is_marked_in_the_language_it_is_written_in(client, catalogue):
    """The demo's Hasselt contact is written in Dutch, like the practice."""
    french = client.get("/fr/practices/hasselt-customer-friendly-services/").content.decode()
    assert '<p lang="nl">Diversiteitscoördinator<br>' in french
    dutch = client.get("/nl/practices/hasselt-customer-friendly-services/").content.decode()
    assert "<p>Diversiteitscoördinator<br>" in dutch
