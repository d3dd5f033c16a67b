from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "solidarity.calls"
    label = "calls"
    verbose_name = _("Public calls")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from solidarity.calls import services
        from solidarity.calls.models import PublicCallPage
        from solidarity.core import extras, retention

        retention.register_purge("calls", services.personal_data_purge)
        # What stories' pages show of calls, without stories knowing calls (core.extras).
        extras.register("story_card", "calls/_story_card_extra.html")
        extras.register("story_aside", "calls/_story_aside_extra.html")
        page_published.connect(_terms_share, sender=PublicCallPage, dispatch_uid="calls-terms-share")


def _terms_share(sender: Any, instance: Any, **kwargs: Any) -> None:
    from solidarity.calls import services

    services.call_terms_share(instance)
