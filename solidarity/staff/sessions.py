"""Staff sessions: the login time and last activity each session keeps, idle expiry, and "log out everywhere".

A session stores when its login happened (``LOGIN_AT``) and when its user was last active
(``LAST_ACTIVITY``, written at most once a minute so that most requests save nothing).
``StaffAccountMiddleware`` ends a staff session idle for longer than ``STAFF_SESSION_IDLE_MINUTES``
and one that began before the user's :class:`~solidarity.staff.models.SessionCutoff`.
Anonymous readers never get a session from any of this: only a login writes these keys.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from solidarity.staff.audit import audit, real_object
from solidarity.staff.models import SessionCutoff

LOGIN_AT = "solidarity_login_at"
LAST_ACTIVITY = "solidarity_last_activity"
ACTIVITY_WRITE_INTERVAL = 60  # seconds


def now() -> float:
    """The current time as a POSIX timestamp (what sessions store)."""
    return timezone.now().timestamp()


def idle_limit_seconds() -> int:
    return int(getattr(settings, "STAFF_SESSION_IDLE_MINUTES", 60)) * 60


def started(session: SessionBase) -> None:
    """A login happened in this session (``user_logged_in`` calls this)."""
    moment = now()
    session[LOGIN_AT] = moment
    session[LAST_ACTIVITY] = moment


def is_idle_too_long(session: SessionBase, *, at: float | None = None) -> bool:
    last = session.get(LAST_ACTIVITY)
    if last is None:
        return False
    return ((now() if at is None else at) - float(last)) > idle_limit_seconds()


def touch(session: SessionBase, *, at: float | None = None) -> None:
    """The user was active: remember it, at most once a minute (a write of the session each time)."""
    moment = now() if at is None else at
    last = session.get(LAST_ACTIVITY)
    if last is None or moment - float(last) >= ACTIVITY_WRITE_INTERVAL:
        session[LAST_ACTIVITY] = moment


def cutoff(user: Any) -> datetime | None:
    return SessionCutoff.objects.filter(user=user).values_list("sessions_valid_after", flat=True).first()


def is_cut_off(session: SessionBase, user: Any) -> bool:
    """Whether the user logged out everywhere after this session's login (a session without a login time too)."""
    valid_after = cutoff(user)
    if valid_after is None:
        return False
    return float(session.get(LOGIN_AT, 0)) <= valid_after.timestamp()


def cut_off_sessions(user: Any) -> None:
    """Every session of ``user`` started until now ends at its next request."""
    SessionCutoff.objects.update_or_create(user=user, defaults={"sessions_valid_after": timezone.now()})


def logout_everywhere(request: HttpRequest) -> None:
    """End every session of the request's user, in every browser, this one included; audited."""
    user = real_object(request.user)
    with transaction.atomic():
        cut_off_sessions(user)
        audit(user, "solidarity.logout_everywhere", user=user)
    logout(request)
