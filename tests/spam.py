"""Sending a guarded public form in tests (core/spam.py): the guard's fields as a person's browser sends them."""

from __future__ import annotations

import time

from django.core import signing

from solidarity.core import spam


class _Earlier(signing.TimestampSigner):
    def __init__(self, seconds_ago: float) -> None:
        super().__init__(salt=spam.SALT)
        self.seconds_ago = seconds_ago

    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time() - self.seconds_ago))


def guard_fields(*, seconds_ago: float = 60, prefix: str = "") -> dict[str, str]:
    """The guard's fields of a form rendered ``seconds_ago`` and filled by a person (the honeypot left empty)."""
    name = f"{prefix}-" if prefix else ""
    return {
        f"{name}guard_homepage": "",
        f"{name}guard_started": _Earlier(seconds_ago).sign("form"),
        f"{name}guard_altcha": "",
    }
