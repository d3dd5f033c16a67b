"""Reads of the campaigns' admin: which campaigns there are (by name, in the editor's language), and what
waits for a decision in a staff member's countries."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Case, IntegerField, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from solidarity.campaigns.models import CampaignPage, Status
from solidarity.core import access


def _title_in(language: str) -> Subquery:
    pages = CampaignPage.objects.filter(translation_key=OuterRef("campaign_key"), locale__language_code=language)
    return Subquery(pages.order_by("-live", "pk").values("title")[:1])


def with_campaign_title(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Each record with ``campaign_title``: its campaign's title in the active language, else the default one's."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return queryset.annotate(campaign_title=Coalesce(_title_in(language), _title_in(settings.LANGUAGE_CODE)))


def pending_first(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Groups or activities, those waiting for a decision first (``waiting`` is 0 for them), newest first."""
    waiting = Case(When(status=Status.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField())
    return queryset.annotate(waiting=waiting).order_by("waiting", "-created_at", "-pk")


def campaign_choices() -> list[tuple[str, str]]:
    """Every campaign once, as (its key, its title in the active language, else the default language's)."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    titles: dict[str, dict[str, str]] = {}
    pages = CampaignPage.objects.order_by("-live", "pk").values_list(
        "translation_key", "locale__language_code", "title"
    )
    for key, code, title in pages:
        titles.setdefault(str(key), {}).setdefault(code, title)
    choices = []
    for key, by_language in titles.items():
        title = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE) or next(iter(by_language.values()))
        choices.append((key, title))
    return sorted(choices, key=lambda choice: choice[1].casefold())


def campaigns_of_default_language() -> list[tuple[str, str]]:
    """The campaign pages of the site's default language, as (their key, their title): what a contact belongs to."""
    pages = CampaignPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("-starts_on", "title")
    return [(str(key), title) for key, title in pages.values_list("translation_key", "title")]


def waiting_for_decision(user: Any, model: type[Any]) -> QuerySet[Any]:
    """The pending groups or activities of the user's countries (none for who may not decide them), newest first."""
    opts = model._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return model.objects.none()
    pending = model.objects.filter(status=Status.PENDING).select_related("country")
    return access.visible_to(user, pending).order_by("-created_at", "-pk")
