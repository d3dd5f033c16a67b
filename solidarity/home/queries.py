"""What the home page gathers from the features, the pages under a page, and each language's navigation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, override
from wagtail.models import Page

from solidarity.campaigns import queries as campaigns
from solidarity.core.languages import LanguageVersions, home_url
from solidarity.core.visibility import visible_pages
from solidarity.stories import queries as stories
from solidarity.stories.models import StoryIndexPage

if TYPE_CHECKING:
    from wagtail.models import Page

    from solidarity.home.models import HomePage

LATEST_STORIES = 7


def home_page_context(home: HomePage, versions: LanguageVersions) -> dict[str, Any]:
    """The current campaign of the home page's language (its live page on today or the next to come), and the
    latest stories of that language (or of every language while it has none)."""
    own = stories.latest_stories(locale=home.locale, limit=LATEST_STORIES)
    everywhere = [] if own else stories.latest_stories(locale=None, limit=LATEST_STORIES)
    return {
        "campaign": campaigns.campaign_box(home.locale),
        "has_stories": bool(own),
        "latest_stories": own,
        # A language without stories of its own yet still gives readers the latest of every language.
        "latest_in_all_languages": everywhere,
        "other_languages": [] if own else versions.elsewhere(stories.story_counts_by_language()),
        "story_index": stories.story_index_for(home.locale),
        "countries_with_stories": stories.countries_with_most_stories(locale=home.locale, limit=12),
    }


def subpages(page: Page) -> list[Page]:
    """The pages under a page that readers may see, in the order editors gave them."""
    return list(visible_pages().child_of(page).order_by("path"))


# ---------------------------------------------------------------------------------------------
# The header menu and the footer of each language
# ---------------------------------------------------------------------------------------------

# Kept this long in the cache of each app server. A change (the navigation saved, a page published,
# moved or deleted) clears it at once where it happens; with a cache per process (local memory)
# the other processes show it at the latest this much later. With Redis every process sees it at once.
NAVIGATION_CACHE_SECONDS = 300


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    # The language of the page it leads to, when that is not the language being read (a page
    # without a translation yet): the link says so with hreflang, and its label with lang when
    # the label is that page's title.
    hreflang: str = ""
    label_lang: str = ""


@dataclass(frozen=True)
class Navigation:
    menu: list[NavLink]
    configured: bool = False
    footer_links: list[NavLink] = field(default_factory=list)
    footer_text: str = ""
    postal_address: list[str] = field(default_factory=list)
    profiles: list[NavLink] = field(default_factory=list)


def navigation_cache_key(language_code: str) -> str:
    return f"home:navigation:{language_code}"


def site_navigation(language_code: str) -> Navigation:
    """The menu and footer of a language as readers see them: from the cache, or built and kept there.

    Built with two queries at most (the language's navigation, then every page it names with its
    translation into the language); the minimal menu when editors have configured none.
    """
    key = navigation_cache_key(language_code)
    navigation = cache.get(key)
    if navigation is None:
        with override(language_code):
            navigation = _navigation_built(language_code)
        cache.set(key, navigation, NAVIGATION_CACHE_SECONDS)
    return navigation


def navigation_forget() -> None:
    """Drop the cached navigation of every language (after a change to it or to a page it may name)."""
    cache.delete_many([navigation_cache_key(code) for code, _name in settings.LANGUAGES])


def minimal_navigation(language_code: str, *, story_index_url: str | None) -> Navigation:
    """Home, stories, countries and search: what a site shows before editors configure its menu."""
    links = [NavLink(gettext("Home"), home_url(language_code))]
    if story_index_url:
        links.append(NavLink(gettext("Stories"), story_index_url))
    links.append(NavLink(gettext("Countries"), reverse("country_list")))
    links.append(NavLink(gettext("Search"), reverse("search")))
    return Navigation(menu=links)


def _navigation_built(language_code: str) -> Navigation:
    from solidarity.home.models import SiteNavigation

    configured = SiteNavigation.objects.filter(locale__language_code=language_code).first()
    if configured is None:
        index = StoryIndexPage.objects.visible().filter(locale__language_code=language_code).first()
        return minimal_navigation(language_code, story_index_url=index.get_url() if index else None)

    menu_items = _raw_items(configured.menu)
    footer_items = _raw_items(configured.footer_links)
    page_ids = {item["page"] for item in [*menu_items, *footer_items] if item.get("page")}
    if configured.privacy_page_id:
        page_ids.add(configured.privacy_page_id)
    pages = _pages_in_language(page_ids, language_code)

    footer_links = _links(footer_items, pages, language_code)
    privacy = pages.get(configured.privacy_page_id) if configured.privacy_page_id else None
    if privacy is not None and all(link.url != privacy.get_url() for link in footer_links):
        footer_links.append(_page_link(privacy, "", language_code))
    return Navigation(
        menu=_links(menu_items, pages, language_code),
        configured=True,
        footer_links=footer_links,
        footer_text=configured.footer_text,
        postal_address=[line.strip() for line in configured.postal_address.splitlines() if line.strip()],
        profiles=[
            NavLink(block.value["label"], block.value["url"]) for block in configured.profiles if block.value["url"]
        ],
    )


def _raw_items(stream: Any) -> list[dict]:
    """The items of a menu as stored (page ids, not pages: they are all fetched together afterwards)."""
    return [dict(block.get("value") or {}) for block in stream.raw_data if block.get("type") == "item"]


def _pages_in_language(page_ids: set[int], language_code: str) -> dict[int, Page]:
    """For each page id, the visible page to link to: its translation in the language, else the page itself.

    Decision: a page without a translation in that language still appears, leading to the page in
    its own language (an editor put it in this menu); a page readers may not see does not appear.
    """
    if not page_ids:
        return {}
    keys = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    found = list(
        visible_pages()
        .filter(translation_key__in=set(keys.values()))
        .filter(Q(pk__in=page_ids) | Q(locale__language_code=language_code))
        .select_related("locale")
    )
    by_pk = {page.pk: page for page in found}
    in_language = {page.translation_key: page for page in found if page.locale.language_code == language_code}
    chosen = {}
    for pk, key in keys.items():
        page = in_language.get(key) or by_pk.get(pk)
        if page is not None:
            chosen[pk] = page
    return chosen


def _page_link(page: Page, label: str, language_code: str) -> NavLink:
    other = page.locale.language_code if page.locale.language_code != language_code else ""
    return NavLink(label or page.title, page.get_url(), hreflang=other, label_lang="" if label else other)


def _links(items: list[dict], pages: dict[int, Page], language_code: str) -> list[NavLink]:
    links = []
    for item in items:
        label = (item.get("label") or "").strip()
        if item.get("page"):
            page = pages.get(item["page"])
            if page is not None:
                links.append(_page_link(page, label, language_code))
        elif item.get("url") and label:
            links.append(NavLink(label, item["url"]))
    return links


def home_page_dates() -> dict[str, Any]:
    """When what each language's home page lists last changed (for the sitemap), by language code: its newest
    story, or, while it has none, the newest of every language (which it then shows)."""
    own = stories.latest_story_by_language()
    everywhere = max((date for date in own.values() if date is not None), default=None)
    return {code: own.get(code) or everywhere for code, _name in settings.LANGUAGES}
