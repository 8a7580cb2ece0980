"""The same share form sent again (a retry, a double click, a proxy resending) gets the
same confirmation and stores nothing new: the form's one-time key, unique in the
database, decides."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client

from practices import moderation
from practices.models import Practice, Status, StatusChange, Submission
from tests.helpers import FRENCH_ANSWERS, send_share


def form_key(client, url):
    html = client.get(url).content.decode()
    return re.search(r'<input type="hidden" name="form_key" value="([\w-]+)"', html)[1]


def send_again(client, language="fr"):
    return client.post(f"/{language}/share/check/")


def test_the_same_form_sent_three_times_is_stored_once(client, catalogue, editor, mailoutbox):
    responses = [send_share(client, FRENCH_ANSWERS), send_again(client), send_again(client)]
    submission = Submission.objects.get()
    assert [r.status_code for r in responses] == [302, 302, 302]
    assert {r["Location"] for r in responses} == {f"/fr/share/sent/{submission.reference}/"}
    assert Practice.objects.filter(submission__isnull=False).count() == 1
    assert StatusChange.objects.count() == 1
    to_submitter = [mail for mail in mailoutbox if mail.to == ["marie@example.org"]]
    assert len(to_submitter) == 1 and len(mailoutbox) == 2  # and one to the editors


def test_after_sending_the_back_button_leads_to_the_confirmation(client, catalogue):
    sent = send_share(client, FRENCH_ANSWERS)
    assert client.get("/fr/share/check/")["Location"] == sent["Location"]
    fresh = client.get("/fr/share/").content.decode()  # a new initiative starts empty
    assert FRENCH_ANSWERS["title"] not in fresh and 'name="title"' in fresh


def test_each_form_filled_in_is_a_new_initiative(client, catalogue):
    for title in ("Premier", "Second"):
        assert send_share(client, {**FRENCH_ANSWERS, "title": title}).status_code == 302
    assert sorted(Submission.objects.values_list("practice__title_fr", flat=True)) == [
        "Premier",
        "Second",
    ]


def test_a_repeat_is_answered_even_past_the_rate_limit(client, catalogue, settings):
    settings.SHARE_RATE_LIMIT = 1
    assert send_share(client, FRENCH_ANSWERS).status_code == 302
    assert send_again(client).status_code == 302  # the same: not counted
    other = send_share(client, {**FRENCH_ANSWERS, "title": "Autre"})
    assert other.status_code == 429 and "Autre" in other.content.decode()
    assert Submission.objects.count() == 1


def test_the_same_changes_sent_twice_are_taken_once(client, editor, make_submission, mailoutbox):
    submission = make_submission()
    moderation.request_changes(submission.practice, by=editor, note="Ajoutez une date.")
    url = f"/fr/share/status/{submission.token}/"
    changed = {
        **FRENCH_ANSWERS,
        "results": "Trois cents agents.",
        "form_key": form_key(client, url),
    }
    first, again = client.post(url, changed), client.post(url, changed, follow=True)
    assert first.status_code == 302 and again.status_code == 200
    assert "a bien reçu vos modifications" in again.content.decode()
    practice = Practice.objects.get(pk=submission.practice.pk)
    assert practice.status == Status.SUBMITTED and practice.results_fr == "Trois cents agents."
    resubmitted = StatusChange.objects.filter(from_status=Status.CHANGES_REQUESTED)
    assert resubmitted.count() == 1 and [mail.to for mail in mailoutbox] == [[editor.email]]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="copies sent at once need connections of their own; SQLite's in-memory test "
    "database is one connection",
)
@pytest.mark.django_db(transaction=True)
def test_copies_sent_at_once_are_stored_once(catalogue, settings):
    settings.SHARE_RATE_LIMIT = 10  # each copy is counted before the key tells them apart
    person = Client()  # fills in the steps; six copies of the last request go at once
    assert send_share(person, FRENCH_ANSWERS, send=False)["Location"] == "/fr/share/check/"
    codes, start = [], threading.Barrier(6)

    def send():
        copy = Client()
        copy.cookies = person.cookies
        start.wait()
        try:
            codes.append(copy.post("/fr/share/check/").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert codes == [302] * 6
    assert Submission.objects.count() == 1 and StatusChange.objects.count() == 1
