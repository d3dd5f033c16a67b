"""The login signals (Django's and axes') that the audit log listens to; connected by ``StaffConfig.ready``.

A failed login is audited by ``lockout.LockoutHandler``, so that it comes before the lock it causes.
"""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in
from django.http import HttpRequest

from solidarity.staff import services


def on_logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    services.login_recorded(user)


def on_locked_out(sender: Any, request: HttpRequest, username: str | None = None, **kwargs: Any) -> None:
    services.lockout_recorded(request, username)


def connect() -> None:
    user_logged_in.connect(on_logged_in, dispatch_uid="solidarity.staff.login")
    user_locked_out.connect(on_locked_out, dispatch_uid="solidarity.staff.locked_out")
