"""Staff accounts' inputs: the user admin's forms (with the countries a country coordinator answers for), and a
two-factor code (from the authenticator, or a recovery code).

The form only reads the input; saving the account leaves the roles (groups, the "Administrator"
box) and the countries to the views, which write them through :mod:`solidarity.staff.services`.
A coordinator must tick at least one country; the countries ticked for anyone else are ignored
(and cleared on save), as the field's help says.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from solidarity.core.countries import CountriesFormField
from solidarity.core.roles import COORDINATORS
from solidarity.staff.services import COORDINATOR_NEEDS_A_COUNTRY, country_codes


class StaffRolesFormMixin(forms.ModelForm):
    """Adds "Countries" to a user form and keeps the roles out of its own save."""

    countries = CountriesFormField(
        label=_("Countries"),
        required=False,
        help_text=_(
            "The countries a country coordinator answers for: at least one. Ignored (and cleared) for every other role."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.was_superuser = bool(self.instance.is_superuser)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["countries"] = country_codes(self.instance)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        groups = cleaned.get("groups") or []
        if any(group.name == COORDINATORS.group for group in groups) and not cleaned.get("countries"):
            self.add_error("countries", COORDINATOR_NEEDS_A_COUNTRY)
        return cleaned

    @property
    def chosen_groups(self) -> list[Group]:
        return list(self.cleaned_data.get("groups") or [])

    @property
    def chosen_superuser(self) -> bool:
        """The "Administrator" box as ticked (unchanged when the form has no such box: someone editing themselves)."""
        if "is_superuser" not in self.fields:
            return self.was_superuser
        return bool(self.cleaned_data.get("is_superuser"))

    @property
    def chosen_codes(self) -> list[str]:
        return [country.code for country in self.cleaned_data.get("countries") or []]

    def save(self, commit: bool = True) -> Any:
        """Save the account (name, email, password, active) but not its roles: the services write those."""
        user = super().save(commit=False)
        user.is_superuser = self.was_superuser
        if commit:
            user.save()
        return user


class StaffUserCreationForm(StaffRolesFormMixin, UserCreationForm):
    """Wagtail's "Add user" form with the coordinator's countries."""


class StaffUserEditForm(StaffRolesFormMixin, UserEditForm):
    """Wagtail's user edit form with the coordinator's countries."""


class CodeForm(forms.Form):
    """One code as the user typed it; the services normalise and check it."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false", "autofocus": True}
        ),
    )

    def __init__(self, *args: object, label: str | None = None, help_text: str | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if label is not None:
            self.fields["code"].label = label
        if help_text is not None:
            self.fields["code"].help_text = help_text
