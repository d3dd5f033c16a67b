"""Reads of the newsletter's admin: how many confirmed subscribers each language has (counts only: the admin shows
no subscriber's address anywhere)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count

from solidarity.core.languages import language_name
from solidarity.newsletter.models import Subscriber


@dataclass(frozen=True)
class LanguageCount:
    code: str
    name: str
    count: int


def subscribers_per_language() -> list[LanguageCount]:
    """Confirmed subscribers per language of the site, in the site's order (a language with none: 0)."""
    counts = dict(
        Subscriber.objects.confirmed()
        .order_by()
        .values("language")
        .annotate(count=Count("pk"))
        .values_list("language", "count")
    )
    return [LanguageCount(code, language_name(code), counts.get(code, 0)) for code, _name in settings.LANGUAGES]
