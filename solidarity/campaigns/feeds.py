"""RSS and Atom feeds of a campaign's approved activities, beside its iCal feed (``…/activities/rss/``).

The same activities as the iCal feed and the activities list (``queries.approved_activities``: a
pending, declined or withdrawn activity is in no feed), the coming ones soonest first, then the past
ones, at most ``FEED_ITEMS``. Each item links to the activity's page and says when (in the
activity's own time zone: 18:00 in Tbilisi stays 18:00 Tbilisi time) and where; its id is the
activity's iCal UID. Links are absolute, on the address the request reached.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.formats import date_format, time_format
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from solidarity.campaigns import ical, queries
from solidarity.core.feeds import FormatFeed, by_format

if TYPE_CHECKING:
    from solidarity.campaigns.models import Activity, CampaignPage

FEED_ITEMS = 50


@dataclass(frozen=True)
class Entry:
    activity: Activity
    link: str


@dataclass(frozen=True)
class Listing:
    page: CampaignPage
    link: str
    entries: list[Entry]


def when(activity: Activity) -> str:
    """The activity's day and hours in its own time zone, with the zone's name."""
    start, end = activity.local_start, activity.local_end
    names = {
        "day": date_format(start, "DATE_FORMAT"),
        "start": time_format(start, "TIME_FORMAT"),
        "zone": activity.zone_city,
        "offset": start.strftime("%z"),
    }
    if end.date() == start.date():
        return _("%(day)s, %(start)s–%(end)s (%(zone)s time, UTC%(offset)s)") % {
            **names,
            "end": time_format(end, "TIME_FORMAT"),
        }
    return _("%(day)s, %(start)s – %(end_day)s, %(end)s (%(zone)s time, UTC%(offset)s)") % {
        **names,
        "end_day": date_format(end, "DATE_FORMAT"),
        "end": time_format(end, "TIME_FORMAT"),
    }


def where(activity: Activity) -> str:
    if activity.is_online:
        return _("Online: %(link)s") % {"link": activity.online_url}
    return ", ".join(part for part in (activity.address, activity.city, activity.country.name) if part)


def summary(activity: Activity) -> str:
    """What an item says (as HTML, every text escaped): when, where, who organises it, then its description."""
    lines = [when(activity), where(activity)]
    if activity.organiser:
        lines.append(_("Organised by %(organiser)s") % {"organiser": activity.organiser})
    facts = format_html("<p>{}</p>", format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines)))
    return facts + linebreaks(activity.description, autoescape=True)


def listing(request: HttpRequest, page: CampaignPage) -> Listing:
    base = request.build_absolute_uri(page.get_url(request)) + "activities/"
    activities = queries.upcoming_first(queries.approved_activities(page.campaign_key))[:FEED_ITEMS]
    return Listing(page=page, link=base, entries=[Entry(activity, f"{base}{activity.pk}/") for activity in activities])


class ActivityFeed(FormatFeed):
    """The activities of the campaign page given to the view (RSS or Atom, as ``feed_type`` says)."""

    def get_object(self, request: HttpRequest, *args: Any, page: CampaignPage, **kwargs: Any) -> Listing:
        return listing(request, page)

    def title(self, obj: Listing) -> str:
        return _("Activities of %(campaign)s") % {"campaign": obj.page.title}

    def description(self, obj: Listing) -> str:
        return _("The activities of %(campaign)s, the coming ones first.") % {"campaign": obj.page.title}

    def subtitle(self, obj: Listing) -> str:
        return self.description(obj)

    def link(self, obj: Listing) -> str:
        return obj.link

    def author_name(self, obj: Listing) -> str:
        return settings.SOLIDARITY_SITE_NAME

    def items(self, obj: Listing) -> list[Entry]:
        return obj.entries

    def item_title(self, item: Entry) -> str:
        return item.activity.title

    def item_description(self, item: Entry) -> str:
        return summary(item.activity)

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return ical.uid(item.activity)

    def item_guid_is_permalink(self, item: Entry) -> bool:
        return False

    def item_pubdate(self, item: Entry) -> datetime.datetime:
        return item.activity.decided_at or item.activity.created_at

    def item_updateddate(self, item: Entry) -> datetime.datetime:
        return item.activity.updated_at

    def item_author_name(self, item: Entry) -> str | None:
        return item.activity.organiser or None

    def item_categories(self, item: Entry) -> list[str]:
        return [item.activity.country.name, str(item.activity.get_kind_display())]


FEEDS = by_format(ActivityFeed)


def response(request: HttpRequest, page: CampaignPage, fmt: str) -> HttpResponse:
    return FEEDS[fmt](request, page=page)
