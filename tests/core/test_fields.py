"""EncryptedTextField and EncryptedEmailField: what goes to the database is never the plaintext."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import FieldError
from django.db import connection, transaction
from django.db.models import F, TextField, Value
from django.db.models.expressions import Case, When
from django.db.models.functions import Cast, Concat, Lower
from django.test.utils import CaptureQueriesContext

from solidarity.core import crypto
from solidarity.core.fields import (
    EncryptedEmailField,
    EncryptedFieldExpressionError,
    EncryptedTextField,
    _only_encrypted_values,
)
from tests.settings import TEST_DATA_KEY
from tests.testapp.models import PersonalRecord


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


# Through a model: tests/testapp's PersonalRecord, saved and read like any real model.


def raw_columns(record: PersonalRecord) -> tuple[str, str | None]:
    """The email and note columns exactly as the database holds them, read with SQL past the ORM."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote('email')}, {quote('note')} FROM {quote(PersonalRecord._meta.db_table)} WHERE id = %s",
            [record.pk],
        )
        return cursor.fetchone()


def record_create(email: str, note: str | None = None) -> PersonalRecord:
    return PersonalRecord.objects.create(email=email, email_hash=crypto.email_lookup_hash(email), note=note)


@pytest.mark.django_db
def test_saving_a_model_stores_ciphertext_never_the_plaintext():
    record = record_create("alice@example.org", note="Алеся, +375 29 000-00-00")

    email, note = raw_columns(record)

    assert email.startswith("enc1:") and note.startswith("enc1:")
    assert "alice" not in email and "example" not in email
    assert "Алеся" not in note and "375" not in note
    assert crypto.decrypt(email) == "alice@example.org"


@pytest.mark.django_db
def test_a_saved_model_reads_back_as_plaintext():
    record = record_create("alice@example.org", note="a note")

    again = PersonalRecord.objects.get(pk=record.pk)

    assert (again.email, again.note) == ("alice@example.org", "a note")
    assert list(PersonalRecord.objects.values_list("email", flat=True)) == ["alice@example.org"]


@pytest.mark.django_db
def test_an_empty_nullable_column_stays_null_in_the_database():
    record = record_create("alice@example.org", note=None)

    assert raw_columns(record)[1] is None
    assert PersonalRecord.objects.get(pk=record.pk).note is None


@pytest.mark.django_db
def test_queryset_update_also_stores_ciphertext():
    record = record_create("alice@example.org")

    PersonalRecord.objects.filter(pk=record.pk).update(note="bob@example.org")

    note = raw_columns(record)[1]
    assert note.startswith("enc1:") and "bob" not in note
    assert PersonalRecord.objects.get(pk=record.pk).note == "bob@example.org"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "lookup",
    [
        {"email": "alice@example.org"},
        {"email__iexact": "alice@example.org"},
        {"email__in": ["alice@example.org"]},
        {"note__icontains": "alice"},
        {"note__startswith": "enc1:"},
    ],
)
def test_filtering_on_an_encrypted_column_raises_field_error(lookup):
    record_create("alice@example.org", note="alice")

    with pytest.raises(FieldError):
        PersonalRecord.objects.filter(**lookup)


@pytest.mark.django_db
def test_filtering_on_isnull_and_on_the_lookup_hash_works():
    alice = record_create("alice@example.org", note="a note")
    bob = record_create("bob@example.org")

    assert list(PersonalRecord.objects.filter(note__isnull=True)) == [bob]
    assert list(PersonalRecord.objects.filter(email_hash=crypto.email_lookup_hash(" Alice@Example.ORG"))) == [alice]


def statements(queries: CaptureQueriesContext) -> list[str]:
    return [query["sql"].split()[0].upper() for query in queries.captured_queries]


@pytest.mark.django_db
def test_saving_a_model_without_a_data_key_raises_and_writes_no_row(settings):
    settings.SOLIDARITY_DATA_KEY = ""

    with CaptureQueriesContext(connection) as queries, pytest.raises(crypto.MissingDataKey), transaction.atomic():
        PersonalRecord.objects.create(email="alice@example.org", email_hash="x")

    assert "INSERT" not in statements(queries)  # refused before any SQL, not rolled back afterwards
    assert not PersonalRecord.objects.exists()


@pytest.mark.django_db
def test_updating_a_model_without_a_data_key_raises_and_keeps_the_stored_value(settings):
    record = record_create("alice@example.org")
    before = raw_columns(record)
    settings.SOLIDARITY_DATA_KEY = ""
    record.email = "bob@example.org"

    with CaptureQueriesContext(connection) as queries, pytest.raises(crypto.MissingDataKey), transaction.atomic():
        record.save(update_fields=["email"])

    assert "UPDATE" not in statements(queries)
    assert raw_columns(record) == before


# Query expressions: the database would compute them and store the result unencrypted.

EXPRESSIONS = {
    "Value": lambda: Value("bob@example.org"),
    "Concat": lambda: Concat(Value("bob"), Value("@example.org")),
    "Lower of another column": lambda: Lower("email"),
    "F of another column": lambda: F("email"),
}


@pytest.fixture
def stored_record() -> PersonalRecord:
    return record_create("alice@example.org", note="a note")


def assert_refused_and_nothing_written(record: PersonalRecord, write, before) -> None:
    refused = pytest.raises(EncryptedFieldExpressionError)
    with CaptureQueriesContext(connection) as queries, refused as raised, transaction.atomic():
        write()

    assert "encrypted" in str(raised.value)
    assert not {"INSERT", "UPDATE"} & set(statements(queries))
    assert raw_columns(record) == before
    again = PersonalRecord.objects.get(pk=record.pk)
    assert (again.email, again.note) == ("alice@example.org", "a note")  # still readable


@pytest.mark.django_db
@pytest.mark.parametrize("expression", EXPRESSIONS.values(), ids=EXPRESSIONS.keys())
def test_queryset_update_to_an_expression_raises_and_writes_nothing(stored_record, expression):
    before = raw_columns(stored_record)

    assert_refused_and_nothing_written(
        stored_record, lambda: PersonalRecord.objects.filter(pk=stored_record.pk).update(note=expression()), before
    )


@pytest.mark.django_db
def test_queryset_update_to_an_expression_raises_even_without_a_data_key(stored_record, settings):
    before = raw_columns(stored_record)
    settings.SOLIDARITY_DATA_KEY = ""

    with pytest.raises(EncryptedFieldExpressionError), transaction.atomic():
        PersonalRecord.objects.filter(pk=stored_record.pk).update(note=Value("plaintext"))

    settings.SOLIDARITY_DATA_KEY = TEST_DATA_KEY
    assert raw_columns(stored_record) == before


@pytest.mark.django_db
@pytest.mark.parametrize("expression", EXPRESSIONS.values(), ids=EXPRESSIONS.keys())
def test_save_with_an_expression_raises_and_writes_nothing(stored_record, expression):
    before = raw_columns(stored_record)
    stored_record.note = expression()

    assert_refused_and_nothing_written(stored_record, stored_record.save, before)


@pytest.mark.django_db
def test_create_with_an_expression_raises_and_inserts_nothing():
    refused = pytest.raises(EncryptedFieldExpressionError)
    with CaptureQueriesContext(connection) as queries, refused, transaction.atomic():
        PersonalRecord.objects.create(email=Value("alice@example.org"), email_hash="x")

    assert "INSERT" not in statements(queries)
    assert not PersonalRecord.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("expression", EXPRESSIONS.values(), ids=EXPRESSIONS.keys())
def test_bulk_update_with_an_expression_raises_and_writes_nothing(stored_record, expression):
    before = raw_columns(stored_record)
    stored_record.note = expression()

    assert_refused_and_nothing_written(
        stored_record, lambda: PersonalRecord.objects.bulk_update([stored_record], ["note"]), before
    )


@pytest.mark.django_db
def test_bulk_create_with_an_expression_raises_and_inserts_nothing():
    records = [
        PersonalRecord(email="alice@example.org", email_hash="a"),
        PersonalRecord(email="bob@example.org", email_hash="b", note=Concat(Value("Bo"), Value("b"))),
    ]

    refused = pytest.raises(EncryptedFieldExpressionError)
    with CaptureQueriesContext(connection) as queries, refused, transaction.atomic():
        PersonalRecord.objects.bulk_create(records)

    assert "INSERT" not in statements(queries)
    assert not PersonalRecord.objects.exists()


@pytest.mark.django_db
def test_bulk_update_and_bulk_create_with_plain_values_store_ciphertext(stored_record):
    stored_record.note = "a new note"
    PersonalRecord.objects.bulk_update([stored_record], ["note"])
    PersonalRecord.objects.bulk_create([PersonalRecord(email="bob@example.org", email_hash="b")])

    assert raw_columns(stored_record)[1].startswith("enc1:") and "new note" not in raw_columns(stored_record)[1]
    assert PersonalRecord.objects.get(pk=stored_record.pk).note == "a new note"
    bob = PersonalRecord.objects.exclude(pk=stored_record.pk).get()
    assert raw_columns(bob)[0].startswith("enc1:") and bob.email == "bob@example.org"


@pytest.mark.django_db
def test_update_to_null_is_allowed(stored_record):
    PersonalRecord.objects.filter(pk=stored_record.pk).update(note=None)
    PersonalRecord.objects.bulk_update([PersonalRecord.objects.get(pk=stored_record.pk)], ["note"])

    assert raw_columns(stored_record)[1] is None


# What bulk_update builds from plain values, and what it must never let through, on every database:
# PostgreSQL wraps the Case in a Cast, which SQLite's run of the tests never reaches otherwise.
def _encrypted(value):
    return Value(value, output_field=EncryptedTextField())


@pytest.mark.parametrize(
    "expression",
    [
        _encrypted("alice@example.org"),
        Value(None),
        Case(When(pk=1, then=_encrypted("a")), default=Value(None)),
        Cast(Case(When(pk=1, then=_encrypted("a")), default=_encrypted("b")), output_field=TextField()),
    ],
    ids=["encrypted value", "null", "case of encrypted values", "cast of a case of encrypted values"],
)
def test_only_values_this_field_encrypts_count_as_safe(expression):
    assert _only_encrypted_values(expression) is True


@pytest.mark.parametrize(
    "expression",
    [
        Value("alice@example.org"),
        Value("alice@example.org", output_field=TextField()),
        Case(When(pk=1, then=_encrypted("a")), default=Value("plain")),
        Case(When(pk=1, then=Value("plain")), default=_encrypted("b")),
        Cast(Value("plain"), output_field=TextField()),
        Cast(Lower("note"), output_field=TextField()),
        F("note"),
    ],
    ids=["plain value", "text value", "plain default", "plain case", "cast of plain", "cast of lower", "column"],
)
def test_anything_the_database_would_compute_counts_as_unsafe(expression):
    assert _only_encrypted_values(expression) is False


def test_the_refusal_names_the_field_and_the_expression():
    error = PersonalRecord._meta.get_field("note")._refuse(Lower("note"))

    assert "testapp.PersonalRecord.note is encrypted" in str(error)
    assert "(Lower)" in str(error)


def test_the_refusal_of_an_unbound_field_still_says_what_to_do(field):
    assert str(field._refuse(F("x"))).startswith("This field is encrypted: set it to a plain value")


# Each of the three places an expression can reach the column refuses it on its own, so that a
# change in how Django routes one kind of write cannot open a way around the encryption.
def test_pre_save_refuses_an_expression_set_on_the_instance():
    record = PersonalRecord(note=Lower("email"))

    with pytest.raises(EncryptedFieldExpressionError, match=r"\(Lower\)"):
        PersonalRecord._meta.get_field("note").pre_save(record, add=True)


def test_pre_save_passes_a_plain_value_on_to_be_encrypted():
    record = PersonalRecord(note="Алеся")

    assert PersonalRecord._meta.get_field("note").pre_save(record, add=True) == "Алеся"


def test_get_db_prep_save_refuses_an_expression(field):
    with pytest.raises(EncryptedFieldExpressionError, match=r"\(Concat\)"):
        field.get_db_prep_save(Concat(Value("a"), Value("b")), connection)


def test_get_db_prep_save_encrypts_a_plain_value(field):
    assert field.get_db_prep_save("alice@example.org", connection).startswith("enc1:")


def test_get_placeholder_refuses_an_expression(field):
    with pytest.raises(EncryptedFieldExpressionError, match=r"\(Lower\)"):
        field.get_placeholder(Lower(Value("x")), None, connection)


def test_get_placeholder_lets_an_encrypted_value_through(field):
    assert field.get_placeholder(_encrypted("a"), None, connection) == "%s"
