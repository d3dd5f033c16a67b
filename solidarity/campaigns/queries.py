"""Reads of campaigns that more than one place needs: what readers see (approved only) and counts.

Everything public starts from ``approved_groups`` or ``approved_activities``: a pending, declined or
withdrawn group or activity is nowhere public. Everything is keyed on the campaign's ``campaign_key``
(its translation key), so every language's page shows the same records and the same totals.
Each read is one query (or a fixed few) whatever the number of rows.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, Q, Sum, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from solidarity.campaigns.models import (
    Activity,
    CampaignIndexPage,
    CampaignPage,
    CountryContact,
    ParticipatingGroup,
    SignUp,
    SignUpStatus,
)
from solidarity.core.countries import by_name
from solidarity.core.models import Country
from solidarity.core.queries import members_page_url

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest
    from wagtail.models import Locale

    from solidarity.stories.models import StoryPage

# How many activities the campaign page itself lists (the rest are on its activities list).
PAGE_ACTIVITIES = 12
# How many activities a page of the activities list shows.
ACTIVITIES_PER_PAGE = 20


def approved_groups(campaign_key: Any) -> QuerySet[ParticipatingGroup]:
    return ParticipatingGroup.objects.of_campaign(campaign_key).approved()


def approved_activities(campaign_key: Any) -> QuerySet[Activity]:
    """The approved activities of a campaign, soonest first, with what a list shows of them."""
    return (
        Activity.objects.of_campaign(campaign_key)
        .approved()
        .select_related("organiser_group", "country")
        .order_by("starts_at", "pk")
    )


def group_country_count(campaign_key: Any) -> int:
    """How many countries the approved groups of a campaign come from (one total across languages)."""
    return approved_groups(campaign_key).values("country").distinct().count()


def groups_by_country(campaign_key: Any) -> list[tuple[Country, list[ParticipatingGroup]]]:
    """The approved groups, by country (countries by their names in the active language, groups by name)."""
    grouped: dict[str, list[ParticipatingGroup]] = defaultdict(list)
    for group in approved_groups(campaign_key).select_related("member").order_by("name", "pk"):
        grouped[group.country_id].append(group)
    return [(country, grouped[country.code]) for country in by_name(Country(code=code) for code in grouped)]


def activity_counts_by_country(campaign_key: Any) -> list[tuple[Country, int]]:
    """How many approved activities each country has, countries by name (one grouped query)."""
    return _counts(_country_rows(campaign_key))


def _country_rows(campaign_key: Any) -> list[dict[str, Any]]:
    """Per country: how many approved activities (``count``), how many of them in a place (``in_place``)."""
    rows = approved_activities(campaign_key).values("country")
    return [
        dict(row) for row in rows.annotate(count=Count("pk"), in_place=Count("pk", filter=Q(online_url=""))).order_by()
    ]


def _counts(rows: list[dict[str, Any]]) -> list[tuple[Country, int]]:
    counts = {row["country"]: row["count"] for row in rows}
    return [(country, counts[country.code]) for country in by_name(Country(code=code) for code in counts)]


@dataclass(frozen=True)
class ActivityPlaces:
    """Where a campaign's approved activities are held: the countries of those in a place (by name), and
    whether any is held online."""

    countries: list[Country]
    online: bool


def activity_places(rows: list[dict[str, Any]]) -> ActivityPlaces:
    """Where the approved activities are held, from the rows of ``_country_rows``."""
    countries = [Country(code=row["country"]) for row in rows if row["in_place"]]
    return ActivityPlaces(countries=by_name(countries), online=any(row["count"] > row["in_place"] for row in rows))


def activities_for_page(
    campaign_key: Any, *, now: datetime.datetime | None = None, limit: int = PAGE_ACTIVITIES
) -> tuple[list[Activity], bool]:
    """What the campaign page lists: the coming activities soonest first, then (if room is left) the latest
    past ones; with whether there are more than it shows."""
    now = now or timezone.now()
    activities = approved_activities(campaign_key)
    upcoming = list(activities.filter(ends_at__gte=now)[: limit + 1])
    past: list[Activity] = []
    if len(upcoming) <= limit:
        past = list(activities.filter(ends_at__lt=now).order_by("-starts_at", "-pk")[: limit + 1 - len(upcoming)])
    shown = [*upcoming, *past]
    return shown[:limit], len(shown) > limit


def activities_filtered(
    campaign_key: Any,
    *,
    country: Country | None = None,
    kind: str = "",
    online: bool | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[Activity]:
    """The approved activities that match the list's filters (dates are the activity's own, in its zone:
    an activity is kept when it takes place on or between the days given, counted in UTC±14 at most)."""
    activities = approved_activities(campaign_key)
    if country is not None:
        activities = activities.filter(country=country)
    if kind:
        activities = activities.filter(kind=kind)
    if online is True:
        activities = activities.exclude(online_url="")
    elif online is False:
        activities = activities.filter(online_url="")
    if date_from is not None:
        # A day starts at most 14 hours before UTC's: rows are narrowed in the database, then exactly here.
        edge = datetime.datetime.combine(date_from, datetime.time.min, tzinfo=datetime.UTC) - datetime.timedelta(
            hours=14
        )
        activities = activities.filter(ends_at__gte=edge)
    if date_to is not None:
        edge = datetime.datetime.combine(
            date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=datetime.UTC
        ) + datetime.timedelta(hours=14)
        activities = activities.filter(starts_at__lt=edge)
    return activities


def upcoming_first(activities: QuerySet[Activity], *, now: datetime.datetime | None = None) -> QuerySet[Activity]:
    """The coming and running activities soonest first, then the past ones (as the campaign page orders them)."""
    now = now or timezone.now()
    return activities.annotate(is_past=Case(When(ends_at__lt=now, then=1), default=0)).order_by(
        "is_past", "starts_at", "pk"
    )


def on_days(activities: list[Activity], date_from: datetime.date | None, date_to: datetime.date | None) -> list:
    """The activities whose own days (in their organiser's zone) meet the range ``date_from``..``date_to``."""
    return [
        activity
        for activity in activities
        if (date_from is None or activity.local_end.date() >= date_from)
        and (date_to is None or activity.local_start.date() <= date_to)
    ]


def paginate(items: Any, number: int | str | None) -> PaginatorPage:
    """One page of the list; a number past the end gives the last page, anything else not a page the first."""
    return Paginator(items, ACTIVITIES_PER_PAGE).get_page(number)


def activities_in_month(campaign_key: Any, month: datetime.date) -> dict[datetime.date, list[Activity]]:
    """The approved activities by each day of ``month`` they take place on (the organiser's day)."""
    first = month.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    last = following - datetime.timedelta(days=1)
    days: dict[datetime.date, list[Activity]] = defaultdict(list)
    for activity in activities_filtered(campaign_key, date_from=first, date_to=last):
        day = max(activity.local_start.date(), first)
        end = min(activity.local_end.date(), last)
        while day <= end:
            days[day].append(activity)
            day += datetime.timedelta(days=1)
    return days


def places_taken_by_activity(activities: list[Activity]) -> dict[int, int]:
    """The confirmed people of each activity given that has a limit of places (one grouped query)."""
    limited = [activity.pk for activity in activities if activity.capacity is not None]
    if not limited:
        return {}
    rows = (
        SignUp.objects.filter(activity__in=limited, status=SignUpStatus.CONFIRMED)
        .values("activity")
        .annotate(total=Sum("people"))
        .order_by()
    )
    return {row["activity"]: int(row["total"] or 0) for row in rows}


def contacts_by_country(campaign_key: Any) -> list[tuple[Country, list[CountryContact]]]:
    """The campaign's country contacts, countries by name, each country's contacts in the editor's order."""
    grouped: dict[str, list[CountryContact]] = defaultdict(list)
    for contact in CountryContact.objects.filter(campaign_key=campaign_key).order_by("sort_order", "name", "pk"):
        grouped[contact.country_id].append(contact)
    return [(country, grouped[country.code]) for country in by_name(Country(code=code) for code in grouped)]


def campaign_stories(page: CampaignPage) -> tuple[list[StoryPage], list[StoryPage]]:
    """The campaign's visible stories: announcements (dated before its first day, newest first) and reports."""
    from solidarity.stories.models import StoryPage

    story_ids = page.linked_stories.values("story_id")
    stories = list(StoryPage.objects.visible().filter(pk__in=story_ids).for_cards().newest_first())
    announcements = [story for story in stories if story.date < page.starts_on]
    reports = [story for story in stories if story.date >= page.starts_on]
    return announcements, reports


@dataclass(frozen=True)
class Organiser:
    """A member organisation that coordinates the campaign, and its entry on the Members page."""

    name: str
    url: str


def organisers(page: CampaignPage, request: HttpRequest | None) -> list[Organiser]:
    members = list(page.organisers.order_by("name"))
    if not members:
        return []
    members_url = members_page_url(page.locale, request)
    return [Organiser(member.name, f"{members_url}#{member.anchor}" if members_url else "") for member in members]


def live_campaigns(locale: Locale) -> QuerySet[CampaignPage]:
    return CampaignPage.objects.visible().filter(locale=locale)


def current_campaign(locale: Locale, *, today: datetime.date | None = None) -> CampaignPage | None:
    """The campaign readers of this language should see now: the one on today, else the nearest to come."""
    today = today or timezone.localdate()
    return (
        live_campaigns(locale)
        .annotate(last=Coalesce("ends_on", "starts_on"))
        .filter(last__gte=today)
        .order_by("starts_on", "pk")
        .first()
    )


def current_of_series(page: CampaignPage, *, today: datetime.date | None = None) -> CampaignPage | None:
    """For an earlier year's page: the series' campaign on today or the nearest to come (None if none)."""
    today = today or timezone.localdate()
    return (
        CampaignPage.objects.visible()
        .sibling_of(page, inclusive=False)
        .annotate(last=Coalesce("ends_on", "starts_on"))
        .filter(last__gte=today)
        .order_by("starts_on", "pk")
        .first()
    )


def series_pages(
    index: CampaignIndexPage, *, today: datetime.date | None = None
) -> tuple[list[CampaignPage], list[CampaignPage]]:
    """The series' visible campaigns: the current and coming ones (soonest first) and the archive (newest first)."""
    today = today or timezone.localdate()
    pages = list(
        CampaignPage.objects.visible().child_of(index).select_related("lead_image").order_by("starts_on", "pk")
    )
    coming = [page for page in pages if page.last_day >= today]
    archive = sorted((page for page in pages if page.last_day < today), key=lambda page: page.starts_on, reverse=True)
    return coming, archive


def campaign_page_context(page: CampaignPage, request: HttpRequest) -> dict[str, Any]:
    """What the campaign page shows, computed from approved records (a fixed number of queries); with where its
    activities are held (``activity_places``), for its structured data."""
    key = page.campaign_key
    today = timezone.localdate()
    groups = groups_by_country(key)
    activities, more_activities = activities_for_page(key)
    announcements, reports = campaign_stories(page)
    activity_rows = _country_rows(key)
    activity_countries = _counts(activity_rows)
    is_over = page.last_day < today
    return {
        "days_to_go": page.days_to_go(today),
        "is_over": is_over,
        "current_campaign": current_of_series(page, today=today) if is_over else None,
        "groups_by_country": groups,
        "group_count": sum(len(rows) for _country, rows in groups),
        "group_country_count": len(groups),
        "activities": activities,
        "more_activities": more_activities,
        "activity_count": sum(count for _country, count in activity_countries),
        "activity_countries": activity_countries,
        "activity_places": activity_places(activity_rows),
        "contacts_by_country": contacts_by_country(key),
        "announcements": announcements,
        "reports": reports,
        "organisers": organisers(page, request),
    }


def campaign_box(locale: Locale) -> dict[str, Any] | None:
    """The home page's box: the current or next campaign of this language and its countries (two queries)."""
    page = current_campaign(locale)
    if page is None:
        return None
    return {"page": page, "days_to_go": page.days_to_go(), "country_count": group_country_count(page.campaign_key)}
