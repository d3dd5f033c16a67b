"""How many failed logins lock, and for how long (``STAFF_LOGIN_FAILURE_LIMIT``, ``STAFF_LOCKOUT_MINUTES``): what
axes reads (``AXES_FAILURE_LIMIT``, ``AXES_COOLOFF_TIME``) and what the audit log says of a lock."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest

# Set on a request whose login axes refused (a locked one): its failure is not counted or audited again.
REFUSED = "solidarity_login_refused"


def lockout_minutes() -> int:
    """How long a lock lasts, in minutes (``STAFF_LOCKOUT_MINUTES``)."""
    return int(settings.STAFF_LOCKOUT_MINUTES)


def cool_off(request: HttpRequest | None = None) -> timedelta:
    """How long a lock lasts (``AXES_COOLOFF_TIME``)."""
    return timedelta(minutes=lockout_minutes())


def failure_limit(request: HttpRequest | None = None, credentials: dict[str, Any] | None = None) -> int:
    """How many failures lock (``AXES_FAILURE_LIMIT``): ``STAFF_LOGIN_FAILURE_LIMIT``."""
    return int(settings.STAFF_LOGIN_FAILURE_LIMIT)
