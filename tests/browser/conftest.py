"""Browser tests: Playwright driving the system Chromium (Debian's package), never a downloaded browser."""

from __future__ import annotations

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# test itself (fixtures) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session", autouse=True)
def flush_waits_for_late_requests():
    """The live server may still answer a request the browser sent as its page closed (the page editor releases its
    editing session on unload) while a test's data is removed: on PostgreSQL the two can deadlock, and PostgreSQL
    then aborts one of them. The removal (``flush``) is tried again then, as a deadlock is resolved by the time the
    error arrives."""
    from django.core.management.base import CommandError
    from django.core.management.commands import flush

    original = flush.Command.handle

    def handle(self, *args, **options):
        for attempt in range(3):
            try:
                return original(self, *args, **options)
            except CommandError as error:
                if attempt == 2 or "deadlock detected" not in str(error.__cause__ or ""):
                    raise

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("SKIP_BROWSER_TESTS"):
            pytest.skip("Chromium is not installed and SKIP_BROWSER_TESTS is set")
        pytest.fail("Chromium is not installed: `make test` installs Debian's chromium package.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


ALTCHA_WORKER = "/core/vendor/altcha/workers/pbkdf2.js"


class PageProblems:
    """Console errors, failed requests and requests to other hosts seen while a page is open."""

    def __init__(self, page, origin: str):
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.failed_requests: list[str] = []
        self.document_404_errors: list[str] = []

        def record_console(message):
            if message.type != "error":
                return
            # Chromium reports the page's own 404 status as a console error; that one is expected on 404 pages.
            if "status of 404" in message.text and message.location.get("url") == page.url:
                self.document_404_errors.append(message.text)
            else:
                self.console_errors.append(message.text)

        page.on("console", record_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

        def record_failure(request):
            # The proof-of-work widget (core/spam.py) runs several workers and stops the others once one has
            # found the answer: a worker stopped while its script was still loading is an aborted request.
            if request.url.endswith(ALTCHA_WORKER) and "ABORTED" in str(request.failure):
                return
            self.failed_requests.append(request.url)

        page.on("requestfailed", record_failure)

        def check_host(request):
            if not request.url.startswith((origin, "data:", "about:")):
                self.foreign_requests.append(request.url)

        page.on("request", check_host)

    def assert_clean(self) -> None:
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.failed_requests == []
        assert self.foreign_requests == []


@pytest.fixture
def browser_page(browser, live_server):
    """A fresh page in a phone-sized and a desktop-sized context share nothing; this one is desktop."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.problems = PageProblems(page, live_server.url)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ru-RU", is_mobile=True)
    page = context.new_page()
    page.problems = PageProblems(page, live_server.url)
    yield page
    context.close()


def serious_axe_violations(page) -> list[dict]:
    """axe-core's serious and critical findings on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        {"id": violation["id"], "help": violation["help"], "nodes": [node["target"] for node in violation["nodes"]]}
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
