"""A reader opens the home page, switches to Russian and reads a story: no console error, no serious axe finding."""

from __future__ import annotations

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.images.models import Image

from solidarity.core.services import country_introduction_set, organisation_create
from solidarity.home.services import members_page_ensure, site_tree_ensure
from solidarity.stories.models import StoryIndexPage
from solidarity.stories.services import story_create, story_credit_set, story_translate
from tests.browser.conftest import PageProblems, serious_axe_violations
from tests.shared import RUN_TASKS, with_search_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def make_image() -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 450), (40, 70, 110)).save(buffer, format="PNG")
    return Image.objects.create(
        title="Vigil", description="People holding candles at a vigil", file=ImageFile(buffer, name="vigil.png")
    )


@pytest.fixture
def story_in_two_languages(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.WAGTAILSEARCH_BACKENDS = with_search_index(settings.WAGTAILSEARCH_BACKENDS)
    settings.TASKS = RUN_TASKS
    site_tree_ensure()
    english_index = StoryIndexPage.objects.get(locale__language_code="en")
    story = story_create(
        index=english_index,
        title="Vigil for detained journalists",
        slug="vigil-for-detained-journalists",
        kind="news",
        summary="Groups in six cities held a silent vigil for journalists in detention.",
        countries=["RU", "BY"],
        lead_image=make_image(),
        body=[("paragraph", "<p>Candles were lit at dusk in six cities.</p>")],
    )
    russian = story_translate(
        story=story,
        language="ru",
        title="Акция в поддержку задержанных журналистов",
        slug="akciya-v-podderzhku-zhurnalistov",
        summary="Правозащитники в шести городах провели молчаливую акцию.",
        body=[("paragraph", "<p>В шести городах в сумерках зажгли свечи.</p>")],
    )
    return story, russian


def test_a_reader_switches_to_russian_and_reads_a_story(browser_page, live_server, story_in_two_languages):
    page = browser_page
    page.goto(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert serious_axe_violations(page) == []

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    page.wait_for_url(f"{live_server.url}/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert serious_axe_violations(page) == []

    page.get_by_role("link", name="Акция в поддержку задержанных журналистов").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Акция в поддержку задержанных журналистов")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert serious_axe_violations(page) == []
    page.problems.assert_clean()


def test_a_story_reads_on_a_narrow_phone_screen(phone_page, live_server, story_in_two_languages):
    _story, russian = story_in_two_languages
    page = phone_page
    page.goto(f"{live_server.url}{russian.url}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "the page scrolls sideways on a 360 px screen"
    assert serious_axe_violations(page) == []
    page.problems.assert_clean()


def test_a_reader_without_javascript_searches_filters_and_switches_language(
    browser, live_server, story_in_two_languages
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/ru/")

    page.get_by_role("searchbox", name="Поиск по материалам").fill("правозащитник")
    page.get_by_role("button", name="Поиск").click()
    page.wait_for_url("**/ru/search/?q=*")
    assert page.get_by_role("link", name="Акция в поддержку задержанных журналистов").count() == 1

    page.goto(f"{live_server.url}/en/stories/")
    page.get_by_label("Country").select_option("by")
    page.get_by_label("Kind").select_option("news")
    page.get_by_role("button", name="Show stories").click()
    page.wait_for_url("**/en/stories/?country=by&kind=news*")
    assert page.get_by_role("link", name="Vigil for detained journalists").count() == 1

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/stories/?country=by&kind=news")
    assert page.get_by_role("link", name="Акция в поддержку задержанных журналистов").count() == 1
    context.close()


@pytest.fixture
def members_and_introductions(story_in_two_languages):
    """Member organisations (one with a logo), the Members page in English and Russian, an introduction, a byline."""
    story, _russian = story_in_two_languages
    members_page_ensure(language="en", title="Members", intro="The organisations of the network.")
    members_page_ensure(language="ru", title="Участники сети")
    circle = organisation_create(
        name="Minsk Observers’ Circle",
        country="BY",
        city="Minsk",
        website="https://minsk-observers.example.org/",
        logo=make_image(),
        year_joined=2011,
        descriptions={"en": "Trial monitors.", "ru": "Наблюдатели в судах."},
    )
    organisation_create(name="Kura Valley Trial Observers", country="GE", city="Tbilisi", descriptions={"de": "Text."})
    country_introduction_set(country="GE", language="en", text="<p>Members in <b>Georgia</b> observe trials.</p>")
    story_credit_set(story=story, author="Anna K.", organisation=circle)


PAGES_TO_CHECK = [
    "/en/",
    "/ru/",
    "/de/",
    "/en/stories/",
    "/ru/stories/?kind=news",
    "/en/countries/",
    "/ru/countries/by/",
    "/en/countries/ge/",  # an introduction and a member, no story
    "/en/members/",
    "/ru/members/?country=by",
    "/en/members/?country=zz",
    "/en/stories/?country=zz",
    "/en/search/",
    "/ru/search/?q=правозащитники",
    "/en/search/?q=nothing-matches-this",
    "/en/countries/zz/",
    "/ru/no-such-page/",
]


@pytest.mark.parametrize("width", [1280, 360])
def test_every_public_page_passes_axe_and_loads_nothing_from_elsewhere(
    browser, live_server, story_in_two_languages, members_and_introductions, width
):
    story, russian = story_in_two_languages
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        for path in [*PAGES_TO_CHECK, story.url, russian.url]:
            page = context.new_page()
            problems = PageProblems(page, live_server.url)
            response = page.goto(f"{live_server.url}{path}")
            assert response.status in {200, 404}, path
            assert serious_axe_violations(page) == [], path
            assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} scrolls sideways"
            problems.assert_clean()
            page.close()
    finally:
        context.close()
