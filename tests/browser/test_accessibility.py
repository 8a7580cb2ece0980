"""Every public page type, audited in Chromium: axe-core with the WCAG 2.0, 2.1 and 2.2 A
and AA rules in one language (German, the one with the most text), and in every language
valid HTML, the page's language on <html> and only known languages on [lang], headings
in order, landmarks, no English interface text left, no horizontal scrolling at 320 px
(as at 400% zoom on a 1280 px screen), and nothing refused by the content security policy
or failing in a script."""

import itertools

import html5lib
import pytest
from axe_playwright_python.sync_playwright import Axe

from practices.models import Practice
from tests.browser.conftest import new_page, watch
from tests.browser.test_flows import log_in_as_editor
from tests.conftest import LANGUAGES
from tests.pages import page_types, private_pages
from tests.portal.test_languages import english_left, english_sources
from tests.practices.test_documents import image_bytes

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()
AXE_LANGUAGE = "de"  # axe-core takes most of the time: one language, the longest texts
# What the cheaper checks read off a page, in one round trip to the browser.
SEEN = """() => ({
    html: (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '')
        + document.documentElement.outerHTML,
    lang: document.documentElement.lang,
    marked: [...document.querySelectorAll('[lang]')].map(e => e.lang),
    headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
        .filter(h => h.offsetParent !== null || h.closest('summary'))
        .map(h => Number(h.tagName[1])),
    missing: ['header', 'nav', 'main', 'footer'].filter(t => !document.querySelector(t)),
})"""


@pytest.fixture
def status_token(site, make_submission):
    return private_pages(make_submission)


WIDE, NARROW = {"width": 1280, "height": 900}, {"width": 320, "height": 900}
WIDTHS = """() => {
    const width = () => document.documentElement.scrollWidth;
    const disclosures = document.querySelectorAll('details');
    const widths = {'as loaded': width()};
    disclosures.forEach(d => d.open = true);
    widths['every disclosure open'] = width();
    disclosures.forEach(d => d.open = false);
    widths['every one closed'] = width();
    return widths; }"""


@pytest.fixture(scope="module")
def pages(browser):
    """One page for the module, whose script errors and refusals are watched: a new
    browser context for each language cost more than the checks."""
    page, problems = new_page(browser, width=WIDE["width"]), []
    watch(page, problems)
    yield page, problems
    page.context.close()


# Pages whose script folds the filters when loaded on a narrow screen: loaded at 320 px
# too, so that the folding runs as a phone reader sees it.
FOLDED_ON_PHONES = ("practice list, filtered", "trainings")


def reflow_problems(page, name, url=None):
    """The page loaded wide, narrowed to 320 px (or loaded again at 320 px from `url`):
    it must not scroll sideways as it is, with every disclosure open (the filters a reader
    unfolds), nor with every one closed (as the filters start on a narrow screen)."""
    page.set_viewport_size(NARROW)
    try:
        if url:
            page.goto(url)
        widths = page.evaluate(WIDTHS)
    finally:
        page.set_viewport_size(WIDE)
    if max(widths.values()) > NARROW["width"]:
        return [f"{name}: scrolls sideways at 320 px: {widths}"]
    return []


def axe_problems(page, name, checked):
    """The WCAG A and AA rules axe-core finds broken on the page loaded in `page`."""
    results = AXE.run(
        page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    )
    response = results.response
    for kind in ("passes", "violations", "incomplete", "inapplicable"):
        checked.update(rule["id"] for rule in response[kind])
    return [
        f"{name}: {rule['id']} ({rule['help']}) at {[n['target'] for n in rule['nodes']][:3]}"
        for rule in response["violations"]
    ]


def page_problems(page, name, language, english):
    """What the cheaper checks find on the page loaded in `page`, as readable strings:
    HTML, languages, headings, landmarks and English interface text left (`english`, the
    English sources `language` translates; none for English)."""
    problems, seen = [], page.evaluate(SEEN)
    html = seen["html"]  # as page.content() serializes it
    try:
        html5lib.HTMLParser(strict=True).parse(html)
    except html5lib.html5parser.ParseError as error:
        problems.append(f"{name}: invalid HTML: {error}")
    if seen["lang"] != language:
        problems.append(f"{name}: <html lang={seen['lang']!r}>")
    if unknown := sorted(set(seen["marked"]) - set(LANGUAGES)):
        problems.append(f"{name}: lang attributes not of the five languages: {unknown}")
    levels = seen["headings"]
    if levels[:1] != [1] or levels.count(1) != 1:
        problems.append(f"{name}: not one <h1> first: {levels}")
    skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    if skipped:
        problems.append(f"{name}: headings skip a level: {skipped}")
    if missing := seen["missing"]:
        problems.append(f"{name}: no {missing}")
    if left := english_left(html, language, english):
        problems.append(f"{name}: English left: {left}")
    return problems


def fill_in_share(page, site, language):
    """Fill in the share form's steps in the browser, attaching an image and leaving
    its text out at first: the name of each page reached, when it is shown."""
    page.goto(f"{site}/{language}/share/?domain=hr-policy")
    page.fill("#id_title", "Accueil en langage clair")
    page.fill("#id_summary", "Le personnel d'accueil apprend à parler simplement.")
    page.select_option("#id_municipality", "hasselt")
    page.check("#id_domain_0")  # the step sent empty before is shown as it was sent
    for button in ("next", "next"):  # the story lacks its ratings at first
        with page.expect_navigation():
            page.click(f"button[value={button}]")
    yield "share, a step with errors"
    page.check("#id_reach_0")
    page.check("#id_recurrence_0")
    for _step in ("story", "doing"):
        with page.expect_navigation():
            page.click("button[value=next]")
    yield "share, files"
    image = {"name": "balie.png", "mimeType": "image/png", "buffer": image_bytes()}
    page.set_input_files("#id_new-file", image)
    with page.expect_navigation():
        page.click("button[value=attach]")
    yield "share, a file without its text"
    page.fill("#id_files-0-alt_text", "Le guichet de la mairie")
    with page.expect_navigation():
        page.click("button[value=next]")
    yield "share, about you"
    page.fill("#id_name", "Marie Dupont")
    page.fill("#id_email", "marie@example.org")
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("button[value=next]")
    yield "share, check the answers"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_passes_the_audit(site, pages, status_token, language):
    """The cheaper checks in every language, axe-core in AXE_LANGUAGE: each page type is
    loaded once, at 1280 px, then narrowed to 320 px."""
    (page, problems), checked = pages, set()
    problems.clear()
    english = english_sources(language) if language != "en" else []

    def check(name):
        problems.extend(page_problems(page, name, language, english))
        if language == AXE_LANGUAGE:
            problems.extend(axe_problems(page, name, checked))

    for name, path in page_types(language, status_token).items():
        page.goto(site + path)
        check(name)
        problems.extend(reflow_problems(page, name))
        if name in FOLDED_ON_PHONES:
            problems.extend(reflow_problems(page, f"{name}, loaded narrow", site + path))
    page.goto(f"{site}/{language}/share/")
    with page.expect_navigation():
        page.click(".share-form button[type=submit]")  # an empty form: every error shown
    check("share form with errors")
    for name in fill_in_share(page, site, language):
        check(name)
    assert problems == []
    if language == AXE_LANGUAGE:
        assert len(checked) > 50  # the WCAG A and AA rules axe-core has


def test_the_editors_pages_pass_the_audit(site, pages, make_submission):
    """The desk, the side-by-side view of a translation out of date and the page that
    asks to confirm a publication, in German: axe-core's WCAG A and AA rules. (A change
    form is left out: the widgets of Django's autocomplete and modeltranslation's tabs
    break rules of their own; see docs/accessibility.md.)"""
    (page, problems), checked = pages, set()
    problems.clear()
    practice = make_submission(language="fr").practice
    published = Practice.objects.published().first()
    published.title_nl += "."
    published.save()
    log_in_as_editor(site, page)
    page.context.add_cookies([{"name": "django_language", "value": "de", "url": site}])
    admin = f"{site}/admin/practices/practice"
    for name, url in [
        ("desk", f"{site}/admin/"),
        ("side by side", f"{admin}/{published.pk}/translate/fr/"),
    ]:
        page.goto(url)
        assert page.evaluate("document.documentElement.lang") == "de", name
        problems.extend(axe_problems(page, name, checked))
    page.goto(f"{admin}/{practice.pk}/change/")
    with page.expect_navigation():
        page.click("button[value=publish]")
    assert "veröffentlichen" in page.locator("h1").inner_text().lower()
    problems.extend(axe_problems(page, "confirmation page", checked))
    assert problems == []
