"""What the automated rules do not see: focus that shows, a practice printed on A4 with
its address, big enough targets for the keyboard and the finger."""

import re
from pathlib import Path

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
