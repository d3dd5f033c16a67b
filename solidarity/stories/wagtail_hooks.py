from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from solidarity.core.editors import languages_editor_first
from solidarity.stories import admin_views, queries
from solidarity.stories.models import Topic


@hooks.register("insert_global_admin_css")
def stories_admin_css() -> SafeString:
    return format_html('<link rel="stylesheet" href="{}">', static("stories/admin.css"))


class TopicViewSet(SnippetViewSet):
    """Topics under Snippets: each language's own, translated with "Translate" (the translations are linked)."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


register_snippet(TopicViewSet)


@hooks.register("register_admin_urls")
def translations_urls() -> list[Any]:
    return [
        path("translations/", admin_views.TranslationsOverviewView.as_view(), name="stories_translations"),
        path("translations/start/", admin_views.translation_start, name="stories_translation_start"),
    ]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return admin_views.may_see_translations(request.user)


@hooks.register("register_admin_menu_item")
def translations_menu_item() -> MenuItem:
    return TranslationsMenuItem(
        _("Translations"), reverse("stories_translations"), name="translations", icon_name="globe", order=150
    )


class WritePanel(Component):
    """The dashboard's first panel: a new story in each language (the editor's first), and each language's stories."""

    name = "stories_write"
    template_name = "stories/admin/write_panel.html"
    order = 50

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
        request = (parent_context or {})["request"]
        indexes = queries.story_indexes_by_language(languages_editor_first())
        return {
            "indexes": [index for index in indexes if index.permissions_for_user(request.user).can_add_subpage()],
            "request": request,
        }


@hooks.register("construct_homepage_panels")
def write_panel(request: HttpRequest, panels: list[Component]) -> None:
    panels.append(WritePanel())
