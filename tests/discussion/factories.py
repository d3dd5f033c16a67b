"""Discussion test data: comments made through ``discussion.services`` (as the public form makes them), or
directly in a final state where a test only reads them; questions through ``question_send``.

A page that takes comments is any story (``tests.factories.StoryPageFactory``), public call or campaign page.
"""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from django.utils import timezone
from wagtail.models import Page

from solidarity.core.discussable import CommentsMode
from solidarity.core.models import Country
from solidarity.discussion import services
from solidarity.discussion.models import Comment, CommentStatus, DiscussionSettings, Question, QuestionTopic

_numbers = itertools.count(1)


def moderation(mode: str = CommentsMode.PRE, *, close_after_days: int | None = None) -> DiscussionSettings:
    """The site's comment settings: pre- or post-moderation, and when comments close."""
    settings = DiscussionSettings.load()
    settings.moderation = mode
    settings.close_after_days = close_after_days
    settings.save()
    return settings


def posted(
    page: Page,
    *,
    name: str = "",
    text: str = "",
    email: str = "",
    language: str = "en",
    parent: Comment | None = None,
    source: str = "",
    now: datetime.datetime | None = None,
) -> services.Posted:
    """A comment posted through the service (the site's or page's moderation applies); ``.token`` opens it."""
    number = next(_numbers)
    return services.comment_post(
        page=page,
        name=name or f"Reader {number}",
        text=text or f"A thought about this story, number {number}.",
        email=email,
        language=language,
        parent=parent,
        source=source,
        now=now,
    )


def comment(
    page: Page,
    *,
    status: str = CommentStatus.APPROVED,
    name: str = "",
    text: str = "",
    parent: Comment | None = None,
    language: str = "en",
    created_at: datetime.datetime | None = None,
    **fields: Any,
) -> Comment:
    """A comment in its final state, made directly (no rule runs): for tests that only read comments."""
    number = next(_numbers)
    return Comment.objects.create(
        page=page,
        parent=parent,
        author_name=name or f"Reader {number}",
        text=text or f"A thought about this story, number {number}.",
        language=language,
        status=status,
        created_at=created_at or timezone.now(),
        **fields,
    )


def question(
    *,
    country: str | None = "BY",
    topic: str = QuestionTopic.OTHER,
    name: str = "Olga",
    email: str = "olga@example.org",
    text: str = "",
    language: str = "en",
    contact: Any = None,
    campaign_key: Any = None,
) -> Question:
    """A question sent through the service (routed, mailed) as the form sends it."""
    return services.question_send(
        name=name,
        email=email,
        text=text or f"How can we take part? ({next(_numbers)})",
        language=language,
        topic=topic,
        country=Country.objects.get(pk=country) if country else None,
        contact=contact,
        campaign_key=campaign_key,
    )
