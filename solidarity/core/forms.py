"""What editors type into core's records in the admin: member organisations and country introductions.

At most one description per language is checked by the descriptions' formset itself (modelcluster
reads the model's unique constraint); the year and the name by the model's ``clean()``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from solidarity.core.countries import CountryChoiceField


class MemberOrganisationForm(WagtailAdminModelForm):
    """A member organisation, its country picked by name (the network's countries first)."""

    country = CountryChoiceField(label=_("Country"))


class CountryIntroductionForm(WagtailAdminModelForm):
    """A country's introduction in one language, the country picked by name."""

    country = CountryChoiceField(label=_("Country"))
