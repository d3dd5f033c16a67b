"""A visitor without JavaScript joins a campaign as a group, adds an activity and signs up for one, in English and in
Russian, following the link each email brings; one journey again with JavaScript on. No console error and no
serious axe-core finding on any form page, thank-you page or private page."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from solidarity.campaigns.models import Activity, ParticipatingGroup, SignUp, SignUpStatus, Status
from solidarity.home.services import site_tree_ensure
from tests.browser.conftest import PageProblems, serious_axe_violations
from tests.campaigns import factories
from tests.mail import delivered, links_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def campaign(settings, live_server):
    """A campaign in English and Russian; emails link to the live server; a person's pace is not required
    (the browser fills a form faster than the guard's minimum time)."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.SPAM_MIN_FILL_SECONDS = 0
    site_tree_ensure()  # transactional tests empty the database: the page tree and countries again
    english = factories.campaign_page(title="Day of solidarity with Belarus")
    factories.campaign_translation(english, "ru", title="den-solidarnosti")
    return english


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.problems = PageProblems(page, live_server.url)
    yield page
    context.close()


def checked(page) -> None:
    """The page as it is now: no serious axe-core finding (axe runs with JavaScript on: see ``axe_check``)."""
    assert serious_axe_violations(page) == [], page.url


def axe_check(browser, url: str) -> None:
    """axe-core needs JavaScript: the same address opened in a context with it (pages are the same without)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    checked(page)
    context.close()


def the_emailed_link(live_server) -> str:
    [email] = delivered()[-1:]
    [link] = [link for link in links_in(email) if link.startswith(live_server.url)]
    return link


def local(days: int, hour: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).strftime(f"%Y-%m-%dT{hour:02d}:00")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_group_joins_without_javascript(no_js_page, browser, live_server, campaign, language):
    page = no_js_page
    form_url = f"{live_server.url}/{language}/campaigns/{campaign.pk}/join/"
    page.goto(form_url)
    assert page.locator("html").get_attribute("lang") == language
    axe_check(browser, form_url)
    page.click(
        "form.public-form button[type=submit]"
    )  # empty: the errors are listed at the top, each linking to its field
    expect(page.locator(".error-summary[role=alert]")).to_be_visible()  # waits for the answer to the POST
    assert page.locator(".error-summary a[href='#id_contact_email']").count() == 1
    page.fill("form [name=name]", "Letters to Minsk")
    page.select_option("form [name=country]", "LT")
    page.fill("form [name=city]", "Vilnius")
    page.fill("form [name=website]", "https://letters.example.org/")
    page.fill("form [name=description]", "We write letters to political prisoners.")
    page.fill("form [name=contact_name]", "Ona")
    page.fill("form [name=contact_email]", "ona@example.org")
    page.click("form.public-form button[type=submit]")
    page.wait_for_url(re.compile(rf"/{language}/campaigns/sent/group/\?campaign=\d+$"))
    axe_check(browser, page.url)
    group = ParticipatingGroup.objects.get(name="Letters to Minsk")
    assert group.status == Status.PENDING and group.sender_language == language

    link = the_emailed_link(live_server)
    assert f"/{language}/campaigns/group/" in link
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "Letters to Minsk"
    page.fill("form [name=city]", "Kaunas")
    page.click("form.public-form button[type=submit]")
    page.wait_for_url(re.compile(r"\?done=saved$"))
    group.refresh_from_db()
    assert group.city == "Kaunas"
    page.problems.assert_clean()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_activity_is_added_without_javascript(no_js_page, browser, live_server, campaign, language):
    page = no_js_page
    form_url = f"{live_server.url}/{language}/campaigns/{campaign.pk}/add-activity/"
    page.goto(form_url)
    axe_check(browser, form_url)
    page.fill("form [name=title]", "Evening of letters")
    page.fill("form [name=description]", "We write postcards to people in prison.")
    page.select_option("form [name=kind]", "letters")
    page.select_option("form [name=language]", "ka")
    page.fill("form [name=starts_at]", local(10, 18))
    page.fill("form [name=ends_at]", local(10, 16))  # before the start: refused, nothing typed is lost
    page.select_option("form [name=country]", "GE")
    page.fill("form [name=city]", "Tbilisi")
    page.fill("form [name=organiser_name]", "Tbilisi letters")
    page.fill("form [name=contact_name]", "Nino")
    page.fill("form [name=contact_email]", "nino@example.org")
    page.click("form.public-form button[type=submit]")
    expect(page.locator("#id_ends_at_error")).to_be_visible()  # waits for the answer to the POST
    assert page.locator("form [name=title]").input_value() == "Evening of letters"
    page.fill("form [name=ends_at]", local(10, 20))
    page.click("form.public-form button[type=submit]")
    page.wait_for_url(re.compile(rf"/{language}/campaigns/sent/activity/\?campaign=\d+$"))
    activity = Activity.objects.get(title="Evening of letters")
    assert activity.time_zone == "Asia/Tbilisi"
    assert activity.local_start.hour == 18

    page.goto(the_emailed_link(live_server))
    assert page.get_by_role("heading", level=1).inner_text() == "Evening of letters"
    axe_check(browser, page.url)
    page.problems.assert_clean()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_visitor_signs_up_without_javascript(no_js_page, browser, live_server, campaign, language):
    activity = factories.activity(campaign, country="GE", time_zone="Asia/Tbilisi", capacity=5)
    page = no_js_page
    form_url = f"{live_server.url}/{language}/campaigns/activity/{activity.pk}/sign-up/"
    page.goto(form_url)
    axe_check(browser, form_url)
    page.fill("form [name=name]", "Masha")
    page.fill("form [name=email]", "masha@example.org")
    page.fill("form [name=people]", "2")
    page.click("form.public-form button[type=submit]")
    page.wait_for_url(re.compile(rf"/{language}/campaigns/sent/sign-up/\?campaign=\d+$"))
    axe_check(browser, page.url)

    link = the_emailed_link(live_server)
    page.goto(link)
    assert SignUp.objects.get().status == SignUpStatus.UNCONFIRMED  # opening the link confirms nothing
    page.click("form:has(input[value=confirm]) button")
    page.wait_for_url(re.compile(r"\?done=confirmed$"))
    assert SignUp.objects.get().status == SignUpStatus.CONFIRMED
    axe_check(browser, link)
    page.problems.assert_clean()


def test_a_group_joins_with_javascript_on(browser_page, live_server, campaign):
    page = browser_page
    page.goto(f"{live_server.url}/en/campaigns/{campaign.pk}/join/")
    checked(page)
    page.fill("form [name=website]", "javascript:alert(1)")
    page.click("form.public-form button[type=submit]")  # the proof of work is solved first, then the form goes
    page.locator("#id_website_error").wait_for(state="visible")
    checked(page)  # the page with its errors
    page.fill("form [name=website]", "")
    page.fill("form [name=name]", "Letters to Minsk")
    page.select_option("form [name=country]", "LT")
    page.fill("form [name=contact_name]", "Ona")
    page.fill("form [name=contact_email]", "ona@example.org")
    page.click("form.public-form button[type=submit]")
    page.wait_for_url(re.compile(r"/en/campaigns/sent/group/\?campaign=\d+$"))
    checked(page)
    page.goto(the_emailed_link(live_server))
    assert page.get_by_role("heading", level=1).inner_text() == "Letters to Minsk"
    checked(page)
    page.problems.assert_clean()


def test_the_forms_fit_a_narrow_phone_screen(phone_page, live_server, campaign):
    activity = factories.activity(campaign, country="GE", time_zone="Asia/Tbilisi")
    page = phone_page
    for path in (
        f"/ru/campaigns/{campaign.pk}/join/",
        f"/ru/campaigns/{campaign.pk}/add-activity/",
        f"/ru/campaigns/activity/{activity.pk}/sign-up/",
        "/ru/campaigns/sent/activity/",
    ):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")  # the icon too, before the next page cuts it off
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, f"{path} scrolls sideways"
    page.problems.assert_clean()
