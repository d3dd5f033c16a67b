"""What readers type into the home app's pages: the Members page's filter."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from django import forms
from django.utils.translation import gettext as _

from solidarity.core import queries
from solidarity.core.countries import country_or_none
from solidarity.core.models import Country


class MemberFilterForm(forms.Form):
    """The Members page's filter by country.

    A value that is no country (``?country=zz``) is ignored with a note (``ignored``) and every
    country's members are shown, as the story list does.
    """

    country = forms.CharField(required=False)

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.is_valid()

    def clean_country(self) -> Country | None:
        code = self.cleaned_data["country"].strip()
        if not code:
            return None
        country = country_or_none(code)
        if country is None:
            shown = "".join(char for char in code if char.isprintable())[:8]
            raise forms.ValidationError(
                _("There is no country with the code “%(code)s”, so the list shows every country."),
                params={"code": shown},
            )
        return country

    @property
    def chosen_country(self) -> Country | None:
        return self.cleaned_data.get("country")

    @property
    def filtered(self) -> bool:
        return self.chosen_country is not None

    @property
    def ignored(self) -> list[str]:
        """A note for each value that was not one and so was ignored."""
        return [str(message) for field in self.fields if field in self.errors for message in self.errors[field]]

    @cached_property
    def country_options(self) -> list[Country]:
        """The countries with members, by name, with the chosen one even when it has none."""
        options = queries.countries_with_members()
        chosen = self.chosen_country
        if chosen is None or any(option.code == chosen.code for option in options):
            return options
        return sorted([*options, chosen], key=lambda option: option.name)
