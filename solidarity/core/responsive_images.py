"""Images on public pages: one rule for every ``<img>``, the renditions it asks for, and Save-Data.

Every image of a public page is written by :func:`picture` (the ``{% responsive_image %}`` tag of
``core/templatetags/pictures.py``): a ``<picture>`` with AVIF and WebP sources and a JPEG (or, for
logos, PNG) ``<img>`` fallback, each at the widths of its :class:`ImageSize`, with the ``sizes``
the layout gives it in ``static/css/site.css``, ``width`` and ``height`` (no layout shift), and
``loading="lazy" decoding="async"`` unless it is on the first screen (a story's lead image:
``fetchpriority="high"``).

``SIZES`` is the one list of rendition specs: the templates name a size, and the background task
:func:`renditions_make` makes the same specs when a page is published or an image uploaded, so the
first reader of a new story does not wait for them (``renditions_enqueue_for_page``).

Data saver: a request with ``Save-Data: on`` (phones in data-saving mode) gets no decorative image
(empty ``alt``) and no ``optional`` one (a lead image below the first screen); the text and the
alternative text of the images kept stay. :func:`wants_less_data` reads the header (for templates,
the ``SAVE_DATA`` flag of the ``site`` context processor); ``SaveDataMiddleware`` adds
``Vary: Save-Data`` to every page, so caches keep both variants.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.forms.utils import flatatt
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.shortcuts import get_renditions_or_not_found

from solidarity.core.previews import PREVIEW_FILTER

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse
    from wagtail.images.models import AbstractImage, AbstractRendition
    from wagtail.models import Page

logger = logging.getLogger(__name__)

SAVE_DATA_HEADER = "Save-Data"
PHOTO_FORMATS = ("avif", "webp", "jpeg")  # best first; the last is the <img> every browser reads
LOGO_FORMATS = ("avif", "webp", "png")  # logos keep their transparency
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


@dataclass(frozen=True)
class ImageSize:
    """How one kind of image is cut and at which widths: ``fill`` (cropped to ``ratio``), ``width`` or ``max``.

    ``sizes`` is how wide the layout shows it (the ``sizes`` attribute): the browser picks the
    width it needs for its screen and pixel density.
    """

    resize: str
    widths: tuple[int, ...]
    sizes: str
    ratio: tuple[int, int] = (16, 9)
    formats: tuple[str, ...] = PHOTO_FORMATS

    def operation(self, width: int) -> str:
        if self.resize == "width":
            return f"width-{width}"
        return f"{self.resize}-{width}x{width * self.ratio[1] // self.ratio[0]}"

    def spec(self, width: int, image_format: str) -> str:
        return f"{self.operation(width)}|format-{image_format}"

    def specs(self) -> list[str]:
        return [self.spec(width, image_format) for image_format in self.formats for width in self.widths]


# The page is at most 72rem wide with 1.25rem on each side (.wrap): 69.5rem of content.
CARD_WIDTHS = (360, 480, 720)
SIZES: dict[str, ImageSize] = {
    # A story's or campaign's lead image: the whole width of the page.
    "lead": ImageSize("width", (360, 720, 1200), "(min-width: 72rem) 69.5rem, calc(100vw - 2.5rem)"),
    # A card in a .story-grid: one column on a phone, two from 38rem, three from 56.5rem.
    "card": ImageSize(
        "fill",
        CARD_WIDTHS,
        "(min-width: 72rem) 22.5rem, (min-width: 56.5rem) calc(33.3vw - 1.8rem), "
        "(min-width: 38rem) calc(50vw - 2rem), calc(100vw - 2.5rem)",
    ),
    # The first card of the home page: the whole width, then three fifths of it from 48rem.
    "card_featured": ImageSize(
        "fill",
        (360, 720, 960),
        "(min-width: 72rem) 41rem, (min-width: 48rem) calc(60vw - 2.6rem), calc(100vw - 2.5rem)",
    ),
    # A campaign in the campaigns' list: an 18rem column from 45rem.
    "campaign_card": ImageSize("fill", CARD_WIDTHS, "(min-width: 45rem) 18rem, calc(100vw - 2.5rem)"),
    # An image in a story's text (.prose: at most 42rem wide).
    "figure": ImageSize("width", (360, 720, 960), "(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)"),
    # A member organisation's logo: at most 5rem wide.
    "logo": ImageSize("max", (80, 160, 240), "5rem", ratio=(2, 1), formats=LOGO_FORMATS),
}

# What is made in the background for each use of an image (the preview for link previews too).
LEAD_IMAGE_SIZES = ("lead", "card", "card_featured", "campaign_card")
BODY_IMAGE_SIZES = ("figure",)
UPLOAD_SIZES = ("lead", "card")  # a new image is most often a story's lead image
PAGE_LEAD_EXTRA_SPECS = (PREVIEW_FILTER,)


def specs_of(size_names: Iterable[str]) -> list[str]:
    """The rendition specs of some sizes, each once, in order."""
    return list(dict.fromkeys(spec for name in size_names for spec in SIZES[name].specs()))


def avif_encoded_at_speed(speed: int) -> None:
    """AVIF renditions encoded at this libavif speed (Pillow's default, 6, takes about five times as long as 8).

    Wagtail (through Willow) passes only the quality; Pillow reads the speed from the save call's
    options, so its AVIF writer is wrapped to add it. 8 makes files at most a few per cent larger.
    """
    from PIL import AvifImagePlugin
    from PIL import Image as PILImage

    def save(image: PILImage.Image, file: Any, filename: str | bytes, save_all: bool = False) -> None:
        image.encoderinfo.setdefault("speed", speed)
        AvifImagePlugin._save(image, file, filename, save_all)

    PILImage.register_save(AvifImagePlugin.AvifImageFile.format, save)


# ---------------------------------------------------------------------------------------------
# Save-Data
# ---------------------------------------------------------------------------------------------


def wants_less_data(request: HttpRequest | None) -> bool:
    """True when the browser asks for light pages (``Save-Data: on``, a phone's data saver)."""
    if request is None:
        return False
    return request.headers.get(SAVE_DATA_HEADER, "").strip().lower() == "on"


class SaveDataMiddleware:
    """Public pages vary by ``Save-Data``: caches keep the page with its images and the light one apart."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, (SAVE_DATA_HEADER,))
        return response


# ---------------------------------------------------------------------------------------------
# The <picture>
# ---------------------------------------------------------------------------------------------


def image_alt(image: AbstractImage) -> str:
    """The alternative text Wagtail would give: "" when decorative, the block's own, else the library's."""
    if getattr(image, "decorative", False):
        return ""
    return getattr(image, "contextual_alt_text", None) or image.default_alt_text


def is_shown(*, save_data: bool, alt: str, optional: bool) -> bool:
    """Whether an image is in the page: with Save-Data, decorative and optional images are left out."""
    return not (save_data and (alt == "" or optional))


def _srcset(renditions: list[AbstractRendition]) -> str:
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)


def _by_width(renditions: Iterable[AbstractRendition]) -> list[AbstractRendition]:
    """Narrowest first, one per width: a small original gives the same width for several specs."""
    distinct = {rendition.width: rendition for rendition in renditions}
    return [distinct[width] for width in sorted(distinct)]


def picture(
    image: AbstractImage,
    size_name: str,
    *,
    alt: str | None = None,
    css_class: str = "",
    first_screen: bool = False,
    optional: bool = False,
    save_data: bool = False,
) -> SafeString:
    """The ``<picture>`` of an image at one of ``SIZES`` (or "" when Save-Data leaves it out).

    ``alt``: the text that stands for it (None: the image's own, ``image_alt``; "" when decorative).
    ``first_screen``: loaded at once with high priority (a story's lead image), else lazily.
    ``optional``: left out under Save-Data even with an alternative text (a lead image further down).
    """
    alt = image_alt(image) if alt is None else alt
    if not is_shown(save_data=save_data, alt=alt, optional=optional):
        return mark_safe("")
    size = SIZES[size_name]
    renditions = get_renditions_or_not_found(image, size.specs())
    by_format = {
        image_format: _by_width(renditions[size.spec(width, image_format)] for width in size.widths)
        for image_format in size.formats
    }
    *source_formats, fallback_format = size.formats
    fallback = by_format[fallback_format]
    largest = fallback[-1]
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        ((MIME_TYPES[image_format], _srcset(by_format[image_format]), size.sizes) for image_format in source_formats),
    )
    attributes: dict[str, Any] = {
        "src": fallback[0].url,
        "srcset": _srcset(fallback),
        "sizes": size.sizes,
        "width": largest.width,
        "height": largest.height,
        "alt": alt,
        "class": css_class or None,
    }
    if first_screen:
        attributes["fetchpriority"] = "high"
    else:
        attributes.update(loading="lazy", decoding="async")
    return format_html("<picture>{}<img{}></picture>", sources, flatatt(attributes))


# ---------------------------------------------------------------------------------------------
# Renditions made in the background
# ---------------------------------------------------------------------------------------------


def renditions_make(image_id: int, specs: list[str]) -> int:
    """Make the image's renditions of these specs that do not exist yet; how many specs it has now (0: no image)."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    return len(get_renditions_or_not_found(image, specs))


@task()
def make_renditions(image_id: int, specs: list[str]) -> int:
    """The background task: :func:`renditions_make`."""
    return renditions_make(image_id, specs)


def renditions_enqueue(image_id: int, specs: list[str]) -> None:
    """Have the image's renditions of these specs made by the worker, once the transaction is committed."""
    transaction.on_commit(lambda: make_renditions.enqueue(image_id, specs))


def page_images(page: Page) -> dict[int, list[str]]:
    """The renditions a page's templates will ask for, by image id: its lead image's, and its body images'."""
    wanted: dict[int, list[str]] = {}
    lead = getattr(page, "lead_image", None)
    if lead is not None:
        wanted[lead.pk] = [*specs_of(LEAD_IMAGE_SIZES), *PAGE_LEAD_EXTRA_SPECS]
    for image in _stream_images(getattr(page, "body", None) or ()):
        wanted.setdefault(image.pk, [])
        wanted[image.pk] = list(dict.fromkeys([*wanted[image.pk], *specs_of(BODY_IMAGE_SIZES)]))
    return wanted


def _stream_images(stream: Iterable[Any]) -> Iterable[AbstractImage]:
    """The images of a StreamField's blocks, and of the fields of its struct blocks."""
    image_model = get_image_model()
    for block in stream:
        value: Any = getattr(block, "value", None)
        values = list(value.values()) if isinstance(value, dict) else [value]
        for item in values:
            if isinstance(item, image_model):
                yield item


def renditions_enqueue_for_page(sender: Any = None, instance: Page | None = None, **kwargs: Any) -> None:
    """``page_published`` receiver: the renditions of the page's images are made in the background."""
    if instance is None:
        return
    page = instance.specific
    for image_id, specs in page_images(page).items():
        renditions_enqueue(image_id, specs)


def renditions_enqueue_for_upload(
    sender: Any = None, instance: Any = None, created: bool = False, **kwargs: Any
) -> None:
    """``post_save`` receiver of the image model: a new image's usual renditions are made in the background."""
    if created and not kwargs.get("raw") and instance is not None:
        renditions_enqueue(instance.pk, specs_of(UPLOAD_SIZES))
