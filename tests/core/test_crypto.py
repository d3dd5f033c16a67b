"""Personal data at rest: encryption with rotating keys, and blind-index hashes for lookups."""

from __future__ import annotations

import base64

import pytest
from cryptography.fernet import Fernet

from solidarity.core import crypto
from tests.settings import TEST_DATA_KEY

OLD_KEY = "JlnQ_0oOTDSVOXQnT1jnWkkJ3tgG1m69H-pGjH6_gZY="
NEW_KEY = "Vpwi5xOV_E84cmHbYnnW4Ku5QdJHPs0f3CGs7nk8xDo="


def test_encrypt_then_decrypt_gives_back_the_text():
    stored = crypto.encrypt("alice@example.org")

    assert crypto.decrypt(stored) == "alice@example.org"


def test_encrypt_never_contains_the_plaintext():
    stored = crypto.encrypt("alice@example.org")

    assert stored.startswith("enc1:")
    assert "alice" not in stored
    assert "example" not in stored


def test_encrypting_the_same_text_twice_gives_different_values():
    assert crypto.encrypt("alice@example.org") != crypto.encrypt("alice@example.org")


def test_encrypt_keeps_any_unicode_text():
    text = "Алеся Бяляцкая — חנה 😀\x00"

    assert crypto.decrypt(crypto.encrypt(text)) == text


@pytest.mark.parametrize("position", [0, 20, 40, -1])
def test_decrypt_of_a_tampered_value_raises_value_error(position):
    token = bytearray(base64.urlsafe_b64decode(crypto.encrypt("alice@example.org").removeprefix("enc1:")))
    token[position] ^= 0x01
    tampered = "enc1:" + base64.urlsafe_b64encode(bytes(token)).decode()

    with pytest.raises(ValueError, match="cannot be decrypted"):
        crypto.decrypt(tampered)


def test_decrypt_of_a_truncated_value_raises_value_error():
    with pytest.raises(ValueError, match=r"^This value cannot be decrypted with the configured keys"):
        crypto.decrypt(crypto.encrypt("alice@example.org")[:-10])


def test_decrypt_of_a_value_not_written_by_encrypt_raises_value_error():
    with pytest.raises(ValueError, match=r"^This value was not written by the personal-data encryption"):
        crypto.decrypt("alice@example.org")


def test_decrypt_of_a_value_encrypted_with_another_key_raises_value_error(settings):
    settings.SOLIDARITY_DATA_KEY = OLD_KEY
    stored = crypto.encrypt("alice@example.org")
    settings.SOLIDARITY_DATA_KEY = NEW_KEY

    with pytest.raises(ValueError, match=r"^This value cannot be decrypted with the configured keys"):
        crypto.decrypt(stored)


def test_value_encrypted_with_the_old_key_decrypts_after_a_new_key_is_prepended(settings):
    settings.SOLIDARITY_DATA_KEY = OLD_KEY
    stored = crypto.encrypt("alice@example.org")

    settings.SOLIDARITY_DATA_KEY = f"{NEW_KEY}, {OLD_KEY}"

    assert crypto.decrypt(stored) == "alice@example.org"


def test_new_values_are_encrypted_with_the_first_key(settings):
    settings.SOLIDARITY_DATA_KEY = f"{NEW_KEY},{OLD_KEY}"
    stored = crypto.encrypt("alice@example.org")

    token = stored.removeprefix("enc1:").encode()
    assert Fernet(NEW_KEY).decrypt(token) == b"alice@example.org"


def test_reencrypt_moves_a_value_to_the_new_key(settings):
    settings.SOLIDARITY_DATA_KEY = OLD_KEY
    stored = crypto.encrypt("alice@example.org")
    settings.SOLIDARITY_DATA_KEY = f"{NEW_KEY},{OLD_KEY}"

    rotated = crypto.reencrypt(stored)

    assert rotated != stored
    settings.SOLIDARITY_DATA_KEY = NEW_KEY  # the old key is retired
    assert crypto.decrypt(rotated) == "alice@example.org"


def test_reencrypt_of_a_value_not_written_by_encrypt_raises_value_error():
    with pytest.raises(ValueError, match=r"^This value was not written by the personal-data encryption"):
        crypto.reencrypt("alice@example.org")


@pytest.mark.parametrize("missing", ["", " ", " , "])
def test_encrypt_without_a_key_raises_and_returns_nothing(settings, missing):
    settings.SOLIDARITY_DATA_KEY = missing

    with pytest.raises(crypto.MissingDataKey):
        crypto.encrypt("alice@example.org")


def test_decrypt_without_a_key_raises_missing_data_key(settings):
    stored = crypto.encrypt("alice@example.org")
    settings.SOLIDARITY_DATA_KEY = ""

    with pytest.raises(crypto.MissingDataKey):
        crypto.decrypt(stored)


def test_encrypt_with_a_malformed_key_raises_improperly_configured(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.SOLIDARITY_DATA_KEY = "not-a-fernet-key"

    with pytest.raises(ImproperlyConfigured, match="Fernet keys"):
        crypto.encrypt("alice@example.org")


def test_email_lookup_hash_ignores_case_and_surrounding_spaces():
    assert crypto.email_lookup_hash(" Alice@Example.ORG ") == crypto.email_lookup_hash("alice@example.org")


def test_email_lookup_hash_normalises_unicode_forms():
    assert crypto.email_lookup_hash("ａｌｉｃｅ@example.org") == crypto.email_lookup_hash("alice@example.org")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("user@bücher.de", "user@xn--bcher-kva.de"),  # an IDN domain and its ASCII form
        ("User@BÜCHER.de", "user@XN--BCHER-KVA.DE"),
        ("user@example.org\u200b", "user@example.org"),  # a trailing zero-width space
        ("\ufeffus\u200cer\u2060@exa\u200dmple.org", "user@example.org"),  # zero-width anywhere
        ("\u00a0user@example.org\u3000\n", "user@example.org"),  # surrounding whitespace of any kind
        ("STRAßE@example.org", "strasse@example.org"),  # casefold: ß is ss
        ("anna@straße.de", "anna@strasse.de"),
    ],
)
def test_email_lookup_hash_finds_the_same_address_written_differently(typed, stored):
    assert crypto.email_lookup_hash(typed) == crypto.email_lookup_hash(stored)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("user@bücher.de", "user@bucher.de"),
        ("us er@example.org", "user@example.org"),  # inner whitespace is not dropped
        ("user@example.org", "user@example.org.ru"),
        ("a@b@example.org", "a@example.org"),
    ],
)
def test_email_lookup_hash_keeps_different_addresses_apart(one, other):
    assert crypto.email_lookup_hash(one) != crypto.email_lookup_hash(other)


@pytest.mark.parametrize("odd", ["no-at-sign", "user@", "@example.org", "user@a..b", "user@" + "x" * 70 + ".de"])
def test_email_lookup_hash_of_an_odd_address_is_made_without_raising(odd):
    assert crypto.email_lookup_hash(odd) == crypto.email_lookup_hash(odd.upper())


def test_email_lookup_hash_differs_for_different_emails():
    assert crypto.email_lookup_hash("alice@example.org") != crypto.email_lookup_hash("bob@example.org")


def test_email_lookup_hash_does_not_reveal_the_email():
    digest = crypto.email_lookup_hash("alice@example.org")

    assert "alice" not in digest
    assert len(digest) == 43  # 32 bytes, url-safe base64 without padding


def test_email_lookup_hash_differs_under_another_lookup_key(settings):
    settings.SOLIDARITY_LOOKUP_KEY = "one lookup key"
    first = crypto.email_lookup_hash("alice@example.org")
    settings.SOLIDARITY_LOOKUP_KEY = "another lookup key"

    assert crypto.email_lookup_hash("alice@example.org") != first


def test_email_lookup_hash_is_the_hmac_under_a_key_derived_from_the_lookup_key_alone(settings):
    # Pinned: a change here would silently orphan every stored lookup hash.
    settings.SOLIDARITY_LOOKUP_KEY = "a stable lookup key"

    assert crypto.email_lookup_hash("alice@example.org") == "O6XUULmGJC7k07ORx7PopxSLrxm6XtZkv2swCeKPnsw"


def test_email_lookup_hash_is_unchanged_when_a_new_data_key_is_prepended(settings):
    settings.SOLIDARITY_DATA_KEY = OLD_KEY
    before = crypto.email_lookup_hash("alice@example.org")

    settings.SOLIDARITY_DATA_KEY = f"{NEW_KEY},{OLD_KEY}"
    after_prepending = crypto.email_lookup_hash("alice@example.org")
    settings.SOLIDARITY_DATA_KEY = NEW_KEY  # the old key retired
    after_retiring = crypto.email_lookup_hash("alice@example.org")

    assert before == after_prepending == after_retiring


def test_email_lookup_hash_is_unchanged_under_a_different_data_key(settings):
    settings.SOLIDARITY_DATA_KEY = TEST_DATA_KEY
    with_test_key = crypto.email_lookup_hash("alice@example.org")
    settings.SOLIDARITY_DATA_KEY = NEW_KEY

    assert crypto.email_lookup_hash("alice@example.org") == with_test_key


def test_email_lookup_hash_needs_no_data_key(settings):
    settings.SOLIDARITY_DATA_KEY = ""
    settings.SOLIDARITY_LOOKUP_KEY = "a stable lookup key"

    assert crypto.email_lookup_hash("alice@example.org") == "O6XUULmGJC7k07ORx7PopxSLrxm6XtZkv2swCeKPnsw"


@pytest.mark.parametrize("missing", ["", "  "])
def test_email_lookup_hash_without_a_lookup_key_raises_even_with_a_data_key(settings, missing):
    settings.SOLIDARITY_DATA_KEY = TEST_DATA_KEY
    settings.SOLIDARITY_LOOKUP_KEY = missing

    with pytest.raises(crypto.MissingLookupKey, match="SOLIDARITY_LOOKUP_KEY"):
        crypto.email_lookup_hash("alice@example.org")


def test_missing_lookup_key_is_reported_as_a_configuration_error(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.SOLIDARITY_LOOKUP_KEY = ""

    with pytest.raises(ImproperlyConfigured, match="SOLIDARITY_LOOKUP_KEY"):
        crypto.email_lookup_hash("alice@example.org")


def test_generate_data_key_prints_a_usable_key(settings):
    import io

    from django.core.management import call_command

    output = io.StringIO()
    call_command("generate_data_key", stdout=output)
    settings.SOLIDARITY_DATA_KEY = output.getvalue().strip()

    assert crypto.decrypt(crypto.encrypt("alice@example.org")) == "alice@example.org"
