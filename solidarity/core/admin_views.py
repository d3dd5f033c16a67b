"""Admin pages every feature shares: the list behind the "Settings" menu, for whoever types /admin/settings/;
the snippet views of records of countries, cut to the user's countries by ``core.access``; the report of
outgoing email."""

from __future__ import annotations

from typing import Any

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import settings_menu
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from solidarity.core import access, outbox
from solidarity.core.exports import records_exported
from solidarity.core.models import OutgoingEmail


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


class CountryScopedObjectMixin:
    """A view of one record that answers 404 for a record of a country the user does not answer for."""

    request: Any

    def get_object(self, *args: Any, **kwargs: Any) -> Any:
        record = super().get_object(*args, **kwargs)  # type: ignore[misc]
        if isinstance(record, Model) and not access.may_see(self.request.user, record):
            raise Http404
        return record


class AuditedExportMixin:
    """An index view whose exports (CSV, XLSX) are told to ``records_exported``, once each."""

    request: Any
    model: type[Model]

    def as_spreadsheet(self, queryset: QuerySet[Any], spreadsheet_format: str) -> HttpResponse:
        response: HttpResponse = super().as_spreadsheet(queryset, spreadsheet_format)  # type: ignore[misc]
        records_exported.send(
            sender=self.model, user=self.request.user, format=spreadsheet_format, count=queryset.count()
        )
        return response


ONE_RECORD_VIEWS = (
    "edit_view_class",
    "delete_view_class",
    "usage_view_class",
    "history_view_class",
    "inspect_view_class",
    "copy_view_class",
    "revisions_view_class",
    "revisions_compare_view_class",
    "revisions_unschedule_view_class",
    "unpublish_view_class",
    "preview_on_edit_view_class",
    "lock_view_class",
    "unlock_view_class",
    "workflow_action_view_class",
    "collect_workflow_action_data_view_class",
    "confirm_workflow_cancellation_view_class",
    "workflow_preview_view_class",
    "workflow_history_view_class",
    "workflow_history_detail_view_class",
)


class CountryScopedChooserMixin:
    """A chooser's views that offer, and accept, only the records of the user's countries."""

    request: Any
    model_class: type[Model]

    def get_object_list(self) -> QuerySet[Any]:
        return access.visible_to(self.request.user, super().get_object_list())  # type: ignore[misc]

    def get_object(self, pk: Any) -> Any:
        return access.visible_to(self.request.user, self.model_class._default_manager.all()).get(pk=pk)

    def get_objects(self, pks: list[Any]) -> QuerySet[Any]:
        return access.visible_to(self.request.user, super().get_objects(pks))  # type: ignore[misc]


class CountryScopedChooserViewSet(SnippetChooserViewSet):
    """The chooser of a snippet of countries: the user's countries' records only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        for name in (
            "choose_view_class",
            "choose_results_view_class",
            "chosen_view_class",
            "chosen_multiple_view_class",
        ):
            view_class = getattr(self, name)
            setattr(self, name, type(f"Scoped{view_class.__name__}", (CountryScopedChooserMixin, view_class), {}))
        super().__init__(*args, **kwargs)


class CountryScopedSnippetViewSet(SnippetViewSet):
    """Snippets of records of countries: the listing and its exports hold the user's countries' records
    only (``core.access.visible_to``); every view of one record refuses another country's (404), and so
    does the chooser."""

    chooser_viewset_class = CountryScopedChooserViewSet

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        mixins: dict[str, type] = dict.fromkeys(ONE_RECORD_VIEWS, CountryScopedObjectMixin)
        mixins["index_view_class"] = AuditedExportMixin
        for name, mixin in mixins.items():
            view_class = getattr(self, name)
            setattr(self, name, type(f"Scoped{view_class.__name__}", (mixin, view_class), {}))
        super().__init__(*args, **kwargs)

    def get_queryset(self, request: Any) -> QuerySet[Any]:
        return access.visible_to(request.user, self.model._default_manager.all())


class OutgoingEmailFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"), choices=OutgoingEmail.State.choices, empty_label=gettext_lazy("Any state")
    )

    class Meta:
        model = OutgoingEmail
        fields = ["state"]


class OutgoingEmailReportView(ReportView):
    """Reports › Outgoing email: each email's purpose, language, state, attempts, last error and next attempt.

    Never its address, subject or text (those columns are not even read from the database). Staff with
    ``core.view_outgoingemail`` (editors) and administrators; a given-up email can be sent again from here.
    """

    results_template_name = "core/admin/outgoing_email_results.html"
    page_title = gettext_lazy("Outgoing email")
    header_icon = "mail"
    filterset_class = OutgoingEmailFilterSet
    index_url_name = "core_outgoing_email"
    index_results_url_name = "core_outgoing_email_results"
    permission_policy = ModelPermissionPolicy(OutgoingEmail)
    permission_required = "view"
    paginate_by = 50

    def get_queryset(self) -> QuerySet[OutgoingEmail]:
        return OutgoingEmail.objects.only(*OUTGOING_EMAIL_SHOWN).order_by("-created_at", "-pk")


# What the report reads of an email: nothing that names the person or says what was written to them.
OUTGOING_EMAIL_SHOWN = (
    "created_at",
    "purpose",
    "language",
    "state",
    "attempts",
    "last_error",
    "next_attempt_at",
    "sent_at",
)


@require_POST
def outgoing_email_send_again(request: HttpRequest, pk: int) -> HttpResponse:
    """Put a given-up email back in the queue (``outbox.send_again``): a POST from the report, with its CSRF token."""
    if not request.user.has_perm("core.view_outgoingemail"):
        raise PermissionDenied
    email = get_object_or_404(OutgoingEmail.objects.only("pk", "state"), pk=pk)
    if email.state == OutgoingEmail.State.FAILED:
        outbox.send_again(email)
        messages.success(request, _("The email is back in the queue and is sent again now."))
    else:
        messages.warning(request, _("Only an email that was given up can be sent again."))
    return redirect("core_outgoing_email")
