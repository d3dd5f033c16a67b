"""What stories', calls' and campaigns' pages show of comments (through core.extras slots), and the comment pages'
own helpers: a page's discussion section, the comment count on a story card, a comment's text as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.template import Context
from django.utils.safestring import SafeString

from solidarity.discussion import queries, services, text
from solidarity.discussion.comment_forms import CommentForm

register = template.Library()

_COUNTS = "_solidarity_comment_counts"
PAGE_FORM_ID = "comment-%s"  # the page's form: its fields' ids never meet the page's other forms' (a call's)


@dataclass(frozen=True)
class Discussion:
    """A page's discussion section: how it takes comments, its newest threads, the form when open."""

    state: services.CommentsState
    threads: queries.PageThreads
    form: CommentForm | None
    about: str  # "story", "call" or "campaign": which heading the form gets


def page_kind(page: Any) -> str:
    name = type(page)._meta.model_name
    return {"campaignpage": "campaign", "publiccallpage": "call"}.get(name, "story")


@register.simple_tag
def page_discussion(page: Any) -> Discussion | None:
    """The section of a page that takes comments; None when it does not (switched off, or no such page)."""
    if page is None:
        return None
    state = services.comments_state(page)
    if not state.shown:
        return None
    form = CommentForm(auto_id=PAGE_FORM_ID) if state.open else None
    return Discussion(state=state, threads=queries.page_threads(page.pk), form=form, about=page_kind(page))


@register.simple_tag(takes_context=True)
def comment_count(context: Context, story: Any) -> int:
    """How many public comments a card's story has; the counts of every page are read once per request."""
    if getattr(story, "comments_mode", "") == "off":
        return 0
    request = context.get("request")
    counts = getattr(request, _COUNTS, None) if request is not None else None
    if counts is None:
        counts = queries.comment_counts()
        if request is not None:
            setattr(request, _COUNTS, counts)
    return counts.get(story.pk, 0)


@register.filter
def comment_html(value: str) -> SafeString:
    """A comment's plain text as HTML: paragraphs, links (nofollow ugc), everything else escaped."""
    return text.comment_html(value)
