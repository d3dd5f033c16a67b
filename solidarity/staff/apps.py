"""The staff app, and Wagtail's user admin with our user forms (roles and countries)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class StaffConfig(AppConfig):
    """Staff accounts: roles and their country scope in the user admin, two-factor login, lockout, the audit log."""

    name = "solidarity.staff"
    label = "staff"
    verbose_name = _("Staff accounts")
    default = True

    def ready(self) -> None:
        from solidarity.staff import signals

        signals.connect()


class StaffUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin (``wagtail.users`` in INSTALLED_APPS is replaced by this) with our user forms."""

    default = False
    user_viewset = "solidarity.staff.admin_views.StaffUserViewSet"
