"""E-mail alerts: double opt-in, only the new matches, one-click unsubscribe (RFC 8058),
a weekly digest that a timer may run twice, and bad input explained."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from portal.models import Email
from practices import moderation
from practices.models import Alert, Domain, Frequency, Status
from tests.conftest import run_worker, translated

ADDRESS = "hr@gemeente.example.be"


def path_of(url):
    return "/" + url.split("/", 1)[1]


@pytest.fixture
def other_domain(db):
    return Domain.objects.create(slug="education", **translated("name", "Education"))


def submitted(make_practice, **fields):
    return make_practice(status=Status.SUBMITTED, published_at=None, **fields)


def test_the_whole_alert_path(client, editor, make_practice, other_domain, mailoutbox):
    page = client.get("/en/practices/?domain=hr-policy&page=1").content.decode()
    assert 'href="/en/practices/alerts/new/?domain=hr-policy"' in page
    form = client.get("/en/practices/alerts/new/?domain=hr-policy&sort=title").content.decode()
    assert 'name="query" value="domain=hr-policy"' in form
    data = {"email": ADDRESS, "frequency": Frequency.AT_ONCE, "query": "domain=hr-policy"}
    response = client.post("/en/practices/alerts/new/", data)
    assert response.status_code == 302 and response["Location"] == "/en/practices/alerts/asked/"
    [confirmation] = mailoutbox
    assert confirmation.to == [ADDRESS] and "List-Unsubscribe" not in confirmation.extra_headers
    # Unconfirmed: a publication sends nothing.
    moderation.publish(submitted(make_practice, title_nl="Te vroeg"), by=editor)
    assert len(mailoutbox) == 1
    confirm = path_of(re.search(r"\S+/confirm/", confirmation.body)[0].split("://", 1)[1])
    assert client.get(confirm).status_code == 200
    manage = client.post(confirm)
    assert manage.status_code == 302
    assert client.post(confirm)["Location"] == manage["Location"]  # used again: the same
    assert Alert.objects.get().confirmed_at is not None
    assert ADDRESS in client.get(manage["Location"]).content.decode()

    moderation.publish(submitted(make_practice, title_nl="Diversiteit in HR"), by=editor)
    moderation.publish(
        submitted(make_practice, title_nl="Klas voor iedereen", domain=other_domain), by=editor
    )
    alerts = [mail for mail in mailoutbox if mail is not confirmation]
    [alert] = alerts
    assert "Diversiteit in HR" in alert.body and "Klas voor iedereen" not in alert.body
    assert "Te vroeg" not in alert.body
    stop = path_of(alert.extra_headers["List-Unsubscribe"].strip("<>").split("://", 1)[1])
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    one_click = Client(enforce_csrf_checks=True).post(
        stop, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 200
    assert not Alert.objects.exists()
    assert not Email.objects.filter(recipients=[ADDRESS]).exists()  # the address is gone
    moderation.publish(submitted(make_practice, title_nl="Nog een HR"), by=editor)
    assert len(mailoutbox) == 2  # nothing more arrived


def confirmed(frequency=Frequency.WEEKLY, query="", days_ago=8):
    moment = timezone.now() - timedelta(days=days_ago)
    return Alert.objects.create(
        email=ADDRESS, query=query, language="nl", frequency=frequency,
        confirmed_at=moment, covered_until=moment,
    )  # fmt: skip


def test_the_weekly_digest_run_twice_sends_once(make_practice, mailoutbox):
    confirmed()
    make_practice(title_nl="Nieuw deze week", published_at=timezone.now() - timedelta(days=2))
    make_practice(title_nl="Van vroeger", published_at=timezone.now() - timedelta(days=30))
    call_command("send_alert_digests", stdout=None)
    call_command("send_alert_digests", stdout=None)
    [digest] = mailoutbox
    assert "Nieuw deze week" in digest.body and "Van vroeger" not in digest.body
    assert digest.subject == "Een nieuw voorbeeld voor je zoekopdracht"  # in the alert's language


def test_an_unconfirmed_alert_expires_and_gets_nothing(client, make_practice, mailoutbox):
    alert = Alert.objects.create(email=ADDRESS, language="en", query="")
    Alert.objects.filter(pk=alert.pk).update(created_at=timezone.now() - timedelta(days=8))
    make_practice(title_nl="Nieuw")
    call_command("send_alert_digests", stdout=None)
    run_worker()
    assert not mailoutbox and not Alert.objects.exists()  # expired, deleted
    assert client.get(f"/en/alerts/{alert.token}/confirm/").status_code == 404


def test_an_old_request_is_refused_when_confirmed_late(client, db):
    alert = Alert.objects.create(email=ADDRESS, language="en", query="")
    Alert.objects.filter(pk=alert.pk).update(created_at=timezone.now() - timedelta(days=8))
    response = client.post(f"/en/alerts/{alert.token}/confirm/")
    assert response.status_code == 410 and "expired" in response.content.decode()
    assert not Alert.objects.exists()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({"email": "hr@localhost"}, "a full domain name"),
        ({"email": "not an address"}, "valid email address"),
        ({"query": "q=" + "x" * 10_000}, "too long to follow"),
        ({"website": "https://spam.example"}, "Leave this field empty."),
        ({"frequency": "hourly"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_sent(client, db, data, says, mailoutbox):
    form = {"email": ADDRESS, "frequency": Frequency.WEEKLY, "query": "", **data}
    response = client.post("/en/practices/alerts/new/", form)
    assert response.status_code == 400 and says in response.content.decode()
    assert (data.get("email") or ADDRESS) in response.content.decode()  # kept
    assert not Alert.objects.exists() and not mailoutbox


def test_a_thousand_requests_from_one_address_are_braked(client, db, settings, mailoutbox):
    settings.ALERT_RATE_LIMIT = 3
    form = {"email": ADDRESS, "frequency": Frequency.WEEKLY, "query": ""}
    codes = [client.post("/en/practices/alerts/new/", form).status_code for _ in range(6)]
    assert codes == [302] * 3 + [429] * 3
    assert Alert.objects.count() == 3 and len(mailoutbox) == 3


def test_wrong_tokens_get_not_found_and_a_repeated_stop_is_calm(client, db):
    for path in ("/en/alerts/guessed/", "/en/alerts/guessed/confirm/", "/en/alerts/guessed/stop/"):
        assert client.get(path).status_code == 404
    alert = confirmed()
    assert client.get(f"/en/alerts/{alert.token}/stop/").status_code == 200
    for _again in range(2):
        assert client.post(f"/en/alerts/{alert.token}/stop/").status_code == 200
    assert client.get(f"/en/alerts/{alert.token}/").status_code == 404


def test_the_private_page_changes_how_often(client, db):
    alert = confirmed(query="domain=hr-policy")
    other = confirmed(frequency=Frequency.AT_ONCE)
    page = client.get(f"/en/alerts/{alert.token}/").content.decode()
    assert "/en/practices/?domain=hr-policy" in page and f"/alerts/{other.token}/stop/" in page
    response = client.post(f"/en/alerts/{alert.token}/", {"frequency": Frequency.AT_ONCE})
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.frequency == Frequency.AT_ONCE
    assert client.post(f"/en/alerts/{alert.token}/", {"frequency": "x"}).status_code == 404
