"""A reader comments on a story, in English (1280 px) and in Russian (/ru/, 360 px), without JavaScript (the form
is a page; the answer is the author's private page, where they change the text) and with it (htmx: the form is
sent in place and the answer replaces it; a reply's form loads under its comment). No console error, no request
elsewhere, no serious axe-core finding on the story page and the private page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from solidarity.core.discussable import CommentsMode
from solidarity.discussion.models import Comment
from solidarity.home.services import site_tree_ensure
from tests.browser.conftest import PageProblems, serious_axe_violations
from tests.discussion.factories import comment, moderation
from tests.factories import StoryPageFactory, translate_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"en": 1280, "ru": 360}


@pytest.fixture
def stories(settings):
    """A story in English and Russian under post-moderation, each with a comment; a person's pace not required."""
    settings.SPAM_MIN_FILL_SECONDS = 0
    settings.SPAM_ALTCHA_COST = 50  # the widget solves a challenge at every sending: keep it quick
    site_tree_ensure()  # transactional tests empty the database: the page tree and countries again
    moderation(CommentsMode.POST)
    english = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    russian = translate_story(english, "ru", title="Суд в Минске")
    tops = {
        "en": comment(english, name="Anna", text="We stand with you.", language="en"),
        "ru": comment(russian, name="Анна", text="Мы с вами.", language="ru"),
    }
    return {"en": english, "ru": russian, "tops": tops}


def new_page(browser, live_server, language: str, *, javascript: bool):
    width = WIDTHS[language]
    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=javascript, is_mobile=width < 400
    )
    page = context.new_page()
    page.problems = PageProblems(page, live_server.url)
    return page


def axe_check(browser, url: str, width: int) -> None:
    """axe-core needs JavaScript: the same address in a context with it (only GETs, which change nothing)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(url)
    assert serious_axe_violations(page) == [], url
    context.close()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_reader_comments_without_javascript_and_changes_the_text(browser, live_server, stories, language):
    story = stories[language]
    page = new_page(browser, live_server, language, javascript=False)
    story_url = f"{live_server.url}{story.url}"
    page.goto(story_url)
    assert page.locator("html").get_attribute("lang") == language
    axe_check(browser, story_url, WIDTHS[language])

    form = page.locator("#comment-form form")
    form.locator("[name=name]").fill("Olga <b>K</b>")
    form.locator("[name=text]").fill("Frist words, see https://example.org")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/comments/yours/[^/]+/$"))
    axe_check(browser, page.url, WIDTHS[language])
    page.locator("textarea[name=text]").fill("First words, see https://example.org")
    page.locator("form:has(textarea[name=text]) button[type=submit]").click()
    expect(page.locator(".comment--yours")).to_contain_text("First words")

    page.goto(story_url)
    posted = Comment.objects.get(text__startswith="First words")
    shown = page.locator(f"#comment-{posted.pk}")
    expect(shown).to_contain_text("Olga <b>K</b>")  # shown as typed, never as markup
    expect(shown.locator("a[href='https://example.org']")).to_have_attribute("rel", "nofollow ugc noopener")
    assert posted.language == language
    page.problems.assert_clean()
    page.context.close()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_reader_comments_and_replies_in_place_with_javascript(browser, live_server, stories, language):
    story = stories[language]
    page = new_page(browser, live_server, language, javascript=True)
    story_url = f"{live_server.url}{story.url}"
    page.goto(story_url)

    form = page.locator("#comment-form form")
    form.locator("[name=name]").fill("Pavel")
    form.locator("[name=text]").fill("Solidarity from Vilnius.")
    form.locator("button[type=submit]").click()
    result = page.locator("#comment-form .comment--yours")
    expect(result).to_contain_text("Solidarity from Vilnius.", timeout=20_000)
    expect(page.locator("#comment-form a[href*='/comments/yours/']")).to_have_attribute(
        "href", re.compile(rf"^/{language}/comments/yours/")
    )
    assert page.url == story_url  # sent in place: no new page
    assert serious_axe_violations(page) == []

    top = stories["tops"][language]
    page.locator(f"#comment-{top.pk} .comment__actions a").first.click()
    reply_form = page.locator(f"#comment-{top.pk}-slot form")
    reply_form.locator("[name=name]").fill("Pavel")
    reply_form.locator("[name=text]").fill("Thank you for writing.")
    reply_form.locator("button[type=submit]").click()
    expect(page.locator(f"#comment-{top.pk}-slot .comment--yours")).to_contain_text(
        "Thank you for writing.", timeout=20_000
    )
    assert Comment.objects.get(text="Thank you for writing.").parent_id == top.pk
    page.problems.assert_clean()
    page.context.close()
