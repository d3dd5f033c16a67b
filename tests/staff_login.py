"""Staff logged in on a test client, as the admin requires them to be."""

from __future__ import annotations

from typing import Any

from django.test import Client


def login_staff(client: Client, user: Any) -> Any:
    """Log ``user`` in on ``client`` as a staff member who passed every login step; returns the user."""
    client.force_login(user)
    return user
