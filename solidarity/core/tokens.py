"""Private links: a random token in the link mailed to someone, and only its keyed hash in the database.

A database dump alone opens no private link; the link itself is the key (keep it out of logs:
``core.logs`` leaves addresses' tokens out).
"""

from __future__ import annotations

import secrets

from solidarity.core import crypto

TOKEN_BYTES = 24  # 32 characters in a link


def private_token_new() -> tuple[str, str]:
    """A new token for a private link, and the hash to store: ``(token, token_hash)``."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, private_token_hash(token)


def private_token_hash(token: str) -> str:
    """What is stored of a private link's token, and what a lookup compares."""
    return crypto.keyed_hash("private-link:" + token.strip())
