from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "solidarity.home"
    label = "home"
    verbose_name = _("Home")

    def ready(self) -> None:
        from solidarity.core import sitemaps
        from solidarity.home import signals
        from solidarity.home.models import HomePage
        from solidarity.home.queries import home_page_dates

        signals.connect()
        sitemaps.register_listing(HomePage, home_page_dates)
