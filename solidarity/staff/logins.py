"""Staff logins' writes: the login entries of the audit log, and unlocking a locked login.

What goes into the audit log about a login names the account and never the client's address, the
password typed or the user agent. An attempt on a username that has no account leaves nothing in
the audit log: there is no account to attach it to, and what was typed may be someone's email
address or a password typed into the wrong field (axes still counts it, under the username).
"""

from __future__ import annotations

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Sum
from django.http import HttpRequest

from solidarity.staff import two_factor
from solidarity.staff.audit import audit
from solidarity.staff.lockout_rules import REFUSED, failure_limit, lockout_minutes


def account_named(username: str | None) -> Any:
    """The user account with this username, or None."""
    if not username:
        return None
    model = get_user_model()
    try:
        return model._default_manager.get_by_natural_key(username)
    except model.DoesNotExist:
        return None


def login_recorded(user: Any) -> None:
    """Audit the password step of ``user``'s login: a login, unless a two-factor code must still follow
    (then the login is audited when the code is given, ``two_factor.mark_verified``)."""
    if two_factor.required() and two_factor.is_staff_member(user):
        audit(user, "solidarity.password_accepted", user=user)
    else:
        audit(user, "solidarity.login", user=user)


def login_failure_recorded(request: HttpRequest | None, username: str | None) -> None:
    """Audit a wrong password for an existing account; nothing for an unknown username or a refused (locked) login."""
    if request is not None and getattr(request, REFUSED, False):
        return
    account = account_named(username)
    if account is not None:
        audit(account, "solidarity.login_failed")


def _failures(request: HttpRequest, **bucket: Any) -> int:
    attempts = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request), **bucket)
    return int(attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)


def lockout_recorded(request: HttpRequest, username: str | None) -> None:
    """Audit a lock as it begins: one entry, saying what the failure locked (the account, its address, or both).

    Axes sends its signal on every refused attempt during a lock as well; those record nothing
    (their failure was not counted, so ``axes_failures_since_start`` is not set). A lock of an
    address goes on the account whose attempt made it; a lock reached on a username without an
    account records nothing (see the module's docstring).
    """
    if getattr(request, "axes_failures_since_start", None) is None:
        return
    account = account_named(username)
    if account is None:
        return
    limit = failure_limit()
    locked = []
    if _failures(request, username=username) >= limit:
        locked.append("account")
    address = getattr(request, "axes_ip_address", None)
    if address and _failures(request, ip_address=address) >= limit:
        locked.append("address")
    audit(account, "solidarity.locked_out", data={"locked": locked, "minutes": lockout_minutes(), "failures": limit})


def unlock_login(username: str) -> int:
    """Clear the failed logins counted for ``username`` (so its lock), audited on its account; the number cleared."""
    with transaction.atomic():
        cleared = reset(username=username)
        account = account_named(username)
        if account is not None:
            audit(account, "solidarity.unlocked", data={"cleared": cleared})
    return cleared


def unlock_every_login() -> int:
    """Clear every failed login counted, by username and by address; the number cleared."""
    return reset()
