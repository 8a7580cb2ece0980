"""The portal's own pages: about, contact, privacy and the accessibility statement,
written in every language, linked from every footer, changed by editors in admin."""

import re

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.html import escape

from portal.models import Page
from tests.conftest import LANGUAGES

KINDS = ["about", "contact", "privacy", "accessibility"]
FOOTER_LINKS = {
    "nl": ["Over het portaal", "Contact", "Privacyverklaring", "Toegankelijkheid"],
    "fr": ["À propos du portail", "Contact", "Vie privée", "Accessibilité"],
    "de": ["Über das Portal", "Kontakt", "Datenschutz", "Barrierefreiheit"],
    "en": ["About the portal", "Contact", "Privacy", "Accessibility"],
    "sv": ["Om portalen", "Kontakt", "Integritet", "Tillgänglighet"],
}


def texts(kind, lang):
    with translation.override(lang):
        page = Page.objects.get(kind=kind)
        return page.title, page.description, page.body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_own_page_in_every_language(client, db, lang):
    """Each page in its own words per language, with one <h1>, its description, its
    sections as headings and the contact address; every footer links them."""
    footer = client.get(f"/{lang}/").content.decode().split("<footer", 1)[1]
    for kind, label in zip(KINDS, FOOTER_LINKS[lang], strict=True):
        assert f'<li><a href="/{lang}/{kind}/">{label}</a></li>' in footer
        title, description, body = texts(kind, lang)
        response = client.get(f"/{lang}/{kind}/")
        html = response.content.decode()
        assert response.status_code == 200
        assert re.findall(r"<h1[\s>].*?</h1>", html) == [f"<h1>{escape(title)}</h1>"]
        assert f'<meta name="description" content="{escape(description)}">' in html
        assert f'<meta property="og:title" content="{escape(title)}">' in html
        headings = [line[3:] for line in body.splitlines() if line.startswith("## ")]
        assert [f"<h2>{escape(heading)}</h2>" in html for heading in headings] == [True] * len(
            headings
        )
        if kind != "about":  # (linked where it has a domain: see the editor's test)
            assert settings.CONTACT_EMAIL in html
        others = [texts(kind, other)[2] for other in LANGUAGES if other != lang]
        assert body not in others


def test_the_accessibility_statement_follows_the_eu_model(client, db):
    html = client.get("/en/accessibility/").content.decode()
    for heading in [
        "Compliance status",
        "Non-accessible content",
        "Preparation of this statement",
        "Feedback and contact information",
        "Enforcement procedure",
    ]:
        assert f"<h2>{heading}</h2>" in html
    assert "partially compliant" in html and "30 November 2026" in html


def test_own_pages_are_in_the_sitemap_in_every_language(client, db):
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    for kind in KINDS:
        for lang in LANGUAGES:
            assert f"/{lang}/{kind}/</loc>" in sitemap


def page_form(page, **changes):
    data = {
        f"{name}_{lang}": getattr(page, f"{name}_{lang}")
        for name in ("title", "description", "body")
        for lang in LANGUAGES
    }
    return {**data, **changes}


def test_an_editor_changes_a_page_and_readers_see_it_escaped(editor_client, client):
    page = Page.objects.get(kind="contact")
    body = "Schrijf ons.\n\n## <Vragen>\n\nMail vragen@example.org <script>x</script>"
    url = f"/{settings.ADMIN_URL}portal/page/{page.pk}/change/"
    assert editor_client.post(url, page_form(page, body_nl=body)).status_code == 302
    html = client.get("/nl/contact/").content.decode()
    assert "<h2>&lt;Vragen&gt;</h2>" in html
    assert '<a href="mailto:vragen@example.org">vragen@example.org</a>' in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html
    assert "Schrijf ons." in html
    assert "Schrijf ons." not in client.get("/fr/contact/").content.decode()


def test_a_page_needs_its_texts_in_every_language(editor_client):
    """Nothing is saved, the editor sees what is missing, and keeps what they typed."""
    page = Page.objects.get(kind="about")
    url = f"/{settings.ADMIN_URL}portal/page/{page.pk}/change/"
    with translation.override("nl"):
        response = editor_client.post(url, page_form(page, title_nl="Nieuw", description_sv=""))
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    assert 'value="Nieuw"' in response.content.decode()
    page.refresh_from_db()
    assert page.title_nl != "Nieuw"


def test_editors_cannot_add_or_delete_own_pages(editor_client):
    page = Page.objects.get(kind="privacy")
    admin = f"/{settings.ADMIN_URL}portal/page/"
    assert editor_client.get(f"{admin}add/").status_code == 403
    assert editor_client.get(f"{admin}{page.pk}/delete/").status_code == 403
    assert editor_client.get(admin).status_code == 200
    assert Page.objects.count() == 4
