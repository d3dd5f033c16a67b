"""Reads of stories that more than one page needs; every one starts from ``StoryPage.objects.visible()``.

The last few are the topics' own: a topic's translations, and (for editors) what a translation lacks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, F, Max, QuerySet
from wagtail.models import Locale
from wagtail.search.query import And, Or, PlainText

from solidarity.core import access
from solidarity.core.countries import by_name
from solidarity.core.languages import language_order
from solidarity.core.models import Country, CountryIntroduction, MemberOrganisation
from solidarity.core.queries import (
    MemberEntry,
    countries_with_introductions,
    country_has_introduction,
    country_introduction,
    member_counts_by_country,
    members_for_reader,
    members_page_url,
)
from solidarity.stories.models import StoryIndexPage, StoryPage, StoryQuerySet, Topic
from solidarity.stories.search_text import query_terms

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.search.backends.base import BaseSearchResults


def visible_stories(locale: Locale | None = None) -> StoryQuerySet:
    """The stories readers may see (of one language, or of all), newest first, ready for cards."""
    stories = StoryPage.objects.visible()
    if locale is not None:
        stories = stories.filter(locale=locale)
    return stories.for_cards().newest_first()


def filtered_stories(
    locale: Locale, *, country: Country | None = None, kind: str = "", topic: Topic | None = None
) -> StoryQuerySet:
    """The visible stories of one language that match the filters given."""
    stories = visible_stories(locale)
    if country is not None:
        stories = stories.in_countries([country.code])
    if kind:
        stories = stories.filter(kind=kind)
    if topic is not None:
        stories = stories.filter(tagged_topics__tag=topic)
    return stories


def paginate(items: StoryQuerySet | BaseSearchResults, number: int | str | None) -> PaginatorPage:
    """One page of items; a number past the end gives the last page, anything else not a page the first."""
    return Paginator(items, settings.STORIES_PER_PAGE).get_page(number)


def search_stories(query: str) -> StoryQuerySet | BaseSearchResults:
    """Visible stories of every language that contain every word, in any of its forms, most relevant first.

    Each word matches as typed or by its stem (see search_text), so «правозащитник» finds
    «правозащитники» and «политзаключенные» finds «политзаключённых».
    """
    terms = query_terms(query)
    stories = StoryPage.objects.visible_for_search().for_cards()
    if not terms:
        return stories.none()
    matches = And([PlainText(word) if word == stem else Or([PlainText(word), PlainText(stem)]) for word, stem in terms])
    return stories.search(matches)


def latest_stories(*, locale: Locale | None, limit: int) -> list[StoryPage]:
    """The newest visible stories of one language, or of every language when ``locale`` is None."""
    return list(visible_stories(locale)[:limit])


def more_from(story: StoryPage, *, countries: list[Country], limit: int) -> list[StoryPage]:
    """The latest stories of the same language tied to any of these countries (the story's), not the story itself."""
    codes = [country.code for country in countries]
    if not codes:
        return []
    return list(visible_stories(story.locale).in_countries(codes).exclude(pk=story.pk)[:limit])


@dataclass(frozen=True)
class Byline:
    """Who a story is from: an author, a member organisation, and the organisation's entry on the Members page."""

    author: str
    organisation: MemberOrganisation | None
    organisation_url: str


def byline(story: StoryPage, request: HttpRequest | None = None) -> Byline | None:
    """The story's byline, or None when it credits nobody; the link only when its language has a Members page."""
    organisation = story.organisation if story.organisation_id else None
    if not story.author and organisation is None:
        return None
    url = ""
    if organisation is not None:
        members_url = members_page_url(story.locale, request)
        url = f"{members_url}#{organisation.anchor}" if members_url else ""
    return Byline(author=story.author, organisation=organisation, organisation_url=url)


def story_index_for(locale: Locale) -> StoryIndexPage | None:
    return StoryIndexPage.objects.visible().filter(locale=locale).first()


def countries_with_stories(*, locale: Locale) -> list[tuple[Country, int]]:
    """Every country that has a visible story in this language, with how many, by name (one grouped query)."""
    through = StoryPage.countries.through
    rows = (
        through.objects.filter(storypage__in=StoryPage.objects.visible().filter(locale=locale))
        .values("country")
        .annotate(count=Count("storypage"))
        .order_by()
    )
    counts = {row["country"]: row["count"] for row in rows}
    return [(country, counts[country.code]) for country in by_name(Country(code=code) for code in counts)]


def latest_story_by_language() -> dict[str, Any]:
    """When the newest visible story of each language was published, by language code (one grouped query).
    Languages without a visible story are not in it."""
    rows = (
        StoryPage.objects.visible().values("locale__language_code").annotate(latest=Max("last_published_at")).order_by()
    )
    return {row["locale__language_code"]: row["latest"] for row in rows}


def latest_story_by_country() -> dict[tuple[str, str], Any]:
    """When the newest visible story of each country was published, by (country code, language code): one
    grouped query. Countries without a visible story are not in it."""
    through = StoryPage.countries.through
    rows = (
        through.objects.filter(storypage__in=StoryPage.objects.visible())
        .values("country", "storypage__locale__language_code")
        .annotate(latest=Max("storypage__last_published_at"))
        .order_by()
    )
    return {(row["country"], row["storypage__locale__language_code"]): row["latest"] for row in rows}


@dataclass(frozen=True)
class CountryRow:
    """A country on the list of countries: its visible stories in this language and its member organisations."""

    country: Country
    stories: int
    members: int


def countries_for_list(*, locale: Locale) -> list[CountryRow]:
    """Every country with visible stories in this language, member organisations or an introduction, by name.

    Three grouped queries, however many countries and stories there are.
    """
    stories = {country.code: count for country, count in countries_with_stories(locale=locale)}
    members = member_counts_by_country()
    introductions = countries_with_introductions(locale.language_code)
    codes = set(stories) | set(members) | introductions
    return [
        CountryRow(country, stories.get(country.code, 0), members.get(country.code, 0))
        for country in by_name(Country(code=code) for code in codes)
    ]


@dataclass(frozen=True)
class CountryPage:
    """What a country's page shows: its introduction, its members, a page of its stories in this language.

    ``story_counts`` (by language) is read only when this language has none of its stories.
    """

    country: Country
    introduction: CountryIntroduction | None
    members: list[MemberEntry]
    stories: PaginatorPage
    story_counts: dict[str, int]


def country_page(country: Country, *, locale: Locale, page_number: int | str | None) -> CountryPage | None:
    """The country's page, or None when the network has no story (in any language), member or introduction for it."""
    stories = paginate(filtered_stories(locale, country=country), page_number)
    introduction = country_introduction(country, locale.language_code)
    members = members_for_reader(locale.language_code, country=country)
    counts = {} if stories else story_counts_by_language(country=country)
    if not (stories or members or introduction or any(counts.values()) or country_has_introduction(country)):
        return None
    return CountryPage(country, introduction, members, stories, counts)


def countries_with_most_stories(*, locale: Locale, limit: int) -> list[tuple[Country, int]]:
    """The countries with the most visible stories in this language, most first; ties by name."""
    by_country_name = countries_with_stories(locale=locale)
    return sorted(by_country_name, key=lambda pair: -pair[1])[:limit]  # a stable sort keeps ties by name


def story_counts_by_language(*, country: Country | None = None) -> dict[str, int]:
    """How many visible stories each language has (about one country, when given); one grouped query."""
    stories = StoryPage.objects.visible()
    if country is not None:
        stories = stories.in_countries([country.code])
    rows = stories.order_by().values("locale__language_code").annotate(count=Count("pk"))
    return {row["locale__language_code"]: row["count"] for row in rows}


def topics_of(stories: QuerySet[StoryPage]) -> list[Topic]:
    """The topics used by these stories, by name."""
    return list(Topic.objects.filter(tagged_stories__content_object__in=stories).distinct().order_by("name"))


def topic_by_slug(slug: str, *, locale: Locale) -> Topic | None:
    """The topic of this language with this slug that a visible story of the language has (one query).

    Another language's topic of the same slug is another topic; a topic only drafts or private
    stories have is none a reader may see, so it is not found either.
    """
    if not slug or "\x00" in slug:
        return None
    return Topic.objects.filter(
        locale=locale, slug=slug, tagged_stories__content_object__in=StoryPage.objects.visible().filter(locale=locale)
    ).first()


def topic_slugs_by_language(slug: str, *, locale: Locale) -> dict[str, str]:
    """The slug of this topic's translation in each other language where a visible story has it (one query).

    Nothing when no visible story of ``locale`` has the topic: the language switch tells readers
    only about topics they may see.
    """
    if not slug or "\x00" in slug:
        return {}
    visible = StoryPage.objects.visible()
    keys = Topic.objects.filter(
        locale=locale, slug=slug, tagged_stories__content_object__in=visible.filter(locale=locale)
    ).values("translation_key")
    rows = (
        Topic.objects.filter(translation_key__in=keys)
        .exclude(locale=locale)
        # one join: a visible story of the translation's own language has it
        .filter(tagged_stories__content_object__in=visible, tagged_stories__content_object__locale=F("locale"))
    )
    return dict(rows.values_list("locale__language_code", "slug").distinct())


def topics_in(topics: Iterable[Topic], locale: Locale) -> list[Topic]:
    """The translations of these topics into ``locale``, those that have one, in the order given."""
    topics = list(topics)
    keys = [topic.translation_key for topic in topics]
    by_key = {topic.translation_key: topic for topic in Topic.objects.filter(locale=locale, translation_key__in=keys)}
    return [by_key[topic.translation_key] for topic in topics if topic.translation_key in by_key]


def topics_without_translation(story: StoryPage) -> list[Topic]:
    """The topics of the story's other languages (drafts included) that have no translation into its language.

    An editor translating a story sees them: the new translation starts without them.
    """
    others = StoryPage.objects.filter(translation_key=story.translation_key).exclude(locale=story.locale)
    translated = Topic.objects.filter(locale=story.locale).values("translation_key")
    return list(
        Topic.objects.filter(tagged_stories__content_object__in=others)
        .exclude(translation_key__in=translated)
        .select_related("locale")
        .distinct()
        .order_by("name")
    )


# The editors' translations overview: every story, drafts included (editors, not readers, see it).

TRANSLATION_ORIGINAL = "original"
TRANSLATION_CURRENT = "current"
TRANSLATION_OUTDATED = "outdated"
TRANSLATION_DRAFT = "draft"
TRANSLATION_MISSING = "missing"


@dataclass(frozen=True)
class TranslationCell:
    """One story in one language: the page there (None when missing) and how it stands against the original."""

    locale: Locale
    story: StoryPage | None
    status: str


@dataclass(frozen=True)
class StoryTranslations:
    """One story (one ``translation_key``) in every language, the original first written of them."""

    original: StoryPage
    cells: list[TranslationCell]

    @property
    def original_locale(self) -> Locale:
        return next(cell.locale for cell in self.cells if cell.status == TRANSLATION_ORIGINAL)

    def count(self, status: str) -> int:
        return sum(1 for cell in self.cells if cell.status == status)


def translation_status(original: StoryPage, story: StoryPage | None) -> str:
    """How a translation stands: missing, a draft never published, out of date or current.

    Out of date: the original was published (changed for readers) after the translation last was.
    """
    if story is None:
        return TRANSLATION_MISSING
    if story.pk == original.pk:
        return TRANSLATION_ORIGINAL
    if story.last_published_at is None:
        return TRANSLATION_DRAFT
    if original.last_published_at is not None and original.last_published_at > story.last_published_at:
        return TRANSLATION_OUTDATED
    return TRANSLATION_CURRENT


def story_translations(*, needs: str = "", user: Any = None) -> list[StoryTranslations]:
    """Every story with its versions in every language (two queries), stories written most recently first.

    The original of a story is its version created first. ``needs`` keeps only the stories with a
    missing translation (``"missing"``) or an out-of-date or unpublished one (``"outdated"``).
    With ``user``, only the stories of the countries that user answers for (``core.access``).
    """
    locales = sorted(Locale.objects.all(), key=lambda locale: language_order(locale.language_code))
    stories = StoryPage.objects.only(
        "title", "draft_title", "locale_id", "translation_key", "live", "last_published_at", "date"
    ).order_by("pk")
    if user is not None:
        stories = access.visible_to(user, stories)
    groups: dict[object, dict[int, StoryPage]] = {}
    for story in stories:
        groups.setdefault(story.translation_key, {}).setdefault(story.locale_id, story)
    rows = []
    for versions in groups.values():
        original = min(versions.values(), key=lambda story: story.pk)
        cells = [
            TranslationCell(locale, versions.get(locale.pk), translation_status(original, versions.get(locale.pk)))
            for locale in locales
        ]
        rows.append(StoryTranslations(original=original, cells=cells))
    rows.sort(key=lambda row: (row.original.date, row.original.pk), reverse=True)
    return needing(rows, needs)


def needing(rows: list[StoryTranslations], needs: str) -> list[StoryTranslations]:
    """The stories with a missing translation (``"missing"``), an out-of-date or unpublished one (``"outdated"``)."""
    if needs == TRANSLATION_MISSING:
        return [row for row in rows if row.count(TRANSLATION_MISSING)]
    if needs == TRANSLATION_OUTDATED:
        return [row for row in rows if row.count(TRANSLATION_OUTDATED) or row.count(TRANSLATION_DRAFT)]
    return rows


def translations_summary(rows: list[StoryTranslations]) -> dict[str, int]:
    """How many stories, and how many translations are missing, out of date or unpublished drafts."""
    return {
        "stories": len(rows),
        **{
            status: sum(row.count(status) for row in rows)
            for status in (TRANSLATION_MISSING, TRANSLATION_OUTDATED, TRANSLATION_DRAFT)
        },
    }


def story_indexes_by_language(codes: list[str]) -> list[StoryIndexPage]:
    """The story index of each of these languages (published or not: editors write under it), in this order."""
    indexes = {index.locale.language_code: index for index in StoryIndexPage.objects.select_related("locale")}
    return [indexes[code] for code in codes if code in indexes]
