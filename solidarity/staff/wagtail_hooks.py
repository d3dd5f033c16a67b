"""Staff accounts in the admin: the audit log's actions, and Security in the account menu."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry

from solidarity.staff.audit import register_actions


@hooks.register("register_log_actions")
def staff_log_actions(actions: LogActionRegistry) -> None:
    register_actions(actions)


@hooks.register("register_account_menu_item")
def security_account_menu_item(request: HttpRequest) -> dict[str, Any]:
    return {
        "url": reverse("staff_security"),
        "label": _("Security"),
        "help_text": _("Two-factor authentication, recovery codes, and logging out everywhere."),
    }
