"""The campaigns' admin, for editors and country coordinators: groups and activities to approve or decline,
sign-ups (their list and CSV per activity), country contacts, and the messages written to them.

Every listing, export and view of one record is cut to the user's countries through ``core.access``
(``CountryScopedSnippetViewSet``). A group's or an activity's status changes only through the decision
view, which calls ``services.submission_decide``; edits go through the services' own update rules.
The contact details people gave (names, emails) show only on the page of one record.
"""

from __future__ import annotations

import csv
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import classproperty
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSetGroup

from solidarity.campaigns import admin_queries, services
from solidarity.campaigns.admin_forms import CountryContactForm, DecisionForm, SubmissionAdminForm
from solidarity.campaigns.models import (
    Activity,
    CountryContact,
    ParticipatingGroup,
    SignUp,
    SignUpStatus,
    Status,
    Submission,
)
from solidarity.core import access
from solidarity.core.admin_views import CountryScopedSnippetViewSet
from solidarity.core.exports import csv_cell, records_exported
from solidarity.core.models import Country

APPROVED_ACTION = "campaigns.approve"
DECLINED_ACTION = "campaigns.decline"


# Listing filters: by campaign (its title in the editor's language), status, country (theirs only).


def _countries_of(model: type[Any], lookup: str = "country") -> Any:
    def countries(request: HttpRequest) -> QuerySet[Country]:
        used = Country.objects.filter(code__in=model.objects.values(lookup))
        return access.countries_visible_to(request.user, used)

    return countries


def _campaign_filter() -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(
        label=gettext_lazy("Campaign"), field_name="campaign_key", choices=admin_queries.campaign_choices
    )


class GroupFilterSet(WagtailFilterSet):
    campaign = _campaign_filter()
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Status.choices)
    country = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Country"), queryset=_countries_of(ParticipatingGroup)
    )

    class Meta:
        model = ParticipatingGroup
        fields: list[str] = []


class ActivityFilterSet(WagtailFilterSet):
    campaign = _campaign_filter()
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Status.choices)
    country = django_filters.ModelChoiceFilter(label=gettext_lazy("Country"), queryset=_countries_of(Activity))

    class Meta:
        model = Activity
        fields: list[str] = []


class SignUpFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=SignUpStatus.choices)
    country = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Country"), field_name="activity__country", queryset=_countries_of(Activity)
    )

    class Meta:
        model = SignUp
        fields: list[str] = []


class CountryContactFilterSet(WagtailFilterSet):
    campaign = _campaign_filter()
    country = django_filters.ModelChoiceFilter(label=gettext_lazy("Country"), queryset=_countries_of(CountryContact))

    class Meta:
        model = CountryContact
        fields: list[str] = []


# Columns


def campaign_column() -> Column:
    return Column("campaign_title", label=gettext_lazy("Campaign"), sort_key="campaign_title")


def country_column(accessor: str = "country", sort_key: str = "country") -> Column:
    return Column("country", label=gettext_lazy("Country"), accessor=accessor, sort_key=sort_key)


def status_column() -> Column:
    return Column("status", label=gettext_lazy("Status"), accessor="get_status_display", sort_key="status")


def _local_start(activity: Activity) -> str:
    """When the activity starts, in its organiser's time zone (as its page says it)."""
    return f"{date_format(activity.local_start, 'SHORT_DATETIME_FORMAT')} ({activity.time_zone})"


# The views of one group or activity: the decision, and corrections of what the sender gave.


class SubmissionEditMixin:
    """The edit view of a group or activity: the sender's fields only, saved through the services' update rule
    (which refuses a withdrawn entry and an activity moved into the past) — never the status."""

    request: Any
    form: Any
    model: type[Submission]

    def save_instance(self) -> Any:
        instance = self.form.instance
        allowed = services.GROUP_FIELDS if isinstance(instance, ParticipatingGroup) else services.ACTIVITY_FIELDS
        values = {name: self.form.cleaned_data[name] for name in self.form.changed_data if name in allowed}
        update = services.group_update if isinstance(instance, ParticipatingGroup) else services.activity_update
        instance = update(instance, values=values, corrected_by=self.request.user)
        self.has_content_changes = bool(values)
        log(instance=instance, action="wagtail.edit", content_changed=bool(values))
        return instance

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            return super().form_valid(form)  # type: ignore[misc]
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            self.produced_error_message = self.get_error_message()  # type: ignore[attr-defined]
            return self.form_invalid(form)  # type: ignore[attr-defined]


class DecideView(WagtailAdminTemplateMixin, FormView):
    """One group or activity as its sender gave it, contact included, and the decision: approve or decline, with
    an optional message that goes to the sender in their language (``services.submission_decide``)."""

    template_name = "campaigns/admin/decide.html"
    form_class = DecisionForm
    header_icon = "tasks"
    model: type[Submission] = ParticipatingGroup
    index_url_name = ""
    edit_url_name = ""
    history_url_name = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_object(self) -> Submission:
        user = self.request.user
        opts = self.model._meta
        if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            raise PermissionDenied
        record = access.visible_to(user, self.model.objects.filter(pk=self.kwargs["pk"])).first()
        if record is None or not access.may_change(user, record):
            raise Http404
        return record

    def get_page_title(self) -> str:
        return _("Approve or decline")

    def get_page_subtitle(self) -> str:
        return str(self.object)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": str(self.model._meta.verbose_name_plural).capitalize()},
            {"url": reverse(self.edit_url_name, args=[self.object.pk]), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        record = self.object
        context.update(
            object=record,
            is_group=isinstance(record, ParticipatingGroup),
            withdrawn=record.status == Status.WITHDRAWN,
            campaign=services.campaign_in_language(record.campaign_key, _language()),
            edit_url=reverse(self.edit_url_name, args=[record.pk]),
            history_url=reverse(self.history_url_name, args=[record.pk]),
            sign_ups_url=reverse("wagtailsnippets_campaigns_activity:sign_ups", args=[record.pk])
            if isinstance(record, Activity)
            else "",
        )
        return context

    def form_valid(self, form: DecisionForm) -> HttpResponse:
        record = self.object
        try:
            services.submission_decide(
                record, user=self.request.user, approve=form.approves, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        log(instance=record, action=APPROVED_ACTION if form.approves else DECLINED_ACTION, user=self.request.user)
        if form.approves:
            messages.success(
                self.request, _("“%(record)s” is approved; the sender is told by email.") % {"record": record}
            )
        else:
            messages.success(
                self.request, _("“%(record)s” is declined; the sender is told by email.") % {"record": record}
            )
        return redirect(self.index_url_name)


def _language() -> str:
    return (get_language() or "en").split("-")[0]


class DecideButtonMixin:
    """The listing's rows offer "Approve or decline" to who may decide."""

    request: Any
    decide_url_name = ""

    def get_edit_url(self, instance: Any) -> str | None:
        """A pending entry's title leads to its decision (what a coordinator opens it for), others to the edit form."""
        if instance.status == Status.PENDING and self.request.user.has_perm(
            f"{instance._meta.app_label}.change_{instance._meta.model_name}"
        ):
            return reverse(self.decide_url_name, args=[instance.pk])
        url: str | None = super().get_edit_url(instance)  # type: ignore[misc]
        return url

    def get_list_more_buttons(self, instance: Any) -> list[Any]:
        buttons: list[Any] = super().get_list_more_buttons(instance)  # type: ignore[misc]
        if instance.status != Status.WITHDRAWN and self.request.user.has_perm(
            f"{instance._meta.app_label}.change_{instance._meta.model_name}"
        ):
            buttons.append(
                MenuItem(
                    _("Approve or decline"),
                    url=reverse(self.decide_url_name, args=[instance.pk]),
                    icon_name="tasks",
                    priority=5,
                )
            )
        if isinstance(instance, Activity) and self.request.user.has_perm("campaigns.view_signup"):
            buttons.append(
                MenuItem(
                    _("Sign-ups"),
                    url=reverse("wagtailsnippets_campaigns_activity:sign_ups", args=[instance.pk]),
                    icon_name="user",
                    priority=6,
                )
            )
        return buttons


class SubmissionEditView(SubmissionEditMixin, EditView):
    pass


class SubmissionIndexView(DecideButtonMixin, IndexView):
    pass


class SubmissionViewSet(CountryScopedSnippetViewSet):
    """Groups or activities: pending first, the campaign's title in the editor's language; no adding (people send
    them through the public forms) and no deleting (a declined entry stays declined, its sender may withdraw it)."""

    decide_view_class = DecideView
    copy_view_enabled = False
    inspect_view_enabled = False

    edit_view_class = SubmissionEditView
    index_view_class = SubmissionIndexView

    def get_queryset(self, request: Any) -> QuerySet[Any]:
        queryset = super().get_queryset(request).select_related("country")
        return admin_queries.pending_first(admin_queries.with_campaign_title(queryset))

    def get_index_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_index_view_kwargs(decide_url_name=self.get_url_name("decide"), **kwargs)

    @property
    def decide_view(self) -> Any:
        return self.decide_view_class.as_view(
            model=self.model,
            index_url_name=self.get_url_name("list"),
            edit_url_name=self.get_url_name("edit"),
            history_url_name=self.get_url_name("history"),
        )

    def get_urlpatterns(self) -> list[Any]:
        return [*super().get_urlpatterns(), path("decide/<int:pk>/", self.decide_view, name="decide")]


class GroupViewSet(SubmissionViewSet):
    model = ParticipatingGroup
    icon = "group"
    menu_label = gettext_lazy("Groups")
    menu_order = 100
    list_display = [
        "name",
        country_column(),
        "city",
        DateColumn("created_at", label=gettext_lazy("Sent"), sort_key="created_at"),
        status_column(),
        Column("sender_language", label=gettext_lazy("Language"), sort_key="sender_language"),
        campaign_column(),
    ]
    filterset_class = GroupFilterSet
    search_fields = ["name", "city"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("member"),
            FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
            FieldPanel("website"),
            FieldPanel("description"),
        ],
        base_form_class=SubmissionAdminForm,
    )


class ActivityViewSet(SubmissionViewSet):
    model = Activity
    icon = "date"
    menu_label = gettext_lazy("Activities")
    menu_order = 200
    list_display = [
        "title",
        country_column(),
        "city",
        Column("starts_at", label=gettext_lazy("Starts"), accessor=_local_start, sort_key="starts_at"),
        status_column(),
        Column("language", label=gettext_lazy("Language"), sort_key="language"),
        campaign_column(),
    ]
    filterset_class = ActivityFilterSet
    search_fields = ["title", "city"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("kind"),
            FieldPanel("description"),
            MultiFieldPanel(
                [FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("time_zone")], heading=gettext_lazy("When")
            ),
            MultiFieldPanel(
                [FieldPanel("country"), FieldPanel("city"), FieldPanel("address"), FieldPanel("online_url")],
                heading=gettext_lazy("Where"),
            ),
            FieldPanel("language"),
            MultiFieldPanel(
                [FieldPanel("organiser_group"), FieldPanel("organiser_name")], heading=gettext_lazy("Organiser")
            ),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list")]),
        ],
        base_form_class=SubmissionAdminForm,
    )

    @property
    def sign_ups_view(self) -> Any:
        return SignUpsOfActivityView.as_view(
            index_url_name=self.get_url_name("list"), edit_url_name=self.get_url_name("edit")
        )

    def get_urlpatterns(self) -> list[Any]:
        return [*super().get_urlpatterns(), path("sign-ups/<int:pk>/", self.sign_ups_view, name="sign_ups")]


# Sign-ups: per activity, names and the CSV for its country's coordinator; everywhere else, no names.


class SignUpsOfActivityView(WagtailAdminTemplateMixin, TemplateView):
    """Who signed up for one activity (name, people, status, when confirmed) and, with ``?export=csv``, the list
    with emails for its country's coordinator or an editor; each export is told to ``records_exported``."""

    template_name = "campaigns/admin/sign_ups.html"
    header_icon = "user"
    index_url_name = ""
    edit_url_name = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = request.user
        if not user.has_perm("campaigns.view_signup"):
            raise PermissionDenied
        activity = access.visible_to(user, Activity.objects.filter(pk=kwargs["pk"])).first()
        if activity is None or not access.may_see(user, activity):
            raise Http404
        self.activity = activity
        # Only people who confirmed from the mailed link: anyone can type anyone's address into the form.
        confirmed = activity.sign_ups.filter(status__in=[SignUpStatus.CONFIRMED, SignUpStatus.WAITING])
        self.sign_ups = list(confirmed.order_by("created_at", "pk"))
        if request.GET.get("export") == "csv":
            return self.as_csv()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Sign-ups")

    def get_page_subtitle(self) -> str:
        return str(self.activity)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        items = [*self.breadcrumbs_items, {"url": reverse(self.index_url_name), "label": _("Activities")}]
        if access.may_change(self.request.user, self.activity):
            items.append({"url": reverse(self.edit_url_name, args=[self.activity.pk]), "label": str(self.activity)})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            activity=self.activity,
            sign_ups=self.sign_ups,
            places_taken=services.places_taken(self.activity),
            csv_url="?export=csv",
        )
        return context

    def as_csv(self) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d")
        response["Content-Disposition"] = f'attachment; filename="sign-ups-{self.activity.pk}-{stamp}.csv"'
        response["Cache-Control"] = "no-store"
        writer = csv.writer(response)
        writer.writerow([_("Name"), _("Email"), _("People"), _("Status"), _("Confirmed")])
        for sign_up in self.sign_ups:
            confirmed = (
                timezone.localtime(sign_up.confirmed_at).isoformat(timespec="minutes") if sign_up.confirmed_at else ""
            )
            writer.writerow(
                [
                    csv_cell(sign_up.name),
                    csv_cell(sign_up.email),
                    sign_up.people,
                    sign_up.get_status_display(),
                    confirmed,
                ]
            )
        records_exported.send(sender=SignUp, user=self.request.user, format="csv", count=len(self.sign_ups))
        return response


class SignUpViewSet(CountryScopedSnippetViewSet):
    """Every sign-up of the user's countries: activity, people, status, never a name or an email (those are on the
    activity's own list of sign-ups). Nobody adds or edits one here (people do, through their link); editors delete."""

    model = SignUp
    icon = "user"
    menu_label = gettext_lazy("Sign-ups")
    menu_order = 300
    list_display = [
        "activity",
        country_column("activity.country", "activity__country"),
        Column("people", label=gettext_lazy("People"), sort_key="people"),
        status_column(),
        Column("language", label=gettext_lazy("Language"), sort_key="language"),
        DateColumn("created_at", label=gettext_lazy("Signed up"), sort_key="created_at"),
    ]
    filterset_class = SignUpFilterSet
    copy_view_enabled = False
    inspect_view_enabled = True  # one sign-up: who, their email, and what they chose
    inspect_view_fields = ["activity", "name", "email", "people", "status", "language", "created_at", "confirmed_at"]
    ordering = ["-created_at"]

    def get_queryset(self, request: Any) -> QuerySet[Any]:
        return super().get_queryset(request).select_related("activity", "activity__country")


# Country contacts and the messages written to them.


class CountryContactViewSet(CountryScopedSnippetViewSet):
    """Contacts of a campaign in a country: editors, and the coordinators of that country, keep them."""

    model = CountryContact
    icon = "mail"
    menu_label = gettext_lazy("Country contacts")
    menu_order = 400
    list_display = [
        "name",
        "role",
        country_column(),
        campaign_column(),
        Column("show_phone", label=gettext_lazy("Phone shown"), accessor=lambda contact: _yes(contact.show_phone)),
        Column(
            "accepts_messages",
            label=gettext_lazy("“Write to” link"),
            accessor=lambda contact: _yes(contact.accepts_messages),
        ),
    ]
    filterset_class = CountryContactFilterSet
    search_fields = ["name", "role"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["name", "role", "country", "phone", "show_phone", "email", "accepts_messages"]
    edit_handler = ObjectList(
        [
            FieldPanel("campaign"),
            FieldPanel("country"),
            FieldPanel("name"),
            FieldPanel("role"),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("show_phone")]),
            FieldRowPanel([FieldPanel("email"), FieldPanel("accepts_messages")]),
            FieldPanel("sort_order"),
        ],
        base_form_class=CountryContactForm,
    )

    def get_queryset(self, request: Any) -> QuerySet[Any]:
        queryset = super().get_queryset(request).select_related("country")
        return admin_queries.with_campaign_title(queryset).order_by("country", "sort_order", "name")


def _yes(value: bool) -> str:
    return _("Yes") if value else _("No")


class CampaignsViewSetGroup(SnippetViewSetGroup):
    """The "Campaigns" menu."""

    items = (GroupViewSet, ActivityViewSet, SignUpViewSet, CountryContactViewSet)
    menu_icon = "calendar-alt"
    menu_label = gettext_lazy("Campaigns")
    menu_name = "campaigns"
    menu_order = 250


# Bulk decisions: the same rule (services.submission_decide) for several groups or activities at once.


class BulkDecisionForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Message to the senders"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Sent to each sender with the decision, in their email. Optional."),
    )


class BulkDecision(SnippetBulkAction):
    """Approve or decline the chosen groups or activities; those of other countries and withdrawn ones are left out."""

    template_name = "campaigns/admin/bulk_decide.html"
    form_class = BulkDecisionForm
    approve = True
    action_priority = 10

    @classproperty
    def models(cls) -> list[type[Any]]:
        return [ParticipatingGroup, Activity]

    def check_perm(self, obj: Any) -> bool:
        return obj.status != Status.WITHDRAWN and access.may_change(self.request.user, obj)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        context["approve"] = self.approve
        return context

    def get_execution_context(self) -> dict[str, Any]:
        return {
            **super().get_execution_context(),
            "user": self.request.user,
            "approve": self.approve,
            "message": self.cleaned_form.cleaned_data["message"] if self.cleaned_form else "",
        }

    @classmethod
    def execute_action(cls, objects: list[Any], **kwargs: Any) -> tuple[int, int]:
        user, approve, message = kwargs["user"], kwargs["approve"], kwargs["message"]
        for record in objects:
            services.submission_decide(record, user=user, approve=approve, message=message)
            log(instance=record, action=APPROVED_ACTION if approve else DECLINED_ACTION, user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        if self.approve:
            return ngettext(
                "%(count)d approved; the sender is told by email.",
                "%(count)d approved; each sender is told by email.",
                num_parent_objects,
            ) % {"count": num_parent_objects}
        return ngettext(
            "%(count)d declined; the sender is told by email.",
            "%(count)d declined; each sender is told by email.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class BulkApprove(BulkDecision):
    display_name = gettext_lazy("Approve")
    action_type = "approve"
    aria_label = gettext_lazy("Approve the chosen entries")
    approve = True


class BulkDecline(BulkDecision):
    display_name = gettext_lazy("Decline")
    action_type = "decline"
    aria_label = gettext_lazy("Decline the chosen entries")
    approve = False
    action_priority = 11
