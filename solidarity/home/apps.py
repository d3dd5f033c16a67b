from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "solidarity.home"
    label = "home"
    verbose_name = _("Home")

    def ready(self) -> None:
        from solidarity.home import signals

        signals.connect()
