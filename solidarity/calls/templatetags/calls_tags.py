"""What other apps' templates show of public calls, without their Python importing calls.

The story card shows a call's signature count (``call_total``: one grouped query per request, however many
cards), and a story page the calls it belongs to (``calls_of_story``).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template import Context
from django.utils.formats import number_format

from solidarity.calls import queries
from solidarity.calls.models import PublicCallPage

register = template.Library()

_TOTALS = "_solidarity_call_totals"


@register.simple_tag(takes_context=True)
def call_total(context: Context, story: Any) -> int:
    """How many signatures count for this call (a card's story of kind "call"); the totals of every call are
    read once per request and kept on it."""
    request = context.get("request")
    totals = getattr(request, _TOTALS, None) if request is not None else None
    if totals is None:
        totals = queries.call_totals()
        if request is not None:
            setattr(request, _TOTALS, totals)
    return totals.get(story.translation_key, 0)


@register.simple_tag(takes_context=True)
def calls_of_story(context: Context, story: Any) -> list[PublicCallPage]:
    """The public calls that list this story, or one of its translations, among theirs (none for a call itself).

    The translations are the ones the page's language switch found already (``languages``): no query again."""
    if isinstance(story, PublicCallPage) or getattr(story, "kind", "") == "call":
        return []
    translations = getattr(context.get("languages"), "translations", None) or []
    return queries.calls_of_story(story, translations)


@register.filter
def grouped(number: int | None) -> str:
    """A count with the language's thousands separator ("1 234", "1,234")."""
    return number_format(number or 0, force_grouping=True)
