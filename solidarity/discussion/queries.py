"""Reads of comments that readers see: a page's threads (its section, its full list), the counts on story cards.

A thread is a top-level comment with its public replies, oldest first. A top-level comment that is no longer
public (its author deleted it, a moderator hid it) still holds its place when public replies hang from it:
the page says it was removed, and shows nothing of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from solidarity.discussion.models import Comment, CommentStatus

THREADS_SHOWN = 50  # on the page itself: the newest threads; the rest on the list of all comments
THREADS_PER_PAGE = 50  # on the list of all comments


@dataclass
class Thread:
    comment: Comment
    replies: list[Comment] = field(default_factory=list)

    @property
    def removed(self) -> bool:
        """The top comment is no longer public: only its place is shown, for its replies."""
        return not self.comment.is_public


def thread_tops(page_id: int) -> QuerySet[Comment]:
    """The top-level comments that make a thread on the page: public ones, and removed ones with public replies."""
    public_reply = Comment.objects.filter(parent=OuterRef("pk"), status=CommentStatus.APPROVED)
    return (
        Comment.objects.filter(page_id=page_id, parent__isnull=True)
        .filter(Q(status=CommentStatus.APPROVED) | Q(Exists(public_reply)))
        .order_by("created_at", "pk")
    )


def threads_of(tops: Iterable[Comment]) -> list[Thread]:
    """Threads for these top-level comments, with their public replies read in one query."""
    threads = [Thread(comment=top) for top in tops]
    by_top = {thread.comment.pk: thread for thread in threads}
    if by_top:
        for reply in Comment.objects.published().filter(parent_id__in=by_top).order_by("created_at", "pk"):
            by_top[reply.parent_id].replies.append(reply)
    return threads


@dataclass(frozen=True)
class PageThreads:
    threads: list[Thread]
    total: int  # threads in all
    comments: int  # public comments in all (replies included)

    @property
    def more(self) -> int:
        """Threads left out of the page (on the list of all comments)."""
        return max(0, self.total - len(self.threads))


def page_threads(page_id: int, *, shown: int | None = None) -> PageThreads:
    """The newest ``shown`` (``THREADS_SHOWN``) threads of a page, oldest first, and how many there are.

    One query for a page without comments, two with them; the counts cost two more only when some threads
    are left out (the page's own query count stays low: the lists of a campaign page are checked)."""
    shown = THREADS_SHOWN if shown is None else shown
    tops = thread_tops(page_id)
    newest = list(tops.order_by("-created_at", "-pk")[: shown + 1])
    if len(newest) <= shown:
        newest.reverse()
        threads = threads_of(newest)
        comments = sum(int(thread.comment.is_public) + len(thread.replies) for thread in threads)
        return PageThreads(threads=threads, total=len(threads), comments=comments)
    newest = newest[:shown]
    newest.reverse()
    comments = Comment.objects.published().filter(page_id=page_id).count()
    return PageThreads(threads=threads_of(newest), total=tops.count(), comments=comments)


def comment_counts() -> dict[int, int]:
    """How many public comments each page has (pages with none left out): one grouped query."""
    rows = Comment.objects.published().values("page_id").annotate(number=Count("pk")).values_list("page_id", "number")
    return dict(rows.order_by())
