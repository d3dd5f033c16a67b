"""Model fields for personal data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from solidarity.core import crypto

if TYPE_CHECKING:
    from django import forms
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models import Lookup


class EncryptedTextField(models.TextField):
    """A text column whose contents are encrypted with the personal-data key.

    Writing without a configured key raises :class:`crypto.MissingDataKey`; the value
    is never stored in plaintext. The column cannot be filtered or ordered on: pair it
    with a :func:`crypto.keyed_hash` column for lookups.
    """

    description = "Text encrypted at rest"

    def get_prep_value(self, value: Any) -> str | None:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return crypto.encrypt(str(value))

    def from_db_value(self, value: str | None, expression: Any, connection: BaseDatabaseWrapper) -> str | None:
        if value is None:
            return None
        return crypto.decrypt(value)

    def get_lookup(self, lookup_name: str) -> type[Lookup] | None:
        if lookup_name not in {"isnull"}:
            return None
        return super().get_lookup(lookup_name)


class EncryptedEmailField(EncryptedTextField):
    """An encrypted email address; forms get an email input and validation."""

    def formfield(self, **kwargs: Any) -> forms.Field | None:
        from django import forms

        return super().formfield(**{"form_class": forms.EmailField, **kwargs})
