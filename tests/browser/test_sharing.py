"""Sharing in a browser: "Copy link" puts the page's address on the clipboard; without JavaScript the address is
there to copy; story, call, campaign and activity pages (with their JSON-LD) raise no console error and no CSP
violation, fit a 360 px screen and have no serious axe finding."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from solidarity.home.services import site_tree_ensure
from tests.browser.conftest import PageProblems, serious_axe_violations
from tests.calls.factories import public_call
from tests.campaigns.factories import activity, campaign_page
from tests.factories import ImageFactory, StoryPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
# Records what the Content Security Policy refused, before any of the page's own scripts run.
RECORD_CSP = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " function (e) { window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });"
)


@pytest.fixture
def pages():
    site_tree_ensure()
    picture = ImageFactory(title="Crowd")
    story = StoryPageFactory(title="Arrests after the march", lead_image=picture, lead_image_alt="A crowd")
    call = public_call(title="Free the journalists")
    campaign = campaign_page(title="Day of political prisoners", lead_image=picture)
    event = activity(campaign, title="Letters evening", city="Tbilisi", country="GE")
    return {
        "story": story.url,
        "call": call.url,
        "campaign": campaign.url,
        "activity": f"{campaign.url}activities/{event.pk}/",
    }


def new_page(browser, live_server, **options):
    context = browser.new_context(viewport=PHONE, locale="en-GB", **options)
    context.add_init_script(RECORD_CSP)
    page = context.new_page()
    page.problems = PageProblems(page, live_server.url)
    return context, page


def test_copy_link_puts_the_address_on_the_clipboard(browser, live_server, pages):
    context, page = new_page(browser, live_server, permissions=["clipboard-read", "clipboard-write"])
    page.goto(live_server.url + pages["story"])

    page.get_by_role("button", name="Copy link").click()

    expect(page.locator(".share__status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == live_server.url + pages["story"]
    page.problems.assert_clean()
    context.close()


def test_without_javascript_the_address_is_shown_to_copy(browser, live_server, pages):
    context, page = new_page(browser, live_server, java_script_enabled=False)
    page.goto(live_server.url + pages["activity"])

    expect(page.get_by_label("Link to this page")).to_have_value(live_server.url + pages["activity"])
    expect(page.get_by_role("button", name="Copy link")).to_have_count(0)
    expect(page.get_by_role("link", name="Mastodon")).to_be_visible()
    context.close()


@pytest.mark.parametrize("which", ["story", "call", "campaign", "activity"])
def test_shared_pages_are_clean_on_a_phone(browser, live_server, pages, which):
    context, page = new_page(browser, live_server)
    page.goto(live_server.url + pages[which])

    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    assert page.locator('script[type="application/ld+json"]').count() == 1 or which == "campaign"
    assert page.evaluate("window.__cspViolations") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert serious_axe_violations(page) == []
    page.problems.assert_clean()
    context.close()


def test_mastodon_page_sends_the_reader_to_their_server(browser, live_server, pages):
    context, page = new_page(browser, live_server)
    # Nothing may leave for another host in a test: the server's answer is caught before the browser follows it.
    page.route("https://mastodon.example/**", lambda route: route.fulfill(status=200, body="Mastodon"))
    page.goto(live_server.url + pages["story"])

    page.get_by_role("link", name="Mastodon").click()
    expect(page.get_by_role("heading", name="Share on Mastodon")).to_be_visible()
    assert serious_axe_violations(page) == []
    page.get_by_label("Your Mastodon server").fill("mastodon.social/oops")
    page.get_by_role("button", name="Continue to my server").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter only the server's name")
    assert page.evaluate("window.__cspViolations") == []
    page.get_by_label("Your Mastodon server").fill("mastodon.example")
    with page.expect_request("https://mastodon.example/share?**") as request:
        page.get_by_role("button", name="Continue to my server").click()

    assert live_server.url + pages["story"] in request.value.url.replace("%3A", ":").replace("%2F", "/")
    context.close()
