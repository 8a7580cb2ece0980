"""What the automated rules do not see: focus that shows, a practice printed on A4 with
its address, big enough targets for the keyboard and the finger."""

import re
from pathlib import Path

import pytest

from tests.browser.conftest import new_page

PRACTICE = "/en/practices/hasselt-customer-friendly-services/"
FOCUS_STYLE = """(() => { const s = getComputedStyle(document.activeElement);
    return [document.activeElement.tagName, s.outlineStyle, parseFloat(s.outlineWidth)]; })()"""


def test_every_element_reached_with_tab_shows_its_focus(site, page):
    for path in ("/en/practices/?reach=1", PRACTICE, "/en/share/"):
        page.goto(site + path)
        for _ in range(400):
            page.keyboard.press("Tab")
            tag, style, width = page.evaluate(FOCUS_STYLE)
            if tag == "BODY":
                break  # past the last element: the browser's own controls are next
            assert style != "none" and width >= 2, (path, tag, style, width)
        else:
            raise AssertionError(f"{path}: Tab never reached the end of the page")


def test_the_skip_link_shows_and_leads_to_the_content(site, page):
    page.goto(site + PRACTICE)
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.is_visible() and skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_practice_prints_on_a4_with_its_address(site, page, tmp_path):
    page.goto(site + PRACTICE)
    page.emulate_media(media="print")
    assert page.locator(".print-url").is_visible()
    assert page.locator(".print-url").inner_text() == site + PRACTICE
    for hidden in (".site-header nav", ".call-to-action", ".site-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    pdf = Path(tmp_path / "practice.pdf")
    page.pdf(path=pdf, prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert boxes and all(round(float(w)) == 595 and round(float(h)) == 842 for w, h in boxes)
    # The Hasselt practice, since it tells how to do it yourself, fits on three A4 pages
    # (its facts in two columns); the page layout's menus and footers take none.
    assert len(boxes) <= 3


def test_motion_is_off_for_those_who_ask(site, browser):
    durations = {}
    for motion in ("no-preference", "reduce"):
        page = new_page(browser, reduced_motion=motion)
        page.goto(site + "/en/")
        durations[motion] = page.evaluate(
            "getComputedStyle(document.querySelector('a.button')).transitionDuration"
        )
        page.context.close()
    assert durations["no-preference"] != "0s" and durations["reduce"] == "0s"


LAYOUT_SHIFT = """() => new Promise(done => {
    let total = 0;
    new PerformanceObserver(list => list.getEntries().forEach(e => { total += e.value; }))
        .observe({type: 'layout-shift', buffered: true});
    setTimeout(() => done(total), 300); })"""


@pytest.mark.parametrize("javascript", [True, False])
def test_a_phone_gets_the_results_and_the_facts_first_without_a_shift(site, browser, javascript):
    for width, wide in ((375, False), (1280, True)):
        page = new_page(browser, javascript=javascript, width=width)
        page.goto(f"{site}/en/practices/")
        assert page.locator(".facet input").first.is_visible() == wide  # folded on a phone
        if javascript:  # what only a script could move (and can measure)
            assert page.evaluate(LAYOUT_SHIFT) < 0.01
        page.goto(site + PRACTICE)
        facts, story = (page.locator(s).bounding_box() for s in (".facts", ".practice-body"))
        assert (facts["y"] < story["y"]) if not wide else (facts["x"] > story["x"])
        if javascript:  # the gallery's images keep their place while they load
            page.locator(".gallery img").first.scroll_into_view_if_needed()
            page.wait_for_load_state("networkidle")
            assert page.evaluate(LAYOUT_SHIFT) < 0.01
        page.context.close()
