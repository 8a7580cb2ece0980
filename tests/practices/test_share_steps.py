"""The share form in steps: what each step received is kept between steps, on a mistake
and through the back button; files attached on the way; the check page; then the
initiative with its files, published."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone, translation

from practices import moderation
from practices.drafts import forget_unsent
from practices.models import Document, Submission
from tests.helpers import FRENCH_ANSWERS, send_share
from tests.practices.test_documents import PDF, REFUSED, image_bytes

DOING = {"resources": "Deux formateurs, 4 000 euros.", "hindsight": "Commencer plus petit."}


def pdf(name="visie.pdf", content=PDF, **fields):
    return {"file": SimpleUploadedFile(name, content), "language": "nl", **fields}


def png(name="balie.png", **fields):
    return {"file": SimpleUploadedFile(name, image_bytes()), **fields}


def attach(client, file, language="fr", **data):
    fields = {f"new-{name}": value for name, value in file.items()}
    return client.post(f"/{language}/share/files/", {"go": "attach", **fields, **data})


@pytest.mark.parametrize(
    ("language", "says"), [("fr", "Documents et images"), ("sv", "Dokument och bilder")]
)
def test_the_whole_path_in_steps_with_files_to_the_public_page(
    client, catalogue, editor, language, says
):
    files = [pdf(title="Visie op diversiteit"), png(alt_text="L'accueil de la mairie")]
    response = send_share(client, {**FRENCH_ANSWERS, **DOING}, language, files=files)
    submission = Submission.objects.get()
    assert response["Location"] == f"/{language}/share/sent/{submission.reference}/"
    practice = submission.practice
    document, image = practice.documents.all()
    assert (document.title, document.kind, image.alt_text) == (
        "Visie op diversiteit", "PDF", "L'accueil de la mairie"
    )  # fmt: skip
    assert not Document.objects.filter(practice=None).exists()
    assert client.get(document.get_absolute_url()).status_code == 404  # not published yet
    moderation.publish(practice, by=editor)
    page = client.get(practice.get_absolute_url()).content.decode()
    assert says in page and "Visie op diversiteit</a> · PDF" in page
    assert 'alt="L&#x27;accueil de la mairie"' in page
    assert "Deux formateurs, 4 000 euros." in page and "Commencer plus petit." in page
    assert client.get(document.get_absolute_url()).status_code == 200


def test_each_step_leads_to_the_next_and_the_last_to_the_check(client, catalogue):
    steps = ["/en/share/", "/en/share/story/", "/en/share/doing/", "/en/share/files/"]
    for here, there in zip(steps, [*steps[1:], "/en/share/you/"], strict=True):
        response = client.post(here, {**FRENCH_ANSWERS, "go": "next"})
        assert response.status_code == 302 and response["Location"] == there
    assert client.post("/en/share/you/", FRENCH_ANSWERS)["Location"] == "/en/share/check/"
    page = client.get("/en/share/story/").content.decode()
    assert "step 2 of 5" in page and FRENCH_ANSWERS["what"] in page  # what was written
    # Changed from the check page, a step leads back to it.
    changed = client.post("/en/share/story/", {**FRENCH_ANSWERS, "what": "Autre chose"})
    assert changed["Location"] == "/en/share/check/"


def test_the_check_page_shows_every_answer_with_a_link_to_change_it(client, catalogue):
    send_share(client, FRENCH_ANSWERS, "en", files=[pdf(title="Visie")], send=False)
    with translation.override("en"):
        page = client.get("/en/share/check/").content.decode()
    for link in ("/en/share/", "/en/share/story/", "/en/share/doing/", "/en/share/files/",
                 "/en/share/you/"):  # fmt: skip
        assert f'<a href="{link}">Change <span class="visually-hidden">' in page
    assert "<dt>Name of your initiative</dt><dd>Accueil en langage clair</dd>" in page
    assert "<dd>Hasselt</dd>" in page and "<dd>Clear language, Low literacy</dd>" in page
    assert '<dd lang="nl">Visie · PDF, ' in page and "<dd>marie@example.org</dd>" in page
    assert "Not answered" in page  # the questions left empty
    assert not Submission.objects.exists()  # nothing is sent before "Send"


def test_the_check_page_leads_to_the_first_step_not_answered(client, catalogue):
    assert client.get("/fr/share/check/")["Location"] == "/fr/share/"
    client.post("/fr/share/", {**FRENCH_ANSWERS, "go": "next"})
    client.post("/fr/share/story/", {**FRENCH_ANSWERS, "reach": "", "go": "next"})  # a mistake
    assert client.get("/fr/share/check/")["Location"] == "/fr/share/story/"
    assert client.post("/fr/share/check/")["Location"] == "/fr/share/story/"
    assert not Submission.objects.exists()


def test_back_keeps_what_was_typed_without_asking_for_what_is_missing(client, catalogue):
    typed = {"what": "Cinq demi-journées", "started_in": "", "reach": "", "go": "back"}
    response = client.post("/fr/share/story/", typed)
    assert response.status_code == 302 and response["Location"] == "/fr/share/"
    again = client.get("/fr/share/story/").content.decode()
    assert "Cinq demi-journées" in again


def test_the_municipality_starts_on_a_choice_to_make(client, catalogue):
    html = client.get("/en/share/").content.decode()
    first = re.search(
        r'<select name="municipality"[^>]*>\s*<option value="([^"]*)"[^>]*>([^<]+)', html
    )
    assert first.groups() == ("", "Choose your municipality")
    assert '<option value="not-listed">Not in the list</option>' in html
    response = client.post("/en/share/", {**FRENCH_ANSWERS, "municipality": ""})
    assert response.content.decode().count('class="error-message"') == 1  # one, not two


def test_a_file_is_kept_at_once_and_its_missing_text_asked_for(client, catalogue):
    response = attach(client, png())  # no text for the image
    assert response.status_code == 302 and response["Location"] == "/fr/share/files/"
    image = Document.objects.get(practice=None)
    assert image.practice is None and image.draft is not None
    with translation.override("en"):
        page = client.get("/en/share/files/").content.decode()
        assert "Say what the image shows" in page and "Image 1 · PNG" in page
        refused = client.post("/en/share/files/", {"go": "next"})
    assert refused.status_code == 400
    text = {"files-0-id": image.pk, "files-0-alt_text": "Le guichet", "go": "next"}
    fixed = client.post("/fr/share/files/", text)
    assert fixed.status_code == 302 and Document.objects.get(practice=None).alt_text == "Le guichet"


def test_a_file_can_be_removed_and_its_stored_file_goes_too(
    client, catalogue, django_capture_on_commit_callbacks
):
    attach(client, pdf())
    document = Document.objects.get(practice=None)
    storage, name = document.file.storage, document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/share/files/", {"files-0-id": document.pk, "files-0-DELETE": "on", "go": "attach"}
        )
    assert response.status_code == 302 and not Document.objects.filter(practice=None).exists()
    assert not storage.exists(name)


def test_a_sixth_file_is_refused(client, catalogue):
    for number in range(5):
        assert attach(client, pdf(f"{number}.pdf")).status_code == 302
    with translation.override("en"):
        response = attach(client, pdf("six.pdf", title="Sixth"), "en")
    assert response.status_code == 400 and "at most 5 files" in response.content.decode()
    assert Document.objects.filter(practice=None).count() == 5


@pytest.mark.parametrize(
    ("content", "name", "says"), [*REFUSED, (PDF + bytes(2000), "big.pdf", "at most 1000")]
)
def test_a_bad_file_is_explained_and_what_was_typed_kept(
    client, catalogue, settings, content, name, says
):
    settings.ATTACHMENT_MAX_BYTES = 1000 if name == "big.pdf" else settings.ATTACHMENT_MAX_BYTES
    file = {"file": SimpleUploadedFile(name, content, "image/png"), "title": "Mon titre <b>"}
    with translation.override("en"):
        response = attach(client, file, "en")
    html = response.content.decode()
    assert response.status_code == 400 and says in html and 'class="error-summary"' in html
    assert 'value="Mon titre &lt;b&gt;"' in html
    assert not Document.objects.filter(practice=None).exists()


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("../../etc/passwd.pdf", "passwd"),
        ("rapport\x00final.pdf", "rapportfinal"),
        ("x" * 300 + ".pdf", "x" * 200),
        ("C:\\Users\\marie\\Vision_2019.pdf", "Vision 2019"),
    ],
)
def test_a_file_name_never_becomes_a_path(client, catalogue, name, title):
    assert attach(client, pdf(name)).status_code == 302
    document = Document.objects.get(practice=None)
    assert re.fullmatch(r"practices/[0-9a-f]{32}\.pdf", document.file.name)
    assert document.title.startswith(title[:50]) and len(document.title) <= 200
    assert "/" not in document.title and "\x00" not in document.title


def test_only_the_files_step_takes_a_file_of_some_megabytes(client, catalogue):
    big = PDF + bytes(2 * 1024 * 1024)
    assert attach(client, pdf("big.pdf", big)).status_code == 302
    upload = {"what": "x", "go": "next", "file": SimpleUploadedFile("big.pdf", big)}
    assert client.post("/fr/share/story/", upload).status_code == 413


def test_files_of_forms_never_sent_are_deleted_after_the_session(
    client, catalogue, settings, django_capture_on_commit_callbacks
):
    attach(client, pdf())
    document = Document.objects.get(practice=None)
    with django_capture_on_commit_callbacks(execute=True):
        assert forget_unsent() == 0  # the person may still send it
    later = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
    with django_capture_on_commit_callbacks(execute=True):
        assert forget_unsent(now=later) == 1
    assert not Document.objects.filter(practice=None).exists() and not document.file.storage.exists(
        document.file.name
    )
    call_command("forget_unsent_files")  # the command runs (nothing left)


def test_an_incomplete_file_can_be_removed(client, catalogue):
    attach(client, png())  # its text is missing
    image = Document.objects.get(practice=None)
    data = {"files-0-id": image.pk, "files-0-DELETE": "on", "go": "next"}
    assert client.post("/fr/share/files/", data)["Location"] == "/fr/share/you/"
    assert not Document.objects.filter(practice=None).exists()


def test_each_field_typed_right_for_a_file_is_kept(client, catalogue):
    attach(client, pdf(title="Visie"))
    document = Document.objects.get(practice=None)
    typed = {"files-0-id": document.pk, "files-0-title": "", "files-0-language": "de"}
    with translation.override("en"):
        response = attach(client, pdf("tweede.pdf"), "en", **typed)  # attached: shown afresh
        assert response.status_code == 302
        page = client.get("/en/share/files/").content.decode()
    document.refresh_from_db()
    assert (document.title, document.language) == ("Visie", "de")  # the empty title is not
    assert "Document 2 · Title" not in page and Document.objects.filter(practice=None).count() == 2
    with translation.override("en"):
        wrong = client.post("/en/share/files/", {**typed, "go": "next"}).content.decode()
    assert "Document 1 · Title: Give the document a title." in wrong


def test_the_same_attach_page_sent_twice_attaches_once(client, catalogue):
    key = "7d2c1a52-3f4e-4b8a-9a6d-0b5e2f6c1d11"
    for _click in range(2):
        assert attach(client, pdf(), **{"new-key": key}).status_code == 302
    assert Document.objects.filter(practice=None).count() == 1


def test_texts_are_stored_in_the_language_the_form_was_begun_in(client, catalogue):
    send_share(client, FRENCH_ANSWERS, "fr", send=False)
    assert client.post("/en/share/check/").status_code == 302  # switched to English to send
    practice = Submission.objects.get().practice
    assert practice.language == "fr" and practice.title_fr == FRENCH_ANSWERS["title"]
    assert not practice.title_en


def test_back_shows_a_step_without_asking_for_what_is_missing(client, catalogue):
    client.post("/fr/share/story/", {"what": "Des ateliers", "go": "back"})
    page = client.get("/fr/share/story/").content.decode()
    assert "Des ateliers" in page and "error-summary" not in page
    client.post("/fr/share/", {"title": "Accueil", "go": "back"})
    first = client.get("/fr/share/?domain=hr-policy").content.decode()
    assert (
        'value="Accueil"' in first
        and 'value="hr-policy" id="id_domain_0" required checked' in first
    )


def test_a_step_keeps_at_most_what_its_fields_take(client, catalogue):
    client.post("/fr/share/story/", {"what": "x" * 800_000, "reach": ["1"] * 500, "go": "next"})
    session = client.session["share"]["answers"]["story"]
    assert len(session["what"][0]) == 4001 and session["reach"] == ["1"]


def test_files_of_a_form_still_being_written_are_kept(client, catalogue, settings):
    attach(client, pdf())
    later = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
    Document.objects.filter(practice=None).update(kept_at=timezone.now() - timedelta(days=13))
    client.post("/fr/share/story/", {"what": "Encore", "go": "back"})  # still writing
    assert forget_unsent(now=later) == 0 and Document.objects.filter(practice=None).exists()


def test_a_municipality_not_in_the_list_is_shown_so(client, catalogue):
    eupen = {"municipality": "not-listed", "municipality_name": "Eupen",
             "municipality_country": "BE"}  # fmt: skip
    send_share(client, {**FRENCH_ANSWERS, **eupen}, "en", send=False)
    with translation.override("en"):
        page = client.get("/en/share/check/").content.decode()
    assert "<dt>Your municipality</dt><dd>Not in the list</dd>" in page
    assert "<dd>Eupen</dd>" in page


def test_the_form_can_be_emptied_with_its_files(
    client, catalogue, django_capture_on_commit_callbacks
):
    send_share(client, FRENCH_ANSWERS, files=[pdf()], send=False)
    document = Document.objects.get(practice=None)
    assert FRENCH_ANSWERS["title"] in client.get("/fr/share/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/fr/share/start-again/")["Location"] == "/fr/share/"
    page = client.get("/fr/share/").content.decode()
    assert FRENCH_ANSWERS["title"] not in page and "start-again" not in page
    assert not Document.objects.filter(practice=None).exists()
    assert not document.file.storage.exists(document.file.name)
    assert client.get("/fr/share/check/")["Location"] == "/fr/share/"
