"""Reads of the comment queue's admin: the tabs of the queue (what waits, what was reported, what is public, what
was refused, everything), how many wait, and the blocked sources.

Comments belong to no country: who may moderate sees them all (``services.may_moderate``); the views check it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from solidarity.discussion.models import IN_QUEUE, BlockedSource, Comment, CommentStatus


@dataclass(frozen=True)
class Tab:
    """One tab of the queue: its name in the address (``?show=``), its label, and what it lists in which order."""

    name: str
    label: Any
    filter: Q
    ordering: tuple[str, ...]


WAITING = "waiting"
TABS = (
    Tab(WAITING, _("Waiting"), IN_QUEUE, ("created_at", "pk")),
    Tab("reported", _("Reported"), Q(reported_at__isnull=False), ("reported_at", "pk")),
    Tab("public", _("Public"), Q(status=CommentStatus.APPROVED), ("-created_at", "-pk")),
    Tab(
        "refused",
        _("Rejected and spam"),
        Q(status__in=[CommentStatus.REJECTED, CommentStatus.SPAM]),
        ("-decided_at", "-pk"),
    ),
    Tab("all", _("All"), Q(), ("-created_at", "-pk")),
)
TAB_NAMES = {tab.name: tab for tab in TABS}


def tab_named(name: str) -> Tab:
    """The tab of that name, or the waiting comments' (the queue itself) for any other."""
    return TAB_NAMES.get(name, TAB_NAMES[WAITING])


def comments_in(tab: Tab) -> QuerySet[Comment]:
    """The comments of a tab, with their pages (for the title and the link), in the tab's order."""
    return Comment.objects.filter(tab.filter).select_related("page", "page__locale").order_by(*tab.ordering)


def waiting() -> QuerySet[Comment]:
    """What waits for a moderator (``Comment.objects.in_queue()``), oldest first."""
    return Comment.objects.in_queue().select_related("page").order_by("created_at", "pk")


def waiting_count() -> int:
    return Comment.objects.in_queue().count()


def tab_counts() -> dict[str, int]:
    """How many comments each tab lists, by its name (one query per tab, on indexed columns)."""
    return {tab.name: Comment.objects.filter(tab.filter).count() for tab in TABS}


def blocked_sources(*, now: Any = None) -> QuerySet[BlockedSource]:
    """The blocks still running, ending soonest first, each with ``comment_pk``: the latest comment still known
    to come from that source (sources are kept a few days only), to show which comment it was blocked for."""
    latest = Comment.objects.filter(source=OuterRef("source")).order_by("-created_at", "-pk").values("pk")[:1]
    return (
        BlockedSource.objects.filter(until__gt=now or timezone.now())
        .select_related("created_by")
        .annotate(comment_pk=Subquery(latest))
        .order_by("until", "pk")
    )
