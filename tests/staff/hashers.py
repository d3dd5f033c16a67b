"""A password hasher that counts how often it hashes, to compare what logins cost."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingHasher(MD5PasswordHasher):
    """Django's fast MD5 hasher (tests only), counting every password it hashes in ``calls``."""

    calls = 0

    def encode(self, password: Any, salt: str) -> str:
        CountingHasher.calls += 1
        return super().encode(password, salt)
