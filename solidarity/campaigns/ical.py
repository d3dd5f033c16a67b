"""Calendar files (iCalendar, RFC 5545) of a campaign's approved activities, with their time zones.

Each event carries its organiser's zone (``DTSTART;TZID=Asia/Tbilisi`` and the zone's ``VTIMEZONE``),
so 18:00 in Tbilisi stays 18:00 in Tbilisi (14:00 UTC) in any calendar. Its UID is the activity's own,
the same in every feed and every language, so a calendar that subscribed updates the event in place.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

if TYPE_CHECKING:
    from solidarity.campaigns.models import Activity

CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid(activity: Activity) -> str:
    host = settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0] or "solidarity"
    return f"activity-{activity.pk}@{host}"


def calendar(activities: Iterable[tuple[Activity, str]], *, name: str) -> bytes:
    """The calendar of these activities, each given with its page's absolute address."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Solidarity//Campaign activities//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for activity, url in activities:
        event = icalendar.Event()
        event.add("uid", uid(activity))
        event.add("dtstamp", stamp)
        event.add("last-modified", activity.updated_at.astimezone(datetime.UTC).replace(microsecond=0))
        event.add("dtstart", activity.local_start)
        event.add("dtend", activity.local_end)
        event.add("summary", activity.title)
        organiser = f"{activity.organiser}\n\n" if activity.organiser else ""
        event.add("description", f"{organiser}{activity.description}\n\n{url}")
        event.add("location", location(activity))
        event.add("url", url)
        event.add("class", "PUBLIC")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def location(activity: Activity) -> str:
    if activity.is_online:
        return activity.online_url
    return ", ".join(part for part in (activity.address, activity.city, activity.country.name) if part)


def response(content: bytes, *, filename: str) -> HttpResponse:
    answer = HttpResponse(content, content_type=CONTENT_TYPE)
    answer["Content-Disposition"] = f'attachment; filename="{filename}"'
    return answer
