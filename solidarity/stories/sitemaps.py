"""The stories' section of the sitemap (``core.sitemaps``): the list of countries and each country's page.

A country is listed when it has a visible story in any language (its page then exists in every language);
each language's page is dated by its newest story in that language, else by its newest in any.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from solidarity.core.models import Country
from solidarity.core.sitemaps import Entry, every_language
from solidarity.stories import queries


def _dates(latest: dict[str, Any]) -> Any:
    newest = max((date for date in latest.values() if date is not None), default=None)

    def lastmod(code: str) -> datetime.datetime | None:
        return latest.get(code) or newest

    return lastmod


def country_entries(request: HttpRequest) -> list[Entry]:
    """The list of countries and the page of each country with a visible story, in every language (one query)."""
    by_country: dict[str, dict[str, Any]] = {}
    for (code, language), date in queries.latest_story_by_country().items():
        by_country.setdefault(code, {})[language] = date
    everywhere: dict[str, Any] = {}
    for dates in by_country.values():
        for language, date in dates.items():
            if date is not None and (everywhere.get(language) is None or date > everywhere[language]):
                everywhere[language] = date
    with translation.override(settings.LANGUAGE_CODE):
        entries = every_language(reverse("country_list"), _dates(everywhere))
        for code in sorted(by_country):
            path = reverse("country_detail", args=[Country(code=code).slug])
            entries.extend(every_language(path, _dates(by_country[code])))
    return entries
