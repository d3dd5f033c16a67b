"""Template tags every public page uses: language links, share links, previews and page numbers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django import template
from django.template import Context
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from wagtail.models import Page

from solidarity.core import extras as page_extras
from solidarity.core import languages, previews, sharing
from solidarity.core.languages import LanguageVersions
from solidarity.core.pagination import page_numbers

if TYPE_CHECKING:
    from django.core.paginator import Page as PaginatorPage
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage, AbstractRendition

    from solidarity.core.models import Country

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context: Context) -> LanguageVersions:
    """The page in every language, as its page or view put it in ``languages`` (see core/languages.py).

    A template rendered without it (nothing of ours should be) gets the error pages' links: each
    language's home page, nothing for search engines to index.
    """
    versions = context.get("languages")
    return versions if isinstance(versions, LanguageVersions) else languages.for_error_page()


@register.simple_tag(takes_context=True)
def absolute_url(context: Context, page: Page) -> str:
    """The page's address on the host the reader used (checked against ALLOWED_HOSTS)."""
    return absolute(context, page.get_url(context["request"]))


@register.simple_tag(takes_context=True)
def absolute(context: Context, url: str) -> str:
    """An address made absolute on the host the reader used; one that already is stays as it is."""
    return context["request"].build_absolute_uri(url)


@register.simple_tag
def share_links(url: str, title: str) -> list[sharing.ShareLink]:
    """Plain links to share an absolute address (core/sharing.py); nothing loads from these services."""
    return sharing.share_links(url, title, mastodon_page=sharing.mastodon_page_url())


@register.filter
def json_ld(data: dict | None) -> str:
    """Structured data as a ``<script type="application/ld+json">`` block (core/previews.py), or nothing."""
    return previews.json_ld(data) if data else ""


@register.filter
def og_locale(language_code: str) -> str:
    return previews.og_locale(language_code)


@register.simple_tag
def preview_rendition(image: AbstractImage) -> AbstractRendition:
    """The image at the size link previews use (1200×630 JPEG, core/previews.py)."""
    return previews.preview_rendition(image)


@register.filter
def filesize_of(document: AbstractDocument) -> int:
    """The size of a document's file in bytes, or 0 when the file is missing."""
    try:
        return document.file.size
    except (OSError, ValueError):
        return 0


@register.filter
def country_names(countries: Iterable[Country]) -> str:
    """Country names in the visitor's language as one phrase: "Belarus and Russia"."""
    return get_text_list([country.name for country in countries], _("and"))


@register.filter
def website_host(url: str) -> str:
    """A website's address as readers recognise it: ``https://www.example.org/en/`` → ``example.org``."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


@register.simple_tag
def page_links(items: PaginatorPage) -> list[int | None]:
    """The page numbers a list's pagination links (None for an ellipsis); see core/pagination.py."""
    return page_numbers(items.number, items.paginator.num_pages)


@register.simple_tag(takes_context=True)
def extras(context: Context, slot: str, **values: object) -> str:
    """What other apps add to this ``slot`` of the page (``core.extras``), rendered with the page's context."""
    engine = context.template.engine if context.template is not None else None
    if engine is None:
        return ""
    with context.push(**values):
        return mark_safe("".join(engine.get_template(name).render(context) for name in page_extras.templates(slot)))
