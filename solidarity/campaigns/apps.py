from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "solidarity.campaigns"
    label = "campaigns"
    verbose_name = _("Campaigns")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from solidarity.campaigns import services, waiting  # noqa: F401  (waiting registers the dashboard's queues)
        from solidarity.campaigns.sitemaps import activity_entries
        from solidarity.core import retention, sitemaps

        retention.register_purge("campaigns", services.personal_data_purge)
        sitemaps.register("campaigns", activity_entries)
