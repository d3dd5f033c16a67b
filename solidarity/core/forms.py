"""Fields every public form may use (a web address, a member organisation, an email), and what editors type
into core's records in the admin: member organisations and country introductions.

At most one description per language is checked by the descriptions' formset itself (modelcluster
reads the model's unique constraint); the year and the name by the model's ``clean()``.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from solidarity.core.countries import CountryChoiceField

OTHER_SCHEME = re.compile(r"^\s*[a-z][a-z0-9+.\-]*:(?!\d)", re.IGNORECASE)  # "javascript:", not "example.org:8080"


class ServiceErrorsMixin(forms.Form):
    """A public form whose service may refuse what it was given: the refusal shown on the fields it names."""

    def add_service_errors(self, error: ValidationError) -> None:
        """A service's refusal (``ValidationError``) as the form's errors, on the fields it names."""
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                self.add_error(name if name in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)


class WebAddressField(forms.URLField):
    """A web address: http or https only (``javascript:``, ``data:``, ``ftp:`` … are refused)."""

    default_error_messages = {"invalid": _("Enter a web address starting with https:// or http://.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)
        self.validators = [validator for validator in self.validators if not isinstance(validator, URLValidator)] + [
            URLValidator(schemes=["http", "https"], message=self.error_messages["invalid"])
        ]
        self.widget.attrs.setdefault("autocomplete", "url")

    def to_python(self, value: Any) -> str:
        text = str(value or "").strip()
        if OTHER_SCHEME.match(text) and not text.lower().startswith(("http://", "https://")):
            # "javascript:alert(1)", "data:…", "mailto:…": a scheme that is not the web's; never "https://javascript:…"
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(text) or ""


class MemberChoiceField(forms.ModelChoiceField):
    """A member organisation of the network, by its name and country (the browser finds it as one types)."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.country.name})"


def email_field(label: Any = None, **kwargs: Any) -> forms.EmailField:
    return forms.EmailField(
        label=label or _("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        **kwargs,
    )


class MemberOrganisationForm(WagtailAdminModelForm):
    """A member organisation, its country picked by name (the network's countries first)."""

    country = CountryChoiceField(label=_("Country"))


class CountryIntroductionForm(WagtailAdminModelForm):
    """A country's introduction in one language, the country picked by name."""

    country = CountryChoiceField(label=_("Country"))


class MastodonShareForm(forms.Form):
    """The reader's Mastodon instance, to send them to its share page (``core.sharing``)."""

    instance = forms.CharField(
        label=_("Your Mastodon server"),
        help_text=_("Its address, such as mastodon.social."),
        max_length=300,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false", "inputmode": "url"}
        ),
    )

    def clean_instance(self) -> str:
        from solidarity.core.sharing import clean_instance

        instance = clean_instance(self.cleaned_data["instance"])
        if instance is None:
            raise ValidationError(_("Enter only the server's name, such as mastodon.social."), code="invalid")
        return instance
