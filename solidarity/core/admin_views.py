"""Admin pages every feature shares: the list behind the "Settings" menu, for whoever types /admin/settings/."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import settings_menu
from wagtail.admin.views.generic import WagtailAdminTemplateMixin


class SettingsIndexView(WagtailAdminTemplateMixin, TemplateView):
    """What the Settings menu holds for this user (users, groups, sites, languages, site settings …), as links."""

    template_name = "core/admin/settings_index.html"
    page_title = gettext_lazy("Settings")
    header_icon = "cogs"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["items"] = settings_menu.menu_items_for_request(self.request)
        return context
