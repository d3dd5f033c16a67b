"""The spam guard's proof of work in a real browser, under the site's Content Security Policy: the vendored altcha
widget solves a challenge in its worker when the form is sent, and a reader without JavaScript gets a clear
message beyond the soft limit. The live server's requests come from 127.0.0.1, the one source every Tor visitor
shares."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _guard(settings):
    settings.ROOT_URLCONF = "tests.testapp.urls"
    settings.SPAM_MIN_FILL_SECONDS = 0
    settings.SPAM_SOFT_LIMIT = 1
    settings.SPAM_HARD_LIMIT = 2
    settings.SPAM_ALTCHA_COST = 50


def send(page, url: str, text: str) -> None:
    page.goto(f"{url}/guarded/")
    page.fill("#id_message", text)
    page.click("button[type=submit]")


def test_with_javascript_the_proof_of_work_lets_a_shared_source_through(browser_page, live_server):
    missing: list[str] = []
    failed: list[tuple[str, str | None]] = []
    browser_page.on("response", lambda response: response.status == 404 and missing.append(response.url))
    browser_page.on("requestfailed", lambda request: failed.append((request.url, request.failure)))
    for number in range(4):  # beyond the soft and the hard limit: the source is unknown (Tor), the work is done
        send(browser_page, live_server.url, f"Message {number}")
        expect(browser_page.locator("body")).to_have_text("sent", timeout=20_000)
    assert missing == []
    # The widget runs several workers and stops the others once one has found the answer: a worker stopped
    # while its script was still loading is an aborted request, nothing else may fail.
    assert all(url.endswith("/workers/pbkdf2.js") and "ABORTED" in str(why) for url, why in failed), failed
    browser_page.problems.failed_requests = [
        url for url in browser_page.problems.failed_requests if url not in dict(failed)
    ]
    browser_page.problems.assert_clean()


def test_without_javascript_beyond_the_soft_limit_a_clear_message_and_the_text_kept(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        send(page, live_server.url, "First")
        assert page.inner_text("body").strip() == "sent"
        send(page, live_server.url, "Our picket on 30 April")
        assert "Switch JavaScript on for this site, or wait" in page.inner_text("body")
        assert page.input_value("#id_message") == "Our picket on 30 April"
    finally:
        context.close()


def test_the_widget_is_accessible_and_in_the_readers_language(browser_page, live_server):
    from tests.browser.conftest import serious_axe_violations

    browser_page.goto(f"{live_server.url}/guarded/")
    browser_page.focus("#id_message")  # the widget loads when the reader starts filling in the form
    expect(browser_page.locator("altcha-widget")).to_contain_text("I am a person")
    assert serious_axe_violations(browser_page) == []
    browser_page.problems.assert_clean()
