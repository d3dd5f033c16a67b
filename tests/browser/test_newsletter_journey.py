"""A reader subscribes to the newsletter in Russian, at 1280 px and at 360 px: the form (a country and a topic
ticked), "check your email", the emailed confirmation link (its page, then its button), the preferences page
(other choices saved), and unsubscribing through the emailed link. No console error, no request elsewhere, no
serious axe-core finding on any of these pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from solidarity.home.services import site_tree_ensure
from solidarity.newsletter.models import Subscriber
from solidarity.stories.models import Topic
from tests.browser.conftest import PageProblems, serious_axe_violations
from tests.factories import StoryPageFactory, translate_story
from tests.mail import delivered, links_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def topics(settings, live_server):
    """A story in English and Russian with the topic "Prisons" / «Тюрьмы»; emails link to the live server."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.SPAM_MIN_FILL_SECONDS = 0
    settings.SPAM_ALTCHA_COST = 50
    site_tree_ensure()  # transactional tests empty the database: the page tree and countries again
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"], topics=["Prisons"])
    russian = Topic.objects.create(
        locale=Locale.objects.get(language_code="ru"),
        name="Тюрьмы",
        translation_key=story.topics.get().translation_key,
    )
    translate_story(story, "ru", title="Суд в Минске", topics=[russian])
    return {"ru": russian}


def the_emailed_link(live_server, part: str) -> str:
    [email] = delivered()[-1:]
    [link] = [link for link in links_in(email) if link.startswith(live_server.url) and part in link]
    return link


def axe_clean(page) -> None:
    assert serious_axe_violations(page) == [], page.url


@pytest.mark.parametrize("width", [1280, 360])
def test_a_reader_subscribes_confirms_changes_preferences_and_unsubscribes_in_russian(
    browser, live_server, topics, width
):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ru-RU", is_mobile=width < 400)
    page = context.new_page()
    page.problems = PageProblems(page, live_server.url)

    page.goto(f"{live_server.url}/ru/")
    page.locator(".site-footer a[href='/ru/newsletter/']").click()
    page.wait_for_url(re.compile(r"/ru/newsletter/$"))
    assert page.locator("html").get_attribute("lang") == "ru"
    expect(page.locator("select[name=language]")).to_have_value("ru")
    axe_clean(page)

    form = page.locator("form.newsletter-form")
    form.locator("[name=email]").fill("anna@example.org")
    form.locator("input[name=countries][value=BY]").check()
    form.get_by_label("Тюрьмы").check()
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ru/newsletter/check-your-email/$"))
    axe_clean(page)
    subscriber = Subscriber.objects.get()
    assert not subscriber.is_confirmed and subscriber.language == "ru"

    confirm = the_emailed_link(live_server, "/ru/newsletter/confirm/")
    page.goto(confirm)  # opening the link confirms nothing: mail scanners open links
    expect(page.locator(".newsletter-summary")).to_contain_text("Тюрьмы")
    axe_clean(page)
    assert not Subscriber.objects.get().is_confirmed
    page.locator("form:has(input[value=confirm]) button").click()
    expect(page.locator("a.button[href*='/ru/newsletter/preferences/']")).to_be_visible()
    assert Subscriber.objects.get().is_confirmed
    axe_clean(page)

    page.locator("a.button[href*='/ru/newsletter/preferences/']").click()
    page.wait_for_url(re.compile(r"/ru/newsletter/preferences/[^/]+/$"))
    expect(page.locator("input[name=countries][value=BY]")).to_be_checked()
    axe_clean(page)
    page.locator("input[name=countries][value=BY]").uncheck()
    page.locator("input[name=countries][value=UA]").check()
    page.locator("select[name=language]").select_option("en")
    page.locator("form.newsletter-form button[type=submit]").click()
    expect(page.locator(".notice[role=status]")).to_be_visible()
    axe_clean(page)
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "en"
    assert list(subscriber.countries.values_list("code", flat=True)) == ["UA"]
    assert list(subscriber.topics.all()) == [topics["ru"]]

    unsubscribe = the_emailed_link(live_server, "/newsletter/unsubscribe/")  # from the "you are subscribed" email
    page.goto(unsubscribe)
    axe_clean(page)
    with page.expect_navigation():
        page.locator("form:has(input[value=unsubscribe]) button").click()
    expect(page.locator("form:has(input[value=unsubscribe])")).to_have_count(0)
    assert not Subscriber.objects.exists()
    axe_clean(page)
    page.problems.assert_clean()
    context.close()
