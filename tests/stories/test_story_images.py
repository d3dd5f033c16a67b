"""A story's images: alternative text in the story's language (the block's or the story's own first, else
the image library's description), decorative images, caption and credit; old body data still renders."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from solidarity.stories.blocks import StoryImageBlock
from solidarity.stories.models import StoryIndexPage, StoryPage
from tests.factories import ImageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

DESCRIPTION = "A court building in Minsk"


@pytest.fixture
def image():
    return ImageFactory(title="Court", description=DESCRIPTION)


def figure_block(image, *, alt: str = "", decorative: bool = False, caption: str = "", credit: str = "") -> dict:
    value = {"image": {"image": image.pk, "alt_text": alt, "decorative": decorative}, "caption": caption}
    if credit:
        value["credit"] = credit
    return {"type": "image", "value": value}


def russian_story(**fields) -> StoryPage:
    return StoryPageFactory(title="Суд в Минске", slug="sud-v-minske", language="ru", **fields)


def figures(html: str) -> list[str]:
    return re.findall(r'<figure class="figure">.*?</figure>', html, flags=re.S)


def alt_of(html: str) -> str | None:
    """The alt attribute of the first image in the html, or None when it has none."""
    tag = re.search(r"<img [^>]*>", html)
    assert tag is not None, html
    found = re.search(r'\balt="([^"]*)"', tag.group(0))
    return found.group(1) if found else None


def lead(html: str) -> str:
    found = re.search(r'<figure class="story__lead wrap">.*?</figure>', html, flags=re.S)
    assert found is not None
    return found.group(0)


def test_a_figure_reads_the_alt_text_written_on_the_block(client, site_tree, image):
    story = russian_story(body=[figure_block(image, alt="Здание суда в Минске")])

    [figure] = figures(client.get(story.url).text)

    assert alt_of(figure) == "Здание суда в Минске"
    assert DESCRIPTION not in figure


def test_a_figure_without_alt_text_reads_the_image_description(client, site_tree, image):
    story = russian_story(body=[figure_block(image)])

    [figure] = figures(client.get(story.url).text)

    assert alt_of(figure) == DESCRIPTION


def test_a_figure_without_alt_text_or_description_reads_the_image_title(client, site_tree):
    story = russian_story(body=[figure_block(ImageFactory(title="Court", description=""))])

    [figure] = figures(client.get(story.url).text)

    assert alt_of(figure) == "Court"


def test_a_decorative_figure_has_an_empty_alt_even_with_alt_text(client, site_tree, image):
    story = russian_story(body=[figure_block(image, alt="Здание суда", decorative=True)])

    [figure] = figures(client.get(story.url).text)

    assert alt_of(figure) == ""


def test_a_figure_shows_its_caption_and_credit_in_the_figcaption(client, site_tree, image):
    story = russian_story(body=[figure_block(image, caption="Суд в Минске", credit="Фото: А. Петрова")])

    [figure] = figures(client.get(story.url).text)

    assert (
        '<figcaption><span class="figure__caption">Суд в Минске</span> '
        '<span class="figure__credit">Фото: А. Петрова</span></figcaption>'
    ) in figure


def test_a_figure_with_a_credit_alone_shows_it_and_one_with_neither_has_no_figcaption(client, site_tree, image):
    story = russian_story(body=[figure_block(image, credit="Фото: А. Петрова"), figure_block(image)])

    credited, bare = figures(client.get(story.url).text)

    assert '<figcaption><span class="figure__credit">Фото: А. Петрова</span></figcaption>' in credited
    assert "<figcaption>" not in bare


def test_old_figure_data_without_the_new_keys_still_renders(client, site_tree, image):
    """A body saved before: the image as a bare id (ImageChooserBlock), no alt, no credit, no caption key."""
    story = russian_story()
    old_body = [{"type": "image", "value": {"image": image.pk}, "id": "old-1"}]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE stories_storypage SET body = %s WHERE page_ptr_id = %s", [json.dumps(old_body), story.pk]
        )

    response = client.get(story.url)

    assert response.status_code == 200
    [figure] = figures(response.text)
    assert alt_of(figure) == DESCRIPTION
    assert "<figcaption>" not in figure


def test_the_lead_image_reads_the_storys_own_alt_text(client, site_tree, image):
    story = russian_story(lead_image=image, lead_image_alt="Здание суда в Минске")

    response = client.get(story.url)

    assert alt_of(lead(response.text)) == "Здание суда в Минске"
    assert '<meta property="og:image:alt" content="Здание суда в Минске">' in response.text


def test_the_lead_image_without_alt_text_reads_the_image_description(client, site_tree, image):
    story = russian_story(lead_image=image)

    assert alt_of(lead(client.get(story.url).text)) == DESCRIPTION


def test_a_decorative_lead_image_has_an_empty_alt_and_no_shared_alt(client, site_tree, image):
    story = russian_story(lead_image=image, lead_image_alt="Здание суда", lead_image_decorative=True)

    response = client.get(story.url)

    assert alt_of(lead(response.text)) == ""
    assert "og:image:alt" not in response.text


def test_the_lead_image_shows_its_caption_and_credit(client, site_tree, image):
    story = russian_story(lead_image=image, lead_image_caption="Суд", lead_image_credit="Фото: А. Петрова")

    figure = lead(client.get(story.url).text)

    assert (
        '<figcaption><span class="figure__caption">Суд</span> '
        '<span class="figure__credit">Фото: А. Петрова</span></figcaption>'
    ) in figure


def test_a_lead_image_without_caption_or_credit_has_no_figcaption(client, site_tree, image):
    story = russian_story(lead_image=image)

    assert "<figcaption>" not in lead(client.get(story.url).text)


def story_form(image, figure: dict, **changes) -> dict:
    data = {
        "title": "Суд в Минске",
        "slug": "sud-v-minske",
        "kind": "news",
        "date": "2026-11-01",
        "summary": "Трое активистов осуждены.",
        "topics": "",
        "lead_image": image.pk,
        "lead_image_alt": "Здание суда",
        "lead_image_caption": "Суд",
        "lead_image_credit": "Фото: А. Петрова",
        "body": streamfield([("paragraph", rich_text("<p>Заседание длилось час.</p>")), ("image", figure)]),
        "action-publish": "action-publish",
    }
    data.update(changes)
    return {**nested_form_data(data), "countries": ["BY"]}


@pytest.mark.parametrize(
    ("alt", "decorative", "expected_alt"),
    [("Здание суда", "", "Здание суда"), ("", "", DESCRIPTION), ("Здание суда", "on", "")],
    ids=["alt written", "alt left empty", "decorative"],
)
def test_an_editor_publishes_images_with_or_without_alt_text(
    client, editor, site_tree, image, alt, decorative, expected_alt
):
    index = StoryIndexPage.objects.get(locale__language_code="ru")
    figure = {
        "image": {"image": image.pk, "alt_text": alt, "decorative": decorative},
        "caption": "Суд",
        "credit": "Фото: А. Петрова",
    }

    response = client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", story_form(image, figure))

    assert response.status_code == 302, response.context["form"].errors
    story = StoryPage.objects.get(slug="sud-v-minske")
    assert (story.lead_image_alt, story.lead_image_caption, story.lead_image_credit) == (
        "Здание суда",
        "Суд",
        "Фото: А. Петрова",
    )
    [figure_html] = figures(client.get(story.url).text)
    assert alt_of(figure_html) == expected_alt
    assert "Фото: А. Петрова" in figure_html


def test_an_editor_cannot_publish_a_figure_without_an_image(client, editor, site_tree, image):
    index = StoryIndexPage.objects.get(locale__language_code="ru")
    figure = {"image": {"image": "", "alt_text": "Здание суда", "decorative": ""}, "caption": "", "credit": ""}

    response = client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", story_form(image, figure))

    assert response.status_code == 200
    assert not StoryPage.objects.filter(slug="sud-v-minske").exists()


@pytest.mark.parametrize(("alt", "valid"), [("", True), ("A" * 300, True), ("A" * 301, False)])
def test_a_story_image_block_checks_the_alt_texts_length_but_requires_none(image, alt, valid):
    block = StoryImageBlock()
    value = block.to_python({"image": image.pk, "alt_text": alt, "decorative": False})
    value.contextual_alt_text = alt  # as the editor's form gives it (to_python fills an empty one in)

    if valid:
        cleaned = block.clean(value)
        assert (cleaned.pk, cleaned.contextual_alt_text) == (image.pk, alt)
    else:
        with pytest.raises(StructBlockValidationError) as refused:
            block.clean(value)
        assert set(refused.value.block_errors) == {"alt_text"}


def test_an_editor_cannot_publish_a_figure_whose_alt_text_is_too_long(client, editor, site_tree, image):
    index = StoryIndexPage.objects.get(locale__language_code="ru")
    figure = {"image": {"image": image.pk, "alt_text": "А" * 301, "decorative": ""}, "caption": "", "credit": ""}

    response = client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", story_form(image, figure))

    assert response.status_code == 200
    assert not StoryPage.objects.filter(slug="sud-v-minske").exists()
