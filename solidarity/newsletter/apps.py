from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "solidarity.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from solidarity.core import retention, schedules
        from solidarity.newsletter import sending, services

        retention.register_purge("newsletter", services.personal_data_purge)
        # Scheduled mailings whose time has come start; a sending stopped by a crash resumes.
        schedules.register_job("newsletter.mailings", sending.mailings_run)
