from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """Staff accounts: roles and their country scope in the user admin, two-factor login, lockout, the audit log."""

    name = "solidarity.staff"
    label = "staff"
    verbose_name = _("Staff accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_session_started, dispatch_uid="solidarity.staff.session_started")


def _session_started(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Each login notes its time in the session: idle expiry and "log out everywhere" read it."""
    from solidarity.staff import sessions

    if request is not None and hasattr(request, "session"):
        sessions.started(request.session)
