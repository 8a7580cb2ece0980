"""E-mail through the task queue, with a real SMTP server on loopback (tests.servers): a
mail server that refuses or hangs delays an e-mail, never a page; the worker tries again
with growing waits, gives up after a day and more, and editors see it and send it again.
Each e-mail arrives once."""

import io
import logging
from datetime import timedelta

import pytest
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.console import EmailBackend as ConsoleBackend
from portal.models import Email
from practices.models import Practice, Submission
from tests import servers
from tests.conftest import run_worker
from tests.helpers import FRENCH_ANSWERS, send_share


def smtp_at(settings, port, timeout=2):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": timeout},
        }
    }


@pytest.fixture
def sink(settings):
    with servers.smtp_sink() as running:
        smtp_at(settings, running.server_address[1])
        yield running


def due_now():
    """Time passes: every deferred attempt is due."""
    DBTaskResult.objects.update(run_after=timezone.now())


def waits():
    """Seconds until each waiting e-mail's next attempt."""
    now = timezone.now()
    return sorted(
        round((email.next_attempt_at - now).total_seconds())
        for email in Email.objects.filter(status=Email.Status.WAITING)
    )


def test_a_share_queues_its_emails_and_the_worker_sends_each_once(client, editor, catalogue, sink):
    assert send_share(client, FRENCH_ANSWERS).status_code == 302
    assert not sink.messages  # nothing is sent inside the request
    assert Email.objects.filter(status=Email.Status.WAITING).count() == 2
    run_worker()
    run_worker()
    assert sorted(message["To"] for message in sink.messages) == [
        "eda@example.org",
        "marie@example.org",
    ]
    submission = Submission.objects.get()
    assert set(submission.emails.values_list("status", flat=True)) == {Email.Status.SENT}
    assert set(submission.emails.values_list("body", flat=True)) == {""}  # texts not kept


def test_a_refused_mail_server_delays_the_emails_then_they_arrive_once(
    client, editor, catalogue, settings, caplog
):
    smtp_at(settings, servers.spare_port())  # nothing listens there
    assert send_share(client, FRENCH_ANSWERS).status_code == 302
    with caplog.at_level(logging.WARNING, logger="portal.mail"):
        run_worker()
    token = Submission.objects.get().token
    assert "not sent (attempt 1)" in caplog.text and token not in caplog.text
    assert waits() == [60, 60]  # EMAIL_RETRY_FIRST
    assert set(Email.objects.values_list("attempts", flat=True)) == {1}
    run_worker()
    assert waits() == [60, 60]  # not due yet: nothing tried
    with servers.smtp_sink() as sink:
        smtp_at(settings, sink.server_address[1])
        due_now()
        run_worker()
        due_now()
        run_worker()
    assert len(sink.messages) == 2
    assert [message["To"] for message in sink.messages].count("marie@example.org") == 1
    assert Email.objects.filter(status=Email.Status.SENT, attempts=2).count() == 2


def test_the_waits_grow_to_four_hours_and_the_email_is_given_up_after_a_day(
    editor_client, settings, caplog
):
    from portal import mail

    smtp_at(settings, servers.spare_port())
    mail.post("Subject", "Text\n", ["someone@example.org"])
    seen = []
    for _attempt in range(10):
        due_now()
        run_worker()
        seen.extend(waits())
    assert seen == [60, 120, 240, 480, 960, 1920, 3840, 7680, 14400, 14400]
    Email.objects.update(queued_at=timezone.now() - timedelta(hours=26))
    due_now()
    with caplog.at_level(logging.ERROR, logger="portal.mail"):
        run_worker()
    email = Email.objects.get()
    assert (email.status, email.attempts, email.next_attempt_at) == (Email.Status.FAILED, 11, None)
    assert "given up after 11 attempts" in caplog.text
    assert "ConnectionRefusedError" in email.last_error

    # Editors see it, and send it again once the mail server works.
    listed = editor_client.get("/admin/portal/email/?status__exact=failed").content.decode()
    assert "Subject" in listed and "someone@example.org" in listed
    action = {"action": "send_again", "_selected_action": [email.pk]}
    assert editor_client.post("/admin/portal/email/", action).status_code == 302
    with servers.smtp_sink() as sink:
        smtp_at(settings, sink.server_address[1])
        run_worker()
        run_worker()
    assert [message["Subject"] for message in sink.messages] == ["Subject"]
    assert Email.objects.get().status == Email.Status.SENT


def test_a_mail_server_that_never_answers_is_given_up_after_its_timeout(
    client, catalogue, settings, as_served
):
    with servers.silent_server() as port:
        smtp_at(settings, port, timeout=1)
        started = timezone.now()
        assert send_share(client, FRENCH_ANSWERS).status_code == 302
        assert timezone.now() - started < timedelta(seconds=1)  # the page does not wait
        run_worker()
    email = Email.objects.get()  # no editor to tell: one e-mail, to the submitter
    assert (email.status, email.attempts) == (Email.Status.WAITING, 1)
    assert "timed out" in email.last_error


def test_editors_send_a_submitter_their_private_link_again(editor_client, make_submission, sink):
    submission = make_submission()
    run_worker()
    sink.messages.clear()
    action = {"action": "send_status_link", "_selected_action": [submission.practice.pk]}
    page = editor_client.post("/admin/practices/practice/", action, follow=True)
    assert "sera envoyé" not in page.content.decode()  # the editor reads Dutch
    assert "opnieuw" in page.content.decode()
    run_worker()
    [message] = sink.messages
    assert message["To"] == submission.email
    assert f"/share/status/{submission.token}/" in message.get_payload(decode=True).decode()


def test_erasing_a_submitter_deletes_the_emails_about_them(client, catalogue, editor_client):
    send_share(client, FRENCH_ANSWERS)
    submission = Submission.objects.get()
    assert submission.emails.count() == 2
    action = {"action": "erase_personal_data", "_selected_action": [submission.practice.pk]}
    editor_client.post("/admin/practices/practice/", action)
    assert not Email.objects.exists()
    assert Practice.objects.filter(pk=submission.practice.pk).exists()


def test_health_says_how_long_the_oldest_task_has_waited(client, transactional_db):
    """(Committed: the health check asks the database on a connection of its own.)"""
    from portal import mail

    mail.post("Subject", "Text\n", ["someone@example.org"])
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=5))
    assert 300 <= client.get("/health/").json()["oldest_task"] < 310
    run_worker()
    assert client.get("/health/").json()["oldest_task"] == 0


def test_a_first_run_prints_e_mails_whose_links_can_be_copied_whole():
    """The console of a first run shows a body as it reads: a long private link is on
    one line, not cut by quoted-printable's soft line breaks."""
    stream = io.StringIO()
    link = "http://127.0.0.1:8000/fr/share/status/" + "Ab3-_x" * 8 + "/"
    message = EmailMessage("Votre initiative é", f"Bonjour é,\n\n{link}\n", to=["a@example.org"])
    ConsoleBackend(stream=stream).send_messages([message])
    printed = stream.getvalue()
    assert link in printed.splitlines() and "Bonjour é," in printed
    assert "Subject: Votre initiative é" in printed and "=C3=A9" not in printed
