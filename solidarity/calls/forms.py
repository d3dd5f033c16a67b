"""The public calls' forms: signing (as a person or for an organisation) and "send the link again".

Both are public forms with core's spam guard (``SpamGuardMixin``). What people type is kept as plain text
(HTML is not markup here: it is shown escaped wherever it appears); what is too long is refused with a
message, never cut. The field names are what the embedded form, the bench and the tests send.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from solidarity.calls.models import CITY_LENGTH, NAME_LENGTH, PublicCallPage, SignerKind
from solidarity.core.countries import CountryChoiceField
from solidarity.core.forms import MemberChoiceField, ServiceErrorsMixin, WebAddressField, email_field
from solidarity.core.models import MemberOrganisation
from solidarity.core.spam import SpamGuardMixin

WEBSITE_LENGTH = 200  # the model's URLField
ORGANISATION_FIELDS = ("signer_kind", "member", "organisation_name", "organisation_website")


TOO_LONG = {"max_length": _("This is too long: at most %(limit_value)d characters, please.")}


class SignatureForm(SpamGuardMixin, ServiceErrorsMixin):
    """Signing a call: a person's name, email, country, city and two choices; or an organisation (a member of the
    network picked from the directory, or any other by name, country and website) through its contact person."""

    signer_kind = forms.ChoiceField(
        label=_("I sign as"),
        choices=SignerKind.choices,
        initial=SignerKind.PERSON,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose whether you sign as a person or for an organisation.")},
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("For an organisation: the contact person's name, never shown."),
        error_messages=TOO_LONG,
    )
    email = email_field(
        _("Your email"),
        help_text=_("We send the link to confirm your signature here. Never shown."),
        error_messages={
            "invalid": _("Enter an email address such as name@example.org."),
            **TOO_LONG,
        },
    )
    country = CountryChoiceField(
        label=_("Country"),
        empty_label=_("— Choose the country —"),
        error_messages={"required": _("Choose the country."), "invalid_choice": _("Choose a country from the list.")},
    )
    city = forms.CharField(
        label=_("City"),
        max_length=CITY_LENGTH,
        required=False,
        help_text=_("Optional. Never shown."),
        error_messages=TOO_LONG,
    )
    show_name = forms.BooleanField(label=_("Show my name publicly among the signers"), required=False)
    keep_informed = forms.BooleanField(label=_("Keep me informed about this call by email"), required=False)
    member = MemberChoiceField(
        label=_("Member organisation of the network"),
        queryset=MemberOrganisation.objects.select_related("country").order_by("name"),
        required=False,
        empty_label=_("— Not a member: the name below —"),
        help_text=_("Type the first letters of its name to find it in the list."),
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
    )
    organisation_name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=NAME_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages=TOO_LONG,
    )
    organisation_website = WebAddressField(
        label=_("Website of the organisation"),
        required=False,
        max_length=WEBSITE_LENGTH,
        help_text=_("Optional."),
        error_messages=TOO_LONG,
    )

    field_order = [
        "signer_kind",
        "name",
        "email",
        "country",
        "city",
        "show_name",
        "keep_informed",
        "member",
        "organisation_name",
        "organisation_website",
    ]

    def __init__(self, *args: Any, call: PublicCallPage | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.call = call
        self.accepts_organisations = call is None or call.accepts_organisations
        if not self.accepts_organisations:
            for name in ORGANISATION_FIELDS:
                del self.fields[name]
        elif self.is_bound and self.data.get("signer_kind") == SignerKind.ORGANISATION and self.data.get("member"):
            self.fields["country"].required = False  # a member organisation's country is the directory's

    @property
    def action(self) -> str:
        """Where the form goes: the call's sign view (the form on the call's page posts there)."""
        return reverse("calls:sign", kwargs={"page_id": self.call.pk}) if self.call is not None else ""

    @property
    def as_organisation(self) -> bool:
        return self.accepts_organisations and self.cleaned_data.get("signer_kind") == SignerKind.ORGANISATION

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if not self.accepts_organisations:
            data["signer_kind"] = SignerKind.PERSON
        member = data.get("member") if self.as_organisation else None
        if (
            self.as_organisation
            and member is None
            and not data.get("organisation_name")
            and "organisation_name" not in self.errors
        ):
            self.add_error("organisation_name", _("Give the organisation's name, or pick it from the list."))
        if member is not None:
            data["country"] = member.country  # as the service has it: the directory's country
        if not data.get("country") and "country" not in self.errors:
            self.add_error("country", _("Choose the country."))
        return data

    def values(self) -> dict[str, Any]:
        """What ``services.signature_sign`` takes, besides the call and the language."""
        data = self.cleaned_data
        as_organisation = self.as_organisation
        return {
            "name": data["name"],
            "email": data["email"],
            "country": data["country"],
            "city": data.get("city", ""),
            "show_name": bool(data.get("show_name")) and not as_organisation,
            "keep_informed": bool(data.get("keep_informed")),
            "as_organisation": as_organisation,
            "member": data.get("member") if as_organisation else None,
            "organisation_name": data.get("organisation_name", "") if as_organisation else "",
            "organisation_website": data.get("organisation_website", "") if as_organisation else "",
        }


class LinkAgainForm(SpamGuardMixin, ServiceErrorsMixin):
    """ "Send the link again": the email the call was signed with."""

    email = email_field(
        _("Your email"),
        help_text=_("The address you signed with. If it signed this call, we send it the link again."),
        error_messages={"invalid": _("Enter an email address such as name@example.org.")},
    )
