"""What the home page gathers from the features: the latest stories, countries, the story index."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from solidarity.core.languages import LanguageVersions
from solidarity.stories import queries as stories

if TYPE_CHECKING:
    from wagtail.models import Page

    from solidarity.home.models import HomePage
    from solidarity.stories.models import StoryPage

LATEST_STORIES = 7


def home_page_context(home: HomePage, versions: LanguageVersions) -> dict[str, Any]:
    """The current campaign's page, and the latest stories of the home page's language (or of every
    language while it has none) without that page: the campaign banner already leads to it."""
    highlight = home.live_highlight_page() if home.highlight_title else None
    own = stories.latest_stories(locale=home.locale, limit=LATEST_STORIES + 1)
    everywhere = [] if own else stories.latest_stories(locale=None, limit=LATEST_STORIES + 1)
    return {
        "highlight_page": highlight,
        "has_stories": bool(own),
        "latest_stories": without_page(own, highlight)[:LATEST_STORIES],
        # A language without stories of its own yet still gives readers the latest of every language.
        "latest_in_all_languages": without_page(everywhere, highlight)[:LATEST_STORIES],
        "other_languages": [] if own else versions.elsewhere(stories.story_counts_by_language()),
        "story_index": stories.story_index_for(home.locale),
        "countries_with_stories": stories.countries_with_most_stories(locale=home.locale, limit=12),
    }


def without_page(pages: list[StoryPage], page: Page | None) -> list[StoryPage]:
    """The pages other than ``page`` (a page is shown once on the home page)."""
    return [each for each in pages if page is None or each.pk != page.pk]
