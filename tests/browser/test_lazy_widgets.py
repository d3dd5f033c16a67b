"""The public forms' widgets load only when a reader starts using a form (core/static/core/on-use.js): the spam
guard's proof of work (altcha, its style, spam-guard.js) and, for the comments, htmx and comments.js. A reader who
only reads downloads none of them; one who starts writing a comment gets them, without the form moving, and the
comment is sent in place with its proof of work, even when sent at once; a link used while htmx is missing works
as a page. The guard asks every sending for a proof of work here (``SPAM_SOFT_LIMIT = 0``; the live server's
requests come from the loopback address, a source without a hard limit)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from solidarity.core.discussable import CommentsMode
from solidarity.discussion.models import Comment
from solidarity.home.services import site_tree_ensure
from tests.browser.conftest import PageProblems
from tests.discussion.factories import comment, moderation
from tests.factories import StoryPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDGETS = re.compile(r"/static/(core/vendor/|core/spam-guard\.[^/]*js|discussion/comments\.)")


@pytest.fixture
def story(settings):
    settings.SPAM_MIN_FILL_SECONDS = 0
    settings.SPAM_SOFT_LIMIT = 0  # every sending needs the proof of work
    settings.SPAM_ALTCHA_COST = 50
    site_tree_ensure()
    moderation(CommentsMode.POST)
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    comment(story, name="Anna", text="We stand with you.", language="en")
    return story


@pytest.fixture(params=[360, 1280])
def reader(request, browser, live_server):
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=width < 400)
    page = context.new_page()
    page.problems = PageProblems(page, live_server.url)
    page.widgets = []
    page.on("request", lambda request: WIDGETS.search(request.url) and page.widgets.append(request.url))
    yield page
    context.close()


def place(locator) -> dict[str, float]:
    """Where an element is on the page (not in the window, which scrolls to the focused field)."""
    return locator.evaluate(
        "element => { const box = element.getBoundingClientRect();"
        " return {top: box.top + scrollY, height: box.height}; }"
    )


def test_a_reader_who_only_reads_a_story_downloads_no_widget(reader, live_server, story):
    reader.goto(f"{live_server.url}{story.url}", wait_until="networkidle")
    expect(reader.locator("#comment-form altcha-widget")).to_have_count(1)  # the form is there, its widgets not
    reader.locator("main h1").click()  # reading: a press outside the forms, scrolling down to the comments
    reader.locator("#comments .comment").scroll_into_view_if_needed()
    expect(reader.locator("#comments .comment")).to_be_in_viewport()
    reader.mouse.wheel(0, 5000)
    reader.wait_for_load_state("networkidle")
    assert reader.widgets == []
    reader.problems.assert_clean()


def test_focusing_the_comment_form_loads_the_widgets_and_the_comment_goes_with_its_proof_of_work(
    reader, live_server, story
):
    reader.goto(f"{live_server.url}{story.url}", wait_until="networkidle")
    form = reader.locator("#comment-form form")
    button = form.locator("button[type=submit]")
    before = place(button)
    form.locator("[name=name]").focus()
    expect(form.locator("altcha-widget")).to_contain_text("I am a person")  # loaded, in the reader's language
    reader.wait_for_load_state("networkidle")
    assert place(button) == before  # the widget's room was kept: nothing moved
    assert any("altcha.min" in url for url in reader.widgets), reader.widgets
    assert any("htmx.min" in url for url in reader.widgets), reader.widgets

    form.locator("[name=name]").fill("Pavel")
    form.locator("[name=text]").fill("Solidarity from Vilnius.")
    button.click()
    expect(reader.locator("#comment-form .comment--yours")).to_contain_text("Solidarity from Vilnius.", timeout=20_000)
    assert reader.url == f"{live_server.url}{story.url}"  # sent in place, by htmx
    assert Comment.objects.filter(text="Solidarity from Vilnius.").exists()
    reader.problems.assert_clean()


def test_a_comment_sent_at_once_waits_for_its_proof_of_work(reader, live_server, story):
    reader.goto(f"{live_server.url}{story.url}", wait_until="networkidle")
    form = reader.locator("#comment-form form")
    form.locator("[name=text]").fill("Sent before anything loaded.")  # the first use of the form…
    form.locator("[name=name]").fill("Pavel")
    form.locator("[name=name]").press("Enter")  # …and its sending, without waiting
    expect(reader.locator("#comment-form .comment--yours")).to_contain_text("Sent before anything", timeout=20_000)
    assert Comment.objects.filter(text="Sent before anything loaded.").exists()
    reader.problems.assert_clean()


def test_without_htmx_the_reply_link_and_the_form_work_as_pages(reader, live_server, story):
    reader.route(re.compile(r"htmx\.min"), lambda route: route.abort())
    reader.goto(f"{live_server.url}{story.url}", wait_until="networkidle")
    reader.locator("#comments .comment__actions a").first.click()  # before htmx (here: never there)
    reader.wait_for_url(re.compile(r"/comments/\d+/reply/"))
    form = reader.locator("form:has(textarea[name=text])")
    form.locator("[name=name]").fill("Pavel")
    form.locator("[name=text]").fill("A reply sent as a page.")
    form.locator("button[type=submit]").click()
    reader.wait_for_url(re.compile(r"/comments/yours/[^/]+/$"))
    assert Comment.objects.get(text="A reply sent as a page.").parent_id is not None
