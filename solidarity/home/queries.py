"""What the home page gathers from the features: the latest stories, countries, the story index."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from solidarity.core.languages import LanguageVersions
from solidarity.stories import queries as stories

if TYPE_CHECKING:
    from solidarity.home.models import HomePage


def home_page_context(home: HomePage, versions: LanguageVersions) -> dict[str, Any]:
    """The latest stories of the home page's language, or of every language while it has none."""
    latest = stories.latest_stories(locale=home.locale, limit=7)
    return {
        "latest_stories": latest,
        # A language without stories of its own yet still gives readers the latest of every language.
        "latest_in_all_languages": [] if latest else stories.latest_stories(locale=None, limit=7),
        "other_languages": [] if latest else versions.elsewhere(stories.story_counts_by_language()),
        "story_index": stories.story_index_for(home.locale),
        "countries_with_stories": stories.countries_with_most_stories(locale=home.locale, limit=12),
    }
