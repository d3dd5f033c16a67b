"""The audit log: one entry for each action that matters, with who, what and when.

Entries are Wagtail's log entries (``PageLogEntry`` for pages, ``ModelLogEntry`` for every other
record, the user account for logins and 2FA changes), so Wagtail's own actions (publishing,
deleting, workflow approvals and rejections) and ours sit in one log. Nothing in the admin edits
or deletes them. Each action of ours is declared here once, with its label; the places where it
happens call :func:`audit`.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogActionRegistry, log
from wagtail.models import BaseLogEntry

# action → (label, message), as Wagtail's action registry takes them.
ACTIONS: dict[str, tuple[Any, Any]] = {
    "solidarity.login": (_("Log in"), _("Logged in")),
    "solidarity.password_accepted": (_("Password accepted"), _("Password accepted, two-factor code not yet given")),
    "solidarity.login_failed": (_("Failed login"), _("Login failed")),
    "solidarity.locked_out": (_("Locked out"), _("Locked out after repeated failed logins")),
    "solidarity.unlocked": (_("Unlocked"), _("Login unlocked")),
    "solidarity.logout_everywhere": (_("Log out everywhere"), _("Logged out of every session")),
    "solidarity.two_factor_enabled": (_("Two-factor enabled"), _("Two-factor authentication set up")),
    "solidarity.two_factor_removed": (_("Two-factor removed"), _("Two-factor authentication removed")),
    "solidarity.recovery_codes": (_("Recovery codes"), _("New recovery codes made")),
    "solidarity.recovery_code_used": (_("Recovery code used"), _("Logged in with a recovery code")),
    "solidarity.roles_changed": (_("Roles changed"), _("Roles changed")),
    "solidarity.countries_changed": (_("Countries changed"), _("Countries of responsibility changed")),
    "solidarity.export": (_("Export"), _("Exported")),
    "solidarity.approve": (_("Approve"), _("Approved")),
    "solidarity.decline": (_("Decline"), _("Declined")),
}

# Wagtail's own actions that the audit log shows beside ours.
WAGTAIL_ACTIONS = (
    "wagtail.publish",
    "wagtail.publish.schedule",
    "wagtail.schedule.cancel",
    "wagtail.publish.scheduled",
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.delete",
    "wagtail.create",
    "wagtail.revert",
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
    "wagtail.move",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
    "wagtail.lock",
    "wagtail.unlock",
)

AUDITED_ACTIONS = (*ACTIONS, *WAGTAIL_ACTIONS)


def register_actions(actions: LogActionRegistry) -> None:
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def audit(
    instance: models.Model, action: str, *, user: Any = None, data: dict[str, Any] | None = None
) -> BaseLogEntry | None:
    """Record that ``user`` did ``action`` to ``instance`` (now); ``data`` holds the details worth keeping.

    ``data`` must never hold personal data of the public (emails, names of signers): the log keeps it forever.
    """
    if action not in ACTIONS and action not in WAGTAIL_ACTIONS:
        raise ValueError(f"Not an audited action: {action}")
    # Wagtail writes nothing for a lazy object (``request.user``): the entry is made with the real one.
    return log(real_object(instance), action, user=real_object(user), data=data or {})


def real_object(value: Any) -> Any:
    """The record itself, not a lazy stand-in for it (``request.user``): Wagtail's log and django-otp need the model."""
    if isinstance(value, LazyObject):
        if value._wrapped is empty:
            value._setup()
        return value._wrapped
    return value


def audit_export(sender: type[models.Model], *, user: Any, format: str, count: int, **kwargs: Any) -> None:
    """An export from the admin (``core.exports.records_exported``): one entry, on the account of who exported."""
    if user is None or not getattr(user, "is_authenticated", False):
        return
    data: dict[str, Any] = {"model": sender._meta.label, "format": format, "count": count}
    if kwargs.get("filters"):
        data["filters"] = kwargs["filters"]
    audit(user, "solidarity.export", user=user, data=data)
