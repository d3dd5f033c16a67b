from typing import Any

from django.apps import AppConfig
from django.db.models import Model
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "solidarity.stories"
    label = "stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from wagtail.signals import copy_for_translation_done

        copy_for_translation_done.connect(_translation_copied, dispatch_uid="stories-translation-prepare")
        from solidarity.core import sitemaps
        from solidarity.stories.models import StoryIndexPage
        from solidarity.stories.queries import latest_story_by_language
        from solidarity.stories.sitemaps import country_entries

        sitemaps.register("countries", country_entries)
        sitemaps.register_listing(StoryIndexPage, latest_story_by_language)


def _translation_copied(sender: type, source_obj: Model, target_obj: Model, **kwargs: Any) -> None:
    from wagtail.models import Page

    from solidarity.stories.services import story_translation_prepare

    if isinstance(target_obj, Page):
        story_translation_prepare(target_obj)
