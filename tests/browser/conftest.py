"""Chromium from Debian (`apt-get install chromium`), driven by Playwright against the
portal served by pytest-django's live server. Nothing is downloaded: Playwright is told
where the browser is."""

import os
import shutil

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# Playwright's sync API runs an event loop in the test's thread; the ORM calls the
# tests make beside it (creating data, reading results) are still plain sync calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"The browser tests need Chromium at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db, catalogue):
    """The live server's address, with the demo catalogue (committed) in its database."""
    return live_server.url


def new_page(browser, javascript=True, width=1280, **options):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=javascript, **options
    )
    return context.new_page()


@pytest.fixture
def page(browser):
    page = new_page(browser)
    yield page
    page.context.close()


@pytest.fixture
def page_without_js(browser):
    page = new_page(browser, javascript=False)
    yield page
    page.context.close()


def watch(page, problems):
    """Add to `problems` what the content security policy refuses on `page`, its script
    errors and the files it misses; not the error Chromium writes for a page answered
    404 or 400 itself (the not-found page, a form with errors)."""

    def console(message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(message.text)

    def response(answer):
        if answer.request.resource_type != "document" and answer.status >= 400:
            problems.append(f"{answer.url}: {answer.status}")

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", response)
