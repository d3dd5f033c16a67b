"""Public story pages that are not Wagtail pages themselves: countries and search."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from solidarity.core import languages
from solidarity.core.countries import country_or_none
from solidarity.stories import queries


def search_words(raw_query: str) -> str:
    """The search query as it is shown back and measured: its words, one space apart.

    Control characters and double quotes become spaces. What is searched is each word of this
    (queries.search_stories via search_text.query_terms), so no search syntax reaches the index.
    """
    text = "".join(" " if char == '"' or unicodedata.category(char) == "Cc" else char for char in raw_query)
    return " ".join(text.split())


@require_safe
def country_list(request: HttpRequest) -> HttpResponse:
    locale = Locale.get_active()
    return render(
        request,
        "stories/country_list.html",
        {
            "countries": queries.countries_for_list(locale=locale),
            "story_index": queries.story_index_for(locale),
            "languages": languages.for_view(request),
        },
    )


@require_safe
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    """A country: its introduction, the network's members there, and its stories in the visitor's language."""
    country = country_or_none(code)
    if country is None:
        raise Http404(_("There is no country with the code “%(code)s”.") % {"code": code[:8]})
    if code != country.slug:
        return redirect("country_detail", country.slug, permanent=True)
    locale = Locale.get_active()
    found = queries.country_page(country, locale=locale, page_number=request.GET.get("page"))
    if found is None:
        raise Http404(_("The network has nothing about this country yet."))
    versions = languages.for_view(request)
    return render(
        request,
        "stories/country_detail.html",
        {
            "country": country,
            "introduction": found.introduction,
            "members": found.members,
            "stories": found.stories,
            "story_index": queries.story_index_for(locale),
            "languages": versions,
            "other_languages": versions.elsewhere(found.story_counts) if found.story_counts else [],
        },
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Full-text search across the stories of every language."""
    words = search_words(request.GET.get("q", ""))
    query = words[: settings.SEARCH_QUERY_MAX_LENGTH].strip()
    results = None
    if query:
        results = queries.paginate(queries.search_stories(query), request.GET.get("page"))
    return render(
        request,
        "stories/search.html",
        {
            "query": query,
            "results": results,
            "shortened": len(words) > settings.SEARCH_QUERY_MAX_LENGTH,
            "max_length": settings.SEARCH_QUERY_MAX_LENGTH,
            # The words mean the same in every language; a page of results is no page to index.
            "languages": languages.for_view(request, keep=("q",), indexable="q" not in request.GET),
        },
    )
