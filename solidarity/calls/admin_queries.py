"""Reads of the public calls' admin: which calls there are (by title, in the editor's language, with their
counts), what waits for a check in a staff member's countries, and the rows of the CSV export.

Every read of signatures is cut to the user's countries through ``core.access``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from solidarity.calls import queries
from solidarity.calls.models import PublicCallPage, Review, Signature
from solidarity.core import access


def _language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _title_in(language: str) -> Subquery:
    pages = PublicCallPage.objects.filter(translation_key=OuterRef("call_key"), locale__language_code=language)
    return Subquery(pages.order_by("-live", "pk").values("title")[:1])


def with_call_title(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Each signature with ``call_title``: its call's title in the active language, else the default one's."""
    return queryset.annotate(call_title=Coalesce(_title_in(_language()), _title_in(settings.LANGUAGE_CODE)))


def call_titles() -> dict[str, str]:
    """Every call once: its key (as text) → its title in the active language, else the default language's."""
    language = _language()
    titles: dict[str, dict[str, str]] = {}
    pages = PublicCallPage.objects.order_by("-live", "pk").values_list(
        "translation_key", "locale__language_code", "title"
    )
    for key, code, title in pages:
        titles.setdefault(str(key), {}).setdefault(code, title)
    return {
        key: by_language.get(language) or by_language.get(settings.LANGUAGE_CODE) or next(iter(by_language.values()))
        for key, by_language in titles.items()
    }


def call_totals() -> dict[str, int]:
    """How many signatures count, per call (its key as text, as the filters name it)."""
    return {str(key): total for key, total in queries.call_totals().items()}


def call_choices() -> list[tuple[str, str]]:
    """Every call as (its key, its title), by title: what the listing's filter and the export offer."""
    return sorted(call_titles().items(), key=lambda choice: choice[1].casefold())


def call_choices_with_counts() -> list[tuple[str, str]]:
    """Every call as (its key, "its title (how many signatures count)"), by title."""
    totals = call_totals()
    return [(key, f"{title} ({totals.get(key, 0)})") for key, title in call_choices()]


def waiting_for_check(user: Any) -> QuerySet[Signature]:
    """The confirmed organisations' signatures of the user's countries that wait for a check (none for who may
    not check them), newest first."""
    if not user.has_perm("calls.change_signature"):
        return Signature.objects.none()
    waiting = Signature.objects.organisations().confirmed().filter(review=Review.PENDING)
    return access.visible_to(user, waiting.select_related("country", "member")).order_by("-confirmed_at", "-pk")


def export_rows(user: Any, call_key: Any, countries: Iterable[str] = ()) -> QuerySet[Signature]:
    """The signatures of a call that count (confirmed people, checked organisations) of the user's countries,
    narrowed to ``countries`` when given, oldest first: the rows of the CSV export."""
    rows = Signature.objects.of_call(call_key).counted().select_related("country", "member")
    codes = sorted(countries)
    if codes:
        rows = rows.filter(country__in=codes)
    return access.visible_to(user, rows).order_by("created_at", "pk")
