"""Five languages for real: no English left on a translated page, alternates on every
page, a sitemap of every page in every language, and the language a reader chose."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from practices.editors import ensure_editors_group
from practices.models import Practice
from tests.conftest import LANGUAGES
from tests.pages import share_pages
from tests.portal.test_catalogues import catalogue, read_po
from tests.portal.test_site import public_answers, public_pages, url_in

ATTRIBUTES_READ_ALOUD = {"aria-label", "title", "alt", "placeholder"}
BUTTON_INPUTS = {"submit", "button", "reset"}


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class VisibleText(HTMLParser):
    """The text a reader sees or hears in the page's language: text nodes and the
    attributes read aloud, leaving out scripts, styles, what is not to be translated (a
    printed web address) and whatever is marked as being in another language (the
    language switcher's names, content in its original)."""

    def __init__(self, language):
        super().__init__()
        self.parts, self.open = [], [("html", language)]
        self.language = language

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang", self.open[-1][1])
        if tag in ("script", "style") or attrs.get("translate") == "no":
            lang = None  # not text in any language: code, or an address
        if lang == self.language:
            self.parts += [
                value for name, value in attrs.items() if name in ATTRIBUTES_READ_ALOUD and value
            ]
        if tag not in VOID:
            self.open.append((tag, lang))

    def handle_endtag(self, tag):
        if tag not in VOID and len(self.open) > 1:
            self.open.pop()

    def handle_data(self, data):
        if self.open[-1][1] == self.language:
            self.parts.append(data)


def visible_text(html, language):
    parser = VisibleText(language)
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_sources(locale):
    """The interface's English texts that `locale` says otherwise: whole phrases without
    placeholders, so that each can be looked for as it is. A text the locale says the
    same way in one of its contexts ("Contact" of a page in Dutch) is not English there."""
    entries = read_po(catalogue(settings.BASE_DIR, locale))
    same = {
        msgid
        for _flags, msgid, strings in entries
        if strings.get("msgstr", msgid).casefold() == msgid.casefold()
    }
    return [
        msgid
        for _flags, msgid, _strings in entries
        if "%" not in msgid and len(msgid) > 3 and msgid not in same
    ]


def english_left(html, language, sources):
    """The English `sources` still in what a reader of `html` sees in `language`, as whole
    phrases. (The plain substring test first only spares the pattern where it cannot
    match: ten times faster, the same result.)"""
    text = visible_text(html, language)
    return [
        source
        for source in sources
        if source in text and re.search(rf"(?<!\w){re.escape(source)}(?!\w)", text)
    ]


@pytest.mark.parametrize("language", ["nl", "fr", "de", "sv"])
def test_no_english_interface_text_is_left_on_any_page(catalogue, language):
    sources = english_sources(language)
    assert len(sources) > 100
    for name, args, response in public_answers(language):
        html = response.content.decode()
        assert english_left(html, language, sources) == [], (name, args)


@pytest.mark.parametrize("language", ["nl", "fr", "de", "sv"])
def test_no_english_is_left_on_the_share_forms_steps(client, catalogue, language):
    """Each step with every message it can show, the files with one to complete, and
    the check page."""
    sources = english_sources(language)
    pages = share_pages(client, language)
    for response in pages:
        assert english_left(response.content.decode(), language, sources) == [], response
    assert [response.status_code for response in pages] == [400, 400, 400, 400, 400, 200]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_names_its_five_versions_and_a_default(catalogue, language):
    for name, args, response in public_answers(language):
        html = response.content.decode()
        links = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))
        assert set(links) == {*LANGUAGES, "x-default"}, (name, args)
        for code in LANGUAGES:
            assert links[code] == f"http://testserver{url_in(code, name, args)}"
        assert links["x-default"] == links["nl"].replace("/nl/", "/", 1)


def test_alternates_keep_the_filters(client, catalogue):
    html = client.get("/de/practices/?reach=2&q=taal").content.decode()
    assert (
        '<link rel="alternate" hreflang="sv" href="http://testserver/sv/practices/?reach=2&amp;q=taal">'
        in html
    )
    assert 'hreflang="x-default" href="http://testserver/practices/?reach=2&amp;q=taal"' in html


def test_a_missing_page_has_no_alternates(client, db):
    html = client.get("/nl//evil.example/x/").content.decode()
    assert 'rel="alternate"' not in html and "evil.example/x/" not in html.split("<body")[0]


def test_the_default_address_sends_each_reader_to_their_language(client, catalogue):
    response = client.get("/practices/?reach=2", headers={"accept-language": "sv"})
    assert response["Location"] == "/sv/practices/?reach=2"


def test_a_first_visit_picks_the_browsers_language_and_the_next_remembers(client, db):
    response = client.get("/", headers={"accept-language": "de-BE,de;q=0.9,en;q=0.5"})
    assert response.status_code == 302 and response["Location"] == "/de/"
    client.get("/sv/practices/")  # the reader switches to Swedish
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sv"
    assert client.get("/", headers={"accept-language": "de"})["Location"] == "/sv/"


def test_the_sitemap_lists_every_public_page_in_every_language(client, catalogue):
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://testserver(/sitemap-\w+\.xml)</loc>", index)
    assert len(sections) == 6
    listed = []
    for section in sections:
        xml = client.get(section).content.decode()
        listed += re.findall(r"<url><loc>http://testserver([^<]+)</loc>", xml)
        assert xml.count('hreflang="x-default"') == xml.count("<url>")
    expected = [url_in(code, name, args) for name, args in public_pages() for code in LANGUAGES]
    assert sorted(listed) == sorted(expected)


def test_unpublished_practices_stay_out_of_the_sitemap(client, catalogue):
    archived, published = Practice.objects.published()[:2]
    Practice.objects.filter(pk=archived.pk).update(status="archived")
    xml = client.get("/sitemap-practices.xml").content.decode()
    assert archived.slug not in xml and published.slug in xml


def test_robots_txt_points_to_the_sitemap(client, db):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    lines = robots.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /*/share/status/" in lines
    assert not [line for line in lines if "admin" in line]  # its address stays unpublished


def test_editors_see_which_translations_are_missing(client, catalogue):
    editor = get_user_model().objects.create_user("eda", is_staff=True)
    editor.groups.add(ensure_editors_group())
    client.force_login(editor)
    untranslated = Practice.objects.published().first()
    untranslated.title_fr = untranslated.summary_de = ""
    untranslated.save()
    html = client.get("/admin/practices/practice/?translation=missing:fr").content.decode()
    assert untranslated.title_nl in html and ">fr, de<" in html
    assert "1 inspirerend voorbeeld" in html  # the complete ones are left out


def test_the_english_detector_finds_english(client, catalogue):
    """The check above would see English: on the English pages it finds plenty."""
    html = client.get("/en/practices/").content.decode()
    text = visible_text(html, "en")
    found = [source for source in english_sources("de") if source in text]
    assert {"All practices", "Skip to main content", "Show results"} <= set(found)
    left = english_left(html, "en", english_sources("de"))
    assert {"All practices", "Skip to main content", "Show results"} <= set(left)


@pytest.mark.parametrize(
    ("language", "written"),
    [("nl", "38.093 inwoners"), ("fr", "38\xa0093 habitants"), ("en", "38,093 inhabitants")],
)
def test_numbers_are_written_as_each_language_writes_them(client, catalogue, language, written):
    html = client.get(url_in(language, "practices:municipality", ["lidkoping"])).content.decode()
    assert written in html and "(2010)" in html
