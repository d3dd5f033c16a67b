"""Finishing a key rotation: `manage.py reencrypt_personal_data` moves every stored value to the newest key."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import CommandError, call_command
from django.db import connection

from solidarity.core import crypto, services
from solidarity.core.fields import EncryptedTextField
from solidarity.core.services import encrypted_fields, personal_data_reencrypt
from tests.testapp.models import PersonalRecord

pytestmark = pytest.mark.django_db

OLD_KEY = "JlnQ_0oOTDSVOXQnT1jnWkkJ3tgG1m69H-pGjH6_gZY="
NEW_KEY = "Vpwi5xOV_E84cmHbYnnW4Ku5QdJHPs0f3CGs7nk8xDo="
STRAY_KEY = "Uu2WXeO6piOs0Zwh91v4I16obxPRY6viEhr7TFnZjPA="


def stored() -> dict[int, tuple[str, str | None]]:
    """Every record's email and note columns as the database holds them, read with SQL past the ORM."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, {quote('email')}, {quote('note')} FROM {quote(PersonalRecord._meta.db_table)} ORDER BY id"
        )
        return {pk: (email, note) for pk, email, note in cursor.fetchall()}


def decrypt_with(key: str, value: str) -> str:
    return Fernet(key).decrypt(value.removeprefix("enc1:").encode()).decode()


def records_under_old_key(settings, count: int) -> list[PersonalRecord]:
    settings.SOLIDARITY_DATA_KEY = OLD_KEY
    records = [
        PersonalRecord.objects.create(
            email=f"person{number}@example.org",
            email_hash=crypto.email_lookup_hash(f"person{number}@example.org"),
            note=f"note {number}" if number % 2 else None,
        )
        for number in range(count)
    ]
    settings.SOLIDARITY_DATA_KEY = f"{NEW_KEY},{OLD_KEY}"  # the rotation's first step
    return records


def test_the_service_finds_the_encrypted_columns_of_every_model():
    assert (PersonalRecord, [PersonalRecord._meta.get_field("email"), PersonalRecord._meta.get_field("note")]) in (
        encrypted_fields()
    )


def test_it_rewrites_every_value_with_the_new_key_so_the_old_key_can_go(settings):
    records_under_old_key(settings, 5)
    before = stored()

    rewritten = personal_data_reencrypt(batch_size=2)

    after = stored()
    assert rewritten == 5 + 2  # five emails, two notes; the null notes are not counted
    for pk, (email, note) in after.items():
        assert email.startswith("enc1:") and "person" not in email
        assert decrypt_with(NEW_KEY, email).startswith("person")
        with pytest.raises(InvalidToken):
            decrypt_with(OLD_KEY, email)
        if before[pk][1] is None:
            assert note is None
        else:
            assert decrypt_with(NEW_KEY, note).startswith("note ")
            with pytest.raises(InvalidToken):
                decrypt_with(OLD_KEY, note)
    settings.SOLIDARITY_DATA_KEY = NEW_KEY  # the old key retired
    assert sorted(PersonalRecord.objects.values_list("email", flat=True)) == [
        f"person{number}@example.org" for number in range(5)
    ]


def test_values_under_the_old_key_are_unreadable_without_it_if_not_rewritten(settings):
    records_under_old_key(settings, 1)
    settings.SOLIDARITY_DATA_KEY = NEW_KEY  # the old key removed too early

    with pytest.raises(ValueError):
        list(PersonalRecord.objects.values_list("email", flat=True))


def test_lookup_hashes_stay_valid_through_the_rotation(settings):
    (record,) = records_under_old_key(settings, 1)

    personal_data_reencrypt()
    settings.SOLIDARITY_DATA_KEY = NEW_KEY

    found = PersonalRecord.objects.get(email_hash=crypto.email_lookup_hash("Person0@example.org"))
    assert found.pk == record.pk


def test_running_it_again_is_harmless(settings):
    records_under_old_key(settings, 3)
    personal_data_reencrypt()
    settings.SOLIDARITY_DATA_KEY = NEW_KEY

    assert personal_data_reencrypt() == 3 + 1
    assert sorted(PersonalRecord.objects.values_list("email", flat=True)) == [
        f"person{number}@example.org" for number in range(3)
    ]


def test_it_stops_at_a_value_no_configured_key_decrypts_and_leaves_its_batch_alone(settings):
    records_under_old_key(settings, 2)
    settings.SOLIDARITY_DATA_KEY = STRAY_KEY
    PersonalRecord.objects.create(email="stray@example.org", email_hash="stray")
    settings.SOLIDARITY_DATA_KEY = f"{NEW_KEY},{OLD_KEY}"
    before = stored()

    with pytest.raises(ValueError):
        personal_data_reencrypt(batch_size=10)

    assert stored() == before


def test_it_refuses_a_batch_size_below_one():
    with pytest.raises(ValueError, match=r"^batch_size must be at least 1"):
        personal_data_reencrypt(batch_size=0)


def test_the_command_prints_how_many_values_it_rewrote(settings):
    records_under_old_key(settings, 2)
    output = io.StringIO()

    call_command("reencrypt_personal_data", "--batch-size", "1", stdout=output)

    assert "Re-encrypted 3 personal-data values with the newest key" in output.getvalue()
    settings.SOLIDARITY_DATA_KEY = NEW_KEY
    assert sorted(PersonalRecord.objects.values_list("email", flat=True)) == [
        "person0@example.org",
        "person1@example.org",
    ]


def test_the_command_with_nothing_stored_rewrites_nothing():
    output = io.StringIO()

    call_command("reencrypt_personal_data", stdout=output)

    assert "Re-encrypted 0 personal-data values" in output.getvalue()


def test_the_command_without_a_data_key_fails_with_a_clear_message(settings):
    records_under_old_key(settings, 1)
    settings.SOLIDARITY_DATA_KEY = ""

    with pytest.raises(CommandError, match="SOLIDARITY_DATA_KEY is not set"):
        call_command("reencrypt_personal_data", stdout=io.StringIO())


def test_the_command_with_a_missing_old_key_fails_with_a_clear_message(settings):
    records_under_old_key(settings, 1)
    settings.SOLIDARITY_DATA_KEY = NEW_KEY

    with pytest.raises(CommandError, match="put every key still in use"):
        call_command("reencrypt_personal_data", stdout=io.StringIO())


def test_the_command_refuses_a_batch_size_below_one():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("reencrypt_personal_data", "--batch-size", "0", stdout=io.StringIO())


def test_only_models_with_a_table_of_their_own_are_rewritten(monkeypatch):
    """A proxy or unmanaged model shares or lacks the table: rewriting through it would be done twice or fail."""

    def model(name, *, proxy=False, managed=True):
        meta = SimpleNamespace(proxy=proxy, managed=managed, local_concrete_fields=[EncryptedTextField(name=name)])
        return SimpleNamespace(_meta=meta)

    proxy, unmanaged, own = model("a", proxy=True), model("b", managed=False), model("c")
    monkeypatch.setattr(services.apps, "get_models", lambda: [proxy, unmanaged, own])

    assert [found for found, _fields in services.encrypted_fields()] == [own]
