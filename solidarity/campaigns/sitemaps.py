"""The campaigns' section of the sitemap (``core.sitemaps``): the pages under each campaign page (its routes).

For every visible campaign page, in each of its languages: its activities, calendar and map, and each approved
activity; the alternates are the same route under the campaign's other visible translations, as the route's
own ``hreflang`` links are (``CampaignRoutes.route_context``). Two queries, however many campaigns and
activities there are; the iCal files are no page.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.http import HttpRequest

from solidarity.campaigns.models import Activity, CampaignPage
from solidarity.core.sitemaps import Entry, page_lastmod, site_paths, translations_by_key, with_default

# The campaign's routes that are pages of their own, besides each activity's.
ROUTES = ("activities/", "calendar/", "map/")


def _newest(*dates: datetime.datetime | None) -> datetime.datetime | None:
    return max((date for date in dates if date is not None), default=None)


def activity_entries(request: HttpRequest) -> list[Entry]:
    """Each visible campaign's activities, calendar and map, and its approved activities, in every language."""
    campaigns = list(CampaignPage.objects.visible().select_related("locale").order_by("path"))
    paths = site_paths(request, campaigns)
    versions = translations_by_key(campaigns, paths)
    activities: defaultdict[Any, list[tuple[int, datetime.datetime]]] = defaultdict(list)
    rows = (
        Activity.objects.approved()
        .filter(campaign_key__in=list(versions))
        .order_by("starts_at", "pk")
        .values_list("campaign_key", "pk", "updated_at")
    )
    for key, pk, updated_at in rows:
        activities[key].append((pk, updated_at))
    entries = []
    for campaign in campaigns:
        if campaign.pk not in paths:
            continue
        key = campaign.translation_key
        listed = activities[key]
        newest = _newest(page_lastmod(campaign), *(updated_at for _pk, updated_at in listed))
        subpaths = [(route, newest) for route in ROUTES]
        subpaths += [(f"activities/{pk}/", updated_at) for pk, updated_at in listed]
        for subpath, lastmod in subpaths:
            alternates = with_default((code, path + subpath) for code, path in versions[key])
            entries.append(Entry(paths[campaign.pk] + subpath, lastmod, alternates))
    return entries
