"""The mailbox an address reaches (core.crypto.normalise_mailbox, mailbox_lookup_hash): one signature per mailbox.

Case, a ``+tag``, invisible characters and an IDN domain's two spellings reach one mailbox; anything else that
mail servers tell apart (dots, other local parts, other domains) stays apart.
"""

from __future__ import annotations

import pytest

from solidarity.core import crypto


@pytest.mark.parametrize(
    ("typed", "mailbox"),
    [
        ("Ana@Example.ORG", "ana@example.org"),
        ("ana+calls@example.org", "ana@example.org"),
        ("Ana+Calls+More@example.org", "ana@example.org"),
        ("ana+@example.org", "ana@example.org"),
        ("\u200bana\u200c+x@exa\u2060mple.org\ufeff", "ana@example.org"),
        (" ana@example.org\n", "ana@example.org"),
        ("ana@BÜCHER.de", "ana@xn--bcher-kva.de"),
        ("+only-a-tag@example.org", "+only-a-tag@example.org"),  # no mailbox before the tag: kept whole
        ("no-at-sign", "no-at-sign"),
    ],
)
def test_normalise_mailbox(typed, mailbox):
    assert crypto.normalise_mailbox(typed) == mailbox


@pytest.mark.parametrize(
    "variant",
    ["ANA@example.org", "ana+petition@example.org", "a\u200bna@example.org", "ana@EXAMPLE.org", "ａｎａ@example.org"],
)
def test_variants_of_an_address_have_one_mailbox_hash(variant):
    assert crypto.mailbox_lookup_hash(variant) == crypto.mailbox_lookup_hash("ana@example.org")


@pytest.mark.parametrize(
    "other",
    ["a.na@example.org", "anna@example.org", "ana@example.com", "ana@mail.example.org", "+x@example.org"],
)
def test_other_mailboxes_stay_apart(other):
    assert crypto.mailbox_lookup_hash(other) != crypto.mailbox_lookup_hash("ana@example.org")


def test_the_mailbox_hash_is_not_the_address_hash():
    """Two blind indexes of one key, kept apart: a row of one cannot be matched against the other."""
    assert crypto.mailbox_lookup_hash("ana@example.org") != crypto.email_lookup_hash("ana@example.org")
    assert crypto.email_lookup_hash("ana+x@example.org") != crypto.email_lookup_hash("ana@example.org")


def test_the_mailbox_hash_is_pinned(settings):
    # A change here would silently let every signed address sign each call again.
    settings.SOLIDARITY_LOOKUP_KEY = "a stable lookup key"

    assert crypto.mailbox_lookup_hash("Ana+x@Example.org") == crypto.keyed_hash("mailbox:ana@example.org")
    assert crypto.mailbox_lookup_hash("ana@example.org") == "tyX7KQeMN7z5V9xcq09yBNyJAlspoJtkMY-Lb5MRmPs"
