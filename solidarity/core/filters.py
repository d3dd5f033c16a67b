"""The filter by country that lists share (stories, members): a value that is no country is ignored with a note."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.utils.translation import gettext as _

from solidarity.core.countries import country_or_none
from solidarity.core.models import Country


class CountryFilterForm(forms.Form):
    """A list's filters, the country among them; each value is checked on its own.

    A value that is not one (``?country=zz``) is ignored with a note (``ignored``) and the rest
    still applies: a reader who edits an address keeps the list.
    """

    country = forms.CharField(required=False)

    def clean_country(self) -> Country | None:
        code = self.cleaned_data["country"].strip()
        if not code:
            return None
        country = country_or_none(code)
        if country is None:
            raise forms.ValidationError(
                _("There is no country with the code “%(code)s”, so the list shows every country."),
                params={"code": printable(code, 8)},
            )
        return country

    @property
    def chosen_country(self) -> Country | None:
        return self.cleaned_data.get("country")

    @property
    def ignored(self) -> list[str]:
        """A note for each value that was not one and so was ignored."""
        return [str(message) for field in self.fields if field in self.errors for message in self.errors[field]]


def with_selected(options: list[Any], selected: Any, *, key: Callable[[Any], object]) -> list[Any]:
    """The options of a filter, with the selected one among them even when nothing listed here has it."""
    if selected is None or any(key(option) == key(selected) for option in options):
        return options
    return sorted([*options, selected], key=lambda option: str(option.name))


def printable(value: str, limit: int) -> str:
    """A value as it can be shown back: without control characters, and not longer than ``limit``."""
    return "".join(char for char in value if char.isprintable())[:limit]
