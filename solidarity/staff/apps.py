from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """Staff accounts: roles and their country scope in the user admin, two-factor login, lockout, the audit log."""

    name = "solidarity.staff"
    label = "staff"
    verbose_name = _("Staff accounts")

    def ready(self) -> None:
        from solidarity.core.exports import records_exported
        from solidarity.staff.audit import audit_export

        records_exported.connect(audit_export, dispatch_uid="solidarity-staff-audit-export")
