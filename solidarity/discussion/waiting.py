"""The dashboard's "Waiting for you" queue of comments to moderate: for who may moderate (moderators, editors),
how many wait and the oldest few, each linking to its page in the comment queue."""

from __future__ import annotations

from typing import Any

from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from solidarity.core.waiting import WaitingItem, WaitingQueue, register_queue

OLDEST_SHOWN = 5
EXCERPT_CHARS = 80


def comments_to_moderate(user: Any) -> list[WaitingItem]:
    """The whole queue in one line (how many wait, and how many of them were reported), then its oldest few."""
    from solidarity.discussion import admin_queries, services

    if not services.may_moderate(user):
        return []
    oldest = list(admin_queries.waiting()[:OLDEST_SHOWN])
    if not oldest:
        return []
    count = admin_queries.waiting_count()
    items = [
        WaitingItem(
            title=ngettext("%(count)d comment waits", "%(count)d comments wait", count) % {"count": count},
            url=reverse("discussion_comments:queue"),
            detail=gettext("The comment queue, oldest first"),
            since=oldest[0].created_at,
        )
    ]
    for comment in oldest:
        detail = (gettext("Reported, on “%(page)s”") if comment.reported_at else gettext("New, on “%(page)s”")) % {
            "page": comment.page.title
        }
        items.append(
            WaitingItem(
                title=truncatechars(comment.text, EXCERPT_CHARS),
                url=reverse("discussion_comments:comment", args=[comment.pk]),
                detail=detail,
                since=comment.reported_at or comment.created_at,
            )
        )
    return items


register_queue(
    WaitingQueue(name="discussion_comments", heading=_("Comments to moderate"), items=comments_to_moderate, order=240)
)
