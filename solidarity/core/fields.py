"""Model fields for personal data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import FieldError
from django.db import models
from django.db.models.expressions import Case, Value, When
from django.db.models.functions import Cast

from solidarity.core import crypto

if TYPE_CHECKING:
    from django import forms
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models import Lookup


class EncryptedFieldExpressionError(FieldError):
    """An encrypted column was to be set to a query expression, which the database would store unencrypted."""


def _only_encrypted_values(expression: Any) -> bool:
    """Whether an expression can only write values this field encrypts (or NULL).

    That is what ``bulk_update`` makes of plain values: ``Case(When(pk=..., then=Value(v,
    output_field=field)))``, in a ``Cast`` on some databases; ``Value.as_sql`` encrypts ``v``
    through the field. Anything else (``Value("...")`` of a plain type, ``Concat``, ``Lower``,
    ``F``, a subquery) would be computed by the database and stored as it comes out.
    """
    if isinstance(expression, Value):
        return expression.value is None or isinstance(expression._output_field_or_none, EncryptedTextField)  # type: ignore[attr-defined]  # Django sets it on every expression
    if isinstance(expression, When):
        return _only_encrypted_values(expression.result)
    if isinstance(expression, Case):
        return all(_only_encrypted_values(case) for case in expression.cases) and _only_encrypted_values(
            expression.default
        )
    if isinstance(expression, Cast):
        return _only_encrypted_values(expression.source_expressions[0])
    return False


class EncryptedTextField(models.TextField):
    """A text column whose contents are encrypted with the personal-data key.

    Writing without a configured key raises :class:`crypto.MissingDataKey`; the value
    is never stored in plaintext. The column cannot be filtered or ordered on: pair it
    with a :func:`crypto.keyed_hash` column for lookups.

    It can only be set to plain values, which are encrypted in Python before they are sent:
    a query expression (``update(note=Value("..."))``, ``Concat``, ``Lower("email")``, ``F``,
    an expression assigned before ``save()``, ``bulk_create`` or ``bulk_update``) raises
    :class:`EncryptedFieldExpressionError` before any SQL is sent. ``pre_save`` catches every
    insert and ``save()``; ``get_db_prep_save`` and ``get_placeholder`` every ``UPDATE``
    (``update`` and ``bulk_update``).
    """

    description = "Text encrypted at rest"

    def _refuse(self, expression: Any) -> EncryptedFieldExpressionError:
        owner = f"{self.model._meta.label}.{self.name}" if hasattr(self, "model") else "This field"
        return EncryptedFieldExpressionError(
            f"{owner} is encrypted: set it to a plain value, which is encrypted before it is stored, not to "
            f"a query expression ({type(expression).__name__}), which the database would store unencrypted."
        )

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = super().pre_save(model_instance, add)
        if hasattr(value, "resolve_expression"):
            raise self._refuse(value)
        return value

    def get_db_prep_save(self, value: Any, connection: BaseDatabaseWrapper) -> Any:
        # An UPDATE passes its (resolved) expressions through here too, then to get_placeholder.
        if hasattr(value, "as_sql") and not _only_encrypted_values(value):
            raise self._refuse(value)
        return super().get_db_prep_save(value, connection)

    def get_placeholder(self, value: Any, compiler: Any, connection: BaseDatabaseWrapper) -> str:
        if hasattr(value, "as_sql") and not _only_encrypted_values(value):
            raise self._refuse(value)
        return "%s"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return crypto.encrypt(str(value))

    def from_db_value(self, value: Any, expression: Any, connection: BaseDatabaseWrapper) -> str | None:
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
