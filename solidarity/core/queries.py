"""Reads of core's shared records that several pages need: member organisations and country introductions.

The Members page (home), a country's page and a story's byline (stories) all read members here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.apps import apps
from django.conf import settings
from django.db.models import Count, QuerySet
from wagtail.models import Locale

from solidarity.core.countries import by_name
from solidarity.core.models import Country, CountryIntroduction, MemberOrganisation, MemberOrganisationDescription
from solidarity.core.visibility import visible_pages

if TYPE_CHECKING:
    from django.http import HttpRequest


@dataclass(frozen=True)
class MemberEntry:
    """An organisation as a reader sees it: with its description in their language (or the nearest one)."""

    organisation: MemberOrganisation
    description: MemberOrganisationDescription | None


def member_organisations(*, country: Country | None = None) -> QuerySet[MemberOrganisation]:
    """Every member organisation (of one country, when given) by name, with what an entry shows fetched up front."""
    organisations = MemberOrganisation.objects.select_related("country", "logo").prefetch_related(
        "descriptions", "logo__renditions"
    )
    if country is not None:
        organisations = organisations.filter(country=country)
    return organisations.order_by("name")


def members_for_reader(language: str, *, country: Country | None = None) -> list[MemberEntry]:
    """The member organisations (of one country) by name, each with its description in ``language`` or nearest."""
    return [
        MemberEntry(organisation, organisation.description_in(language))
        for organisation in member_organisations(country=country)
    ]


def members_by_country(language: str, *, country: Country | None = None) -> list[tuple[Country, list[MemberEntry]]]:
    """The members grouped by country, the countries by name in the active language (two or three queries)."""
    groups: dict[str, list[MemberEntry]] = {}
    for entry in members_for_reader(language, country=country):
        groups.setdefault(entry.organisation.country_id, []).append(entry)
    return [(found, groups[found.code]) for found in by_name(Country(code=code) for code in groups)]


def member_counts_by_country() -> Counter[str]:
    """How many member organisations each country has, by code (one grouped query)."""
    rows = MemberOrganisation.objects.order_by().values("country").annotate(count=Count("pk"))
    return Counter({row["country"]: row["count"] for row in rows})


def member_countries() -> QuerySet[Country]:
    """The countries that have member organisations (one query; the admin's filter of members takes it as is)."""
    return Country.objects.filter(code__in=MemberOrganisation.objects.values("country"))


def countries_with_members() -> list[Country]:
    """The countries that have member organisations, by name in the active language."""
    return by_name(member_countries())


def country_introduction(country: Country, language: str) -> CountryIntroduction | None:
    """The country's introduction in this language, else in the site's default language (one query)."""
    wanted = [language, settings.LANGUAGE_CODE]
    found = {
        introduction.locale.language_code: introduction
        for introduction in CountryIntroduction.objects.filter(
            country=country, locale__language_code__in=wanted
        ).select_related("locale", "country")
    }
    return found.get(language) or found.get(settings.LANGUAGE_CODE)


def countries_with_introductions(language: str) -> set[str]:
    """The codes of the countries with an introduction in this language or the site's default one."""
    rows = CountryIntroduction.objects.filter(locale__language_code__in=[language, settings.LANGUAGE_CODE])
    return set(rows.values_list("country", flat=True).distinct())


def country_has_introduction(country: Country) -> bool:
    """Whether the country has an introduction in any language."""
    return CountryIntroduction.objects.filter(country=country).exists()


def members_page_url(locale: Locale, request: HttpRequest | None = None) -> str:
    """The address of the Members page of this language (``SOLIDARITY_MEMBERS_PAGE_MODEL``), or "" when it has none.

    Core names the page type by setting, as Django names its user model, so that core and
    stories link to the directory without importing the app that shows it.
    """
    model = apps.get_model(settings.SOLIDARITY_MEMBERS_PAGE_MODEL)
    page = visible_pages(model).filter(locale=locale).first()
    return (page.get_url(request) or "") if page is not None else ""
