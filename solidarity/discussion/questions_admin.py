"""The questions' inboxes in the admin: coordinators see the questions in their countries' inboxes, editors every
inbox (their own, the editors' inbox, by default). The listing says when, about what and whose inbox, never who
wrote or from which address; the page of one question shows the sender, the text and "Reply by email" (a
``mailto:`` link: answers leave from the staff member's own email program), and marks it answered or not.

Every read goes through ``core.access`` (``visible_to``, ``may_see``); marking goes through
``services.question_mark_answered``.
"""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.log_actions import LogActionRegistry, log

from solidarity.campaigns.services import campaign_in_language
from solidarity.core import access
from solidarity.core.countries import by_name
from solidarity.core.models import Country
from solidarity.discussion import services
from solidarity.discussion.models import Question, QuestionQuerySet
from solidarity.discussion.question_forms import ALL_INBOXES, ANSWERED, EDITORS_INBOX, WAITING, InboxFilterForm

ANSWERED_ACTION = "discussion.question_answered"
REOPENED_ACTION = "discussion.question_reopened"


@hooks.register("register_log_actions")
def questions_log_actions(actions: LogActionRegistry) -> None:
    """Who marked which question answered or waiting again, in the audit log (the entry names the question by
    its number only: nothing of the sender)."""
    actions.register_action(ANSWERED_ACTION, gettext_lazy("Mark as answered"), gettext_lazy("Mark as answered"))
    actions.register_action(REOPENED_ACTION, gettext_lazy("Mark as not answered"), gettext_lazy("Mark as not answered"))


VIEW_PERMISSION = "discussion.view_question"
PER_PAGE = 50


def questions_visible_to(user: Any) -> QuestionQuerySet:
    """The questions of the inboxes this user answers for (``core.access``)."""
    return cast(QuestionQuerySet, access.visible_to(user, Question.objects.select_related("country", "inbox_country")))


def _inboxes(user: Any) -> list[tuple[str, Any]]:
    """The inbox filter's choices: editors first their own inbox, then all, then each country's inbox that has
    questions; a coordinator all of theirs, then each of their countries' (no choice with only one country)."""
    used = Country.objects.filter(pk__in=Question.objects.exclude(inbox_country=None).values("inbox_country"))
    countries = by_name(access.countries_visible_to(user, used))
    if access.country_scope(user) is access.ALL_COUNTRIES:
        return [
            (EDITORS_INBOX, gettext_lazy("Editors' inbox")),
            (ALL_INBOXES, gettext_lazy("All inboxes")),
            *((country.code, country.name) for country in countries),
        ]
    if len(countries) < 2:
        return []
    return [(ALL_INBOXES, gettext_lazy("All inboxes")), *((country.code, country.name) for country in countries)]


class _QuestionsMixin(WagtailAdminTemplateMixin):
    header_icon = "help"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class InboxView(_QuestionsMixin, TemplateView):
    """The questions of the user's inboxes, newest first, with filters."""

    template_name = "discussion/admin/questions/inbox.html"

    def get_page_title(self) -> str:
        return _("Questions")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        inboxes = _inboxes(user)
        data = self.request.GET.copy()
        if inboxes and not data.get("inbox"):
            data["inbox"] = inboxes[0][0]
        form = InboxFilterForm(data, inboxes=inboxes)
        questions = questions_visible_to(user)
        inbox = form.value("inbox")
        if inbox == EDITORS_INBOX:
            questions = questions.to_editors()
        elif inbox and inbox != ALL_INBOXES:
            questions = questions.filter(inbox_country=inbox)
        state = form.value("state")
        if state == WAITING:
            questions = questions.waiting()
        elif state == ANSWERED:
            questions = questions.filter(answered_at__isnull=False)
        if topic := form.value("topic"):
            questions = questions.filter(topic=topic)
        page = Paginator(questions, PER_PAGE).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(filter_form=form, page_obj=page, questions=page.object_list, query=query.urlencode())
        return context


def question_object(user: Any, pk: int) -> Question:
    """The question ``pk`` if it is in one of the user's inboxes, else 404."""
    question = questions_visible_to(user).select_related("contact", "answered_by").filter(pk=pk).first()
    if question is None or not access.may_see(user, question):
        raise Http404
    return question


def reply_link(question: Question) -> str:
    """``mailto:`` the sender, the subject "Re: …" in the question's language."""
    with translation.override(question.language):
        subject = _("Re: your question to %(site)s") % {"site": settings.SOLIDARITY_SITE_NAME}
    return f"mailto:{quote(question.email, safe='@')}?subject={quote(subject)}"


class QuestionView(_QuestionsMixin, TemplateView):
    """One question: who sent it, about what, its text; reply by email; mark it answered or not answered."""

    template_name = "discussion/admin/questions/question.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        self.question = question_object(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Question")

    def get_page_subtitle(self) -> str:
        return str(self.question.get_topic_display())

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("discussion_questions:inbox"), "label": _("Questions")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        question = self.question
        campaign = None
        if question.campaign_key is not None:
            campaign = campaign_in_language(question.campaign_key, translation.get_language() or "en")
        context.update(
            question=question,
            campaign=campaign,
            reply_url=reply_link(question),
            may_change=access.may_change(self.request.user, question),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        answered = request.POST.get("answered") == "yes"
        question = services.question_mark_answered(request.user, self.question, answered=answered)
        log(instance=question, action=ANSWERED_ACTION if answered else REOPENED_ACTION, user=request.user)
        if question.is_answered:
            messages.success(request, _("The question is marked as answered."))
        else:
            messages.success(request, _("The question is marked as waiting for an answer."))
        return redirect("discussion_questions:question", pk=question.pk)


urlpatterns = [
    path("", InboxView.as_view(), name="inbox"),
    path("<int:pk>/", QuestionView.as_view(), name="question"),
]


def menu_item() -> Any:
    """ "Questions" in the admin's menu, for whoever may read an inbox."""
    from wagtail.admin.menu import MenuItem

    class QuestionsMenuItem(MenuItem):
        def is_shown(self, request: HttpRequest) -> bool:
            return bool(request.user.has_perm(VIEW_PERMISSION))

    return QuestionsMenuItem(
        gettext_lazy("Questions"), reverse("discussion_questions:inbox"), icon_name="help", order=450
    )
