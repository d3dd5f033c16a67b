"""Comments' public pages: posting a comment or a reply, reporting one, the list of a page's comments, and the
author's private link (see it, change or delete it for ``services.EDIT_MINUTES``).

Every GET here carries nothing per visitor and sets no cookie (cacheable). The POSTs are csrf_exempt and go
through core's spam guard; a form sent back with errors echoes what was typed and is never stored. Without
JavaScript each answer is a page; with htmx (``HX-Request``) the section's form is sent in place and the answer
is the fragment that replaces it (the same words as the page). A posted comment's answer without JavaScript is a
redirect (303) to the author's private page, whose address carries the token; with htmx, the fragment links it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.models import Page

from solidarity.core import spam
from solidarity.core.discussable import DiscussablePage
from solidarity.core.views import private_response, private_view
from solidarity.core.visibility import visible_pages
from solidarity.discussion import queries, services
from solidarity.discussion.comment_forms import CommentForm, EditForm, ReportForm
from solidarity.discussion.models import Comment, CommentStatus
from solidarity.discussion.templatetags.discussion_tags import PAGE_FORM_ID, page_kind


def _language() -> str:
    return translation.get_language() or "en"


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _answer(
    request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200, private: bool = False
) -> HttpResponse:
    """A page, or with htmx its fragment (``discussion/_<name>`` beside ``discussion/<name>``)."""
    htmx = _is_htmx(request)
    if htmx:
        folder, name = template.rsplit("/", 1)
        template = f"{folder}/_{name}"
        # The fragment says what went wrong; a 4xx would be a console error in the browser for nothing.
        status = 200
    response = render(request, template, {**context, "htmx": htmx}, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return private_response(response) if private or request.method == "POST" else response


def _gone(request: HttpRequest, message: str) -> HttpResponse:
    """What is asked for is not there (an unknown page, a comment no longer public): why, in a 404."""
    return _answer(request, "discussion/gone.html", {"message": message}, status=404)


def _page(page_id: int) -> DiscussablePage | None:
    """The visible page of ``page_id`` if it shows comments (taking them or not), else None."""
    page = visible_pages().filter(id=page_id).first()
    if page is None:
        return None
    specific = page.specific
    if not isinstance(specific, DiscussablePage) or not services.comments_state(specific).shown:
        return None
    return specific


def _public_comment(pk: int) -> tuple[Comment, DiscussablePage] | None:
    comment = Comment.objects.filter(pk=pk, status=CommentStatus.APPROVED).first()
    page = _page(comment.page_id) if comment is not None else None
    if comment is None or page is None:
        return None
    return comment, page


PAGE_GONE = gettext_lazy("This page does not exist or takes no comments.")
COMMENT_GONE = gettext_lazy("This comment is no longer there (or never was).")


def _post(request: HttpRequest, page: DiscussablePage, parent: Comment | None, auto_id: str) -> HttpResponse:
    """The comment form (a reply's when ``parent``): its GET, and its POST through the guard and the service."""
    state = services.comments_state(page)
    form = CommentForm(request.POST if request.method == "POST" and state.open else None, auto_id=auto_id)
    status = 200
    if request.method == "POST":
        if not state.open:
            status = 403
        elif spam.passes(request, form, scope="discussion.comment") and form.is_valid():
            try:
                posted = services.comment_post(
                    page=page,
                    parent=parent,
                    language=_language(),
                    source=spam.source_fingerprint(request),
                    **form.values(),
                )
            except ValidationError as error:
                form.add_service_errors(error)
                status = 400
            else:
                return _posted(request, posted)
        else:
            status = form.guard_status if form.guard_status != 200 else 400
    context = {"page": page, "parent": parent, "form": form, "state": state, "about": page_kind(page)}
    if parent is not None:
        action = reverse("discussion:comment_reply", kwargs={"pk": parent.pk})
    else:
        action = reverse("discussion:comment_post", kwargs={"page_id": page.pk})
    context["action"] = action
    return _answer(request, "discussion/comment_form.html", context, status=status)


def _posted(request: HttpRequest, posted: services.Posted) -> HttpResponse:
    """A comment was posted: its private page (a redirect without JavaScript), or "already received"."""
    page = posted.comment.page.specific
    if posted.outcome == services.PostOutcome.ALREADY:
        return _answer(request, "discussion/already.html", {"page": page}, private=True)
    if not _is_htmx(request):
        url = reverse("discussion:comment_private", kwargs={"token": posted.token})
        return private_response(HttpResponseRedirect(url, status=303))
    context = {**_private_context(posted.comment, posted.token), "just_posted": True}
    return _answer(request, "discussion/comment_private.html", context, private=True)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def comment_post(request: HttpRequest, page_id: int) -> HttpResponse:
    """The page's comment form: on a page of its own (GET, and a POST answered with errors)."""
    page = _page(page_id)
    if page is None:
        return _gone(request, str(PAGE_GONE))
    return _post(request, page, None, PAGE_FORM_ID)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def comment_reply(request: HttpRequest, pk: int) -> HttpResponse:
    """The reply form under a comment (a reply to a reply answers the same top comment: the service's rule)."""
    comment = Comment.objects.filter(pk=pk).first()
    page = _page(comment.page_id) if comment is not None else None
    if comment is None or page is None:
        return _gone(request, str(COMMENT_GONE))
    if request.method != "POST" and not comment.is_public:
        return _gone(request, str(COMMENT_GONE))
    # A POST to a comment gone meanwhile: the service refuses it, and the form keeps what was typed.
    return _post(request, page, comment, f"reply-{comment.pk}-%s")


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def comment_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Report a public comment to the moderators: a small confirmation form, then thanks (whatever was counted)."""
    found = _public_comment(pk)
    if found is None:
        return _gone(request, str(COMMENT_GONE))
    comment, page = found
    form = ReportForm(request.POST if request.method == "POST" else None, auto_id=f"report-{comment.pk}-%s")
    status = 200
    if request.method == "POST":
        if spam.passes(request, form, scope="discussion.report"):
            services.comment_report(comment, source=spam.source_fingerprint(request))
            return _answer(request, "discussion/reported.html", {"page": page, "comment": comment})
        status = form.guard_status
    context = {"page": page, "comment": comment, "form": form}
    return _answer(request, "discussion/comment_report.html", context, status=status)


@require_safe
def comment_list(request: HttpRequest, page_id: int) -> HttpResponse:
    """Every comment of a page, oldest first, page by page."""
    page = _page(page_id)
    if page is None:
        return _gone(request, str(PAGE_GONE))
    paginator = Paginator(queries.thread_tops(page.pk), queries.THREADS_PER_PAGE)
    items = paginator.get_page(request.GET.get("page"))
    context = {
        "page": page,
        "items": items,
        "threads": queries.threads_of(items.object_list),
        "state": services.comments_state(page),
    }
    return render(request, "discussion/comment_list.html", context)


# The author's private link


def _private_context(comment: Comment, token: str) -> dict[str, Any]:
    return {
        "comment": comment,
        "page": Page.objects.filter(pk=comment.page_id).first(),
        "token": token,
        "may_edit": services.may_still_edit(comment),
        "closes_at": services.edit_closes_at(comment),
        "EDIT_MINUTES": services.EDIT_MINUTES,
    }


@private_view
def comment_private(request: HttpRequest, token: str) -> HttpResponse:
    """The author's page: what they posted and its state; change or delete it while ``may_still_edit``."""
    comment = services.comment_by_token(token)
    if comment is None:
        return render(request, "discussion/private_unknown.html", status=404)
    context = _private_context(comment, token)
    context["page"] = comment.page.specific
    form = EditForm(initial={"text": comment.text}, auto_id="edit-%s")
    status = 200
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "edit":
        form = EditForm(request.POST, auto_id="edit-%s")
        if form.is_valid():
            try:
                comment = services.comment_edit(comment, text=form.cleaned_data["text"])
            except ValidationError as error:
                form.add_service_errors(error)
                status = 400
            else:
                context.update(_private_context(comment, token), page=context["page"], changed=True)
                form = EditForm(initial={"text": comment.text}, auto_id="edit-%s")
        else:
            status = 400
    elif action == "delete":
        if request.POST.get("confirm") != "yes":
            return render(request, "discussion/comment_delete.html", context)
        try:
            services.comment_delete_by_author(comment)
        except ValidationError as error:
            context["error"] = " ".join(error.messages)
            status = 410
        else:
            return render(request, "discussion/comment_deleted.html", {"page": context["page"]})
    context["form"] = form
    if comment.status == CommentStatus.DELETED:
        return render(request, "discussion/comment_deleted.html", {"page": context["page"]}, status=410)
    if not context["may_edit"] and status == 200:
        status = 410 if comment.status in (CommentStatus.REJECTED, CommentStatus.SPAM) else 200
    context["now"] = timezone.now()
    return render(request, "discussion/comment_private.html", context, status=status)
