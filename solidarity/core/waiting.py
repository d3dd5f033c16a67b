"""What waits for a staff member: the queues of the dashboard's "Waiting for you" panel.

Core has two queues: the pages waiting for this user's review (Wagtail's workflow tasks they may
act on: editors review what coordinators and translators submit) and the user's own submissions
still in review or sent back with changes requested. A feature adds its own queue (say, campaign
activities to approve) by registering it, from its ``apps.py`` ``ready()`` or its
``wagtail_hooks.py``; core never imports a feature::

    register_queue(WaitingQueue(name="campaign_activities", heading=_("Activities to approve"),
                                items=activities_to_approve, order=200))

A queue's ``items(user)`` returns what this user should act on, newest first. Records that belong to
countries must be cut with ``core.access.visible_to(user, ...)`` (the one gate), so a coordinator
sees only the items of their countries.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, Revision, TaskState, WorkflowState

from solidarity.core import access

# At most this many items of one queue on the dashboard.
QUEUE_LIMIT = 20


@dataclass(frozen=True)
class WaitingItem:
    """One thing to act on: its title, where to act on it, a line saying what it is, and since when it waits."""

    title: str
    url: str
    detail: str = ""
    since: datetime.datetime | None = None
    comment: str = ""  # a reviewer's comment, when there is one
    compare_url: str = ""  # where to see what changed, when there is such a page


@dataclass(frozen=True)
class WaitingQueue:
    """A kind of thing that waits for staff: its heading on the dashboard and the items for one user."""

    name: str
    heading: Any  # a (lazy) translatable string
    items: Callable[[Any], list[WaitingItem]]
    order: int = 100


_QUEUES: dict[str, WaitingQueue] = {}


def register_queue(queue: WaitingQueue) -> WaitingQueue:
    """Add a queue to "Waiting for you" (registering a name again replaces that queue)."""
    _QUEUES[queue.name] = queue
    return queue


def registered_queues() -> list[WaitingQueue]:
    return sorted(_QUEUES.values(), key=lambda queue: (queue.order, queue.name))


def waiting_for(user: Any) -> list[tuple[WaitingQueue, list[WaitingItem]]]:
    """Each queue with what waits in it for this user; queues with nothing for them are left out."""
    found = ((queue, queue.items(user)) for queue in registered_queues())
    return [(queue, items) for queue, items in found if items]


def _what(obj: Any) -> str:
    """What the object is, and in which language when it has one: "Story in English"."""
    model = getattr(obj, "specific_class", None) or type(obj)  # a page's own type, not Wagtail's Page
    kind = str(model._meta.verbose_name).capitalize()
    locale = getattr(obj, "locale", None)
    if locale is None:
        return kind
    return gettext("%(kind)s in %(language)s") % {"kind": kind, "language": locale.get_display_name()}


def _title(obj: Any) -> str:
    return obj.get_admin_display_title() if hasattr(obj, "get_admin_display_title") else str(obj)


def _user_name(user: Any) -> str:
    if user is None:
        return gettext("someone")
    return user.get_full_name() or user.get_username()


def _compare_url(obj: Any, revision_id: int, previous_id: int | None) -> str:
    if not isinstance(obj, Page):
        return ""
    start = previous_id if previous_id is not None else "earliest"
    return reverse("wagtailadmin_pages:revisions_compare", args=[obj.pk, start, revision_id])


def pages_to_review(user: Any) -> list[WaitingItem]:
    """What waits for this user's review: the workflow tasks they may approve or send back, newest first.

    Wagtail's own query (``TaskState.objects.reviewable_by``, that of its "Awaiting your review" panel).
    """
    states = (
        TaskState.objects.reviewable_by(user)
        .select_related("revision", "task", "workflow_state__requested_by")
        .prefetch_related("revision__content_object")
        .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        .order_by("-started_at", "-pk")
    )
    finder = AdminURLFinder(user)
    items = []
    for state in states[:QUEUE_LIMIT]:
        obj = state.revision.content_object
        url = finder.get_edit_url(obj) if obj is not None else None
        if not url:
            continue  # the object was deleted, or this user may not edit it
        detail = gettext("%(what)s, submitted by %(user)s for “%(task)s”") % {
            "what": _what(obj),
            "user": _user_name(state.workflow_state.requested_by),
            "task": state.task.name,
        }
        items.append(
            WaitingItem(
                title=_title(obj),
                url=url,
                detail=detail,
                since=state.started_at,
                compare_url=_compare_url(obj, state.revision_id, state.previous_revision_id),
            )
        )
    return items


def submissions_in_review(user: Any) -> list[WaitingItem]:
    """This user's submissions still in a workflow: waiting for a reviewer, or sent back with changes requested."""
    states = (
        WorkflowState.objects.active()
        .filter(requested_by=user)
        .select_related("current_task_state", "current_task_state__task", "current_task_state__finished_by")
        .prefetch_related("content_object")
        .order_by("-current_task_state__started_at", "-pk")
    )
    finder = AdminURLFinder(user)
    items = []
    for state in states[:QUEUE_LIMIT]:
        obj = state.content_object
        if obj is None:
            continue
        task_state = state.current_task_state
        task_name = task_state.task.name if task_state else ""
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            detail = gettext("%(what)s, changes requested by %(user)s") % {
                "what": _what(obj),
                "user": _user_name(task_state.finished_by if task_state else None),
            }
            since = task_state.finished_at if task_state else None
            comment = task_state.get_comment() if task_state else ""
        else:
            detail = gettext("%(what)s, waiting for “%(task)s”") % {"what": _what(obj), "task": task_name}
            since = task_state.started_at if task_state else None
            comment = ""
        items.append(
            WaitingItem(
                title=_title(obj),
                url=finder.get_edit_url(obj) or "",
                detail=detail,
                since=since,
                comment=comment or "",
            )
        )
    return items


def in_review_in_your_countries(user: Any) -> list[WaitingItem]:
    """For a country coordinator: the pages of their countries that wait for an editor's review, submitted by others.

    (Their own submissions are in "Your submissions in review"; editors see everything in "Pages to review".)
    """
    if not access.is_country_scoped(user):
        return []
    states = (
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .exclude(requested_by=user)
        .select_related("requested_by", "current_task_state", "current_task_state__task")
    )
    state_of_page = {int(state.object_id): state for state in states}
    country_types = [ContentType.objects.get_for_model(model) for model in access.country_page_models()]
    pages = access.pages_visible_to(
        user, Page.objects.filter(pk__in=state_of_page, content_type__in=country_types).select_related("locale")
    )
    finder = AdminURLFinder(user)
    items = []
    for page in pages.specific(defer=True):
        state = state_of_page[page.pk]
        task_state = state.current_task_state
        items.append(
            WaitingItem(
                title=_title(page),
                url=finder.get_edit_url(page) or "",
                detail=gettext("%(what)s, submitted by %(user)s for “%(task)s”")
                % {
                    "what": _what(page),
                    "user": _user_name(state.requested_by),
                    "task": task_state.task.name if task_state else "",
                },
                since=task_state.started_at if task_state else None,
            )
        )
    items.sort(key=lambda item: item.since or datetime.datetime.min.replace(tzinfo=datetime.UTC), reverse=True)
    return items[:QUEUE_LIMIT]


register_queue(WaitingQueue(name="pages_to_review", heading=_("Pages to review"), items=pages_to_review, order=10))
register_queue(
    WaitingQueue(
        name="submissions_in_review", heading=_("Your submissions in review"), items=submissions_in_review, order=20
    )
)
register_queue(
    WaitingQueue(
        name="in_review_in_your_countries",
        heading=_("In review in your countries"),
        items=in_review_in_your_countries,
        order=30,
    )
)
