"""RSS and Atom feeds of the stories readers see: all of a language, or of one country, topic or kind.

The language prefix of the address is the feed's language (``/ru/feeds/stories/rss/``). Each feed reads
the stories through ``queries.filtered_stories`` (so through ``core.visibility``: drafts and private
stories are in no feed), the newest ``FEED_ITEMS`` of them, in a fixed number of queries. Public calls
are stories of the kind ``call`` and are in the feeds too. Links are absolute, on the address the
request reached. A country, topic or kind that is none is a 404; a language without stories gives an
empty feed. A feed is a public page like any other: no cookie, nothing per visitor.
"""

from __future__ import annotations

import datetime
import mimetypes
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from solidarity.core.countries import country_or_none
from solidarity.core.feeds import FormatFeed, by_format
from solidarity.stories import queries
from solidarity.stories.models import StoryKind

if TYPE_CHECKING:
    from solidarity.core.models import Country
    from solidarity.stories.models import StoryPage, Topic

# How many stories a feed carries, newest first.
FEED_ITEMS = 30
# The lead image's size in a feed (the size of the first card on the home page, so usually made already).
ENCLOSURE_RENDITION = "fill-960x540"


@dataclass(frozen=True)
class Entry:
    """One story as a feed item, its addresses made absolute on the request's host."""

    story: StoryPage
    link: str
    categories: list[str]
    enclosure: feedgenerator.Enclosure | None


@dataclass(frozen=True)
class Listing:
    """What one feed shows: its title, the page it mirrors, and its stories."""

    title: str
    description: str
    link: str
    entries: list[Entry] = field(default_factory=list)


def absolute(request: HttpRequest, url: str) -> str:
    return request.build_absolute_uri(url)


def enclosure(request: HttpRequest, story: StoryPage) -> feedgenerator.Enclosure | None:
    """The lead image (a rendition: never the original upload), with its size and type; None without one."""
    if story.lead_image is None:
        return None
    rendition = story.lead_image.get_rendition(ENCLOSURE_RENDITION)
    try:
        length = rendition.file.size
    except (OSError, ValueError):
        length = 0
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return feedgenerator.Enclosure(absolute(request, rendition.url), str(length), mime_type)


def entries(request: HttpRequest, stories: Any) -> list[Entry]:
    """The newest stories as feed items: their countries, topics and organisation read in a fixed few queries."""
    stories = stories.select_related("organisation").prefetch_related("tagged_topics__tag")[:FEED_ITEMS]
    return [
        Entry(
            story=story,
            link=absolute(request, story.get_url(request)),
            categories=[country.name for country in story.country_list()]
            + sorted(tagged.tag.name for tagged in story.tagged_topics.all()),
            enclosure=enclosure(request, story),
        )
        for story in stories
    ]


def list_link(request: HttpRequest, locale: Locale, query: str = "") -> str:
    """The story list of this language (with a filter's query), or the home page when it has none."""
    index = queries.story_index_for(locale)
    url = index.get_url(request) if index is not None else f"/{locale.language_code}/"
    return absolute(request, f"{url}{query}")


def site_name() -> str:
    return settings.SOLIDARITY_SITE_NAME


def stories_listing(request: HttpRequest, locale: Locale) -> Listing:
    return Listing(
        title=_("%(site)s: stories") % {"site": site_name()},
        description=_("The latest stories of %(site)s.") % {"site": site_name()},
        link=list_link(request, locale),
        entries=entries(request, queries.filtered_stories(locale)),
    )


def country_listing(request: HttpRequest, locale: Locale, country: Country) -> Listing:
    names = {"site": site_name(), "country": country.name}
    return Listing(
        title=_("%(site)s: stories about %(country)s") % names,
        description=_("The latest stories of %(site)s about %(country)s.") % names,
        link=absolute(request, reverse("country_detail", args=[country.slug])),
        entries=entries(request, queries.filtered_stories(locale, country=country)),
    )


def topic_listing(request: HttpRequest, locale: Locale, topic: Topic) -> Listing:
    names = {"site": site_name(), "topic": topic.name}
    return Listing(
        title=_("%(site)s: stories on the topic “%(topic)s”") % names,
        description=_("The latest stories of %(site)s on the topic “%(topic)s”.") % names,
        link=list_link(request, locale, f"?topic={topic.slug}"),
        entries=entries(request, queries.filtered_stories(locale, topic=topic)),
    )


def kind_listing(request: HttpRequest, locale: Locale, kind: StoryKind) -> Listing:
    names = {"site": site_name(), "kind": kind.label}
    return Listing(
        title=_("%(site)s: %(kind)s") % names,
        description=_("The latest stories of %(site)s of the kind “%(kind)s”.") % names,
        link=list_link(request, locale, f"?kind={kind.value}"),
        entries=entries(request, queries.filtered_stories(locale, kind=kind.value)),
    )


def story_pubdate(story: StoryPage) -> datetime.datetime:
    """When the story came out: its first publication when that was on its date, else the start of its date."""
    published = story.first_published_at
    if published is not None and timezone.localdate(published) == story.date:
        return published
    return timezone.make_aware(datetime.datetime.combine(story.date, datetime.time.min))


def story_byline(story: StoryPage) -> str | None:
    organisation = story.organisation.name if story.organisation_id and story.organisation else ""
    return ", ".join(part for part in (story.author, organisation) if part) or None


class StoryFeed(FormatFeed):
    """One feed format (RSS or Atom) of a listing that ``get_object`` makes from the address."""

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Listing:
        raise NotImplementedError

    def title(self, obj: Listing) -> str:
        return obj.title

    def description(self, obj: Listing) -> str:
        return obj.description

    def subtitle(self, obj: Listing) -> str:
        return obj.description

    def link(self, obj: Listing) -> str:
        return obj.link

    def author_name(self, obj: Listing) -> str:
        return site_name()

    def items(self, obj: Listing) -> list[Entry]:
        return obj.entries

    def item_title(self, item: Entry) -> str:
        return item.story.title

    def item_description(self, item: Entry) -> str:
        """The summary, as the HTML both formats carry it (``type="html"`` in Atom): its text escaped."""
        return escape(item.story.summary)

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_pubdate(self, item: Entry) -> datetime.datetime:
        return story_pubdate(item.story)

    def item_updateddate(self, item: Entry) -> datetime.datetime:
        return item.story.last_published_at or story_pubdate(item.story)

    def item_author_name(self, item: Entry) -> str | None:
        return story_byline(item.story)

    def item_categories(self, item: Entry) -> list[str]:
        return item.categories

    def item_enclosures(self, item: Entry) -> list[feedgenerator.Enclosure]:
        return [item.enclosure] if item.enclosure is not None else []


class AllStoriesFeed(StoryFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Listing:
        return stories_listing(request, Locale.get_active())


class CountryFeed(StoryFeed):
    def get_object(self, request: HttpRequest, *args: Any, code: str = "", **kwargs: Any) -> Listing:
        country = country_or_none(code)
        if country is None:
            raise Http404(_("There is no country with the code “%(code)s”.") % {"code": code[:8]})
        return country_listing(request, Locale.get_active(), country)


class TopicFeed(StoryFeed):
    def get_object(self, request: HttpRequest, *args: Any, slug: str = "", **kwargs: Any) -> Listing:
        locale = Locale.get_active()
        topic = queries.topic_by_slug(slug, locale=locale)
        if topic is None:
            raise Http404(_("There is no topic called “%(topic)s”.") % {"topic": slug[:40]})
        return topic_listing(request, locale, topic)


class KindFeed(StoryFeed):
    def get_object(self, request: HttpRequest, *args: Any, kind: str = "", **kwargs: Any) -> Listing:
        if kind not in StoryKind.values:
            raise Http404(_("There is no kind of story called “%(kind)s”.") % {"kind": kind[:40]})
        return kind_listing(request, Locale.get_active(), StoryKind(kind))


def serve(feed_class: type[StoryFeed]) -> Any:
    """A view answering the feed in the format its address names (``rss`` or ``atom``)."""
    feeds = by_format(feed_class)

    @require_safe
    def view(request: HttpRequest, fmt: str, **kwargs: Any) -> HttpResponse:
        return feeds[fmt](request, **kwargs)

    return view


all_stories = serve(AllStoriesFeed)
country = serve(CountryFeed)
topic = serve(TopicFeed)
kind = serve(KindFeed)
