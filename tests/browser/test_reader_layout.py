"""What a reader sees of the layout: the footer at the bottom, a short header on a phone, a report's file
beside its text, the site's own heading font, and the pages these changes touch passing axe."""

from __future__ import annotations

import pytest

from solidarity.home.services import site_tree_ensure
from solidarity.stories.models import StoryIndexPage
from solidarity.stories.services import story_create, story_translate
from tests.browser.conftest import PageProblems, serious_axe_violations
from tests.factories import DocumentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
PARAGRAPHS = [("paragraph", f"<p>Paragraph {number}: what the monitors saw in court.</p>") for number in range(8)]


@pytest.fixture
def report(settings, tmp_path):
    """A report in English and Russian whose PDF is attached at the end of its text, and two more stories."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORIES_PER_PAGE = 1
    site_tree_ensure()
    index = StoryIndexPage.objects.get(locale__language_code="en")
    document = DocumentFactory(title="Behind the glass")
    body = [*PARAGRAPHS, ("document", {"document": document, "title": "The full report", "description": ""})]
    story = story_create(
        index=index,
        title="Behind the glass: trials of protesters",
        slug="behind-the-glass",
        kind="report",
        summary="Monitors followed 87 trials held behind closed doors.",
        countries=["BY"],
        body=body,
    )
    russian = story_translate(
        story=story,
        language="ru",
        title="За стеклом: суды над участниками протестов",
        slug="za-steklom",
        summary="Наблюдатели посетили 87 закрытых процессов.",
        body=body,
    )
    for number in range(2):
        story_create(index=index, title=f"Vigil {number}", slug=f"vigil-{number}", summary="Vigil.", countries=["BY"])
    story.russian_url = russian.url
    return story


def open_page(browser, base_url: str, path: str, viewport: dict, *, locale: str = "en-GB"):
    context = browser.new_context(viewport=viewport, locale=locale)
    page = context.new_page()
    page.problems = PageProblems(page, base_url)
    page.goto(f"{base_url}{path}")
    return context, page


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
@pytest.mark.parametrize("path", ["/en/no-such-page/", "/en/search/?q=nothing-matches-this", "/ru/countries/"])
def test_a_short_page_keeps_its_footer_at_the_bottom_of_the_screen(browser, live_server, report, viewport, path):
    context, page = open_page(browser, live_server.url, path, viewport)

    footer_bottom = page.evaluate("document.querySelector('.site-footer').getBoundingClientRect().bottom + scrollY")
    page_height = page.evaluate("document.documentElement.scrollHeight")
    assert footer_bottom == pytest.approx(max(page_height, viewport["height"]), abs=1), "a band below the footer"
    if viewport is DESKTOP:  # short there: the footer ends where the screen does
        assert page_height == viewport["height"]
    context.close()


def test_a_long_page_puts_its_footer_after_the_content(browser, live_server, report):
    context, page = open_page(browser, live_server.url, report.url, PHONE)

    footer_top = page.evaluate("document.querySelector('.site-footer').getBoundingClientRect().top")
    main_bottom = page.evaluate("document.querySelector('main').getBoundingClientRect().bottom")
    assert footer_top > PHONE["height"]
    assert footer_top >= main_bottom
    context.close()


@pytest.mark.parametrize(("language", "locale"), [("en", "en-GB"), ("ru", "ru-RU")])
def test_on_a_phone_the_header_takes_at_most_a_quarter_of_the_first_screen(
    browser, live_server, report, language, locale
):
    context, page = open_page(browser, live_server.url, f"/{language}/", PHONE, locale=locale)

    height = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
    assert height <= PHONE["height"] / 4, f"the header is {height}px high"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Every language stays one tap away, and so do the menu and search.
    languages = page.locator("nav.languages a").all()
    assert len(languages) == 6 and all(link.is_visible() for link in languages)
    page.locator(".search-box button").click()
    page.wait_for_url("**/search/?q=")
    assert page.get_by_role("searchbox").count() == 1
    page.problems.assert_clean()
    context.close()


def test_the_search_page_has_one_search_box_and_says_nothing_was_found_once(browser, live_server, report):
    context, page = open_page(browser, live_server.url, "/en/search/?q=nothing-matches-this", DESKTOP)

    assert page.get_by_role("searchbox").count() == 1
    assert page.get_by_role("search").count() == 1
    assert page.get_by_role("status").all_inner_texts() == [
        "Nothing matches all of these words. Try fewer or different words."
    ]
    context.close()


def test_a_reports_file_comes_before_its_text_on_a_phone(browser, live_server, report):
    context, page = open_page(browser, live_server.url, report.url, PHONE)

    download = page.get_by_role("region", name="Download").get_by_role("link", name="The full report")
    first_paragraph = page.locator(".story__body p").first
    assert download.bounding_box()["y"] < first_paragraph.bounding_box()["y"]
    assert download.bounding_box()["y"] < PHONE["height"] * 2  # within the first two screens, not after the story
    context.close()


def test_a_reports_file_stands_beside_its_text_on_a_wide_screen(browser, live_server, report):
    context, page = open_page(browser, live_server.url, report.url, DESKTOP)

    download = page.get_by_role("region", name="Download").bounding_box()
    body = page.locator(".story__body").bounding_box()
    assert download["x"] >= body["x"] + body["width"]
    assert abs(download["y"] - body["y"]) < 40
    context.close()


@pytest.mark.parametrize(("language", "heading"), [("en", "Behind the glass"), ("ru", "За стеклом")])
def test_headings_use_the_sites_own_font_in_latin_and_cyrillic(browser, live_server, report, language, heading):
    path = report.url if language == "en" else report.russian_url
    context, page = open_page(browser, live_server.url, path, PHONE)
    page.evaluate("document.fonts.ready.then(() => true)")

    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    h1 = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": h1})["fonts"]
    assert heading in page.get_by_role("heading", level=1).inner_text()
    assert [(font["familyName"], font["isCustomFont"]) for font in fonts] == [("Solidarity Serif", True)]
    page.problems.assert_clean()
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
def test_the_pages_these_changes_touch_pass_axe(browser, live_server, report, viewport):
    too_long = "/ru/search/?q=" + "a" * 5000
    for path, status in [
        ("/en/stories/?page=2", 200),
        ("/en/search/?q=vigil", 200),
        ("/en/search/?q=nothing-matches-this", 200),
        (report.url, 200),
        (too_long, 414),
    ]:
        context, page = open_page(browser, live_server.url, "/", viewport)
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == status, path
        assert serious_axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
        assert page.problems.console_errors == [] or status == 414, path
        context.close()
