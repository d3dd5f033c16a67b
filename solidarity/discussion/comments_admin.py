"""The comment queue, for moderators and editors (``services.may_moderate``; everyone else gets 403).

* ``queue``: the comments of a tab (waiting, reported, public, rejected and spam, all), paginated, with bulk
  approve / reject / spam (``services.comments_decide``);
* ``comment``: one comment in full (and the comment it replies to), its history, its decision
  (``services.comment_decide``) and the block of its source for a few days (``services.source_block``);
* ``blocked``: the blocks still running, each with Unblock (``services.source_unblock``).

Never shown: the author's email (for reply notifications only) and the keyed source. Every decision and block
leaves an audit entry (Wagtail's log).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.log_actions import LogActionRegistry, log
from wagtail.models import ModelLogEntry, Page

from solidarity.discussion import admin_queries, services
from solidarity.discussion.comments_admin_forms import (
    BlockForm,
    BulkDecisionForm,
    DecisionForm,
    day_count,
    first_error,
)
from solidarity.discussion.models import BlockedSource, Comment
from solidarity.discussion.text import comment_html

ROWS_PER_PAGE = 50
EXCERPT_CHARS = 140
ACTIONS = {
    services.Decision.APPROVE: "discussion.comment_approve",
    services.Decision.REJECT: "discussion.comment_reject",
    services.Decision.SPAM: "discussion.comment_spam",
}
BLOCK_ACTION = "discussion.source_block"
UNBLOCK_ACTION = "discussion.source_unblock"


@hooks.register("register_log_actions")
def comments_log_actions(actions: LogActionRegistry) -> None:
    actions.register_action(ACTIONS[services.Decision.APPROVE], _("Approve"), _("Approved"))
    actions.register_action(ACTIONS[services.Decision.REJECT], _("Reject"), _("Rejected"))
    actions.register_action(ACTIONS[services.Decision.SPAM], _("Mark as spam"), _("Marked as spam"))
    actions.register_action(BLOCK_ACTION, _("Block its source"), _("Its source blocked"))
    actions.register_action(UNBLOCK_ACTION, _("Unblock a source"), _("A source unblocked"))


def _refuse_unless_moderator(request: HttpRequest) -> None:
    if not services.may_moderate(request.user):
        raise PermissionDenied


def _decided_message(decision: str, count: int) -> str:
    if decision == services.Decision.APPROVE:
        text = ngettext(
            "%(count)d comment approved: it is public.", "%(count)d comments approved: they are public.", count
        )
    elif decision == services.Decision.REJECT:
        text = ngettext("%(count)d comment rejected.", "%(count)d comments rejected.", count)
    else:
        text = ngettext("%(count)d comment marked as spam.", "%(count)d comments marked as spam.", count)
    return text % {"count": count}


def page_link(request: HttpRequest, page: Page, comment_pk: int) -> str:
    """Where the comment is on the live page (empty when the page is not live)."""
    if not page.live:
        return ""
    url = page.get_url(request)
    return f"{url}#comment-{comment_pk}" if url else ""


def _user_name(user: Any) -> str:
    if user is None:
        return _("someone")
    return str(user.get_full_name() or user.get_username())


# The queue ------------------------------------------------------------------------------------------------------


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "discussion/admin/comments/queue.html"
    page_title = gettext_lazy("Comments")
    header_icon = "comment"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        _refuse_unless_moderator(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        tab = admin_queries.tab_named(self.request.GET.get("show", ""))
        counts = admin_queries.tab_counts()
        paginator = Paginator(admin_queries.comments_in(tab), ROWS_PER_PAGE)
        rows = paginator.get_page(self.request.GET.get("p"))
        for comment in rows:
            comment.page_url = page_link(self.request, comment.page, comment.pk)  # type: ignore[attr-defined]
        context.update(
            tab=tab,
            tabs=[(each, counts[each.name]) for each in admin_queries.TABS],
            rows=rows,
            elided_page_range=paginator.get_elided_page_range(rows.number),
            excerpt_chars=EXCERPT_CHARS,
            decisions=services.Decision,
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = BulkDecisionForm(request.POST)
        back = request.get_full_path()
        if not form.is_valid():
            messages.error(request, first_error(form))
            return redirect(back)
        decision = form.cleaned_data["decision"]
        chosen = list(form.cleaned_data["comments"])
        try:
            with transaction.atomic():  # all the ticked comments, or none (an author deleted one meanwhile)
                decided = services.comments_decide(request.user, chosen, decision)
                for comment in decided:
                    log(instance=comment, action=ACTIONS[decision], user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect(back)
        messages.success(request, _decided_message(decision, len(decided)))
        return redirect(back)


# One comment ---------------------------------------------------------------------------------------------------


def _comment_for(request: HttpRequest, pk: int) -> Comment:
    _refuse_unless_moderator(request)
    return get_object_or_404(Comment.objects.select_related("page", "parent", "decided_by"), pk=pk)


def comment_history(comment: Comment) -> list[dict[str, Any]]:
    """What happened to the comment, oldest first: posted, changed by its author, reported, each decision."""
    events: list[dict[str, Any]] = [{"when": comment.created_at, "what": _("Posted")}]
    if comment.edited_at:
        events.append({"when": comment.edited_at, "what": _("Changed by its author")})
    entries = list(ModelLogEntry.objects.for_instance(comment).select_related("user").order_by("timestamp", "pk"))
    for entry in entries:
        what = entry.message
        if entry.action == BLOCK_ACTION and (entry.data or {}).get("days"):
            what = _("Its source blocked for %(days)s") % {"days": day_count(int(entry.data["days"]))}
        events.append({"when": entry.timestamp, "what": what, "who": _user_name(entry.user)})
    if comment.decided_at and not any(entry.action in ACTIONS.values() for entry in entries):
        events.append(
            {"when": comment.decided_at, "what": comment.get_status_display(), "who": _user_name(comment.decided_by)}
        )
    if comment.reported_at:
        events.append(
            {
                "when": comment.reported_at,
                "what": ngettext("Reported by %(count)d reader", "Reported by %(count)d readers", comment.reports)
                % {"count": comment.reports},
            }
        )
    return sorted(events, key=lambda event: event["when"])


class CommentView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "discussion/admin/comments/comment.html"
    header_icon = "comment"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.object = _comment_for(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Comment")

    def get_page_subtitle(self) -> str:
        return str(self.object.page.title)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("discussion_comments:queue"), "label": _("Comments")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        comment = self.object
        parent = comment.parent
        context.update(
            comment=comment,
            text_html=comment_html(comment.text),
            parent=parent,
            parent_html=comment_html(parent.text) if parent is not None else "",
            parent_url=page_link(self.request, comment.page, parent.pk) if parent is not None else "",
            page_url=page_link(self.request, comment.page, comment.pk),
            page_edit_url=reverse("wagtailadmin_pages:edit", args=[comment.page_id]),
            history=comment_history(comment),
            blocked_until=services.source_blocked_until(comment.source),
            block_refusal=services.source_block_refusal(comment),
            block_choices=[(days, day_count(days)) for days in services.BLOCK_DAYS_CHOICES],
            decisions=services.Decision,
            is_deleted=comment.status == "deleted",
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = DecisionForm(request.POST)
        here = reverse("discussion_comments:comment", args=[self.object.pk])
        if not form.is_valid():
            messages.error(request, first_error(form))
            return redirect(here)
        decision = form.cleaned_data["decision"]
        try:
            services.comment_decide(request.user, self.object, decision)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect(here)
        log(instance=self.object, action=ACTIONS[decision], user=request.user)
        messages.success(request, _decided_message(decision, 1))
        return redirect("discussion_comments:queue")


@require_POST
def source_block(request: HttpRequest, pk: int) -> HttpResponse:
    """Block the comment's source for the chosen days; its waiting comments are marked spam."""
    comment = _comment_for(request, pk)
    here = reverse("discussion_comments:comment", args=[comment.pk])
    form = BlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect(here)
    days = form.cleaned_data["days"]
    try:
        marked = services.source_block(request.user, comment, days=days)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(here)
    log(instance=comment, action=BLOCK_ACTION, user=request.user, data={"days": days})
    message = _("Comments from its source are refused for %(days)s.") % {"days": day_count(days)}
    if marked:
        message += " " + ngettext(
            "%(count)d comment from it that waited was marked as spam.",
            "%(count)d comments from it that waited were marked as spam.",
            marked,
        ) % {"count": marked}
    messages.success(request, message)
    return redirect(here)


# Blocked sources -----------------------------------------------------------------------------------------------


class BlockedView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "discussion/admin/comments/blocked.html"
    page_title = gettext_lazy("Blocked sources")
    header_icon = "lock"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        _refuse_unless_moderator(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("discussion_comments:queue"), "label": _("Comments")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["blocks"] = [
            {"block": block, "by": _user_name(block.created_by) if block.created_by else ""}
            for block in admin_queries.blocked_sources()
        ]
        return context


@require_POST
def source_unblock(request: HttpRequest, pk: int) -> HttpResponse:
    _refuse_unless_moderator(request)
    block = get_object_or_404(BlockedSource, pk=pk)
    with transaction.atomic():
        # Logged before the row goes (the entry names it by number, never by its keyed source).
        log(
            instance=block,
            action=UNBLOCK_ACTION,
            user=request.user,
            title=_("Blocked source %(number)d") % {"number": block.pk},
        )
        services.source_unblock(request.user, block)
    messages.success(request, _("The source is unblocked: its comments are taken again."))
    return redirect("discussion_comments:blocked")


urlpatterns = [
    path("", QueueView.as_view(), name="queue"),
    path("<int:pk>/", CommentView.as_view(), name="comment"),
    path("<int:pk>/block/", source_block, name="block"),
    path("blocked/", BlockedView.as_view(), name="blocked"),
    path("blocked/<int:pk>/unblock/", source_unblock, name="unblock"),
]


# The menu ------------------------------------------------------------------------------------------------------


class CommentsMenuItem(MenuItem):
    """ "Comments", with how many wait; shown to who may moderate only."""

    def is_shown(self, request: HttpRequest) -> bool:
        return services.may_moderate(request.user)

    def render_component(self, request: HttpRequest) -> LinkMenuItem:
        count = admin_queries.waiting_count()
        label = _("Comments (%(count)d)") % {"count": count} if count else _("Comments")
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, classname=self.classname)


def menu_item() -> MenuItem:
    return CommentsMenuItem(
        gettext_lazy("Comments"), reverse("discussion_comments:queue"), name="comments", icon_name="comment", order=270
    )
