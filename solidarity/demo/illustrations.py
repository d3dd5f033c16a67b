"""The demo's lead images, and the words around every demo image in each language.

Each of the seven drawings (demo.IMAGES) also comes in two variations (another arrangement, and
another arrangement mirrored), so the lead images are fourteen and neighbouring cards in a list
never show the same drawing; the seven drawings themselves stay in the story bodies, so a story
never shows the same picture twice. A Russian story reads Russian alternative text, written on
the story (lead image) and on the block (body image); an English one reads the image library's
description, which is English.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PIL import Image as PILImage
from PIL import ImageOps

if TYPE_CHECKING:
    from wagtail.images.models import AbstractImage

    from solidarity.demo.content import DemoStory
    from solidarity.demo.demo import DemoImage

Paint = Callable[[PILImage.Image, random.Random], None]

VARIATIONS = ("another arrangement", "another arrangement, mirrored")

CREDIT = {
    "en": "Illustration: Solidarity demo, free to reuse (CC0)",
    "ru": "Иллюстрация: демо Solidarity, свободное использование (CC0)",
    "uk": "Ілюстрація: демо Solidarity, вільне використання (CC0)",
    "be": "Ілюстрацыя: дэма Solidarity, свабоднае выкарыстанне (CC0)",
    "de": "Illustration: Solidarity-Demo, frei verwendbar (CC0)",
    "fr": "Illustration : démo Solidarity, libre de réutilisation (CC0)",
}

# The image library's descriptions (demo.IMAGES, English) in Russian: the drawing's variations share them.
ALT_RU = {
    "Abstract illustration: broad diagonal stripes in slate blue, ochre and terracotta on a cream background.": (
        "Абстрактная иллюстрация: широкие диагональные полосы серо-синего, охристого и терракотового цвета "
        "на кремовом фоне."
    ),
    "Abstract illustration: a pale sun rising behind horizontal bands of sage green, blue and slate.": (
        "Абстрактная иллюстрация: бледное солнце восходит за горизонтальными полосами шалфейно-зелёного, "
        "синего и серо-синего цвета."
    ),
    "Abstract illustration: three large overlapping circles in dusty blue, terracotta and ochre.": (
        "Абстрактная иллюстрация: три больших пересекающихся круга — приглушённо-синий, терракотовый и охристый."
    ),
    "Abstract illustration: a dark grid of windows at night, some of them lit in warm yellow.": (
        "Абстрактная иллюстрация: тёмная сетка окон ночью, некоторые светятся тёплым жёлтым светом."
    ),
    "Abstract illustration: a tiled pattern of quarter circles in muted blue, rust, sand and cream.": (
        "Абстрактная иллюстрация: узор из четвертей круга в приглушённых синих, ржавых, песочных и кремовых тонах."
    ),
    "Abstract illustration: a mosaic of triangles in sage green, sand, plum and slate.": (
        "Абстрактная иллюстрация: мозаика из треугольников шалфейного, песочного, сливового и серо-синего цвета."
    ),
    "Abstract illustration: many thin lines converging towards a small red sun on the horizon.": (
        "Абстрактная иллюстрация: множество тонких линий сходится к маленькому красному солнцу на горизонте."
    ),
}


# The same descriptions for the stories written in Ukrainian and German (content_uk_de).
ALT_UK = {
    "Abstract illustration: broad diagonal stripes in slate blue, ochre and terracotta on a cream background.": (
        "Абстрактна ілюстрація: широкі діагональні смуги сіро-синього, вохристого й теракотового кольору "
        "на кремовому тлі."
    ),
    "Abstract illustration: a pale sun rising behind horizontal bands of sage green, blue and slate.": (
        "Абстрактна ілюстрація: бліде сонце сходить за горизонтальними смугами шавлієво-зеленого, синього "
        "й сіро-синього кольору."
    ),
    "Abstract illustration: three large overlapping circles in dusty blue, terracotta and ochre.": (
        "Абстрактна ілюстрація: три великі кола, що перетинаються, — приглушено-синє, теракотове й вохристе."
    ),
    "Abstract illustration: a dark grid of windows at night, some of them lit in warm yellow.": (
        "Абстрактна ілюстрація: темна сітка вікон уночі, деякі світяться теплим жовтим світлом."
    ),
    "Abstract illustration: a tiled pattern of quarter circles in muted blue, rust, sand and cream.": (
        "Абстрактна ілюстрація: візерунок із чвертей кола в приглушених синіх, іржавих, піщаних і кремових тонах."
    ),
    "Abstract illustration: a mosaic of triangles in sage green, sand, plum and slate.": (
        "Абстрактна ілюстрація: мозаїка з трикутників шавлієвого, піщаного, сливового й сіро-синього кольору."
    ),
    "Abstract illustration: many thin lines converging towards a small red sun on the horizon.": (
        "Абстрактна ілюстрація: багато тонких ліній сходяться до маленького червоного сонця на обрії."
    ),
}
ALT_DE = {
    "Abstract illustration: broad diagonal stripes in slate blue, ochre and terracotta on a cream background.": (
        "Abstrakte Illustration: breite diagonale Streifen in Schieferblau, Ocker und Terrakotta auf cremefarbenem "
        "Grund."
    ),
    "Abstract illustration: a pale sun rising behind horizontal bands of sage green, blue and slate.": (
        "Abstrakte Illustration: eine blasse Sonne geht hinter waagerechten Bändern in Salbeigrün, Blau und "
        "Schiefergrau auf."
    ),
    "Abstract illustration: three large overlapping circles in dusty blue, terracotta and ochre.": (
        "Abstrakte Illustration: drei große, sich überlappende Kreise in Taubenblau, Terrakotta und Ocker."
    ),
    "Abstract illustration: a dark grid of windows at night, some of them lit in warm yellow.": (
        "Abstrakte Illustration: ein dunkles Raster von Fenstern bei Nacht, einige davon warm gelb erleuchtet."
    ),
    "Abstract illustration: a tiled pattern of quarter circles in muted blue, rust, sand and cream.": (
        "Abstrakte Illustration: ein Kachelmuster aus Viertelkreisen in gedämpftem Blau, Rost, Sand und Creme."
    ),
    "Abstract illustration: a mosaic of triangles in sage green, sand, plum and slate.": (
        "Abstrakte Illustration: ein Mosaik aus Dreiecken in Salbeigrün, Sand, Pflaume und Schiefergrau."
    ),
    "Abstract illustration: many thin lines converging towards a small red sun on the horizon.": (
        "Abstrakte Illustration: viele dünne Linien laufen auf eine kleine rote Sonne am Horizont zu."
    ),
}
ALT = {"ru": ALT_RU, "uk": ALT_UK, "de": ALT_DE}


def alt_text(image: AbstractImage, language: str) -> str:
    """The image's description in the story's language; for English, the library's own."""
    return ALT[language][image.description] if language in ALT else image.description


def _mirrored(paint: Paint) -> Paint:
    def paint_mirrored(canvas: PILImage.Image, rng: random.Random) -> None:
        paint(canvas, rng)
        canvas.paste(ImageOps.mirror(canvas))

    return paint_mirrored


def variations(images: Iterable[DemoImage]) -> tuple[DemoImage, ...]:
    """Two variations of each drawing, all first variations first, in the drawings' order.

    A variation's key seeds another arrangement; the second is also mirrored, which its English
    description (that of the drawing) still fits.
    """
    images = tuple(images)
    return tuple(
        dataclasses.replace(
            image,
            key=f"{image.key}-{number}",
            title=f"{image.title} ({name})",
            paint=_mirrored(image.paint) if number == 2 else image.paint,
        )
        for number, name in enumerate(VARIATIONS, start=1)
        for image in images
    )


def lead_image_keys(stories: Iterable[DemoStory], images: Iterable[DemoImage]) -> dict[str, str]:
    """The lead image of each story (by its first slug): the variations in turn, newest story first.

    The stories of any one language are a part of this order with small gaps, so neighbouring
    cards of a list show different drawings (seven apart at least before a drawing comes back).
    """
    keys = [image.key for image in variations(images)]
    ordered = sorted(stories, key=lambda spec: spec.days_ago)
    told = [(key, spec) for spec in ordered if (key := story_key(spec))]
    return {key: keys[number % len(keys)] for number, (key, _spec) in enumerate(told)}


def drawing_of(key: str) -> str:
    """The drawing an image key is of: "stripes-2" is of "stripes"."""
    return key.split("-")[0]


def story_key(spec: DemoStory) -> str | None:
    """The key of a story told in English or Russian (its first slug); None for one written in another language."""
    text = spec.en or spec.ru
    return text.slug if text else None


def lead_image_fields(image: AbstractImage, *, language: str) -> dict[str, Any]:
    """The lead image of a story and its words in the story's language (English reads the library's)."""
    return {
        "lead_image": image,
        "lead_image_alt": alt_text(image, language) if language in ALT else "",
        "lead_image_credit": CREDIT[language],
    }


def figure_value(image: AbstractImage, *, caption: str, language: str) -> dict[str, Any]:
    """The value of a body image block: the image, its alternative text in the story's language, caption, credit."""
    return {
        "image": {"image": image.pk, "alt_text": alt_text(image, language), "decorative": False},
        "caption": caption,
        "credit": CREDIT[language],
    }
