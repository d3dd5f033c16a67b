"""Staff accounts in the admin: the audit log's actions."""

from __future__ import annotations

from wagtail import hooks
from wagtail.log_actions import LogActionRegistry

from solidarity.staff.audit import register_actions


@hooks.register("register_log_actions")
def staff_log_actions(actions: LogActionRegistry) -> None:
    register_actions(actions)
