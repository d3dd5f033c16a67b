"""What staff type in the public calls' admin: the check of an organisation's signature, and which signatures
to export (a call, and countries among those the user answers for)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from solidarity.calls.admin_queries import call_choices
from solidarity.calls.models import Signature
from solidarity.core import access
from solidarity.core.countries import by_name
from solidarity.core.models import Country


class CheckForm(forms.Form):
    """Approve (the organisation is listed and counted) or decline (it is neither)."""

    APPROVE, DECLINE = "approve", "decline"

    decision = forms.ChoiceField(
        label=pgettext_lazy("the check of an organisation's signature", "Check"),
        choices=[(APPROVE, _("Approve: list and count it")), (DECLINE, _("Decline: neither list nor count it"))],
        widget=forms.RadioSelect,
    )

    @property
    def approves(self) -> bool:
        return self.cleaned_data["decision"] == self.APPROVE


class CountriesOfTheirsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class ExportForm(forms.Form):
    """Which signatures go into the CSV: one call's, of some countries (none ticked: every country of the user's)."""

    call = forms.ChoiceField(label=_("Public call"))
    countries = CountriesOfTheirsField(
        label=_("Countries"),
        queryset=Country.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every country you answer for."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        call: Any = self.fields["call"]
        call.choices = [("", "---------"), *call_choices()]
        theirs = access.countries_visible_to(user, Country.objects.all())
        field: Any = self.fields["countries"]
        field.queryset = theirs
        # Only the countries that have a signature at all, by name (a long list otherwise).
        used = theirs.filter(code__in=Signature.objects.values("country"))
        field.choices = [(country.pk, country.name) for country in by_name(used)]

    def clean_call(self) -> uuid.UUID:
        return uuid.UUID(self.cleaned_data["call"])

    @property
    def country_codes(self) -> list[str]:
        return sorted(country.pk for country in self.cleaned_data.get("countries") or [])
