"""Countries as data: the one way a record says which countries it belongs to.

A model declares ``countries = CountriesField(...)``: a many-to-many relation to
:class:`~solidarity.core.models.Country` (a Wagtail-aware one, so drafts, revisions and
previews keep it), shown to editors as ticked checkboxes with the network's countries first and
every name in the editor's language. Filters and counts go through the relation's table, whose
country column is indexed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from django import forms
from django.db import transaction
from django.utils.choices import BaseChoiceIterator
from django_countries import countries as all_countries
from modelcluster.fields import ParentalManyToManyField

from solidarity.core.models import Country

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django_stubs_ext import StrOrPromise


def countries_ensure() -> int:
    """Make sure there is a row for every country django-countries knows; returns how many were added."""
    with transaction.atomic():
        existing = set(Country.objects.values_list("code", flat=True))
        missing = [Country(code=country.code) for country in all_countries if country.code not in existing]
        Country.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def country_or_none(code: str | None) -> Country | None:
    """The country with this code (any case), or None when there is no such country."""
    code = (code or "").strip().upper()
    if len(code) != 2 or code not in all_countries:
        return None
    return Country(code=code)


def countries_from_codes(codes: Iterable[str]) -> list[Country]:
    """The countries with these codes (any case); a code that is no country raises ValueError."""
    wanted = {str(code).strip().upper() for code in codes}
    unknown = sorted(code for code in wanted if code not in all_countries)
    if unknown:
        raise ValueError(f"Not country codes: {', '.join(unknown)}")
    found = list(Country.objects.filter(code__in=wanted))
    if len(found) < len(wanted):
        countries_ensure()  # a country that a newer django-countries brings
        found = list(Country.objects.filter(code__in=wanted))
    return found


def by_name(countries: Iterable[Country]) -> list[Country]:
    """Countries sorted by their names in the active language."""
    return sorted(countries, key=lambda country: country.name)


class _CountryChoices(BaseChoiceIterator):
    """The choices of a country field, made when read so that names are in the editor's language.

    django-countries orders them: the network's countries (``COUNTRIES_FIRST``) first, then
    every other by its translated name.
    """

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for code, name in all_countries:
            if code:
                yield code, str(name)

    def __len__(self) -> int:
        return len(all_countries)


class CountriesCheckboxes(forms.CheckboxSelectMultiple):
    """The checkboxes of countries, with a search-as-you-type filter above them when JavaScript runs."""

    template_name = "core/widgets/countries_checkboxes.html"

    class Media:
        js = ["core/countries-filter.js"]


class CountriesFormField(forms.ModelMultipleChoiceField):
    """Ticked checkboxes of countries, by name, the network's first; the values are country codes."""

    widget = CountriesCheckboxes

    def __init__(self, queryset: QuerySet[Country] | None = None, **kwargs: Any) -> None:
        super().__init__(queryset=Country.objects.all() if queryset is None else queryset, **kwargs)

    def _get_choices(self) -> _CountryChoices:
        return _CountryChoices()

    # The stubs type ChoiceField.choices as the values it holds, not as the property it is.
    choices = property(_get_choices, forms.ChoiceField.choices.fset)  # type: ignore[union-attr]

    def clean(self, value: Any) -> QuerySet[Country]:
        if value:
            value = [str(code).strip().upper() for code in value]
        return super().clean(value)


class CountriesField(ParentalManyToManyField):
    """The countries a record belongs to: a relation to :class:`Country` that editors tick by name."""

    def __init__(self, verbose_name: StrOrPromise | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("to", "core.Country")
        kwargs.setdefault("related_name", "+")
        super().__init__(verbose_name=verbose_name, **kwargs)

    def deconstruct(self) -> tuple[str, str, Sequence[Any], dict[str, Any]]:
        name, _path, args, kwargs = super().deconstruct()
        return name, "solidarity.core.countries.CountriesField", args, kwargs

    def formfield(self, **kwargs: Any) -> forms.Field | None:
        return super().formfield(**{"form_class": CountriesFormField, **kwargs})


class CountryChoiceField(forms.ModelChoiceField):
    """One country from a list by name, the network's first; the value is a country code."""

    def __init__(self, queryset: QuerySet[Country] | None = None, **kwargs: Any) -> None:
        super().__init__(queryset=Country.objects.all() if queryset is None else queryset, **kwargs)

    def _get_choices(self) -> list[tuple[str, str]]:
        return [("", str(self.empty_label or "")), *_CountryChoices()]

    choices = property(_get_choices, forms.ChoiceField.choices.fset)  # type: ignore[union-attr]

    def clean(self, value: Any) -> Country | None:
        return super().clean(str(value).strip().upper() if value else value)
