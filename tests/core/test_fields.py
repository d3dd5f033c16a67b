"""EncryptedTextField and EncryptedEmailField: what goes to the database is never the plaintext."""

from __future__ import annotations

import pytest
from django import forms
from django.db import connection

from solidarity.core import crypto
from solidarity.core.fields import EncryptedEmailField, EncryptedTextField


@pytest.fixture
def field() -> EncryptedTextField:
    return EncryptedTextField()


def test_get_prep_value_never_returns_the_plaintext(field):
    stored = field.get_prep_value("alice@example.org")

    assert stored != "alice@example.org"
    assert "alice" not in stored
    assert stored.startswith("enc1:")


def test_from_db_value_restores_what_get_prep_value_stored(field):
    stored = field.get_prep_value("Алеся, +375 29 000-00-00")

    assert field.from_db_value(stored, None, connection) == "Алеся, +375 29 000-00-00"


@pytest.mark.django_db
def test_encrypted_value_survives_a_trip_through_the_database(field):
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s", [field.get_prep_value("alice@example.org")])
        (from_database,) = cursor.fetchone()

    assert "alice" not in from_database
    assert field.from_db_value(from_database, None, connection) == "alice@example.org"


def test_none_stays_none(field):
    assert field.get_prep_value(None) is None
    assert field.from_db_value(None, None, connection) is None


def test_get_prep_value_without_a_key_raises_instead_of_storing_plaintext(field, settings):
    settings.SOLIDARITY_DATA_KEY = ""

    with pytest.raises(crypto.MissingDataKey):
        field.get_prep_value("alice@example.org")


def test_from_db_value_of_a_tampered_value_raises_value_error(field):
    with pytest.raises(ValueError):
        field.from_db_value("enc1:gAAAAABtampered", None, connection)


@pytest.mark.parametrize("lookup", ["exact", "iexact", "contains", "icontains", "startswith", "in", "gt"])
def test_encrypted_field_refuses_lookups_on_its_contents(field, lookup):
    assert field.get_lookup(lookup) is None


def test_encrypted_field_allows_isnull(field):
    assert field.get_lookup("isnull") is not None


def test_encrypted_email_field_validates_as_an_email_in_forms():
    form_field = EncryptedEmailField().formfield()

    assert isinstance(form_field, forms.EmailField)
    with pytest.raises(forms.ValidationError):
        form_field.clean("not an email")
