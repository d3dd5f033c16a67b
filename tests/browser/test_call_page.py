"""A public call's page on a phone (360 px) and a desktop: nothing wider than the screen, the progress bar drawn
without inline style (strict CSP: no console error), and no serious axe finding."""

from __future__ import annotations

import os

import pytest

from solidarity.home.services import site_tree_ensure
from tests.browser.conftest import PageProblems, serious_axe_violations
from tests.calls import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
BODY = [("paragraph", f"<p>Paragraph {number}: we ask the parliament to repeal the law.</p>") for number in range(4)]


@pytest.fixture
def call():
    site_tree_ensure()
    call = factories.public_call(
        title="Protect civil society: say no to ‘foreign agent’ laws",
        addressed_to="The Parliament of Georgia and the Mazhilis of Kazakhstan",
        goal=5000,
        body=BODY,
        updates=[("update", {"date": factories.timezone.localdate(), "text": "<p>Handed over to the Parliament.</p>"})],
    )
    for number, country in enumerate(["GE", "GE", "KZ", "BY", "DE"]):
        factories.signature(call, country=country, name=f"Invented Signer {number}", show_name=number % 2 == 0)
    factories.signature(call, country="GE", organisation="A Georgian legal aid association with a long name")
    return call


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_call_page_fits_the_screen_and_passes_axe(browser, live_server, call, viewport):
    context = browser.new_context(viewport=viewport, locale="en-GB")
    page = context.new_page()
    page.problems = PageProblems(page, live_server.url)
    page.goto(f"{live_server.url}{call.url}")

    assert page.locator("progress.call__progress").get_attribute("value") == "6"
    assert page.get_by_text("6 of 5,000 signatures").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert serious_axe_violations(page) == []
    page.problems.assert_clean()
    if os.environ.get("CALL_PAGE_SCREENSHOTS"):
        page.screenshot(path=f"{os.environ['CALL_PAGE_SCREENSHOTS']}/call-{viewport['width']}.png", full_page=True)
    context.close()
