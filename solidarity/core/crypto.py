"""Encryption of personal data at rest and keyed hashes for looking it up.

Keys never live in the database. ``SOLIDARITY_DATA_KEY`` holds one or more Fernet
keys separated by commas, newest first: new values are encrypted with the first,
old values still decrypt with any of them (MultiFernet), so keys can be rotated.
Lookups (is this email already subscribed?) use an HMAC of the normalised value
(a blind index) keyed by ``SOLIDARITY_LOOKUP_KEY`` alone: it never depends on the
data keys, so rotating those leaves every stored lookup hash valid.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import unicodedata
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "enc1:"


class MissingDataKey(ImproperlyConfigured):
    """Personal data cannot be written or read because no key is configured."""


class MissingLookupKey(ImproperlyConfigured):
    """Lookup hashes cannot be made because ``SOLIDARITY_LOOKUP_KEY`` is not configured."""


def _key_strings() -> list[str]:
    raw = getattr(settings, "SOLIDARITY_DATA_KEY", "") or ""
    keys = [key.strip() for key in raw.split(",") if key.strip()]
    if not keys:
        raise MissingDataKey(
            "SOLIDARITY_DATA_KEY is not set, so personal data cannot be stored. See docs/configuration.md."
        )
    return keys


@lru_cache(maxsize=8)
def _fernet_for(raw: str) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.strip().encode()) for key in raw.split(",") if key.strip()])
    except ValueError as error:
        raise ImproperlyConfigured(
            "SOLIDARITY_DATA_KEY must be Fernet keys (32 url-safe base64-encoded bytes), separated by commas."
        ) from error


def _fernet() -> MultiFernet:
    return _fernet_for(",".join(_key_strings()))


def encrypt(plaintext: str) -> str:
    """Encrypt and authenticate a text; the result is safe to store in a text column."""
    token = _fernet().encrypt(plaintext.encode("utf-8"))
    return PREFIX + token.decode("ascii")


def decrypt(stored: str) -> str:
    """Decrypt what :func:`encrypt` produced; a tampered or foreign value raises ValueError."""
    if not stored.startswith(PREFIX):
        raise ValueError("This value was not written by the personal-data encryption.")
    try:
        return _fernet().decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise ValueError(
            "This value cannot be decrypted with the configured keys (tampered, or key missing)."
        ) from error


def reencrypt(stored: str) -> str:
    """Re-encrypt a stored value with the newest key (for key rotation)."""
    if not stored.startswith(PREFIX):
        raise ValueError("This value was not written by the personal-data encryption.")
    return PREFIX + _fernet().rotate(stored[len(PREFIX) :].encode("ascii")).decode("ascii")


@lru_cache(maxsize=8)
def _lookup_key_for(material: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"solidarity blind index v1").derive(
        material.encode("utf-8")
    )


def _lookup_key() -> bytes:
    """The HMAC key of the blind index, derived from ``SOLIDARITY_LOOKUP_KEY`` and nothing else."""
    material = (settings.SOLIDARITY_LOOKUP_KEY or "").strip()
    if not material:
        raise MissingLookupKey(
            "SOLIDARITY_LOOKUP_KEY is not set, so personal data cannot be looked up. See docs/configuration.md."
        )
    return _lookup_key_for(material)


# Characters that show as nothing: pasted along with an address, they must not make it another one.
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# The shortest SOLIDARITY_LOOKUP_KEY that `check --deploy` accepts (solidarity.E007), in bytes.
LOOKUP_KEY_MIN_BYTES = 32


def _ascii_domain(domain: str) -> str:
    """An email domain in its ASCII (IDNA) form: bücher.de and xn--bcher-kva.de are the same domain.

    Python's own IDNA 2003 codec, whose mapping never changes with a library upgrade (a changed
    mapping would make stored lookup hashes unfindable). A domain it cannot encode stays as it is.
    """
    try:
        return domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return domain.casefold()


def normalise_email(email: str) -> str:
    """The form of an address that lookups compare.

    NFKC; zero-width characters removed and surrounding whitespace stripped; the local part
    case-folded (``STRAßE`` is ``strasse``), the domain in its IDNA ASCII form, lower case.
    """
    text = unicodedata.normalize("NFKC", email).translate(ZERO_WIDTH).strip()
    local, at, domain = text.rpartition("@")
    if not at:
        return text.casefold()
    return f"{local.casefold()}@{_ascii_domain(domain)}"


def keyed_hash(value: str) -> str:
    """A keyed hash (HMAC-SHA256) of a value, for lookups without storing the value."""
    digest = hmac.new(_lookup_key(), value.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def normalise_mailbox(email: str) -> str:
    """The mailbox an address reaches: :func:`normalise_email` without a ``+tag`` of the local part.

    ``Ana+calls@Example.org`` and ``ana@example.org`` reach one mailbox: where one person may do a
    thing once (sign a call), both are the same address.
    """
    normalised = normalise_email(email)
    local, at, domain = normalised.rpartition("@")
    if not at:
        return normalised
    base = local.split("+", 1)[0]
    return f"{base or local}@{domain}"


def mailbox_lookup_hash(email: str) -> str:
    """The blind index of a mailbox: equal for addresses that :func:`normalise_mailbox` makes equal."""
    return keyed_hash("mailbox:" + normalise_mailbox(email))


def email_lookup_hash(email: str) -> str:
    """The blind index of an email address: equal for addresses that :func:`normalise_email` makes equal."""
    return keyed_hash("email:" + normalise_email(email))
