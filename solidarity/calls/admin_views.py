"""The public calls' admin, for editors and country coordinators: the signatures (read only), the check of an
organisation's signature, and the CSV export of a call's signatures.

Every listing, export and view of one signature is cut to the user's countries through ``core.access``
(``CountryScopedSnippetViewSet``). Nobody adds, edits or deletes a signature here: signers do, through their
links. The only change staff make is the check of an organisation's signature, through
``services.organisation_review``. The listing shows no email; the export holds the emails of those who asked to
be kept informed, and each export is told to ``core.exports.records_exported`` (the audit log) with its filter.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import classproperty
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import HistoryView, IndexView, InspectView, SnippetViewSetGroup

from solidarity.calls import admin_queries, services
from solidarity.calls.admin_forms import CheckForm, ExportForm
from solidarity.calls.models import Review, Signature, SignerKind
from solidarity.core import access
from solidarity.core.admin_views import CountryScopedSnippetViewSet
from solidarity.core.exports import csv_cell, records_exported
from solidarity.core.models import Country

APPROVED_ACTION = "calls.approve"
DECLINED_ACTION = "calls.decline"
CHANGE_PERMISSION = "calls.change_signature"
VIEW_PERMISSION = "calls.view_signature"
EXPORT_CHUNK = 2000  # signatures read from the database at a time while the CSV streams
CHECK_LABEL = pgettext_lazy("the check of an organisation's signature", "Check")


def may_view_signatures(user: Any) -> bool:
    return bool(user.has_perm(VIEW_PERMISSION) or user.has_perm(CHANGE_PERMISSION))


# The listing's filters: by call (its title in the editor's language), country (theirs only), signer, state.


def _countries_used(request: HttpRequest) -> QuerySet[Country]:
    used = Country.objects.filter(code__in=Signature.objects.values("country"))
    return access.countries_visible_to(request.user, used)


class SignatureFilterSet(WagtailFilterSet):
    call = django_filters.ChoiceFilter(
        label=gettext_lazy("Public call"), field_name="call_key", choices=admin_queries.call_choices_with_counts
    )
    country = django_filters.ModelChoiceFilter(label=gettext_lazy("Country"), queryset=_countries_used)
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Signed as"), choices=SignerKind.choices)
    confirmed = django_filters.ChoiceFilter(
        label=gettext_lazy("Confirmed"),
        choices=[("yes", gettext_lazy("Confirmed")), ("no", gettext_lazy("Not confirmed yet"))],
        method="filter_confirmed",
    )
    review = django_filters.ChoiceFilter(label=gettext_lazy("Organisation's check"), choices=Review.choices)

    class Meta:
        model = Signature
        fields: list[str] = []

    def filter_confirmed(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(confirmed_at__isnull=value != "yes")


def _yes(value: bool) -> str:
    return _("Yes") if value else _("No")


def _check_of(signature: Signature) -> str:
    return signature.get_review_display() if signature.is_organisation else "—"


# Read only: staff see signatures (with the view or the change permission); the check has its own view.


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Signatures are the signers' own: staff may look (view or change permission), never add, edit or delete."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action == "view":
            return may_view_signatures(user)
        return False


class SignatureIndexView(IndexView):
    """The listing: no email; an organisation's row leads to its check (for who may check), others to the record.

    Its ``?export=`` is not Wagtail's spreadsheet of the listing: the export of a call has a page of its own."""

    check_url_name = ""
    export_url_name = ""

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.is_export = False

    def get_edit_url(self, instance: Any) -> str | None:
        if instance.is_organisation and self.request.user.has_perm(CHANGE_PERMISSION):
            return reverse(self.check_url_name, args=[instance.pk])
        return self.get_inspect_url(instance)

    def get_list_more_buttons(self, instance: Any) -> list[Any]:
        buttons: list[Any] = super().get_list_more_buttons(instance)
        if instance.is_organisation and self.request.user.has_perm(CHANGE_PERMISSION):
            buttons.append(
                MenuItem(
                    _("Approve or decline"),
                    url=reverse(self.check_url_name, args=[instance.pk]),
                    icon_name="tasks",
                    priority=5,
                )
            )
        return buttons

    @property
    def header_buttons(self) -> list[Any]:
        buttons: list[Any] = list(super().header_buttons)
        call = self.request.GET.get("call", "")
        url = reverse(self.export_url_name) + (f"?call={call}" if call in admin_queries.call_titles() else "")
        buttons.append(HeaderButton(_("Export CSV"), url=url, icon_name="download"))
        return buttons


class SignatureInspectView(InspectView):
    """One signature: the call by its title, and the email only of who asked to be kept informed or signed for an
    organisation (the contact person)."""

    def get_call_key_display_value(self) -> str:
        return admin_queries.call_titles().get(str(self.object.call_key), str(self.object.call_key))

    def get_email_display_value(self) -> str:
        signature = self.object
        if signature.email and (signature.keep_informed or signature.is_organisation):
            return str(signature.email)
        return _("Not shown: the signer did not ask to be kept informed.")

    def get_review_display_value(self) -> str:
        return _check_of(self.object)

    @property
    def header_more_buttons(self) -> list[Any]:
        buttons: list[Any] = list(super().header_more_buttons)
        if self.object.is_organisation and access.may_change(self.request.user, self.object):
            buttons.append(
                Button(
                    _("Approve or decline"),
                    url=reverse("wagtailsnippets_calls_signature:check", args=[self.object.pk]),
                    icon_name="tasks",
                    priority=5,
                )
            )
        return buttons


class SignatureHistoryView(HistoryView):
    """What was done to a signature (its checks): for whoever may see it."""

    any_permission_required = ["view"]


# The check of one organisation's signature.


class CheckView(WagtailAdminTemplateMixin, FormView):
    """One organisation's signature as it was given, contact included, and its check: approve (listed and
    counted) or decline (neither), through ``services.organisation_review``. One's mind may change later."""

    template_name = "calls/admin/check.html"
    form_class = CheckForm
    header_icon = "tasks"
    index_url_name = ""
    inspect_url_name = ""
    history_url_name = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm(CHANGE_PERMISSION):
            raise PermissionDenied
        queryset = Signature.objects.organisations().select_related("country", "member", "reviewed_by")
        record = access.visible_to(request.user, queryset.filter(pk=kwargs["pk"])).first()
        if record is None or not access.may_change(request.user, record):
            raise Http404
        self.object = record
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Check an organisation's signature")

    def get_page_subtitle(self) -> str:
        return str(self.object)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Signatures")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self) -> dict[str, Any]:
        review = self.object.review
        if review == Review.APPROVED:
            return {"decision": CheckForm.APPROVE}
        if review == Review.DECLINED:
            return {"decision": CheckForm.DECLINE}
        return {}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            call_title=admin_queries.call_titles().get(str(self.object.call_key), ""),
            inspect_url=reverse(self.inspect_url_name, args=[self.object.pk]),
            history_url=reverse(self.history_url_name, args=[self.object.pk]),
        )
        return context

    def form_valid(self, form: CheckForm) -> HttpResponse:
        record = self.object
        try:
            services.organisation_review(record, user=self.request.user, approve=form.approves)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        log(instance=record, action=APPROVED_ACTION if form.approves else DECLINED_ACTION, user=self.request.user)
        if form.approves and not record.is_confirmed:
            message = _("“%(name)s” is approved: it is listed and counted once its contact confirms by email.")
        elif form.approves:
            message = _("“%(name)s” is approved: it is listed and counted.")
        else:
            message = _("“%(name)s” is declined: it is neither listed nor counted.")
        messages.success(self.request, message % {"name": record})
        return redirect(self.index_url_name)


# The CSV export of one call's signatures.


class _Echo:
    """What ``csv.writer`` writes to: each row comes back as the text of its line."""

    def write(self, value: str) -> str:
        return value


class ExportView(WagtailAdminTemplateMixin, TemplateView):
    """Choose a call and countries (among the user's own); with ``export=csv`` the signatures that count stream as
    a CSV. The email is there only for who asked to be kept informed. Each export is recorded (who, when, which
    call and countries) through ``records_exported``."""

    template_name = "calls/admin/export.html"
    header_icon = "download"
    index_url_name = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not may_view_signatures(request.user):
            raise PermissionDenied
        self.form = ExportForm(request.GET if "call" in request.GET else None, user=request.user)
        if request.GET.get("export") == "csv" and self.form.is_valid():
            return self.as_csv()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Export signatures")

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Signatures")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        return context

    def as_csv(self) -> StreamingHttpResponse:
        call_key = self.form.cleaned_data["call"]
        codes = self.form.country_codes
        rows = admin_queries.export_rows(self.request.user, call_key, codes)
        count = rows.count()
        records_exported.send(
            sender=Signature,
            user=self.request.user,
            format="csv",
            count=count,
            filters={"call": str(call_key), "countries": codes},
        )
        response = StreamingHttpResponse(self.csv_lines(rows), content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d")
        response["Content-Disposition"] = f'attachment; filename="signatures-{stamp}.csv"'
        response["Cache-Control"] = "no-store"
        return response

    def csv_lines(self, rows: QuerySet[Signature]) -> Iterator[str]:
        writer = csv.writer(_Echo())
        yield writer.writerow(
            [
                _("Signed"),
                _("Signed as"),
                _("Name"),
                _("Organisation"),
                _("Country"),
                _("City"),
                _("Shown publicly"),
                _("Email"),
            ]
        )
        for signature in rows.iterator(chunk_size=EXPORT_CHUNK):
            yield writer.writerow(export_row(signature))


def export_row(signature: Signature) -> list[str]:
    """One signature as a line of the CSV: what people typed never runs as a formula in a spreadsheet."""
    organisation = signature.is_organisation
    shown = signature.review == Review.APPROVED if organisation else signature.show_name
    email = signature.email if signature.keep_informed and signature.email else ""
    return [
        timezone.localtime(signature.created_at).isoformat(timespec="minutes"),
        str(signature.get_kind_display()),
        csv_cell(signature.name),
        csv_cell(signature.display_name if organisation else ""),
        str(signature.country.name),
        csv_cell(signature.city or ""),
        _yes(shown),
        csv_cell(email),
    ]


# The viewset and the menu.


def _record_url(signature: Signature) -> str:
    """Where a row leads: an organisation waiting for its check to its check page, any other to its record."""
    namespace = "wagtailsnippets_calls_signature"
    if signature.is_organisation and signature.review == Review.PENDING:
        return reverse(f"{namespace}:check", args=[signature.pk])
    return reverse(f"{namespace}:inspect", args=[signature.pk])


class SignatureViewSet(CountryScopedSnippetViewSet):
    """Signatures of the user's countries, newest first: call, name, country, signer, confirmed, check."""

    model = Signature
    icon = "edit"
    menu_label = gettext_lazy("Signatures")
    menu_order = 100
    list_display = [
        TitleColumn("name", label=gettext_lazy("Name"), accessor="display_name", get_url=_record_url),
        Column("call_title", label=gettext_lazy("Public call"), sort_key="call_title"),
        Column("country", label=gettext_lazy("Country"), accessor="country.name", sort_key="country"),
        Column("kind", label=gettext_lazy("Signed as"), accessor="get_kind_display", sort_key="kind"),
        Column(
            "confirmed_at",
            label=gettext_lazy("Confirmed"),
            accessor=lambda s: _yes(s.is_confirmed),
            sort_key="confirmed_at",
        ),
        Column("review", label=CHECK_LABEL, accessor=_check_of, sort_key="review"),
        DateColumn("created_at", label=gettext_lazy("Signed"), sort_key="created_at"),
    ]
    filterset_class = SignatureFilterSet
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = SignatureInspectView
    index_view_class = SignatureIndexView
    history_view_class = SignatureHistoryView
    inspect_view_fields = [
        "call_key",
        "kind",
        "name",
        "organisation_name",
        "member",
        "organisation_website",
        "email",
        "country",
        "city",
        "show_name",
        "keep_informed",
        "language",
        "created_at",
        "confirmed_at",
        "review",
        "reviewed_by",
        "reviewed_at",
    ]
    ordering = ["-created_at", "-pk"]

    @property
    def permission_policy(self) -> ModelPermissionPolicy:
        return ReadOnlyPolicy(self.model)

    def get_queryset(self, request: Any) -> QuerySet[Any]:
        queryset = super().get_queryset(request).select_related("country", "member")
        return admin_queries.with_call_title(queryset)

    def get_index_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_index_view_kwargs(
            check_url_name=self.get_url_name("check"), export_url_name=self.get_url_name("export"), **kwargs
        )

    @property
    def check_view(self) -> Any:
        return CheckView.as_view(
            index_url_name=self.get_url_name("list"),
            inspect_url_name=self.get_url_name("inspect"),
            history_url_name=self.get_url_name("history"),
        )

    @property
    def export_view(self) -> Any:
        return ExportView.as_view(index_url_name=self.get_url_name("list"))

    def get_urlpatterns(self) -> list[Any]:
        return [
            *super().get_urlpatterns(),
            path("check/<int:pk>/", self.check_view, name="check"),
            path("export/", self.export_view, name="export"),
        ]


class CallsViewSetGroup(SnippetViewSetGroup):
    """The "Public calls" menu."""

    items = (SignatureViewSet,)
    menu_icon = "edit"
    menu_label = gettext_lazy("Public calls")
    menu_name = "public-calls"
    menu_order = 260


# Bulk checks: the same rule (services.organisation_review) for several organisations at once.


class BulkCheck(SnippetBulkAction):
    """Approve or decline the chosen organisations' signatures; people's and other countries' are left out."""

    template_name = "calls/admin/bulk_check.html"
    approve = True
    action_priority = 10

    @classproperty
    def models(cls) -> list[type[Any]]:
        return [Signature]

    def check_perm(self, obj: Any) -> bool:
        return bool(obj.is_organisation and access.may_change(self.request.user, obj))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        context["approve"] = self.approve
        return context

    def get_execution_context(self) -> dict[str, Any]:
        return {**super().get_execution_context(), "user": self.request.user, "approve": self.approve}

    @classmethod
    def execute_action(cls, objects: list[Any], **kwargs: Any) -> tuple[int, int]:
        user, approve = kwargs["user"], kwargs["approve"]
        for record in objects:
            services.organisation_review(record, user=user, approve=approve)
            log(instance=record, action=APPROVED_ACTION if approve else DECLINED_ACTION, user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        if self.approve:
            return ngettext(
                "%(count)d organisation approved: listed and counted.",
                "%(count)d organisations approved: listed and counted.",
                num_parent_objects,
            ) % {"count": num_parent_objects}
        return ngettext(
            "%(count)d organisation declined: neither listed nor counted.",
            "%(count)d organisations declined: neither listed nor counted.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class BulkApprove(BulkCheck):
    display_name = gettext_lazy("Approve")
    action_type = "approve"
    aria_label = gettext_lazy("Approve the chosen organisations")
    approve = True


class BulkDecline(BulkCheck):
    display_name = gettext_lazy("Decline")
    action_type = "decline"
    aria_label = gettext_lazy("Decline the chosen organisations")
    approve = False
    action_priority = 11
