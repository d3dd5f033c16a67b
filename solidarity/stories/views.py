"""Public story pages that are not Wagtail pages themselves: filters, countries, search."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_countries import countries as all_countries
from django_countries.fields import Country
from taggit.models import Tag
from wagtail.models import Locale, Page

from solidarity.stories import queries
from solidarity.stories.models import StoryIndexPage, StoryKind


def paginate(request: HttpRequest, items) -> PaginatorPage:
    """One page of items; a page number that is not a number or is past the end gives the nearest page."""
    return Paginator(items, settings.STORIES_PER_PAGE).get_page(request.GET.get("page"))


def search_words(raw_query: str) -> str:
    """The search query as it is shown back and measured: its words, one space apart.

    Control characters and double quotes become spaces. What is searched is each word of this
    (queries.search_stories via search_text.query_terms), so no search syntax reaches the index.
    """
    text = "".join(" " if char == '"' or unicodedata.category(char) == "Cc" else char for char in raw_query)
    return " ".join(text.split())


def country_or_404(code: str) -> Country:
    code = (code or "").upper()
    if len(code) != 2 or code not in all_countries:
        raise Http404(_("There is no country with the code “%(code)s”.") % {"code": code[:8]})
    return Country(code=code)


def other_languages_of_page(request: HttpRequest, page: Page) -> list[dict]:
    """The other languages that have stories, with how many, each leading to this page's translation."""
    languages = queries.other_languages_with_stories(current=page.locale.language_code)
    if not languages:
        return []
    translations = {other.locale.language_code: other for other in queries.live_translations(page)}
    return [
        {**language, "url": translations[language["code"]].get_url(request)}
        for language in languages
        if language["code"] in translations
    ]


def with_selected(options: list, selected, *, key) -> list:
    """The options of a filter, with the selected one among them even when no story here has it."""
    if selected is None or any(key(option) == key(selected) for option in options):
        return options
    return sorted([*options, selected], key=lambda option: str(option.name))


def story_index(request: HttpRequest, index_page: StoryIndexPage) -> HttpResponse:
    """The story list with filters by country, kind and topic; an unknown filter value is a 404."""
    country_code = request.GET.get("country", "").strip()
    kind = request.GET.get("kind", "").strip()
    topic_slug = request.GET.get("topic", "").strip()

    country = country_or_404(country_code) if country_code else None
    if kind and kind not in StoryKind.values:
        raise Http404(_("There is no kind of story called “%(kind)s”.") % {"kind": kind[:40]})
    topic = None
    if topic_slug:
        topic = Tag.objects.filter(slug=topic_slug).first() if "\x00" not in topic_slug else None
        if topic is None:
            raise Http404(_("There is no topic called “%(topic)s”.") % {"topic": topic_slug[:40]})

    base = queries.live_stories(index_page.locale)
    stories = paginate(
        request, queries.filter_stories(base, country=country.code if country else "", kind=kind, topic=topic)
    )
    filtered = bool(country or kind or topic)
    countries = [option for option, _count in queries.countries_with_stories(locale=index_page.locale)]
    context = index_page.get_context(request)
    context.update(
        {
            "stories": stories,
            "selected_country": country,
            "selected_kind": kind,
            "selected_topic": topic,
            "kinds": StoryKind.choices,
            "countries": with_selected(countries, country, key=lambda option: option.code),
            "topics": with_selected(queries.topics_of(base), topic, key=lambda option: option.pk),
            "filtered": filtered,
            # A language without any story of its own yet points to the languages that have some.
            "other_languages": [] if filtered or stories else other_languages_of_page(request, index_page),
        }
    )
    return render(request, "stories/story_index_page.html", context)


@require_safe
def country_list(request: HttpRequest) -> HttpResponse:
    locale = Locale.get_active()
    return render(
        request,
        "stories/country_list.html",
        {"countries": queries.countries_with_stories(locale=locale), "story_index": queries.story_index_for(locale)},
    )


@require_safe
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    """ "More from Russia": the stories of the visitor's language tied to one country."""
    if code != code.lower():
        raise Http404(_("There is no country with the code “%(code)s”.") % {"code": code[:8]})
    country = country_or_404(code)
    locale = Locale.get_active()
    stories = paginate(request, queries.filter_stories(queries.live_stories(locale), country=country.code))
    other_languages = []
    if not stories:
        other_languages = queries.other_languages_with_stories(current=locale.language_code, country=country.code)
        for language in other_languages:
            with translation.override(language["code"]):
                language["url"] = reverse("country_detail", args=[country.code.lower()])
    return render(
        request,
        "stories/country_detail.html",
        {
            "country": country,
            "stories": stories,
            "story_index": queries.story_index_for(locale),
            "other_languages": other_languages,
        },
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Full-text search across the stories of every language."""
    words = search_words(request.GET.get("q", ""))
    query = words[: settings.SEARCH_QUERY_MAX_LENGTH].strip()
    results = None
    if query:
        results = paginate(request, queries.search_stories(query))
    return render(
        request,
        "stories/search.html",
        {
            "query": query,
            "results": results,
            "shortened": len(words) > settings.SEARCH_QUERY_MAX_LENGTH,
            "max_length": settings.SEARCH_QUERY_MAX_LENGTH,
            # The words mean the same in every language; a page of results is no page to index.
            "language_switch_keeps": ("q",),
            "hreflang_alternates": "q" not in request.GET,
        },
    )
