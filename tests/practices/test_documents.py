"""Documents and images of a practice: checked by their content, images drawn anew
without their metadata, served only once the practice is published, listed on its page."""

import io
import re
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from practices.forms import DocumentForm
from practices.models import Document, Status


@pytest.fixture(autouse=True)
def english():
    """The messages of these tests are read in English."""
    with translation.override("en"):
        yield


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def image_bytes(format="PNG", size=(64, 48), gps=False):
    image = Image.new("RGB", size, (30, 90, 160))
    out = io.BytesIO()
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "Camera maker"  # Make
        exif[0x8825] = {1: "N", 2: (50.0, 55.0, 0.0)}  # GPS: latitude
    image.save(out, format=format, exif=exif)
    return out.getvalue()


def package(first, *others):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in (first, *others):
            archive.writestr(name, content)
    return out.getvalue()


ODT = package(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>"))
DOCX = package(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>"))
PPTX = package(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<p/>"))


def huge_png():
    """A PNG whose header says 20,000 × 20,000 pixels (its data is one row)."""
    png = bytearray(image_bytes("PNG", (1, 1)))
    header = b"IHDR" + struct.pack(">II", 20_000, 20_000) + bytes(png[24:29])
    png[12:33] = header + struct.pack(">I", zlib.crc32(header))
    return bytes(png)


def truncated_jpeg():
    """A photo cut off halfway through its pixels, as an interrupted copy leaves it."""
    out = io.BytesIO()
    Image.effect_noise((400, 400), 80).convert("RGB").save(out, format="JPEG")
    return out.getvalue()[: out.tell() // 2]


def upload(content, name="file.bin", content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def form_for(practice, content, name="file.bin", **fields):
    data = {"title": "Visietekst", "language": "nl", "alt_text": "", "position": 0, **fields}
    return DocumentForm(data, {"file": upload(content, name)}, instance=Document(practice=practice))


@pytest.mark.parametrize(
    ("content", "kind"),
    [(PDF, "PDF"), (ODT, "OpenDocument"), (DOCX, "Word"), (PPTX, "PowerPoint"),
     (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "Office")],
)  # fmt: skip
def test_documents_are_known_by_their_content(make_practice, content, kind):
    form = form_for(make_practice(), content, name="anything.exe")
    assert form.is_valid(), form.errors
    document = form.save()
    assert document.kind == kind and document.size == len(content)
    assert re.fullmatch(r"practices/[0-9a-f]{32}\.\w+", document.file.name)
    assert document.file.read() == content


SCRIPT = b"#!/bin/sh\nrm -rf /\n"
HTML = b"<!DOCTYPE html><script>alert(1)</script>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


# Files that are not what they say, or cannot be taken: (content, name, the message).
REFUSED = [
    (SCRIPT, "report.pdf", "cannot be attached"),
    (HTML, "photo.png", "cannot be attached"),
    (SVG, "logo.svg", "cannot be attached"),
    (package(("notes.txt", "x")), "archive.zip", "cannot be attached"),
    (huge_png(), "huge.png", "too many pixels"),
    (truncated_jpeg(), "cut.jpg", "could not be read"),
]


@pytest.mark.parametrize(("content", "name", "says"), REFUSED)
def test_files_that_are_not_what_they_say_are_refused(make_practice, content, name, says):
    form = form_for(make_practice(), content, name=name)
    assert not form.is_valid() and says in str(form.errors["file"])
    assert not Document.objects.exists()


def test_a_file_over_the_limit_is_refused(make_practice, settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    form = form_for(make_practice(), PDF + bytes(2000))
    assert not form.is_valid() and "at most 1000" in str(form.errors["file"])


def test_an_image_is_drawn_anew_without_metadata_and_needs_its_text(make_practice):
    practice = make_practice()
    without_text = form_for(practice, image_bytes("JPEG", (3000, 1500), gps=True), "p.jpg")
    assert not without_text.is_valid() and "alt_text" in without_text.errors
    form = form_for(practice, image_bytes("JPEG", (3000, 1500), gps=True), "p.jpg",
                    alt_text="Medewerkers aan de balie", title="", language="")  # fmt: skip
    assert form.is_valid(), form.errors
    image = form.save()
    with Image.open(image.file) as stored:
        assert stored.size == (2000, 1000) and not stored.getexif()
    with Image.open(image.thumbnail) as small:
        assert small.size == (480, 240) == (image.thumbnail_width, image.thumbnail_height)


def test_a_document_needs_its_title_and_language(make_practice):
    form = form_for(make_practice(), PDF, title="", language="")
    assert not form.is_valid() and {"title", "language"} <= set(form.errors)


def attach(practice, content, **fields):
    form = form_for(practice, content, **fields)
    assert form.is_valid(), form.errors
    return form.save()


def test_files_are_served_once_the_practice_is_published(client, editor_client, make_practice):
    practice = make_practice(status=Status.SUBMITTED, published_at=None)
    document = attach(practice, PDF, title="Visie op diversiteit")
    image = attach(practice, image_bytes(), alt_text="De balie", title="", language="")
    for url in (document.get_absolute_url(), image.get_absolute_url()):
        assert client.get(url).status_code == 404  # not public yet
        assert editor_client.get(url).status_code == 200  # the editors' preview
    practice.status, practice.published_at = Status.PUBLISHED, practice.created_at
    practice.save()
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="visie-op-diversiteit.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src" in response["Content-Security-Policy"]
    shown = client.get(image.get_absolute_url())
    assert shown["Content-Type"] == "image/png" and "attachment" not in shown["Content-Disposition"]
    small = client.get(f"{image.get_absolute_url()}small/")
    assert small.status_code == 200
    other = make_practice()
    assert client.get(f"/en/practices/{other.slug}/files/{document.pk}/").status_code == 404


def test_the_page_lists_them_in_the_readers_language(
    client, make_practice, django_assert_num_queries
):
    practice = make_practice()
    page = client.get(f"/en/practices/{practice.slug}/")
    assert "Documents and images" not in page.content.decode()
    attach(practice, PDF, title="Visie op diversiteit")
    attach(practice, image_bytes(), alt_text="De balie", title="", language="")
    english = client.get(f"/en/practices/{practice.slug}/").content.decode()
    assert re.search(r">Visie op diversiteit</a> · PDF, \d+\W+bytes · in Dutch", english)
    assert 'width="64" height="48" alt="De balie"' in english  # its place kept
    french = client.get(f"/fr/practices/{practice.slug}/").content.decode()
    assert "en néerlandais" in french


def test_the_page_asks_the_same_queries_for_any_number_of_files(
    client, make_practice, django_assert_num_queries, settings
):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    practice = make_practice()
    attach(practice, PDF, title="Eén")
    url = f"/en/practices/{practice.slug}/"
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in range(8):
        attach(practice, PDF, title=f"Nog {number}")
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url)


def test_the_demo_has_a_document_and_an_image_per_seed_municipality(client, catalogue):
    for slug in (
        "hasselt-customer-friendly-services",
        "mechelen-diversity-vision-mission",
        "lidkoping-hospitality-programme",
    ):
        document, image = Document.objects.filter(practice__slug=slug)
        assert (document.kind, image.kind) == ("PDF", "PNG") and image.alt_text
        assert document.file.read(5) == b"%PDF-"
        page = client.get(f"/en/practices/{slug}/").content.decode()
        assert document.title in page and f'alt="{image.alt_text}"' in page
        assert client.get(f"{image.get_absolute_url()}small/").status_code == 200


def test_a_document_in_another_language_is_marked_so(client, catalogue):
    french = client.get("/fr/practices/hasselt-customer-friendly-services/").content.decode()
    assert 'hreflang="nl" lang="nl">Programma van het vormingstraject</a>' in french
    assert re.search(r'<img [^>]*alt="Affiche van het traject[^"]*" lang="nl"', french)
    dutch = client.get("/nl/practices/hasselt-customer-friendly-services/").content.decode()
    assert 'hreflang="nl">Programma van het vormingstraject</a>' in dutch


def test_a_practice_page_is_previewed_with_its_summary_and_first_image(client, make_practice):
    practice = make_practice(summary_nl="Een balie waar iedereen terecht kan. " * 10)
    attach(practice, PDF, title="Visie op diversiteit")
    image = attach(practice, image_bytes(), alt_text="De balie", title="", language="")
    with translation.override("nl"):
        html = client.get(practice.get_absolute_url()).content.decode()
        small = reverse("practices:document-small", args=[practice.slug, image.pk])
    assert f'<meta property="og:image" content="http://testserver{small}">' in html
    description = re.search(r'<meta name="description" content="([^"]*)">', html)[1]
    assert description.startswith("Een balie waar iedereen terecht kan. Een balie")
    assert len(description) == 160 and description.endswith("…")
    assert f'<meta property="og:title" content="{practice.title_nl}">' in html
