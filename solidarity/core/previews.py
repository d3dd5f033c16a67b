"""What other sites show of a page: the preview image, Open Graph locales and structured data (JSON-LD).

The meta tags themselves are written by one include, ``core/_meta.html``; the JSON-LD by the
``json_ld`` tag. Pages give the data: stories and public calls a ``NewsArticle``
(:func:`news_article`), activities an ``Event`` (:func:`event`), a campaign its day of action as an ``Event``
of whole days held wherever its activities are (:func:`day_of_action`).
"""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import to_locale

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.images.models import AbstractImage, AbstractRendition

# The size social networks show a link's picture at (Facebook, X, Telegram, Mastodon: 1.91:1).
PREVIEW_FILTER = "fill-1200x630|format-jpeg"
PREVIEW_WIDTH, PREVIEW_HEIGHT = 1200, 630

# Open Graph wants a territory; the one where most readers of each language live.
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU", "uk": "uk_UA", "be": "be_BY", "de": "de_DE", "fr": "fr_FR"}

# What json_script escapes: nothing in the data can close the script element or start a comment.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def og_locale(language_code: str) -> str:
    """``ru`` → ``ru_RU``: the Open Graph form of a language code."""
    return OG_LOCALES.get(language_code) or to_locale(language_code)


def preview_rendition(image: AbstractImage) -> AbstractRendition:
    """The image at the preview size, made once and kept (Wagtail's renditions)."""
    return image.get_rendition(PREVIEW_FILTER)


def preview_image_url(request: HttpRequest, image: AbstractImage | None) -> str:
    """The absolute address of the image's preview rendition, or "" without an image."""
    if image is None:
        return ""
    return request.build_absolute_uri(preview_rendition(image).url)


def json_ld(data: dict[str, Any]) -> SafeString:
    """A ``<script type="application/ld+json">`` data block; browsers do not run it, so the CSP allows it.

    Escaped like Django's ``json_script``: ``<``, ``>`` and ``&`` as ``\\u003C`` …
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def organization(name: str, url: str = "") -> dict[str, Any]:
    return _without_empty({"@type": "Organization", "name": name, "url": url})


def news_article(
    *,
    headline: str,
    description: str,
    url: str,
    language: str,
    published: datetime.date | datetime.datetime,
    modified: datetime.datetime | None,
    image_url: str,
    authors: list[dict[str, Any]],
    publisher: dict[str, Any],
) -> dict[str, Any]:
    """A schema.org ``NewsArticle``."""
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": headline[:110],
            "description": description,
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": language,
            "datePublished": published.isoformat(),
            "dateModified": modified.isoformat() if modified else None,
            "image": [image_url] if image_url else [],
            "author": authors,
            "publisher": publisher,
        }
    )


ONLINE = "https://schema.org/OnlineEventAttendanceMode"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
MIXED = "https://schema.org/MixedEventAttendanceMode"


def postal_place(*, name: str = "", street: str = "", city: str = "", country: str = "") -> dict[str, Any]:
    """A schema.org ``Place`` with its postal address (``country`` as its ISO code)."""
    address = _without_empty(
        {"@type": "PostalAddress", "streetAddress": street, "addressLocality": city, "addressCountry": country}
    )
    return _without_empty({"@type": "Place", "name": name, "address": address})


def virtual_location(url: str) -> dict[str, Any]:
    return {"@type": "VirtualLocation", "url": url}


def event(
    *,
    name: str,
    description: str,
    url: str,
    language: str,
    start: datetime.datetime,
    end: datetime.datetime,
    online_url: str,
    place: dict[str, str],
    organizer: dict[str, Any] | None,
    image_url: str = "",
) -> dict[str, Any]:
    """A schema.org ``Event``: online (with its link) or in a place; times with their own offset."""
    if online_url:
        mode, location = ONLINE, virtual_location(online_url)
    else:
        mode = OFFLINE
        location = postal_place(
            name=place.get("name", ""),
            street=place.get("street", ""),
            city=place.get("city", ""),
            country=place.get("country", ""),
        )
    return _event(
        name=name,
        description=description,
        url=url,
        language=language,
        start=start,
        end=end,
        mode=mode,
        location=location,
        organizer=organizer,
        image_url=image_url,
    )


def day_of_action(
    *,
    name: str,
    description: str,
    url: str,
    language: str,
    first_day: datetime.date,
    last_day: datetime.date,
    places: list[dict[str, Any]],
    online_url: str,
    organizer: dict[str, Any],
    image_url: str = "",
) -> dict[str, Any]:
    """A campaign's day (or days) of action as a schema.org ``Event`` of whole days.

    Held in ``places`` (:func:`postal_place`, one a country where its activities are) and, with ``online_url`` (where
    readers find the online activities), online too: offline, online or mixed as those say. Before any
    activity is known, an offline event with no location yet.
    """
    locations = [*places, virtual_location(online_url)] if online_url else places
    mode = (MIXED if places else ONLINE) if online_url else OFFLINE
    return _event(
        name=name,
        description=description,
        url=url,
        language=language,
        start=first_day,
        end=last_day,
        mode=mode,
        location=locations[0] if len(locations) == 1 else locations,
        organizer=organizer,
        image_url=image_url,
    )


def _event(
    *,
    name: str,
    description: str,
    url: str,
    language: str,
    start: datetime.date | datetime.datetime,
    end: datetime.date | datetime.datetime,
    mode: str,
    location: dict[str, Any] | list[dict[str, Any]],
    organizer: dict[str, Any] | None,
    image_url: str,
) -> dict[str, Any]:
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": name,
            "description": description,
            "url": url,
            "inLanguage": language,
            "startDate": start.isoformat(),
            "endDate": end.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": mode,
            "location": location,
            "organizer": organizer,
            "image": [image_url] if image_url else [],
        }
    )
