"""Staff accounts in the admin: the audit log's actions, the audit log report (administrators only), and Security
in the account menu."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogActionRegistry

from solidarity.staff.admin_views import AuditLogView, may_manage_staff
from solidarity.staff.audit import register_actions


@hooks.register("register_log_actions")
def staff_log_actions(actions: LogActionRegistry) -> None:
    register_actions(actions)


@hooks.register("register_admin_urls")
def audit_log_urls() -> list[Any]:
    return [
        path("reports/audit-log/", AuditLogView.as_view(), name="staff_audit_log"),
        path("reports/audit-log/results/", AuditLogView.as_view(results_only=True), name="staff_audit_log_results"),
    ]


class AdministratorsMenuItem(MenuItem):
    """A menu item only administrators see."""

    def is_shown(self, request: HttpRequest) -> bool:
        return may_manage_staff(request.user)


@hooks.register("register_reports_menu_item")
def audit_log_menu_item() -> MenuItem:
    return AdministratorsMenuItem(
        _("Audit log"), reverse("staff_audit_log"), name="audit-log", icon_name="history", order=1050
    )


@hooks.register("register_account_menu_item")
def security_account_menu_item(request: HttpRequest) -> dict[str, Any]:
    return {
        "url": reverse("staff_security"),
        "label": _("Security"),
        "help_text": _("Two-factor authentication, recovery codes, and logging out everywhere."),
    }
