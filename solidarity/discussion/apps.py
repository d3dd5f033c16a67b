from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    name = "solidarity.discussion"
    label = "discussion"
    verbose_name = _("Comments and questions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from solidarity.core import extras, retention, schedules
        from solidarity.discussion import question_waiting, services, waiting  # noqa: F401  (the dashboard's queues)

        retention.register_purge("discussion", services.personal_data_purge)
        schedules.register_job("discussion.moderators_digest", services.moderators_digest_send)
        # What stories', calls' and campaigns' pages show of comments, without those apps knowing this one.
        extras.register("story_card", "discussion/_story_card_extra.html")
        extras.register("page_discussion", "discussion/_page_discussion.html")
