"""Every public page type in every language, audited in Chromium: axe-core with the WCAG
2.0, 2.1 and 2.2 A and AA rules, valid HTML, headings in order, landmarks, no horizontal
scrolling at 320 px (as at 400% zoom on a 1280 px screen), and nothing refused by the
content security policy or failing in a script."""

import itertools

import html5lib
import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.test import Client

from practices import moderation
from practices.models import Submission
from tests.browser.conftest import new_page, watch
from tests.conftest import LANGUAGES
from tests.practices.test_share import FRENCH_ANSWERS

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()
HEADINGS = """[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
    .filter(h => h.offsetParent !== null || h.closest('summary'))
    .map(h => Number(h.tagName[1]))"""
LANDMARKS = "['header', 'nav', 'main', 'footer'].filter(t => !document.querySelector(t))"


def page_types(site, language, status_token):
    """One address of each public page type in `language`."""
    return {
        "home": f"/{language}/",
        "practice list, filtered": f"/{language}/practices/?reach=1&domain=hr-policy",
        "practice list, searched": f"/{language}/practices/?q=taal",
        "practice": f"/{language}/practices/hasselt-customer-friendly-services/",
        "domain": f"/{language}/domains/hr-policy/",
        "municipality": f"/{language}/municipalities/lidkoping/",
        "recommendation": f"/{language}/recommendations/diversity-in-municipal-hr-policy/",
        "trainings": f"/{language}/trainings/",
        "training": f"/{language}/trainings/lidkoping-hospitality-training/",
        "share form": f"/{language}/share/?domain=hr-policy",
        "share status, changes asked": f"/{language}/share/status/{status_token}/",
        "not found": f"/{language}/no-such-page/",
    }


@pytest.fixture
def status_token(site):
    """A submission the editors asked to change, for its submitter's page."""
    Client().post("/fr/share/", FRENCH_ANSWERS)
    submission = Submission.objects.select_related("practice").get()
    editor = get_user_model().objects.create_user("eda", is_staff=True)
    moderation.request_changes(submission.practice, by=editor, note="Ajoutez une date.")
    return submission.token


def audit(page, name, checked):
    """The problems found on the page loaded in `page`, as readable strings."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    response = results.response
    for kind in ("passes", "violations", "incomplete", "inapplicable"):
        checked.update(rule["id"] for rule in response[kind])
    problems = [
        f"{name}: {rule['id']} ({rule['help']}) at {[n['target'] for n in rule['nodes']][:3]}"
        for rule in response["violations"]
    ]
    try:
        html5lib.HTMLParser(strict=True).parse(page.content())
    except html5lib.html5parser.ParseError as error:
        problems.append(f"{name}: invalid HTML: {error}")
    levels = page.evaluate(HEADINGS)
    if levels[:1] != [1] or levels.count(1) != 1:
        problems.append(f"{name}: not one <h1> first: {levels}")
    skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    if skipped:
        problems.append(f"{name}: headings skip a level: {skipped}")
    if missing := page.evaluate(LANDMARKS):
        problems.append(f"{name}: no {missing}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_passes_the_audit(site, browser, status_token, language):
    page, narrow, checked, problems = new_page(browser), new_page(browser, width=320), set(), []
    watch(page, problems)
    for name, path in page_types(site, language, status_token).items():
        page.goto(site + path)
        problems += audit(page, name, checked)
        narrow.goto(site + path)
        if narrow.evaluate("document.documentElement.scrollWidth") > 320:
            problems.append(f"{name}: scrolls sideways at 320 px")
    page.goto(f"{site}/{language}/share/")
    with page.expect_navigation():
        page.click(".share-form button[type=submit]")  # an empty form: every error shown
    problems += audit(page, "share form with errors", checked)
    page.context.close()
    narrow.context.close()
    assert problems == []
    assert len(checked) > 50  # the WCAG A and AA rules axe-core has
