"""Reads of stories that more than one page needs."""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django_countries import countries as all_countries
from django_countries.fields import Country
from taggit.models import Tag
from wagtail.models import Locale, Page
from wagtail.search.query import And, Or, PlainText

from solidarity.stories.models import HomePage, StoryIndexPage, StoryPage
from solidarity.stories.search_text import query_terms


def live_stories(locale: Locale | None = None) -> QuerySet[StoryPage]:
    """Published stories, newest first, with what a story card shows fetched up front."""
    stories = StoryPage.objects.live().public()
    if locale is not None:
        stories = stories.filter(locale=locale)
    return (
        stories.select_related("lead_image", "locale")
        .prefetch_related("lead_image__renditions")
        .order_by("-date", "-first_published_at", "-pk")
    )


def search_stories(query: str):
    """Live stories of every language that contain every word, in any of its forms, most relevant first.

    Each word matches as typed or by its stem (see search_text), so «правозащитник» finds
    «правозащитники» and «политзаключенные» finds «политзаключённых».
    """
    terms = query_terms(query)
    stories = StoryPage.objects.live().public().select_related("lead_image", "locale")
    if not terms:
        return stories.none()
    matches = And([PlainText(word) if word == stem else Or([PlainText(word), PlainText(stem)]) for word, stem in terms])
    return stories.prefetch_related("lead_image__renditions").search(matches)


def country_filter(codes) -> Q:
    """Stories tied to any of these countries (codes are stored as ``BY,RU``)."""
    query = Q()
    for code in codes:
        query |= Q(countries__contains=str(code).upper())
    return query


def filter_stories(
    stories: QuerySet[StoryPage], *, country: str = "", kind: str = "", topic: Tag | None = None
) -> QuerySet[StoryPage]:
    if country:
        stories = stories.filter(country_filter([country]))
    if kind:
        stories = stories.filter(kind=kind)
    if topic is not None:
        stories = stories.filter(tagged_topics__tag=topic)
    return stories


def latest_stories(*, locale: Locale | None, limit: int) -> list[StoryPage]:
    """The newest live stories of one language, or of every language when ``locale`` is None."""
    return list(live_stories(locale)[:limit])


def more_from(story: StoryPage, *, limit: int) -> list[StoryPage]:
    """The latest stories of the same language tied to any of the story's countries, not the story itself."""
    if not story.countries:
        return []
    return list(live_stories(story.locale).filter(country_filter(story.countries)).exclude(pk=story.pk)[:limit])


def live_translations(page: Page) -> list[Page]:
    """The published translations of a page, in the order of the site's languages."""
    translations = list(page.get_translations(inclusive=False).live().public().select_related("locale"))
    order = {code: position for position, code in enumerate(language_codes())}
    return sorted(translations, key=lambda translation: order.get(translation.locale.language_code, 99))


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def story_index_for(locale: Locale) -> StoryIndexPage | None:
    return StoryIndexPage.objects.live().filter(locale=locale).first()


def home_pages_by_language() -> dict[str, HomePage]:
    return {home.locale.language_code: home for home in HomePage.objects.live().select_related("locale")}


def countries_with_stories(*, locale: Locale) -> list[tuple[Country, int]]:
    """Every country that has a live story in this language, with how many, by name."""
    counts: Counter[str] = Counter()
    for codes in StoryPage.objects.live().public().filter(locale=locale).values_list("countries", flat=True):
        counts.update(code for code in str(codes).split(",") if code)
    return sorted(
        ((Country(code=code), count) for code, count in counts.items() if code in all_countries),
        key=lambda pair: pair[0].name,
    )


def countries_with_most_stories(*, locale: Locale, limit: int) -> list[tuple[Country, int]]:
    """The countries with the most live stories in this language, most first; ties by name."""
    by_name = countries_with_stories(locale=locale)
    return sorted(by_name, key=lambda pair: -pair[1])[:limit]  # a stable sort keeps ties by name


def other_languages_with_stories(*, current: str, country: str = "") -> list[dict]:
    """The languages other than ``current`` that have live stories (about one country, when given).

    In the order of the site's languages, each as ``{"code", "name", "count"}``, with the
    language's name in that language itself; one query.
    """
    stories = StoryPage.objects.live().public().exclude(locale__language_code=current)
    if country:
        stories = stories.filter(country_filter([country]))
    rows = stories.order_by().values("locale__language_code").annotate(count=Count("pk"))
    counts = {row["locale__language_code"]: row["count"] for row in rows}
    return [
        {"code": code, "name": name, "count": counts[code]} for code, name in settings.LANGUAGES if counts.get(code)
    ]


def topics_of(stories: QuerySet[StoryPage]) -> list[Tag]:
    """The topics used by these stories, by name."""
    return list(
        Tag.objects.filter(stories_storypagetopic_items__content_object__in=stories).distinct().order_by("name")
    )
