"""Inputs of the staff account pages: a two-factor code (from the authenticator, or a recovery code)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


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
