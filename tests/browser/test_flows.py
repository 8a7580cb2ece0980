"""What people do, in a real browser: find, read, switch language, share, publish."""

import re

from django.contrib.auth import get_user_model
from django.utils import translation
from playwright.sync_api import expect

from practices.editors import ensure_editors_group
from practices.models import Practice, Status, Submission
from tests.browser.conftest import new_page, watch


def found(page):
    """The number of practices found, as the list's heading says it in any language."""
    return int(re.match(r"\d+", page.locator("#results-heading").inner_text())[0])


def test_filters_apply_as_soon_as_a_box_is_ticked_and_keep_the_focus(site, page):
    page.goto(f"{site}/en/practices/")
    everything = found(page)
    with page.expect_navigation():
        page.check("#facet-domain-hr-policy")
    assert "domain=hr-policy" in page.url
    assert 0 < found(page) < everything
    assert page.evaluate("document.activeElement.id") == "facet-domain-hr-policy"
    assert page.is_checked("#facet-domain-hr-policy")


def test_filters_work_without_javascript(site, page_without_js):
    page = page_without_js
    page.goto(f"{site}/en/practices/")
    page.check("#facet-domain-hr-policy")
    with page.expect_navigation():
        page.click("button.apply")
    assert "domain=hr-policy" in page.url and page.is_checked("#facet-domain-hr-policy")
    page.click("a.clear-all")
    assert "domain" not in page.url


def test_a_search_without_accents_finds_lidkoping_and_opens_it(site, page):
    page.goto(f"{site}/nl/practices/")
    page.fill("#id_q", "Lidkoping")
    with page.expect_navigation():
        page.press("#id_q", "Enter")
    assert found(page) >= 1
    with page.expect_navigation():
        page.click(".card-title a >> nth=0")
    assert page.locator("h1").count() == 1
    assert re.search(r"Bereik:\s*\d op 4", page.locator(".facts .ratings").inner_text())


def test_switching_language_keeps_the_filters(site, page):
    page.goto(f"{site}/en/practices/?domain=hr-policy&reach=1")
    with page.expect_navigation():
        page.click(".language-switcher a[lang=de]")
    assert page.url.endswith("/de/practices/?domain=hr-policy&reach=1")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.is_checked("#facet-domain-hr-policy") and page.is_checked("#facet-reach-1")


def tab_to(page, element_id, limit=150):
    """Press Tab until the element has the focus, as a keyboard user does."""
    for _ in range(limit):
        if page.evaluate("document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} cannot be reached with Tab")


def type_into(page, answers):
    for ident, text in answers.items():
        tab_to(page, ident)
        page.keyboard.type(text)


def press(page, key="Enter"):
    with page.expect_navigation():
        page.keyboard.press(key)


def test_sharing_with_the_keyboard_alone_including_a_mistake(site, browser):
    page = new_page(browser, javascript=False)
    page.goto(f"{site}/fr/share/?domain=hr-policy")
    summary = "Le personnel d'accueil apprend à parler simplement."
    type_into(page, {"id_title": "Accueil en langage clair", "id_summary": summary})
    tab_to(page, "id_municipality")
    page.keyboard.press("End")  # the last choice: not in the list
    type_into(page, {"id_municipality_name": "Eupen"})
    tab_to(page, "id_municipality_country")
    page.keyboard.press("ArrowDown")  # Belgium, the first country
    tab_to(page, "id_municipality_name")
    press(page)  # Enter in a text field sends the step
    assert page.url.endswith("/fr/share/story/")
    page.go_back()  # the browser's back button: what was typed is there
    assert page.input_value("#id_municipality_name") == "Eupen"
    page.go_forward()
    for ident in ("id_reach_0", "id_recurrence_0"):
        tab_to(page, ident)
        page.keyboard.press("Space")
    press(page)
    assert page.url.endswith("/fr/share/doing/")
    type_into(page, {"id_resources": "Deux formateurs"})
    tab_to(page, "id_period")
    press(page)
    assert page.url.endswith("/fr/share/files/")
    tab_to(page, "id_new-title")
    press(page)  # nothing to attach: the same step, shown afresh
    tab_to(page, "continue")
    press(page)
    type_into(page, {"id_name": "Marie Dupont", "id_email": "marie(at)example.org"})
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    press(page)  # Enter on the consent box: sends the step
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert "adresse" in page.locator(".error-summary").inner_text().lower()
    assert page.input_value("#id_name") == "Marie Dupont"  # nothing lost
    page.keyboard.press("Tab")  # the summary's first link: the e-mail address
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_email"
    page.keyboard.press("Control+A")
    page.keyboard.type("marie@example.org")
    press(page)
    assert "/fr/share/check/" in page.url, page.url
    assert "Eupen" in page.locator("main").inner_text() and not Submission.objects.exists()
    tab_to(page, "send")
    press(page)
    assert "/fr/share/sent/" in page.url
    submission = Submission.objects.select_related("practice").get()
    assert submission.practice.title_fr == "Accueil en langage clair"
    assert submission.practice.resources_fr == "Deux formateurs"
    assert submission.practice.status == Status.SUBMITTED
    assert submission.municipality_name == "Eupen"
    page.context.close()


def log_in_as_editor(site, page):
    editor = get_user_model().objects.create_user("eda", password="geheim-123", is_staff=True)
    editor.groups.add(ensure_editors_group())
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "eda")
    page.fill("#id_password", "geheim-123")
    with page.expect_navigation():
        page.click("input[type=submit]")


def test_a_french_submission_opens_on_its_french_tab(site, page, make_submission):
    """Its language tabs say what each language is, and the French one is open."""
    problems = []
    watch(page, problems)
    submission = make_submission(language="fr")
    log_in_as_editor(site, page)
    page.goto(f"{site}/admin/practices/practice/{submission.practice.pk}/change/")
    title_tabs = page.locator("#tab_id_title_fr").locator("xpath=..").locator(".ui-tabs-nav a")
    # the tabs are made when the document is ready, which can come after its load event
    expect(title_tabs).to_have_text(
        ["nl · missing", "fr · original", "de · missing", "en · missing", "sv · missing"]
    )
    expect(page.locator("#tab_id_title_fr")).to_be_visible()
    expect(page.locator("#tab_id_title_nl")).to_be_hidden()
    assert page.input_value("#id_title_fr") == submission.practice.title_fr
    expect(page.locator("#modeltranslation-main-switch option:checked")).to_contain_text(
        "fr · original"
    )
    assert problems == []


def test_an_editor_publishes_a_submission_in_admin(site, page):
    problems = []
    watch(page, problems)  # the admin's pages load under the same security policy
    practice = Practice.objects.published().first()
    Practice.objects.filter(pk=practice.pk).update(status=Status.SUBMITTED)
    with translation.override("nl"):
        url = f"{site}{practice.get_absolute_url()}"
    page.goto(url)
    assert page.locator("h1").inner_text() != practice.title_nl  # a 404 page for now
    log_in_as_editor(site, page)
    page.goto(f"{site}/admin/practices/practice/?status__exact=submitted")
    with page.expect_navigation():
        page.click("#result_list tbody a >> nth=0")
    with page.expect_navigation():
        page.click("button[value=publish]")
    assert Practice.objects.get(pk=practice.pk).status == Status.SUBMITTED  # asked first
    assert practice.title_nl in page.locator("h1").inner_text()
    with page.expect_navigation():
        page.click("button.default")  # yes, publish
    assert "Gepubliceerd" in page.locator(".messagelist").inner_text()  # Dutch, as last read
    assert Practice.objects.get(pk=practice.pk).status == Status.PUBLISHED
    page.goto(url)
    assert page.locator("h1").inner_text() == practice.title_nl
    page.goto(f"{site}/admin/practices/practice/{practice.pk}/change/")
    page.click(".field-municipality .select2-selection")  # its options come by XHR
    page.fill(".select2-search__field", "Lidk")
    page.locator(".select2-results__option", has_text="Lidköping").wait_for()
    assert problems == []
