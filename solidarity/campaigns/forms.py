"""What readers type into campaign pages: the filters of the activities list and the calendar's month."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

from solidarity.campaigns.models import ActivityKind
from solidarity.core.filters import CountryFilterForm, printable

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ONLINE = "online"
OFFLINE = "offline"


class ActivityFilterForm(CountryFilterForm):
    """The activities list's filters: country, kind, online or not, from and to a day, and the page.

    Each value is checked on its own: one that is not one (``?kind=bogus``, ``?from=31-31``) is
    ignored with a note (``ignored``) and the rest still applies.
    """

    kind = forms.CharField(required=False)
    where = forms.CharField(required=False)
    date_from = forms.CharField(required=False)
    date_to = forms.CharField(required=False)
    page = forms.CharField(required=False)

    def __init__(self, data: Mapping[str, Any]) -> None:
        # The addresses say ?from= and ?to=; "from" is no name for a Python field.
        data = {
            "country": data.get("country", ""),
            "kind": data.get("kind", ""),
            "where": data.get("where", ""),
            "date_from": data.get("from", ""),
            "date_to": data.get("to", ""),
            "page": data.get("page", ""),
        }
        super().__init__(data)
        self.is_valid()  # every field is checked; the valid ones apply

    def clean_kind(self) -> str:
        kind = self.cleaned_data["kind"].strip()
        if kind and kind not in ActivityKind.values:
            raise forms.ValidationError(
                _("There is no kind of activity called “%(kind)s”, so the list shows every kind."),
                params={"kind": printable(kind, 40)},
            )
        return kind

    def clean_where(self) -> str:
        where = self.cleaned_data["where"].strip()
        if where and where not in (ONLINE, OFFLINE):
            raise forms.ValidationError(
                _("“%(value)s” is neither online nor in person, so the list shows both."),
                params={"value": printable(where, 40)},
            )
        return where

    def _day(self, name: str, message: str) -> datetime.date | None:
        value = self.cleaned_data[name].strip()
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value) if len(value) == 10 else _not_a_day()
        except ValueError:
            raise forms.ValidationError(message, params={"value": printable(value, 20)}) from None

    def clean_date_from(self) -> datetime.date | None:
        return self._day("date_from", _("“%(value)s” is not a day (such as 2027-04-30), so the list starts anytime."))

    def clean_date_to(self) -> datetime.date | None:
        return self._day("date_to", _("“%(value)s” is not a day (such as 2027-04-30), so the list ends anytime."))

    def clean_page(self) -> str:
        page = self.cleaned_data["page"].strip()
        if page and not (page.isdecimal() and page.isascii() and int(page) >= 1):
            raise forms.ValidationError(
                _("There is no page “%(page)s”, so the first page is shown."), params={"page": printable(page, 12)}
            )
        return page

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The last day comes before the first, so the list ends anytime."))
            cleaned.pop("date_to", None)
        return cleaned

    def chosen(self) -> dict[str, Any]:
        """The filters that apply, as ``queries.activities_filtered`` takes them."""
        where = self.cleaned_data.get("where") or ""
        return {
            "country": self.chosen_country,
            "kind": self.chosen_kind,
            "online": {ONLINE: True, OFFLINE: False}.get(where),
            "date_from": self.cleaned_data.get("date_from"),
            "date_to": self.cleaned_data.get("date_to"),
        }

    @property
    def chosen_kind(self) -> str:
        return self.cleaned_data.get("kind") or ""

    @property
    def chosen_where(self) -> str:
        return self.cleaned_data.get("where") or ""

    @property
    def chosen_from(self) -> str:
        day = self.cleaned_data.get("date_from")
        return day.isoformat() if day else ""

    @property
    def chosen_to(self) -> str:
        day = self.cleaned_data.get("date_to")
        return day.isoformat() if day else ""

    @property
    def page_number(self) -> str:
        return self.cleaned_data.get("page") or "1"

    @property
    def filtered(self) -> bool:
        chosen = self.chosen()
        return any(value not in (None, "") for value in chosen.values())

    @property
    def kinds(self) -> list[tuple[str, StrOrPromise]]:
        return list(ActivityKind.choices)


def _not_a_day() -> datetime.date:
    raise ValueError


def month_from(value: str, *, today: datetime.date | None = None) -> tuple[datetime.date, str]:
    """The month of ``?month=2027-04`` (its first day), or this month with a note when it is not one."""
    today = today or timezone.localdate()
    value = (value or "").strip()
    if not value:
        return today.replace(day=1), ""
    try:
        year, month = value.split("-")
        if not (len(year) == 4 and len(month) == 2 and year.isdecimal() and month.isdecimal()):
            raise ValueError
        return datetime.date(int(year), int(month), 1), ""
    except ValueError:
        note = _("“%(value)s” is not a month (such as 2027-04), so this month is shown.") % {
            "value": printable(value, 20)
        }
        return today.replace(day=1), note
