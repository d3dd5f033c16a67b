"""A Russian story with captioned, credited images and a topic: no serious axe finding; the topic follows the switch."""

from __future__ import annotations

import io
from urllib.parse import quote

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from solidarity.home.services import site_tree_ensure
from solidarity.stories.models import StoryIndexPage, Topic
from solidarity.stories.services import story_create, topic_translation_ensure
from tests.browser.conftest import PageProblems, serious_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RUSSIAN_ALT = "Люди со свечами у здания суда"


def make_image() -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 450), (110, 70, 40)).save(buffer, format="PNG")
    return Image.objects.create(
        title="Vigil", description="People holding candles at a vigil", file=ImageFile(buffer, name="vigil.png")
    )


@pytest.fixture
def stories(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    site_tree_ensure()
    image = make_image()
    english = story_create(
        index=StoryIndexPage.objects.get(locale__language_code="en"),
        title="Prison visits refused",
        slug="prison-visits-refused",
        summary="Monitors were refused access to three prisons.",
        countries=["RU"],
        topics=["Prisons"],
    )
    topic_translation_ensure(topic=Topic.objects.get(name="Prisons"), language="ru", name="Тюрьмы")
    figure = {
        "image": {"image": image.pk, "alt_text": RUSSIAN_ALT, "decorative": False},
        "caption": "Акция у здания суда",
        "credit": "Фото: А. Петрова, CC BY 4.0",
    }
    russian = story_create(
        index=StoryIndexPage.objects.get(locale__language_code="ru"),
        title="Свидания в колониях запрещены",
        slug="svidaniya-zapreshcheny",
        summary="Наблюдателей не пустили в три колонии.",
        countries=["RU"],
        topics=["Тюрьмы"],
        lead_image=image,
        lead_image_alt=RUSSIAN_ALT,
        lead_image_caption="Акция у здания суда",
        lead_image_credit="Фото: А. Петрова, CC BY 4.0",
        body=[
            {"type": "paragraph", "value": "<p>Наблюдатели ждали у ворот.</p>"},
            {"type": "image", "value": figure},
        ],
    )
    return english, russian


@pytest.mark.parametrize("width", [1280, 360])
def test_a_story_with_captioned_images_and_its_topic_list_pass_axe(browser, live_server, stories, width):
    _english, russian = stories
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        for path in [russian.url, f"/ru/stories/?topic={quote('тюрьмы')}", "/en/stories/?topic=prisons"]:
            page = context.new_page()
            problems = PageProblems(page, live_server.url)
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            assert serious_axe_violations(page) == [], path
            assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} scrolls sideways"
            problems.assert_clean()
            page.close()
        page = context.new_page()
        page.goto(f"{live_server.url}{russian.url}")
        assert page.get_by_role("img", name=RUSSIAN_ALT).count() == 2
        assert page.locator("figcaption", has_text="Фото: А. Петрова").count() == 2
    finally:
        context.close()


def test_a_reader_without_javascript_switches_language_and_keeps_the_topic(browser, live_server, stories):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/stories/?topic=prisons")
    assert page.get_by_role("link", name="Prison visits refused").count() == 1

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()

    page.wait_for_url(f"**/ru/stories/?topic={quote('тюрьмы')}")
    assert page.get_by_role("link", name="Свидания в колониях запрещены").count() == 1
    context.close()
