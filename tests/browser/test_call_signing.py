"""A visitor without JavaScript signs a public call on its page, in English and in Russian: "check your email",
the emailed link (its page, then its button), the count one higher, the private link and withdrawing. No
console error and no serious axe-core finding on the call page, the thanks page, the confirm page and the
private page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from solidarity.calls import queries
from solidarity.calls.models import Signature
from solidarity.home.services import site_tree_ensure
from tests.browser.conftest import PageProblems, serious_axe_violations
from tests.calls import factories
from tests.mail import delivered, links_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def calls(settings, live_server):
    """A call in English and Russian; emails link to the live server; a person's pace is not required."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.SPAM_MIN_FILL_SECONDS = 0
    site_tree_ensure()  # transactional tests empty the database: the page tree and countries again
    english = factories.public_call(title="Free the prisoners", goal=100)
    return {"en": english, "ru": factories.call_translation(english, "ru", title="Свободу заключённым")}


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.problems = PageProblems(page, live_server.url)
    yield page
    context.close()


def axe_check(browser, url: str) -> None:
    """axe-core needs JavaScript: the same address opened in a context with it (only GETs, which change nothing)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    assert serious_axe_violations(page) == [], url
    context.close()


def the_emailed_link(live_server, part: str) -> str:
    [email] = delivered()[-1:]
    [link] = [link for link in links_in(email) if link.startswith(live_server.url) and part in link]
    return link


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_person_signs_a_call_confirms_and_withdraws_without_javascript(
    no_js_page, browser, live_server, calls, language
):
    page = no_js_page
    call = calls[language]
    call_url = f"{live_server.url}{call.url}"
    page.goto(call_url)
    assert page.locator("html").get_attribute("lang") == language
    axe_check(browser, call_url)

    form = page.locator("form.sign-form")
    form.locator("[name=name]").fill("Ana Kowalska")
    form.locator("[name=email]").fill("ana@example.org")
    form.locator("[name=country]").select_option("PL")
    form.locator("[name=show_name]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/calls/{call.pk}/thanks/$"))
    axe_check(browser, page.url)
    assert not Signature.objects.get().is_confirmed

    link = the_emailed_link(live_server, f"/{language}/calls/confirm/")
    page.goto(link)  # opening the link confirms nothing: mail scanners open links
    expect(page.get_by_text("Ana Kowalska")).to_be_visible()
    axe_check(browser, link)
    assert queries.call_total(call.call_key) == 0
    page.locator("form:has(input[value=confirm]) button").click()
    expect(page.locator(".call-count")).to_contain_text("1")  # waits for the answer to the POST
    assert Signature.objects.get().is_confirmed
    assert queries.call_total(call.call_key) == 1

    page.goto(call_url)
    expect(page.locator("#call-total")).to_contain_text("1")
    expect(page.locator(".call-signers--people")).to_contain_text("Ana Kowalska")

    private = the_emailed_link(live_server, f"/{language}/calls/signature/")
    page.goto(private)
    expect(page.get_by_text("Ana Kowalska")).to_be_visible()
    axe_check(browser, private)
    page.locator("form:has(input[value=withdraw]) button").click()
    expect(page.locator(".call-count")).to_contain_text("0")
    assert not Signature.objects.exists()
    assert queries.call_total(call.call_key) == 0
    page.problems.assert_clean()
