"""The dashboard's "Waiting for you" queues of campaigns: the groups and the activities to approve, of the user's
countries (``core.access``), each linking to its decision page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from solidarity.campaigns.models import Activity, ParticipatingGroup
from solidarity.core.waiting import QUEUE_LIMIT, WaitingItem, WaitingQueue, register_queue


def _items(user: Any, model: type[Any], url_name: str) -> list[WaitingItem]:
    from solidarity.campaigns.admin_queries import waiting_for_decision, with_campaign_title

    records = with_campaign_title(waiting_for_decision(user, model))[:QUEUE_LIMIT]
    return [
        WaitingItem(
            title=str(record),
            url=reverse(url_name, args=[record.pk]),
            detail=gettext("%(country)s, %(campaign)s")
            % {"country": record.country.name, "campaign": record.campaign_title}
            if record.campaign_title
            else record.country.name,
            since=record.created_at,
        )
        for record in records
    ]


def groups_to_approve(user: Any) -> list[WaitingItem]:
    """The groups of the user's countries that asked to join a campaign and wait for a decision, newest first."""
    return _items(user, ParticipatingGroup, "wagtailsnippets_campaigns_participatinggroup:decide")


def activities_to_approve(user: Any) -> list[WaitingItem]:
    """The activities of the user's countries that wait for a decision, newest first."""
    return _items(user, Activity, "wagtailsnippets_campaigns_activity:decide")


register_queue(WaitingQueue(name="campaign_groups", heading=_("Groups to approve"), items=groups_to_approve, order=200))
register_queue(
    WaitingQueue(name="campaign_activities", heading=_("Activities to approve"), items=activities_to_approve, order=210)
)
