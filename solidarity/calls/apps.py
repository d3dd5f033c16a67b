from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "solidarity.calls"
    label = "calls"
    verbose_name = _("Public calls")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from solidarity.calls import services
        from solidarity.core import retention

        retention.register_purge("calls", services.personal_data_purge)
