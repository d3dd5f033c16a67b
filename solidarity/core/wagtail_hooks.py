"""The editors' admin, what every feature shares: dashboard panels, the page tree in the editor's language,
and core's records (member organisations, country introductions) as snippets."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import django_filters
from django.db.models import Case, QuerySet, Value, When
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import Resolver404, path, resolve, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Page
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet

from solidarity.core import access
from solidarity.core.admin_views import (
    CountryScopedSnippetViewSet,
    OutgoingEmailReportView,
    SettingsIndexView,
    outgoing_email_send_again,
)
from solidarity.core.editors import (
    DraftsPanel,
    RecentChangesPanel,
    WaitingForYouPanel,
    editor_home,
    languages_editor_first,
)
from solidarity.core.forms import CountryIntroductionForm, MemberOrganisationForm
from solidarity.core.models import Country, CountryIntroduction, MemberOrganisation
from solidarity.core.queries import member_countries


@hooks.register("insert_global_admin_css")
def core_admin_css() -> SafeString:
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))


@hooks.register("register_admin_urls")
def settings_index_url() -> list[Any]:
    """/admin/settings/ lists the Settings menu (the menu itself has no page of its own)."""
    return [path("settings/", SettingsIndexView.as_view(), name="solidarity_settings_index")]


# Wagtail's dashboard panels that ours replace: "Your most recent edits" (Your drafts), "Awaiting your
# review" and "Your pages and snippets in a workflow" (both in Waiting for you).
REPLACED_PANELS = {"recent_edits", "workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}


@hooks.register("construct_homepage_panels")
def dashboard_panels(request: HttpRequest, panels: list[Component]) -> None:
    """Waiting for you, your drafts and everyone's recent changes, in place of Wagtail's own panels of those."""
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.append(WaitingForYouPanel())
    if page_permission_policy.explorable_root_instance(request.user) is not None:  # not a moderator's dashboard
        panels.extend([DraftsPanel(), RecentChangesPanel()])


class LanguageExplorerMenuItem(ExplorerMenuItem):
    """ "Pages", opening on the home page of the editor's language rather than on six homes at the root.

    The other languages stay a click away: the language switch of the page listing, and the
    breadcrumbs up to the root, where the editor's language comes first.
    """

    def start_page(self, request: HttpRequest) -> Page | None:
        root = page_permission_policy.explorable_root_instance(request.user)
        home = editor_home()
        if root is not None and home is not None and (home.pk == root.pk or home.is_descendant_of(root)):
            return home
        return root

    def render_component(self, request: HttpRequest) -> Any:
        start = self.start_page(request)
        if start is None:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            reverse("wagtailadmin_explore", args=[start.pk]),
            start.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )


@hooks.register("construct_main_menu")
def pages_open_on_the_editors_language(request: HttpRequest, menu_items: list[Any]) -> None:
    for position, item in enumerate(menu_items):
        if isinstance(item, ExplorerMenuItem) and not isinstance(item, LanguageExplorerMenuItem):
            menu_items[position] = LanguageExplorerMenuItem(
                item.label, item.url, name=item.name, icon_name=item.icon_name, order=item.order
            )


@hooks.register("construct_explorer_page_queryset")
def homes_in_the_editors_language_first(
    parent_page: Page, pages: QuerySet[Page], request: HttpRequest
) -> QuerySet[Page]:
    """At the root, the home page of the editor's language first, then the others in the order of LANGUAGES.

    Only while the editor has not sorted the list themselves or searched it.
    """
    if not parent_page.is_root() or any(request.GET.get(name) for name in ("ordering", "order", "q")):
        return pages
    codes = languages_editor_first()
    by_language = Case(
        *(When(locale__language_code=code, then=Value(place)) for place, code in enumerate(codes)),
        default=Value(len(codes)),
    )
    return pages.order_by(by_language, "path")


@hooks.register("construct_explorer_page_queryset")
def explorer_in_country_scope(parent_page: Page, pages: QuerySet[Page], request: HttpRequest) -> QuerySet[Page]:
    """The page explorer leaves out the pages of countries the user does not answer for."""
    return access.pages_visible_to(request.user, pages)


@hooks.register("construct_page_chooser_queryset")
def chooser_in_country_scope(pages: QuerySet[Page], request: HttpRequest) -> QuerySet[Page]:
    """The page chooser leaves out the pages of countries the user does not answer for."""
    return access.pages_visible_to(request.user, pages)


class MemberOrganisationFilterSet(WagtailFilterSet):
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=lambda request: access.countries_visible_to(request.user, member_countries())
    )

    class Meta:
        model = MemberOrganisation
        fields = ["country"]


class MemberOrganisationViewSet(CountryScopedSnippetViewSet):
    """Member organisations: a coordinator's countries only (and their exports, each one in the audit log)."""

    model = MemberOrganisation
    icon = "group"
    menu_label = _("Member organisations")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "country", "city", "year_joined"]
    filterset_class = MemberOrganisationFilterSet
    search_fields = ["name"]
    ordering = ["name"]
    list_export = ["name", "country", "city", "website", "year_joined"]
    inspect_view_enabled = True  # what a coordinator, who may only look, opens
    inspect_view_fields = ["name", "country", "city", "website", "year_joined"]
    export_filename = "member-organisations"
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("country"),
            FieldPanel("city"),
            FieldPanel("website"),
            FieldPanel("logo"),
            FieldPanel("year_joined"),
            InlinePanel(
                "descriptions",
                heading=_("Short description"),
                label=_("Description in one language"),
                help_text=_(
                    "One or two sentences, at most one per language; readers get English when theirs is missing."
                ),
            ),
        ],
        base_form_class=MemberOrganisationForm,
    )


class CountryIntroductionFilterSet(WagtailFilterSet):
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        queryset=lambda request: access.countries_visible_to(
            request.user, Country.objects.filter(code__in=CountryIntroduction.objects.values("country"))
        ),
    )

    class Meta:
        model = CountryIntroduction
        fields = ["country", "locale"]


class CountryIntroductionViewSet(CountryScopedSnippetViewSet):
    """Country introductions: a coordinator's countries only."""

    model = CountryIntroduction
    icon = "site"
    menu_label = _("Country introductions")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["country", "locale"]
    filterset_class = CountryIntroductionFilterSet
    inspect_view_enabled = True  # what a coordinator, who may only look, opens
    inspect_view_fields = ["country", "locale", "text"]
    edit_handler = ObjectList([FieldPanel("country"), FieldPanel("text")], base_form_class=CountryIntroductionForm)


register_snippet(MemberOrganisationViewSet)
register_snippet(CountryIntroductionViewSet)


@hooks.register("construct_reports_menu")
def reports_in_country_scope(request: HttpRequest, items: list[Any]) -> None:
    """The reports whose address the user may not open (``core.access.may_open_admin_view``) are not in their menu."""
    items[:] = [item for item in items if _may_open_menu_item(request.user, item)]


def _may_open_menu_item(user: Any, item: Any) -> bool:
    try:
        match = resolve(urlsplit(str(getattr(item, "url", ""))).path)
    except Resolver404:
        return True  # not an admin view of this site: nothing to refuse
    return access.may_open_admin_view(user, match.view_name, match.args, match.kwargs)


@hooks.register("register_admin_urls")
def outgoing_email_urls() -> list[Any]:
    """Reports › Outgoing email, and its "send again" button."""
    return [
        path("reports/outgoing-email/", OutgoingEmailReportView.as_view(), name="core_outgoing_email"),
        path(
            "reports/outgoing-email/results/",
            OutgoingEmailReportView.as_view(results_only=True),
            name="core_outgoing_email_results",
        ),
        path(
            "reports/outgoing-email/<int:pk>/send-again/",
            outgoing_email_send_again,
            name="core_outgoing_email_send_again",
        ),
    ]


class OutgoingEmailMenuItem(MenuItem):
    """Shown to staff who may see outgoing email (editors, administrators)."""

    def is_shown(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("core.view_outgoingemail"))


@hooks.register("register_reports_menu_item")
def outgoing_email_menu_item() -> MenuItem:
    return OutgoingEmailMenuItem(
        _("Outgoing email"), reverse("core_outgoing_email"), name="outgoing-email", icon_name="mail", order=1040
    )
