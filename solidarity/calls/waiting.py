"""The dashboard's "Waiting for you" queue of public calls: the confirmed organisations' signatures of the user's
countries (``core.access``) that wait for a check, each linking to its check page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from solidarity.core.waiting import QUEUE_LIMIT, WaitingItem, WaitingQueue, register_queue


def organisations_to_check(user: Any) -> list[WaitingItem]:
    """The organisations that signed a call in the user's countries and wait for a check, newest first."""
    from solidarity.calls.admin_queries import call_titles, waiting_for_check

    records = list(waiting_for_check(user)[:QUEUE_LIMIT])
    titles = call_titles() if records else {}
    items = []
    for record in records:
        title = titles.get(str(record.call_key), "")
        items.append(
            WaitingItem(
                title=record.display_name,
                url=reverse("wagtailsnippets_calls_signature:check", args=[record.pk]),
                detail=gettext("%(country)s, %(call)s") % {"country": record.country.name, "call": title}
                if title
                else str(record.country.name),
                since=record.confirmed_at,
            )
        )
    return items


register_queue(
    WaitingQueue(
        name="call_organisations", heading=_("Organisations to check"), items=organisations_to_check, order=220
    )
)
