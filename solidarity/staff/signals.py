"""Signals of the staff app: group changes made outside the services are audited; log entries are never changed.

* A change of someone's groups made elsewhere (Wagtail's "Assign role" bulk action, the shell)
  leaves one ``solidarity.roles_changed`` entry per person, as :mod:`solidarity.staff.services`
  does; the services' own changes are not logged twice.
* A log entry, once written, is never saved again nor deleted through the ORM (Wagtail itself only
  adds entries; it marks a deleted page's entries with a queryset update, which stays allowed).
* An export from the admin (``core.exports.records_exported``) leaves one ``solidarity.export`` entry.
* Logins and lockouts (Django's and axes' signals) are audited through :mod:`solidarity.staff.logins`;
  a failed login is audited by ``lockout.LockoutHandler``, so that it comes before the lock it causes.
"""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.http import HttpRequest
from wagtail.models import ModelLogEntry, PageLogEntry

from solidarity.core.access import forget_scope
from solidarity.core.exports import records_exported
from solidarity.staff import logins, sessions
from solidarity.staff.audit import audit, audit_export
from solidarity.staff.services import group_names, roles_snapshot, roles_writing

_BEFORE = "_staff_groups_before"


class AuditLogIsAppendOnly(Exception):
    """Raised on an attempt to change or delete an entry of the audit log."""


def _affected_users(instance: Any, reverse: bool, pk_set: set[Any] | None) -> list[Any]:
    if not reverse:
        return [instance]
    users = get_user_model().objects.all()
    if pk_set is None:  # group.user_set.clear()
        return list(users.filter(groups=instance))
    return list(users.filter(pk__in=pk_set))


def groups_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set[Any] | None, **kwargs: Any
) -> None:
    """Audit a change of users' groups that no service made: the names before (pre_*) and after (post_*)."""
    if roles_writing():
        return
    if action.startswith("pre_"):
        snapshot = {user.pk: (user, group_names(user)) for user in _affected_users(instance, reverse, pk_set)}
        setattr(instance, _BEFORE, snapshot)
        return
    before: dict[Any, tuple[Any, list[str]]] | None = getattr(instance, _BEFORE, None)
    if not before:
        return
    delattr(instance, _BEFORE)
    for user, names in before.values():
        after = group_names(user)
        if after != names:
            audit(
                user,
                "solidarity.roles_changed",
                data={"before": roles_snapshot(user, groups=names), "after": roles_snapshot(user, groups=after)},
            )
            forget_scope(user)


def refuse_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    if instance.pk is not None and not instance._state.adding:
        raise AuditLogIsAppendOnly(f"{sender.__name__} {instance.pk} is part of the audit log and cannot be changed.")


def refuse_delete(sender: Any, instance: Any, **kwargs: Any) -> None:
    raise AuditLogIsAppendOnly(f"{sender.__name__} {instance.pk} is part of the audit log and cannot be deleted.")


def on_logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Each login is audited and notes its time in the session (idle expiry and "log out everywhere" read it)."""
    logins.login_recorded(user)
    if request is not None and hasattr(request, "session"):
        sessions.started(request.session)


def on_locked_out(sender: Any, request: HttpRequest, username: str | None = None, **kwargs: Any) -> None:
    logins.lockout_recorded(request, username)


def connect() -> None:
    """Connect the staff app's signal handlers (from its AppConfig.ready)."""
    user_logged_in.connect(on_logged_in, dispatch_uid="solidarity.staff.login")
    user_locked_out.connect(on_locked_out, dispatch_uid="solidarity.staff.locked_out")
    records_exported.connect(audit_export, dispatch_uid="solidarity.staff.audit_export")
    through = get_user_model().groups.through
    m2m_changed.connect(groups_changed, sender=through, dispatch_uid="staff_groups_changed")
    for model in (PageLogEntry, ModelLogEntry):
        pre_save.connect(refuse_change, sender=model, dispatch_uid=f"staff_refuse_change_{model.__name__}")
        pre_delete.connect(refuse_delete, sender=model, dispatch_uid=f"staff_refuse_delete_{model.__name__}")
