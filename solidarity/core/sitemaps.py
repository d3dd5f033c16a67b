"""The sitemap: every address readers may see, in every language, with the translations each one has.

``/sitemap.xml`` is an index of sections, one ``/sitemap-<name>.xml`` each (Django's sitemaps, paginated
past ``SECTION_LIMIT`` addresses). Core gives the ``pages`` section: every Wagtail page a reader may see
(``core.visibility``: published, behind no view restriction) on the site the request reached. A feature
app adds the addresses of its own views from its ``AppConfig.ready()`` (``sitemaps.register("countries",
country_entries)``), as ``core.extras`` and ``core.retention`` do: core never imports a feature app.

A page that lists others (the home page, the list of stories) changes when what it lists does: its app registers
its page type with the dates of what it lists by language (``sitemaps.register_listing(StoryIndexPage,
latest_story_by_language)``), and the page is dated by the newer of those and its own last edit.

A section is a function of the request that returns :class:`Entry` items: a site-relative path, when it
last changed, and its alternates, the same ``hreflang`` links the page's own ``<head>`` gives
(``core.languages``) with ``x-default`` when the default language has it. Each section reads its rows in a
few queries, however many pages there are. Drafts, private pages, private links, search results and
thank-you pages are no page of any section.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.encoding import iri_to_uri
from django.utils.functional import cached_property
from wagtail.models import Page, Site

from solidarity.core.languages import language_order
from solidarity.core.visibility import visible_pages

# Addresses per section file; Google reads up to 50,000, smaller files are quicker to build and fetch.
SECTION_LIMIT = 5000


@dataclass(frozen=True)
class Entry:
    """One address of the sitemap: ``path`` on the site, when it last changed, and its versions by language.

    ``alternates`` are ``(language code, path)`` pairs, this address's own among them (as the page's own
    ``hreflang`` links are); an empty tuple gives none.
    """

    path: str
    lastmod: datetime.datetime | None = None
    alternates: Sequence[tuple[str, str]] = field(default_factory=tuple)


Section = Callable[[HttpRequest], Iterable[Entry]]


# When what a listing page lists last changed, by language code (a language with nothing listed may be left out).
ListingDates = Callable[[], Mapping[str, datetime.datetime | None]]


def register_listing(model: type[Page], dates: ListingDates) -> None:
    """Date the pages of ``model`` (that exact type) by what they list, in their language: ``dates`` is read once
    per sitemap (one query, however many such pages)."""
    _listings[model] = dates


def register(name: str, section: Section) -> None:
    """Add (or, under the same name, replace) a section: ``/sitemap-<name>.xml``."""
    _sections[name] = section


def sections() -> dict[str, Section]:
    """Every section: core's pages first, then in the order the apps registered theirs."""
    return dict(_sections)


def with_default(alternates: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The alternates in the site's language order, and ``x-default`` (the default language's) when there is one."""
    ordered = sorted(alternates, key=lambda pair: language_order(pair[0]))
    default = [("x-default", path) for code, path in ordered if code == settings.LANGUAGE_CODE]
    return (*ordered, *default)


def every_language(path: str, lastmod: Callable[[str], datetime.datetime | None]) -> list[Entry]:
    """A view that has the same address under each language's prefix (a country's page): one entry a language.

    Like its page's ``hreflang`` (``core.languages.for_view``), it counts in the languages whose interface is
    translated (``SOLIDARITY_READY_LANGUAGES``). ``path`` is the address in any language; ``lastmod`` gives
    its date by language code.
    """
    codes = [code for code, _name in settings.LANGUAGES if code in settings.SOLIDARITY_READY_LANGUAGES]
    paths = {code: translate_url(path, code) for code in codes}
    alternates = with_default(paths.items())
    return [Entry(paths[code], lastmod(code), alternates) for code in codes]


def request_site(request: HttpRequest) -> Site | None:
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


def site_paths(request: HttpRequest, pages: Iterable[Page]) -> dict[int, str]:
    """The path of each page that the site the request reached serves (in its language's tree), by page id.

    Read from Wagtail's cached site root paths: no query per page.
    """
    site = request_site(request)
    paths: dict[int, str] = {}
    if site is None:
        return paths
    for page in pages:
        parts = page.get_url_parts(request)
        if parts is not None and parts[0] == site.pk and parts[2] is not None:
            paths[page.pk] = iri_to_uri(parts[2])
    return paths


def translations_by_key(pages: Iterable[Page], paths: dict[int, str]) -> dict[Any, list[tuple[str, str]]]:
    """The ``(language code, path)`` of each listed page, by ``translation_key``: its visible translations."""
    versions: defaultdict[Any, list[tuple[str, str]]] = defaultdict(list)
    for page in pages:
        if page.pk in paths:
            versions[page.translation_key].append((page.locale.language_code, paths[page.pk]))
    return versions


def page_lastmod(page: Page) -> datetime.datetime | None:
    return page.last_published_at or page.latest_revision_created_at


def newest(*dates: datetime.datetime | None) -> datetime.datetime | None:
    return max((date for date in dates if date is not None), default=None)


def listing_dates(pages: Iterable[Page]) -> dict[int, datetime.datetime | None]:
    """When what each listing page among ``pages`` lists last changed, by page id (one read per listing type)."""
    types = {
        ContentType.objects.get_for_model(model, for_concrete_model=False).pk: dates
        for model, dates in _listings.items()
    }
    read: dict[ListingDates, Mapping[str, datetime.datetime | None]] = {}
    found: dict[int, datetime.datetime | None] = {}
    for page in pages:
        dates = types.get(page.content_type_id)
        if dates is None:
            continue
        if dates not in read:
            read[dates] = dates()
        found[page.pk] = read[dates].get(page.locale.language_code)
    return found


def page_entries(request: HttpRequest) -> list[Entry]:
    """Every page a reader may see on this site, in every language, with its visible translations (one query, and
    one per listing type registered)."""
    pages = list(visible_pages().filter(depth__gt=1).select_related("locale").order_by("path"))
    paths = site_paths(request, pages)
    versions = translations_by_key(pages, paths)
    listed = listing_dates(pages)
    return [
        Entry(
            paths[page.pk],
            newest(page_lastmod(page), listed.get(page.pk)),
            with_default(versions[page.translation_key]),
        )
        for page in pages
        if page.pk in paths
    ]


_sections: dict[str, Section] = {"pages": page_entries}
_listings: dict[type[Page], ListingDates] = {}


class SectionSitemap(Sitemap):
    """Django's sitemap of one section's entries, with their alternates, on the host the request reached."""

    limit = SECTION_LIMIT

    def __init__(self, section: Section, request: HttpRequest) -> None:
        self.section = section
        self.request = request

    @cached_property
    def entries(self) -> list[Entry]:
        return list(self.section(self.request))

    def items(self) -> list[Entry]:
        return self.entries

    def location(self, item: Entry) -> str:
        return item.path

    def lastmod(self, item: Entry) -> datetime.datetime | None:
        return item.lastmod

    def get_urls(self, page: int | str = 1, site: Any = None, protocol: str | None = None) -> list[dict[str, Any]]:
        urls: list[dict[str, Any]] = super().get_urls(page=page, site=site, protocol=protocol)
        root = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            entry: Entry = url["item"]
            url["alternates"] = [{"lang_code": code, "location": root + path} for code, path in entry.alternates]
        return urls


def section_sitemaps(request: HttpRequest) -> dict[str, type[Sitemap] | Sitemap]:
    return {name: SectionSitemap(section, request) for name, section in sections().items()}
