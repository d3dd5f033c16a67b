"""The editors' admin, what every feature shares: the editor's language, its home page, the dashboard's own panels.

The editor's language is their admin language (Wagtail activates it from their account, else
from the browser) when it is one of the site's languages, else the default language (English).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, PageLogEntry, Site

from solidarity.core import access
from solidarity.core.waiting import waiting_for

RECENT_CHANGES = 10
DRAFTS = 10


def editor_language() -> str:
    """The language code of the editor's admin language when the site has it, else the default language."""
    code = (translation.get_language() or "").split("-")[0].lower()
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def languages_editor_first() -> list[str]:
    """The site's language codes, the editor's first, the others in the order of LANGUAGES."""
    first = editor_language()
    return [first, *(code for code, _name in settings.LANGUAGES if code != first)]


def editor_locale() -> Locale | None:
    return Locale.objects.filter(language_code=editor_language()).first()


def editor_home() -> Page | None:
    """The home page of the editor's language: the default site's root page in that language."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    locale = editor_locale()
    if site is None or locale is None:
        return None
    return site.root_page.get_translation_or_none(locale) or site.root_page


def editor_drafts(user: Any, *, limit: int = DRAFTS) -> list[Page]:
    """Pages with changes not published yet that this editor made last (or owns, for a page never published)."""
    mine = Q(latest_revision__user=user) | Q(owner=user, latest_revision__isnull=True)
    pages = (
        Page.objects.filter(mine, has_unpublished_changes=True)
        .select_related("locale")
        .order_by("-latest_revision_created_at", "-pk")
    )
    return list(access.pages_visible_to(user, pages).specific(defer=True)[:limit])


def recent_changes(user: Any, *, limit: int = RECENT_CHANGES) -> list[PageLogEntry]:
    """The latest changes by anyone (Wagtail's page log) to pages this editor may see, newest first."""
    entries = PageLogEntry.objects.viewable_by_user(user).select_related("user", "page", "page__locale")
    if access.is_country_scoped(user):  # their countries' pages, and not the log of a deleted page
        entries = entries.filter(page__in=access.pages_visible_to(user, Page.objects.all()))
    return list(entries.order_by("-timestamp", "-pk")[:limit])


class DraftsPanel(Component):
    """The dashboard's "Your drafts": what the editor started or changed and has not published."""

    name = "solidarity_drafts"
    template_name = "core/admin/drafts_panel.html"
    order = 240

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
        request = (parent_context or {})["request"]
        return {"drafts": editor_drafts(request.user), "request": request}


class RecentChangesPanel(Component):
    """The dashboard's "Recent changes": the latest entries of Wagtail's page log, by every editor."""

    name = "solidarity_recent_changes"
    template_name = "core/admin/recent_changes_panel.html"
    order = 260

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
        request = (parent_context or {})["request"]
        every_change = access.may_open_admin_view(request.user, "wagtailadmin_reports:site_history", (), {})
        return {"entries": recent_changes(request.user), "every_change": every_change, "request": request}


class WaitingForYouPanel(Component):
    """The dashboard's "Waiting for you": every queue of ``core.waiting`` with something for this user.

    It takes the place of Wagtail's "Awaiting your review" and "Your pages in a workflow" panels
    (their content is core's first two queues); with nothing waiting it says so in one line.
    """

    name = "solidarity_waiting_for_you"
    template_name = "core/admin/waiting_panel.html"
    order = 200

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
        request = (parent_context or {})["request"]
        return {"queues": waiting_for(request.user), "request": request}
