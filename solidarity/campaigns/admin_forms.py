"""What staff type in the campaigns' admin: corrections of a group or an activity, a decision with its message,
and a country contact.

A country coordinator is offered only their own countries (``core.access``): they cannot move a record to,
or make a contact of, a country they do not answer for.
"""

from __future__ import annotations

import re
import uuid
from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from solidarity.campaigns.admin_queries import campaigns_of_default_language
from solidarity.campaigns.models import ParticipatingGroup, Submission
from solidarity.core import access
from solidarity.core.countries import CountryChoiceField, by_name
from solidarity.core.models import Country

# A phone number as people write it: digits, spaces, "+", "-", and parentheses.
PHONE = re.compile(r"^\+?[0-9 ()\-]+$")
PHONE_DIGITS = (5, 20)


class CountryOfTheirsField(forms.ModelChoiceField):
    """The countries a country-scoped user answers for, by name."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


def narrow_country(form: forms.Form, user: Any, name: str = "country") -> None:
    """Offer a country coordinator only their own countries in ``name`` (everyone else keeps every country)."""
    field = form.fields.get(name)
    if field is None or user is None or not access.is_country_scoped(user):
        return
    theirs = access.countries_visible_to(user, Country.objects.all())
    narrowed = CountryOfTheirsField(queryset=theirs, label=field.label, required=field.required)
    narrowed.choices = [("", "---------"), *((country.pk, country.name) for country in by_name(theirs))]
    form.fields[name] = narrowed


class SubmissionAdminForm(WagtailAdminModelForm):
    """A group's or an activity's own fields, as its sender gave them, for staff to correct (never its status)."""

    country = CountryChoiceField(label=_("Country"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        narrow_country(self, self.for_user)
        organiser = self.fields.get("organiser_group")
        instance: Submission = self.instance
        if isinstance(organiser, forms.ModelChoiceField):
            groups = ParticipatingGroup.objects.filter(campaign_key=instance.campaign_key)
            organiser.queryset = access.visible_to(self.for_user, groups) if self.for_user else groups.none()

    def clean_time_zone(self) -> str:
        zone = str(self.cleaned_data.get("time_zone", "")).strip()
        if zone not in available_timezones():
            raise forms.ValidationError(_("Give a time zone by its name, such as Europe/Vilnius or Asia/Tbilisi."))
        return zone


class DecisionForm(forms.Form):
    """Approve or decline, with a message to the sender (optional)."""

    APPROVE, DECLINE = "approve", "decline"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve")), (DECLINE, _("Decline"))],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the sender"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent with the decision, in the email written in the sender's language. Optional."),
    )

    @property
    def approves(self) -> bool:
        return self.cleaned_data["decision"] == self.APPROVE


class CountryContactForm(WagtailAdminModelForm):
    """A country contact: the campaign picked by its page (kept as the campaign's key, the same in every language),
    a country the user answers for, a phone number as people write one."""

    campaign = forms.ChoiceField(label=_("Campaign"))
    country = CountryChoiceField(label=_("Country"))
    # One line, as a number is written (the column is encrypted text, which Django would offer as a text area).
    phone = forms.CharField(
        label=_("Phone"), required=False, max_length=40, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["campaign"].choices = [("", "---------"), *campaigns_of_default_language()]
        if self.instance.campaign_key:
            self.initial["campaign"] = str(self.instance.campaign_key)
        narrow_country(self, self.for_user)

    def clean_campaign(self) -> uuid.UUID:
        return uuid.UUID(self.cleaned_data["campaign"])

    def clean_phone(self) -> str:
        phone = " ".join(self.cleaned_data.get("phone", "").split())
        if not phone:
            return phone
        digits = sum(character.isdigit() for character in phone)
        if not PHONE.match(phone) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
            raise forms.ValidationError(
                _("Write the number with digits, spaces, “+”, “-” and parentheses only, such as +995 32 2 00 00 00.")
            )
        return phone

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("show_phone") and not cleaned.get("phone"):
            self.add_error("phone", _("Give the number to show, or untick “show the phone number”."))
        if cleaned.get("accepts_messages") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("The “write to” link needs the contact's email: give it, or untick the link."))
        return cleaned

    def save(self, commit: bool = True) -> Any:
        self.instance.campaign_key = self.cleaned_data["campaign"]
        return super().save(commit=commit)
