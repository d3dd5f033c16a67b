"""The pages readers browse under a campaign page (its routes): activities, one activity, calendar, map, iCal, feeds.

Wagtail serves only addresses of words and slashes (no dot), so the calendar files are at ``…/ics/``
addresses; their ``Content-Disposition`` gives the ``.ics`` file name.

Each is a plain page anonymous readers see: no cookie, no session, no message framework; a bad value in
the address is ignored with a note in the page itself, never a 500. Only approved activities of this
campaign (of any language's page: they belong to the campaign) are shown; anything else is a 404.
"""

from __future__ import annotations

import calendar as month_grid
import datetime
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from wagtail.contrib.routable_page.models import path, re_path

from solidarity.campaigns import ical
from solidarity.campaigns import map as region_map
from solidarity.core import languages, previews
from solidarity.core.countries import country_or_none
from solidarity.core.languages import LanguageVersions, kept_query

if TYPE_CHECKING:
    from solidarity.campaigns.models import Activity, CampaignPage


def language_name(code: str) -> str:
    """The name of a language in the active language (the code itself when Django does not know it)."""
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


class CampaignRoutes:
    """The routes of :class:`~solidarity.campaigns.models.CampaignPage` (mixed into it)."""

    # models.py mixes this in, and queries and forms import models: they are imported where used.

    def route_context(self: Any, request: HttpRequest, subpath: str, *, keep: tuple[str, ...] = ()) -> dict:
        """What every route's page has: the campaign, and the same route in each language of the campaign."""
        page: CampaignPage = self
        versions = languages.for_page(request, page)
        query = kept_query(request, keep)
        links = []
        for link in versions.links:
            if link.available:
                link = replace(link, url=link.url.split("?", 1)[0] + subpath + query)
            links.append(link)
        return {
            "page": page,
            "self": page,
            "languages": LanguageVersions(links=links, translations=versions.translations),
            "page_url": page.get_url(request),
        }

    def approved_activity(self: Any, pk: int) -> Activity:
        from solidarity.campaigns import queries

        activity = queries.approved_activities(self.campaign_key).filter(pk=pk).first()
        if activity is None:
            raise Http404
        return activity

    def activity_url(self: Any, request: HttpRequest, activity: Activity) -> str:
        return request.build_absolute_uri(self.get_url(request)) + self.reverse_subpage(
            "activity", kwargs={"pk": activity.pk}
        )

    @path("activities/", name="activities")
    def activities_view(self: Any, request: HttpRequest) -> HttpResponse:
        from solidarity.campaigns import queries
        from solidarity.campaigns.forms import ActivityFilterForm

        filters = ActivityFilterForm(request.GET)
        chosen = filters.chosen()
        activities: Any = queries.upcoming_first(queries.activities_filtered(self.campaign_key, **chosen))
        if chosen["date_from"] or chosen["date_to"]:
            activities = queries.on_days(list(activities), chosen["date_from"], chosen["date_to"])
        context = self.route_context(request, "activities/", keep=("country", "kind", "where", "from", "to"))
        context.update(
            filters=filters,
            activities=queries.paginate(activities, filters.page_number),
            country_options=[country for country, _count in queries.activity_counts_by_country(self.campaign_key)],
            now=timezone.now(),
        )
        return TemplateResponse(request, "campaigns/activity_list.html", context)

    @path("activities/<int:pk>/", name="activity")
    def activity_view(self: Any, request: HttpRequest, pk: int) -> HttpResponse:
        from solidarity.campaigns.services import places_left

        activity = self.approved_activity(pk)
        context = self.route_context(request, f"activities/{pk}/")
        own_language = activity.language.split("-")[0] != self.locale.language_code
        context.update(
            activity=activity,
            places_left=places_left(activity),
            is_over=activity.is_over,
            other_language=language_name(activity.language) if own_language else "",
            zone_name=activity.zone_city,
            share_url=self.activity_url(request, activity),
            structured_data=self.activity_event(request, activity),
        )
        return TemplateResponse(request, "campaigns/activity_page.html", context)

    def activity_event(self: Any, request: HttpRequest, activity: Activity) -> dict[str, Any]:
        """The activity as a schema.org Event (core/previews.py), its times in its own zone."""
        organiser = activity.organiser
        return previews.event(
            name=activity.title,
            description=activity.description,
            url=self.activity_url(request, activity),
            language=activity.language,
            start=activity.local_start,
            end=activity.local_end,
            online_url=activity.online_url if activity.is_online else "",
            place={"street": activity.address, "city": activity.city, "country": activity.country.code},
            organizer=previews.organization(str(organiser)) if organiser else None,
            image_url=previews.preview_image_url(request, self.lead_image),
        )

    @path("activities/<int:pk>/ics/", name="activity_ics")
    def activity_ics_view(self: Any, request: HttpRequest, pk: int) -> HttpResponse:
        activity = self.approved_activity(pk)
        content = ical.calendar([(activity, self.activity_url(request, activity))], name=activity.title)
        return ical.response(content, filename=f"activity-{activity.pk}.ics")

    @path("calendar/ics/", name="calendar_ics")
    def calendar_ics_view(self: Any, request: HttpRequest) -> HttpResponse:
        from solidarity.campaigns import queries

        activities = queries.approved_activities(self.campaign_key)
        return self.feed(request, activities, name=self.title, filename=f"{self.slug}.ics")

    @path("calendar/<str:code>/ics/", name="country_ics")
    def country_ics_view(self: Any, request: HttpRequest, code: str) -> HttpResponse:
        from solidarity.campaigns import queries

        country = country_or_none(code)
        if country is None:
            raise Http404
        activities = queries.approved_activities(self.campaign_key).filter(country=country)
        return self.feed(
            request, activities, name=f"{self.title} · {country.name}", filename=f"{self.slug}-{country.slug}.ics"
        )

    def feed(self: Any, request: HttpRequest, activities: Any, *, name: str, filename: str) -> HttpResponse:
        base = request.build_absolute_uri(self.get_url(request)) + "activities/"
        content = ical.calendar(((activity, f"{base}{activity.pk}/") for activity in activities), name=name)
        return ical.response(content, filename=filename)

    @re_path(r"^activities/(?P<fmt>rss|atom)/$", name="activities_feed")
    def activities_feed_view(self: Any, request: HttpRequest, fmt: str) -> HttpResponse:
        """The approved activities as an RSS or Atom feed (campaigns/feeds.py), beside the iCal feed."""
        from solidarity.campaigns import feeds

        return feeds.response(request, self, fmt)

    @path("calendar/", name="calendar")
    def calendar_view(self: Any, request: HttpRequest) -> HttpResponse:
        from solidarity.campaigns import queries
        from solidarity.campaigns.forms import month_from

        today = timezone.localdate()
        month, note = month_from(request.GET.get("month", ""), today=today)
        days = queries.activities_in_month(self.campaign_key, month)
        weeks = [
            [{"day": day, "in_month": day.month == month.month, "activities": days.get(day, [])} for day in week]
            for week in month_grid.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
        ]
        previous = (month - datetime.timedelta(days=1)).replace(day=1)
        following = (month + datetime.timedelta(days=32)).replace(day=1)
        context = self.route_context(request, "calendar/", keep=("month",))
        context.update(
            month=month,
            note=note,
            weeks=weeks,
            weekdays=weeks[0],
            has_activities=bool(days),
            previous_month=previous.strftime("%Y-%m"),
            next_month=following.strftime("%Y-%m"),
            campaign_month=self.starts_on.strftime("%Y-%m"),
            is_campaign_month=(month.year, month.month) == (self.starts_on.year, self.starts_on.month),
            today=today,
        )
        return TemplateResponse(request, "campaigns/calendar.html", context)

    @path("map/", name="map")
    def map_view(self: Any, request: HttpRequest) -> HttpResponse:
        from solidarity.campaigns import queries

        counts = queries.activity_counts_by_country(self.campaign_key)
        by_code = {country.code: count for country, count in counts}
        width, height = region_map.size()
        context = self.route_context(request, "map/")
        context.update(
            counts=counts,
            map_countries=region_map.countries(by_code),
            map_width=width,
            map_height=height,
            legend=region_map.legend(),
            off_map=[country for country, _count in counts if country.code not in region_map.region()["countries"]],
        )
        return TemplateResponse(request, "campaigns/map.html", context)
