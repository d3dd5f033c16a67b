"""``{% responsive_image image "card" alt="" %}``: every image of a public page (core/responsive_images.py)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from solidarity.core.responsive_images import picture

register = template.Library()


@register.simple_tag(takes_context=True)
def responsive_image(
    context: template.Context,
    image: Any,
    size: str,
    *,
    alt: str | None = None,
    css_class: str = "",
    first_screen: bool = False,
    optional: bool = False,
) -> SafeString:
    """The image at one of ``responsive_images.SIZES``; nothing without an image or when Save-Data leaves it out.

    The request's data saver (``Save-Data: on``) is read from the ``SAVE_DATA`` context flag.
    """
    if not image:
        return mark_safe("")
    return picture(
        image,
        size,
        alt=alt,
        css_class=css_class,
        first_screen=first_screen,
        optional=optional,
        save_data=bool(context.get("SAVE_DATA")),
    )
