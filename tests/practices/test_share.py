"""Share your initiative: the public form, the status link, and the whole path to publication."""

import re
from html import escape

import pytest
from django.test import Client
from modeltranslation.translator import translator

from practices import moderation
from practices.forms import STEPS
from practices.models import Practice, Status, StatusChange, Submission
from tests.helpers import FRENCH_ANSWERS, csrf_token, send_share


def status_link(mail):
    return re.search(r"http://testserver(/\w\w/share/status/[\w-]+/)", mail.body)[1]


def test_the_form_comes_with_the_domain_it_was_called_from(client, catalogue):
    html = client.get("/fr/share/?domain=hr-policy").content.decode()
    assert html.count("<h1>") == 1
    assert 'value="hr-policy" id="id_domain_0" required checked' in html
    assert '<label for="id_title">' in html and 'aria-describedby="id_summary_help"' in html
    assert "/fr/share/?domain=hr-policy" in client.get("/fr/domains/hr-policy/").content.decode()


def test_sharing_stores_a_submitted_practice_and_tells_everyone(
    client, catalogue, editor, mailoutbox, django_assert_max_num_queries
):
    response = send_share(client, FRENCH_ANSWERS)
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fr/share/sent/{submission.reference}/"
    practice = submission.practice
    assert practice.status == Status.SUBMITTED and practice.language == "fr"
    assert practice.title_fr == "Accueil en langage clair" and not practice.title_nl
    assert practice.goal_fr == "Des habitants qui comprennent nos lettres."
    assert practice.municipality.slug == "hasselt" and practice.domain.slug == "public-services"
    assert {theme.slug for theme in practice.themes.all()} == {"clear-language", "low-literacy"}
    assert (practice.reach, practice.recurrence, practice.started_in) == (2, 3, 2016)
    assert (submission.name, submission.email, submission.language) == (
        "Marie Dupont",
        "marie@example.org",
        "fr",
    )
    step = StatusChange.objects.get()
    assert (step.from_status, step.to_status, step.by) == (Status.DRAFT, Status.SUBMITTED, None)
    to_submitter, to_editors = mailoutbox
    assert to_submitter.to == ["marie@example.org"] and submission.reference in to_submitter.subject
    assert "Nous avons reçu votre initiative" in to_submitter.subject
    assert client.get(status_link(to_submitter)).status_code == 200
    assert to_editors.to == ["eda@example.org"] and "Marie Dupont" in to_editors.body
    sent = client.get(response["Location"]).content.decode()
    assert submission.reference in sent and "marie@example.org" not in sent


def test_the_whole_path_from_french_submission_to_publication(
    client, catalogue, editor, mailoutbox
):
    send_share(client, FRENCH_ANSWERS)
    submission = Submission.objects.get()
    practice = submission.practice
    moderation.request_changes(practice, by=editor, note="Ajoutez les résultats, s'il vous plaît.")
    link = status_link(mailoutbox[0])
    page = client.get(link).content.decode()
    assert "Ajoutez les résultats, s&#x27;il vous plaît." in page
    assert 'value="Accueil en langage clair"' in page  # the form holds what was sent
    changed = {**FRENCH_ANSWERS, "results": "Trois cents agents formés."}
    response = client.post(link, changed)
    assert response.status_code == 302 and response["Location"] == link
    assert "a bien reçu vos modifications" in client.get(link).content.decode()
    practice.refresh_from_db()
    assert (
        practice.status == Status.SUBMITTED and practice.results_fr == "Trois cents agents formés."
    )
    assert (
        mailoutbox[-1].to == ["eda@example.org"] and submission.reference in mailoutbox[-1].subject
    )
    moderation.publish(practice, by=editor)
    assert "Accueil en langage clair" in client.get("/fr/practices/").content.decode()
    french = client.get(f"/fr/practices/{practice.slug}/").content.decode()
    assert "Trois cents agents formés." in french and "pas encore été traduit" not in french
    dutch = client.get(f"/nl/practices/{practice.slug}/").content.decode()
    assert '<h1 lang="fr">Accueil en langage clair</h1>' in dutch
    assert "nog niet vertaald" in dutch
    for page in (french, dutch, client.get("/api/practices/?lang=fr").content.decode()):
        assert "marie@example.org" not in page and "Marie Dupont" not in page


def test_a_rejected_submission_says_so_on_the_status_page(client, catalogue, editor, mailoutbox):
    send_share(client, FRENCH_ANSWERS, "en")
    practice = Practice.objects.get(submission__isnull=False)
    moderation.reject(
        practice, by=editor, reason="This is a <b>training offer</b>, not a practice."
    )
    page = client.get(status_link(mailoutbox[0])).content.decode()
    assert "decided not to publish" in page
    assert "This is a &lt;b&gt;training offer&lt;/b&gt;, not a practice." in page
    assert "<form" not in page.split("</header>")[1]
    late = client.post(status_link(mailoutbox[0]), {**FRENCH_ANSWERS, "what": "Mes ajouts"})
    assert late.status_code == 409 and "no longer waiting" in late.content.decode()
    assert "Mes ajouts" in late.content.decode()  # what they sent is not lost
    assert Practice.objects.get(pk=practice.pk).status == Status.REJECTED


# A text of each step that a page with a mistake must still hold.
KEPT = {"initiative": "summary", "story": "what", "doing": "period", "you": "name"}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Enter the name of your initiative."),
        ({"email": ""}, "email", "for example name@municipality.be"),
        ({"started_in": "19"}, "started_in", "the year the initiative started, for example 2019"),
        ({"reach": ""}, "reach", "Choose whom it reached."),
        ({"summary": "x" * 100_000}, "summary", "at most 1000 characters"),
        ({"email": "marie(at)example"}, "email", "Enter an e-mail address like name@"),
        ({"email": "marie@localhost"}, "email", "a full domain name"),
        ({"email": "marie@[::1]"}, "email", "a full domain name"),
        ({"email": "marie@[127.0.0.1]"}, "email", "a full domain name"),
        ({"links": "javascript:alert(1)"}, "links", "starting with https:// or http://"),
        ({"domain": "999"}, "domain", "Select a valid choice."),
        ({"themes": ["clear-language", "no-such-theme"]}, "themes", "Select a valid choice."),
        ({"reach": "7"}, "reach", "Select a valid choice."),
        ({"consent": ""}, "consent", "the editors need your agreement"),
        ({"municipality": ""}, "municipality", "or “Not in the list” at the end"),
        (
            {"municipality": "not-listed", "municipality_country": "BE"},
            "municipality_name",
            "Write the",
        ),
        ({"municipality": "nowhere"}, "municipality", "Select a valid choice."),
        ({"website": "http://spam.example"}, "website", "Leave this field empty."),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_lost(
    client, catalogue, changes, field, message
):
    answers = {**FRENCH_ANSWERS, "what": "<script>alert('x')</script>'; DROP TABLE x; --"}
    response = send_share(client, {**answers, **changes}, "en")
    html = response.content.decode()
    assert response.status_code == 400
    assert not Submission.objects.exists()
    assert not Practice.objects.exclude(status=Status.PUBLISHED).exists()
    assert f'id="id_{field}_error"' in html and message in html
    assert 'class="error-summary" role="alert"' in html and html.count('class="error-message"') == 1
    step = next(step for step in STEPS if field in step.fields) if field != "website" else STEPS[0]
    kept = {**answers, **changes}[KEPT[step.slug]]
    assert (escape(kept) if len(kept) < 1000 else kept[:1000]) in html
    assert "<script>alert" not in html


def test_a_script_is_stored_as_text_and_shown_escaped(client, catalogue, editor):
    send_share(client, {**FRENCH_ANSWERS, "title": "<script>alert(1)</script>"})
    practice = Submission.objects.get().practice
    assert practice.title_fr == "<script>alert(1)</script>"
    moderation.publish(practice, by=editor)
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_a_new_municipality_is_kept_for_the_editors(client, catalogue):
    answers = {
        **FRENCH_ANSWERS,
        "municipality": "not-listed",
        "municipality_name": "Eupen",
        "municipality_country": "BE",
    }
    assert send_share(client, answers).status_code == 302
    submission = Submission.objects.get()
    assert submission.practice.municipality is None
    assert (submission.municipality_name, submission.municipality_country) == ("Eupen", "BE")


def test_forms_without_a_valid_csrf_token_are_refused(catalogue):
    strict = Client(enforce_csrf_checks=True)
    assert send_share(strict, FRENCH_ANSWERS).status_code == 403
    strict.get("/fr/share/")
    forged = {**FRENCH_ANSWERS, "csrfmiddlewaretoken": "x" * 64}
    assert send_share(strict, forged).status_code == 403
    other = Client(enforce_csrf_checks=True)
    html = other.get("/fr/share/").content.decode()
    reused = {**FRENCH_ANSWERS, "csrfmiddlewaretoken": csrf_token(html)}
    assert send_share(strict, reused).status_code == 403  # another visitor's token
    assert send_share(other, reused).status_code == 302  # its own visitor's works
    assert Submission.objects.count() == 1


def test_a_tampered_status_link_is_not_found(client, catalogue, editor, mailoutbox):
    send_share(client, FRENCH_ANSWERS)
    link = status_link(mailoutbox[0])
    assert client.get(link[:-2] + "x/").status_code == 404
    assert client.get("/fr/share/status/../").status_code == 404


def test_the_rate_limit_keeps_what_was_typed(client, catalogue, settings):
    settings.SHARE_RATE_LIMIT = 2
    for _ in range(2):
        assert send_share(client, FRENCH_ANSWERS).status_code == 302
    response = send_share(client, {**FRENCH_ANSWERS, "title": "Troisième initiative"})
    assert response.status_code == 429
    assert "<dd>Troisième initiative</dd>" in response.content.decode()  # kept, to send later
    assert Submission.objects.count() == 2
    other_address = send_share(client, FRENCH_ANSWERS, REMOTE_ADDR="192.0.2.7")
    assert other_address.status_code == 302


def test_editors_can_edit_every_translated_text_in_admin(client, catalogue, editor):
    client.force_login(editor)
    send_share(client, FRENCH_ANSWERS)
    practice = Submission.objects.get().practice
    html = client.get(f"/admin/practices/practice/{practice.pk}/change/").content.decode()
    for field in translator.get_options_for_model(Practice).fields:
        assert f'name="{field}_nl"' in html, field


def test_behind_the_proxy_the_limit_counts_each_client(client, catalogue, settings):
    settings.SHARE_RATE_LIMIT = 1

    def share_from(forwarded_for):
        """A submission through the proxy (every request comes from 10.0.0.2)."""
        response = send_share(
            client, FRENCH_ANSWERS, HTTP_X_FORWARDED_FOR=forwarded_for, REMOTE_ADDR="10.0.0.2"
        )
        return response.status_code

    assert share_from("192.0.2.1") == 302
    # Without trusting the proxy, the second client is taken for the first.
    assert share_from("192.0.2.2") == 429
    settings.TRUST_X_FORWARDED_FOR = True
    assert share_from("spoofed, 192.0.2.2") == 302
    assert share_from("192.0.2.2") == 429


def test_a_municipality_not_in_the_list_stays_so_when_changes_are_asked(
    client, catalogue, editor, mailoutbox
):
    eupen = {"municipality": "not-listed", "municipality_name": "Eupen",
             "municipality_country": "BE"}  # fmt: skip
    send_share(client, {**FRENCH_ANSWERS, **eupen})
    submission = Submission.objects.get()
    moderation.request_changes(submission.practice, by=editor, note="Une date, svp.")
    link = status_link(mailoutbox[0])
    page = client.get(link).content.decode()
    assert '<option value="not-listed" selected>' in page and 'value="Eupen"' in page
    response = client.post(link, {**FRENCH_ANSWERS, **eupen, "period": "2019"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.municipality_name == "Eupen" and submission.practice.municipality is None
