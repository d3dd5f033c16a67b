"""The demo's lead images: a variation of a drawing per story, so that neighbouring cards differ."""

from __future__ import annotations

from solidarity.demo import illustrations
from solidarity.demo.content import STORIES
from solidarity.demo.demo import IMAGES, LEAD_IMAGE_OF_STORY, LEAD_IMAGES, image_jpeg


def list_of(language: str) -> list[str]:
    """The drawings of one language's demo list, newest story first."""
    stories = sorted((spec for spec in STORIES if getattr(spec, language)), key=lambda spec: spec.days_ago)
    return [illustrations.drawing_of(LEAD_IMAGE_OF_STORY[illustrations.story_key(spec)]) for spec in stories]


def test_each_language_list_shows_different_drawings_in_any_three_neighbouring_cards():
    for language in ("en", "ru"):
        drawings = list_of(language)
        rows = [drawings[start : start + 3] for start in range(len(drawings))]
        assert all(len(set(row)) == len(row) for row in rows), (language, drawings)


def test_the_lead_images_are_variations_not_the_body_images():
    lead_keys = set(LEAD_IMAGE_OF_STORY.values())

    assert lead_keys <= {image.key for image in LEAD_IMAGES}
    assert not lead_keys & {image.key for image in IMAGES}
    assert len({image.title for image in (*IMAGES, *LEAD_IMAGES)}) == len(IMAGES) * 3


def test_a_variation_is_another_picture_of_the_same_drawing():
    [stripes] = [image for image in IMAGES if image.key == "stripes"]
    [mirrored] = [image for image in LEAD_IMAGES if image.key == "stripes-2"]

    assert image_jpeg(mirrored) != image_jpeg(stripes)
    assert mirrored.description == stripes.description


def test_every_demo_image_has_russian_alt_text():
    for image in (*IMAGES, *LEAD_IMAGES):
        assert illustrations.ALT_RU[image.description].startswith("Абстрактная иллюстрация")
