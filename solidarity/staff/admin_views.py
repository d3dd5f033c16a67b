"""The staff admin: Wagtail's user admin with roles and countries, and the audit log report (administrators only)."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_actions_for_filter,
    get_users_for_filter,
)
from wagtail.users.views import users as wagtail_users

from solidarity.core.countries import by_name
from solidarity.core.roles import role_for_group
from solidarity.staff.audit import AUDITED_ACTIONS, audit
from solidarity.staff.forms import StaffRolesFormMixin, StaffUserCreationForm, StaffUserEditForm
from solidarity.staff.services import staff_access_set


def may_manage_staff(user: Any) -> bool:
    """Users, roles and the audit log are for administrators (superusers) only."""
    return bool(getattr(user, "is_active", False) and getattr(user, "is_superuser", False))


class _SavesRolesThroughServices:
    """Saves the account with Wagtail's view, then the roles and countries through the staff services."""

    form: StaffRolesFormMixin
    request: HttpRequest

    def save_instance(self) -> Any:
        with transaction.atomic():
            user = super().save_instance()  # type: ignore[misc]
            form = self.form
            staff_access_set(user, form.chosen_groups, form.chosen_superuser, form.chosen_codes, by=self.request.user)
        return user


class StaffUserCreateView(_SavesRolesThroughServices, wagtail_users.CreateView):
    template_name = "staff/users/create.html"


class StaffUserEditView(_SavesRolesThroughServices, wagtail_users.EditView):
    template_name = "staff/users/edit.html"


def roles_of(user: Any) -> str:
    """A staff member's roles as the users list shows them: "Administrator", "Editor",
    "Country coordinator (Belarus, Russia)" (the groups and countries must be prefetched)."""
    roles = [str(_("Administrator"))] if user.is_superuser else []
    for group in sorted(user.groups.all(), key=lambda group: group.name):
        role = role_for_group(group.name)
        if role is None:
            roles.append(group.name)
        elif role.country_scoped:
            scope = getattr(user, "staff_countries", None)
            countries = ", ".join(country.name for country in by_name(scope.countries.all())) if scope else ""
            roles.append(f"{role.label} ({countries or '—'})")
        else:
            roles.append(str(role.label))
    return ", ".join(roles)


class StaffUserIndexView(wagtail_users.IndexView):
    """Wagtail's list of users, whose "Access level" says each person's roles (and a coordinator's countries)."""

    def get_base_queryset(self) -> QuerySet[Any]:
        return super().get_base_queryset().prefetch_related("groups", "staff_countries__countries")

    @cached_property
    def columns(self) -> list[Any]:
        columns = list(super().columns)
        for position, column in enumerate(columns):
            if column.name == "is_superuser":
                columns[position] = Column("roles", accessor=roles_of, label=_("Roles"), classname="level", width="25%")
        return columns


class StaffUserViewSet(wagtail_users.UserViewSet):
    """Wagtail's users, with each person's roles in the list and the "Countries" of a country coordinator in the
    add and edit forms."""

    index_view_class = StaffUserIndexView
    add_view_class = StaffUserCreateView
    edit_view_class = StaffUserEditView
    create_template_name = "staff/users/create.html"
    edit_template_name = "staff/users/edit.html"

    def get_form_class(self, for_update: bool = False) -> type[StaffRolesFormMixin]:
        return StaffUserEditForm if for_update else StaffUserCreationForm


# ---------------------------------------------------------------------------------------------
# The audit log
# ---------------------------------------------------------------------------------------------


class AuditLogFilterSet(SiteHistoryReportFilterSet):
    """Site history's filters (action, user, date range, object type), with the audited actions only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters.pop("is_commenting_action", None)

    def get_action_choices(self) -> list[tuple[str, Any]]:
        return [choice for choice in get_actions_for_filter(self.request.user) if choice[0] in AUDITED_ACTIONS]

    def get_users_queryset(self) -> QuerySet[Any]:
        return get_users_for_filter(self.request.user)


def details(entry: Any) -> str:
    """The entry's details in one line: a "before → after" for a change, else its data as JSON (or nothing)."""
    data = entry.data or {}
    if isinstance(data, dict) and "before" in data and "after" in data:
        return f"{_plain(data['before'])} → {_plain(data['after'])}"
    return json.dumps(data, ensure_ascii=False, sort_keys=True) if data else ""


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        groups = ", ".join(value.get("groups") or []) or "—"
        return f"{_('Administrator')}, {groups}" if value.get("administrator") else groups
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "—"
    return str(value)


class AuditLogView(LogEntriesView):
    """Who did what, when: the audited actions of every log (pages and other records), newest first.

    Administrators only (everyone else gets 403). Exported as CSV or XLSX like Wagtail's reports;
    each export is itself audited (``solidarity.export``). Nothing here edits or deletes an entry.
    """

    results_template_name = "staff/audit_log_results.html"
    page_title = _("Audit log")
    header_icon = "history"
    filterset_class = AuditLogFilterSet
    index_url_name = "staff_audit_log"
    index_results_url_name = "staff_audit_log_results"

    export_headings = {**LogEntriesView.export_headings, "details": _("Details")}
    list_export = [*LogEntriesView.list_export, "details"]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not may_manage_staff(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return super().filter_queryset(queryset.filter(action__in=AUDITED_ACTIONS))

    def decorate_paginated_queryset(self, queryset: Any) -> list[Any]:
        entries = super().decorate_paginated_queryset(queryset)
        for entry in entries:
            entry.details = details(entry)
        return entries

    def get_filename(self) -> str:
        return f"audit-log-{timezone.localdate().isoformat()}"

    def as_spreadsheet(self, queryset: Any, spreadsheet_format: str) -> HttpResponse:
        filters = {key: self.request.GET.getlist(key) for key in self.request.GET if key != "export"}
        audit(
            self.request.user,
            "solidarity.export",
            user=self.request.user,
            data={"what": "audit log", "format": spreadsheet_format, "filters": filters},
        )
        response: HttpResponse = super().as_spreadsheet(queryset, spreadsheet_format)
        return response
