"""What readers type into the home app's pages: the Members page's filter."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from solidarity.core import queries
from solidarity.core.filters import CountryFilterForm, with_selected
from solidarity.core.models import Country


class MemberFilterForm(CountryFilterForm):
    """The Members page's filter by country.

    A value that is no country (``?country=zz``) is ignored with a note (``ignored``) and every
    country's members are shown, as the story list does.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.is_valid()

    @property
    def filtered(self) -> bool:
        return self.chosen_country is not None

    @cached_property
    def country_options(self) -> list[Country]:
        """The countries with members, by name, with the chosen one even when it has none."""
        return with_selected(queries.countries_with_members(), self.chosen_country, key=lambda option: option.code)
