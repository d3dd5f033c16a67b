"""Panels of the story editing form beyond Wagtail's own."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel


class TopicsToTranslatePanel(Panel):
    """The topics of the story's other languages that have no translation into its language.

    A new translation starts with the translations of the original's topics; those without one
    are left out, and this panel tells the editor which, so they add them in the new language.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/topics_to_translate.html"

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            from solidarity.stories import queries

            self.topics = queries.topics_without_translation(self.instance) if self.instance.pk else []

        def is_shown(self) -> bool:
            return bool(self.topics) and super().is_shown()

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context["topics"] = self.topics
            return context
