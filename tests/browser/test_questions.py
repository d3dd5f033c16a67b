"""A reader sends a question in English and in Russian, without JavaScript and with it, to the network and to a
campaign's contact; the form, its errors and the sent page have no console error and no serious axe-core finding,
and fit a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from solidarity.core.models import OutgoingEmail
from solidarity.discussion.models import Question
from solidarity.home.services import site_tree_ensure
from tests.browser.conftest import PageProblems, serious_axe_violations
from tests.campaigns import factories
from tests.factories import staff_member, staff_roles_ensure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def campaign(settings, live_server):
    """A campaign with a contact in Georgia, a coordinator for Belarus; a person's pace is not required."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.SPAM_MIN_FILL_SECONDS = 0
    site_tree_ensure()  # transactional tests empty the database: the page tree and countries again
    english = factories.campaign_page(title="Day of solidarity with Belarus")
    factories.campaign_translation(english, "ru", title="den-solidarnosti")
    staff_roles_ensure()
    staff_member("by-coordinator", "Country coordinators", ["BY"])
    return english


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.problems = PageProblems(page, live_server.url)
    yield page
    context.close()


def checked(page) -> None:
    assert serious_axe_violations(page) == [], page.url


def axe_check(browser, url: str) -> None:
    """axe-core needs JavaScript: the same address opened in a context with it (pages are the same without)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    checked(page)
    context.close()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_question_is_sent_without_javascript(no_js_page, browser, live_server, campaign, language):
    page = no_js_page
    form_url = f"{live_server.url}/{language}/questions/"
    page.goto(form_url)
    assert page.locator("html").get_attribute("lang") == language
    axe_check(browser, form_url)
    page.fill("form [name=message]", "How can I help the families of prisoners?")
    page.click("form.public-form button[type=submit]")  # no name, no email: listed at the top, the text kept
    expect(page.locator(".error-summary[role=alert]")).to_be_visible()
    assert page.locator(".error-summary a[href='#id_email']").count() == 1
    expect(page.locator("form [name=message]")).to_have_value("How can I help the families of prisoners?")
    page.fill("form [name=name]", "Olga")
    page.fill("form [name=email]", "olga@example.org")
    page.select_option("form [name=country]", "BY")
    page.click("form.public-form button[type=submit]")
    page.wait_for_url(re.compile(rf"/{language}/questions/sent/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(browser, page.url)
    question = Question.objects.get()
    assert (question.inbox_country_id, question.language) == ("BY", language)
    assert OutgoingEmail.objects.get(purpose="discussion.question_received").language == language
    page.problems.assert_clean()


def test_a_question_to_a_contact_is_sent_with_javascript_on(browser_page, live_server, campaign):
    contact = factories.contact(campaign, country="GE", name="Nino", role="Coordinator for Georgia")
    page = browser_page
    page.goto(f"{live_server.url}{campaign.url}")
    page.get_by_role("link", name="Write to Nino").click()
    page.wait_for_url(re.compile(rf"/en/questions/\?contact={contact.pk}$"))
    expect(page.locator(".lead")).to_contain_text("To: Nino, Coordinator for Georgia")
    checked(page)
    page.fill("form [name=name]", "Olga")
    page.fill("form [name=email]", "not an address")
    page.fill("form [name=message]", "When do we meet in Tbilisi?")
    page.click("form.public-form button[type=submit]")  # the proof of work is solved first, then the form goes
    page.locator("#id_email_error").wait_for(state="visible")
    checked(page)  # the page with its errors
    page.fill("form [name=email]", "olga@example.org")
    page.click("form.public-form button[type=submit]")
    page.wait_for_url(re.compile(r"/en/questions/sent/\?campaign="))
    checked(page)
    page.get_by_role("link", name="Back to Day of solidarity with Belarus").click()
    page.wait_for_url(f"{live_server.url}{campaign.url}")
    assert Question.objects.get().contact == contact
    page.problems.assert_clean()


def test_the_question_pages_fit_a_narrow_phone_screen(phone_page, live_server, campaign):
    page = phone_page
    for path in ("/ru/questions/", f"/ru/questions/?campaign={campaign.translation_key}", "/ru/questions/sent/"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, f"{path} scrolls sideways"
    page.problems.assert_clean()
