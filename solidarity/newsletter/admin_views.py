"""The newsletter's admin, for editors: "Newsletter" in the menu lists the mailings (subject, content, state,
progress, dates) and how many confirmed subscribers each language has; never a subscriber's address.

An editor composes a mailing (a subject and an intro per language, the site's default language required; stories
they choose, in order, or a digest of the last days picked for each subscriber), previews it in each language as
HTML and as plain text (Wagtail's preview panel, and the mailing's "Preview and send" page), sends a test to their
own address, then schedules it or sends it now, and may cancel a scheduled one or stop one that is sending. While it
sends, its page shows the progress and refreshes itself (an HTTP ``Refresh`` header: no script).

Every rule is ``newsletter.mailings``'s; each action is written to the audit log (the mailing's history).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView, IndexView, SnippetViewSet

from solidarity.core.languages import language_name
from solidarity.newsletter import admin_queries, mailings, queries, sending
from solidarity.newsletter.admin_forms import MailingForm, MailingTextsPanel, ScheduleForm, TestSendForm
from solidarity.newsletter.models import Mailing, MailingKind, MailingState
from solidarity.newsletter.previews import email_html

NAMESPACE = "newsletter_mailings"
CHANGE_PERMISSION = "newsletter.change_mailing"
REFRESH_SECONDS = 5  # how often the page of a mailing that is sending reloads itself

SCHEDULE_ACTION = "newsletter.schedule"
SEND_NOW_ACTION = "newsletter.send_now"
CANCEL_ACTION = "newsletter.cancel"
STOP_ACTION = "newsletter.stop"
TEST_ACTION = "newsletter.send_test"


def url(name: str, *args: Any) -> str:
    return reverse(f"{NAMESPACE}:{name}", args=args)


# The mailings' listing.


def _content(mailing: Mailing) -> str:
    if mailing.kind == MailingKind.DIGEST:
        return _("Digest of the last %(days)s days") % {"days": mailing.digest_days}
    count = len(mailing.chosen_stories.all())
    return _("Chosen stories: %(count)s") % {"count": count}


def _progress(mailing: Mailing) -> str:
    if mailing.state in (MailingState.DRAFT, MailingState.SCHEDULED) and not mailing.total_count:
        return "—"
    return _("%(sent)s / %(total)s") % {"sent": mailing.sent_count, "total": mailing.total_count}


def _failures(mailing: Mailing) -> str:
    return str(mailing.failed_count) if mailing.total_count else "—"


def _row_url(mailing: Mailing) -> str:
    """A draft or scheduled mailing opens in the editor; one that started sending on its page."""
    return url("edit", mailing.pk) if mailing.is_editable else url("status", mailing.pk)


class MailingIndexView(IndexView):
    """The mailings, newest first, and the confirmed subscribers per language above them."""

    def get_base_queryset(self) -> Any:
        return super().get_base_queryset().prefetch_related("texts", "chosen_stories")

    def get_edit_url(self, instance: Any) -> str | None:
        return _row_url(instance)

    def get_list_more_buttons(self, instance: Any) -> list[Any]:
        buttons: list[Any] = list(super().get_list_more_buttons(instance))
        buttons.append(MenuItem(_("Preview and send"), url=url("status", instance.pk), icon_name="mail", priority=5))
        return buttons

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["subscriber_counts"] = admin_queries.subscribers_per_language()
        return context


# Composing: the mailing's editor.


class MailingCreateView(CreateView):
    def save_instance(self) -> Any:
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def get_success_url(self) -> str:
        return url("status", self.object.pk)


class MailingEditView(EditView):
    """A mailing that started sending is no longer edited: its page instead, told why."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm(CHANGE_PERMISSION):
            raise PermissionDenied
        if not self.object.is_editable:
            messages.warning(request, _("This mailing has started sending: it can no longer be changed."))
            return redirect(url("status", self.object.pk))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        with transaction.atomic():
            try:
                mailings.mailing_edit_lock(form.instance)
            except ValidationError as error:
                messages.warning(self.request, " ".join(error.messages))
                return redirect(url("status", self.object.pk))
            return super().form_valid(form)

    def save_instance(self) -> Any:
        instance = super().save_instance()
        problems = queries.mailing_problems(instance)
        if instance.state == MailingState.SCHEDULED and problems:
            # Scheduled, it would not go as it is now: back to draft, told why.
            instance = mailings.mailing_cancel(instance, user=self.request.user)
            log(instance=instance, action=CANCEL_ACTION, user=self.request.user)
            messages.warning(
                self.request,
                _("The mailing is no longer scheduled: %(problems)s") % {"problems": " ".join(problems)},
            )
        return instance

    def get_success_url(self) -> str:
        return url("status", self.object.pk)

    @property
    def header_more_buttons(self) -> list[Any]:
        buttons: list[Any] = list(super().header_more_buttons)
        buttons.append(Button(_("Preview and send"), url=url("status", self.object.pk), icon_name="mail", priority=5))
        return buttons


class MailingDeleteView(DeleteView):
    """A mailing that is sending is stopped first, then deleted."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.has_perm(CHANGE_PERMISSION) and self.object.state == MailingState.SENDING:
            messages.warning(request, _("This mailing is sending: stop it first, then delete it."))
            return redirect(url("status", self.object.pk))
        return super().dispatch(request, *args, **kwargs)


# One mailing's page: problems, preview, test, schedule or send now, cancel or stop, progress.


class _MailingView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "mail"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm(CHANGE_PERMISSION):
            raise PermissionDenied
        self.mailing = get_object_or_404(Mailing.objects.prefetch_related("texts", "chosen_stories"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return str(self.mailing)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": url("list"), "label": _("Newsletter")},
            {"url": "", "label": self.get_page_title()},
        ]


def progress_of(mailing: Mailing) -> dict[str, int]:
    """The mailing's numbers: recipients, sent, failed, left out, and still waiting."""
    done = mailing.sent_count + mailing.failed_count + mailing.skipped_count
    return {
        "total": mailing.total_count,
        "sent": mailing.sent_count,
        "failed": mailing.failed_count,
        "skipped": mailing.skipped_count,
        "waiting": max(mailing.total_count - done, 0),
        "done": min(done, mailing.total_count),
    }


class StatusView(_MailingView):
    """The mailing's page: what would stop it, its preview and test, when it goes, and how far it went."""

    template_name = "newsletter/admin/status.html"

    def get_page_title(self) -> str:
        return _("Preview and send")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        mailing = self.mailing
        editable = mailing.is_editable
        languages = [(code, language_name(code)) for code, _name in settings.LANGUAGES]
        written = {text.language for text in mailing.texts.all()}
        schedule_form = kwargs.get("schedule_form") or ScheduleForm(initial={"send_at": mailing.send_at})
        context.update(
            mailing=mailing,
            state=mailing.get_state_display(),
            problems=queries.mailing_problems(mailing) if editable else [],
            warnings=queries.mailing_warnings(mailing) if editable else [],
            progress=progress_of(mailing),
            started=mailing.state not in (MailingState.DRAFT, MailingState.SCHEDULED),
            sending=mailing.state == MailingState.SENDING,
            editable=editable,
            scheduled=mailing.state == MailingState.SCHEDULED,
            languages=[(code, name, code in written) for code, name in languages],
            written_in=[name for code, name in languages if code in written],
            test_form=kwargs.get("test_form") or TestSendForm(initial={"language": settings.LANGUAGE_CODE}),
            schedule_form=schedule_form,
            media=schedule_form.media,  # the date and time picker (typing the time works without script)
            subscriber_counts=admin_queries.subscribers_per_language(),
            refresh_seconds=REFRESH_SECONDS,
            urls={
                name: url(name, mailing.pk)
                for name in ("edit", "look", "send_test", "schedule", "send_now", "cancel", "status", "history")
            },
        )
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        if context["sending"]:
            response["Refresh"] = str(REFRESH_SECONDS)  # the progress, again, until it is done (no script)
        response["Cache-Control"] = "no-store"
        return response


def _form_refused(form: forms.Form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


def _errors_said(request: HttpRequest, form: forms.Form) -> None:
    """A form sent back with errors: they are also said at the top of the page, where the editor looks first (the
    form itself may be further down)."""
    said = [str(message) for messages_of_field in form.errors.values() for message in messages_of_field]
    if said:
        messages.error(request, " ".join(said))


class SendTestView(StatusView):
    """The mailing, in the chosen language, to the editor's own address (``mailings.mailing_send_test``)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = TestSendForm(request.POST)
        if form.is_valid():
            language = form.cleaned_data["language"]
            try:
                mailings.mailing_send_test(self.mailing, user=request.user, language=language)
            except ValidationError as error:
                _form_refused(form, error)
            else:
                log(instance=self.mailing, action=TEST_ACTION, user=request.user, data={"language": language})
                messages.success(
                    request,
                    _("A test in %(language)s is on its way to your own email address.")
                    % {"language": language_name(language)},
                )
                return redirect(url("status", self.mailing.pk))
        _errors_said(request, form)
        return self.render_to_response(self.get_context_data(test_form=form))


class ScheduleView(StatusView):
    """When the mailing goes (``mailings.mailing_schedule``); ``sending.mailings_run`` starts it then."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ScheduleForm(request.POST)
        if form.is_valid():
            try:
                mailing = mailings.mailing_schedule(
                    self.mailing, user=request.user, send_at=form.cleaned_data["send_at"]
                )
            except ValidationError as error:
                _form_refused(form, error)
            else:
                assert mailing.send_at is not None
                log(
                    instance=mailing,
                    action=SCHEDULE_ACTION,
                    user=request.user,
                    data={"send_at": mailing.send_at.isoformat()},
                )
                when = timezone.localtime(mailing.send_at).strftime("%Y-%m-%d %H:%M")
                messages.success(request, _("The mailing is scheduled for %(when)s.") % {"when": when})
                return redirect(url("status", mailing.pk))
        _errors_said(request, form)
        return self.render_to_response(self.get_context_data(schedule_form=form))


class SendNowView(_MailingView):
    """Sending now, after a confirmation that says to how many subscribers (``mailings.mailing_send_now``)."""

    template_name = "newsletter/admin/send_now.html"

    def get_page_title(self) -> str:
        return _("Send now")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.mailing.is_editable:
            messages.warning(request, _("This mailing has already started sending."))
            return redirect(url("status", self.mailing.pk))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        counts = admin_queries.subscribers_per_language()
        refused = kwargs.get("refused")
        context.update(
            mailing=self.mailing,
            problems=refused if refused is not None else queries.mailing_problems(self.mailing),
            warnings=[] if refused is not None else queries.mailing_warnings(self.mailing),
            subscriber_counts=counts,
            recipients=sum(count.count for count in counts),
            status_url=url("status", self.mailing.pk),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            mailing = mailings.mailing_send_now(self.mailing, user=request.user)
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(refused=error.messages))
        log(instance=mailing, action=SEND_NOW_ACTION, user=request.user, data={"recipients": mailing.total_count})
        if mailing.total_count:
            messages.success(request, _("The mailing is sending: its progress shows below."))
        else:
            messages.warning(request, _("Nobody has confirmed a subscription yet: the mailing went to nobody."))
        return redirect(url("status", mailing.pk))


class CancelView(_MailingView):
    """A scheduled mailing back to draft; one that is sending stopped (``mailings.mailing_cancel``)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        was_sending = self.mailing.state == MailingState.SENDING
        try:
            mailing = mailings.mailing_cancel(self.mailing, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(url("status", self.mailing.pk))
        log(instance=mailing, action=STOP_ACTION if was_sending else CANCEL_ACTION, user=request.user)
        if was_sending:
            messages.success(request, _("The sending is stopped: what went, went; nobody else gets this mailing."))
        else:
            messages.success(request, _("The mailing is no longer scheduled: it is a draft again."))
        return redirect(url("status", mailing.pk))


class LookView(_MailingView):
    """The sample of one language: subject, headers, the HTML part (in a sandboxed frame) and the plain text."""

    template_name = "newsletter/admin/look.html"

    def get_page_title(self) -> str:
        return _("Preview")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        language = self.request.GET.get("language", settings.LANGUAGE_CODE)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        rendered = sending.render_sample(self.mailing, language)
        context.update(
            mailing=self.mailing,
            language=language,
            language_name=language_name(language),
            languages=[(code, language_name(code)) for code, _name in settings.LANGUAGES],
            rendered=rendered,
            headers=sorted(rendered.headers.items()),
            html_url=url("sample", self.mailing.pk, language),
            status_url=url("status", self.mailing.pk),
        )
        return context


@method_decorator(xframe_options_sameorigin, name="dispatch")
class SampleView(View):
    """The HTML part of the sample of one language, alone (shown in the preview page's frame)."""

    def get(self, request: HttpRequest, pk: int, language: str) -> HttpResponse:
        if not request.user.has_perm(CHANGE_PERMISSION):
            raise PermissionDenied
        if language not in dict(settings.LANGUAGES):
            raise Http404
        mailing = get_object_or_404(Mailing, pk=pk)
        response = email_html(sending.render_sample(mailing, language).html)
        response["Cache-Control"] = "no-store"
        return response


# The viewset.


class MailingViewSet(SnippetViewSet):
    """ "Newsletter" in the admin's menu: the mailings, their editor, and each one's page."""

    model = Mailing
    icon = "mail"
    menu_label = gettext_lazy("Newsletter")
    menu_name = "newsletter"
    menu_order = 280
    add_to_admin_menu = True
    admin_url_namespace = NAMESPACE
    base_url_path = "newsletter"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = MailingIndexView
    add_view_class = MailingCreateView
    edit_view_class = MailingEditView
    delete_view_class = MailingDeleteView
    index_template_name = "newsletter/admin/index.html"
    list_per_page = 50
    list_display = [
        TitleColumn("subject", label=pgettext_lazy("newsletter", "Subject"), accessor=str, get_url=_row_url),
        Column("content", label=gettext_lazy("Content"), accessor=_content),
        Column("state", label=gettext_lazy("State"), accessor="get_state_display", sort_key="state"),
        Column("progress", label=pgettext_lazy("newsletter", "Sent"), accessor=_progress),
        Column("failures", label=gettext_lazy("Failed"), accessor=_failures),
        DateColumn("send_at", label=gettext_lazy("Scheduled for"), sort_key="send_at"),
        DateColumn("finished_at", label=gettext_lazy("Finished"), sort_key="finished_at"),
        DateColumn("created_at", label=gettext_lazy("Created"), sort_key="created_at"),
    ]
    edit_handler = ObjectList(
        [
            MailingTextsPanel(
                "texts",
                heading=gettext_lazy("Subject and intro in each language"),
                label=gettext_lazy("Text"),
                help_text=gettext_lazy(
                    "The site's default language is required; subscribers of a language with no text get that one, "
                    "told so. Blank lines in the intro make paragraphs."
                ),
                min_num=1,
                max_num=len(settings.LANGUAGES),
                panels=[FieldPanel("language"), FieldPanel("subject"), FieldPanel("intro")],
            ),
            FieldPanel("kind", widget=forms.RadioSelect),
            FieldPanel("digest_days"),
            InlinePanel(
                "chosen_stories",
                heading=gettext_lazy("Chosen stories"),
                label=gettext_lazy("Story"),
                help_text=gettext_lazy(
                    "For a mailing of stories you choose, in this order. Each subscriber gets a story in their "
                    "language where it is translated."
                ),
                panels=[FieldPanel("story")],
            ),
        ],
        base_form_class=MailingForm,
    )

    def get_urlpatterns(self) -> list[Any]:
        return [
            *super().get_urlpatterns(),
            path("status/<int:pk>/", StatusView.as_view(), name="status"),
            path("test/<int:pk>/", SendTestView.as_view(), name="send_test"),
            path("schedule/<int:pk>/", ScheduleView.as_view(), name="schedule"),
            path("send-now/<int:pk>/", SendNowView.as_view(), name="send_now"),
            path("cancel/<int:pk>/", CancelView.as_view(), name="cancel"),
            path("look/<int:pk>/", LookView.as_view(), name="look"),
            path("sample/<int:pk>/<str:language>/", SampleView.as_view(), name="sample"),
        ]
