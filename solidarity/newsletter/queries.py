"""Reads of the newsletter that sending, the preview and the admin share: which stories a subscriber gets.

A **digest** holds, for each subscriber, the visible stories of their language first published in the mailing's
last ``digest_days`` days, about any of their countries and of any of their topics (none ticked: all), newest
first, at most ``DIGEST_LIMIT``; when none is in their language, those of the site's default language
(``digest_for``). **Chosen stories** come each in the subscriber's language where a visible
translation exists, else as the editor chose them (or another visible version), their language named.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from solidarity.core.languages import language_name
from solidarity.newsletter.models import Mailing, MailingKind, Subscriber
from solidarity.stories.models import StoryPage, StoryPageTopic

DIGEST_LIMIT = 20  # stories in one subscriber's digest at most


@dataclass(frozen=True)
class Filters:
    """What a subscriber asked for: their language, countries (codes) and topics (translation keys); empty: all."""

    language: str
    countries: tuple[str, ...] = ()
    topic_keys: tuple[str, ...] = ()


def filters_of(subscriber: Subscriber) -> Filters:
    """The subscriber's choices (none for an unsaved one, such as the sample of a preview)."""
    if subscriber.pk is None:
        return Filters(language=subscriber.language)
    countries = tuple(sorted(str(code) for code in subscriber.countries.values_list("code", flat=True)))
    keys = tuple(sorted(str(key) for key in subscriber.topics.values_list("translation_key", flat=True)))
    return Filters(language=subscriber.language, countries=countries, topic_keys=keys)


def digest_since(mailing: Mailing, now: datetime.datetime) -> datetime.datetime:
    """The start of the digest's period: ``digest_days`` before the mailing started (or before now, unsent)."""
    return (mailing.started_at or now) - datetime.timedelta(days=mailing.digest_days)


def digest_stories(
    mailing: Mailing, filters: Filters, *, now: datetime.datetime, limit: int = DIGEST_LIMIT
) -> list[StoryPage]:
    """The stories of a digest for a subscriber with these filters, newest first: those first published in the
    ``digest_days`` before the mailing started (before now, unsent), never one published while it is sending, so
    a subscriber mailed late in a long or resumed sending gets the same period as the first one."""
    stories = StoryPage.objects.visible().filter(
        locale__language_code=filters.language,
        first_published_at__gte=digest_since(mailing, now),
        first_published_at__lte=mailing.started_at or now,
    )
    if filters.countries:
        stories = stories.in_countries(filters.countries)
    if filters.topic_keys:
        tagged = StoryPageTopic.objects.filter(tag__translation_key__in=filters.topic_keys).values("content_object")
        stories = stories.filter(pk__in=tagged)
    return list(stories.select_related("locale").newest_first()[:limit])


def digest_for(mailing: Mailing, filters: Filters, *, now: datetime.datetime) -> tuple[list[StoryPage], bool]:
    """A subscriber's digest, and whether it fell back to the site's default language: when none of the period's
    stories for their countries and topics is in their language, those in the default language (the email says
    so), rather than nothing."""
    stories = digest_stories(mailing, filters, now=now)
    if stories or filters.language == settings.LANGUAGE_CODE:
        return stories, False
    fallback = digest_stories(mailing, dataclasses.replace(filters, language=settings.LANGUAGE_CODE), now=now)
    return fallback, bool(fallback)


@dataclass(frozen=True)
class ChosenStory:
    """A chosen story as one subscriber gets it: the version shown, and whether it is in their language."""

    story: StoryPage
    translated: bool


def chosen_stories(mailing: Mailing, language: str) -> list[ChosenStory]:
    """The mailing's chosen stories, in the editor's order, each in ``language`` where a visible translation exists;
    else the chosen version if visible, else the site's default language, else any visible version. A story no
    reader may see in any language any more is left out."""
    chosen = [item.story for item in mailing.chosen_stories.all()]
    keys = {story.translation_key for story in chosen}
    versions: dict[object, list[StoryPage]] = {}
    visible = StoryPage.objects.visible().filter(translation_key__in=keys).select_related("locale").order_by("pk")
    for version in visible:
        versions.setdefault(version.translation_key, []).append(version)
    result = []
    for story in chosen:
        pages = versions.get(story.translation_key, [])
        picked = (
            _in_language(pages, language)
            or next((page for page in pages if page.pk == story.pk), None)
            or _in_language(pages, settings.LANGUAGE_CODE)
            or (pages[0] if pages else None)
        )
        if picked is not None:
            result.append(ChosenStory(picked, picked.locale.language_code == language))
    return result


def _in_language(pages: list[StoryPage], language: str) -> StoryPage | None:
    return next((page for page in pages if page.locale.language_code == language), None)


def mailing_problems(mailing: Mailing) -> list[str]:
    """Why this mailing cannot be sent as it is (no text in the site's default language, no stories…); empty: fine.

    Works on an unsaved mailing of the admin's form too (its texts and stories are read in memory)."""
    problems: list[str] = []
    if mailing.text_in(settings.LANGUAGE_CODE) is None:
        problems.append(
            _("The mailing has no subject in %(language)s, the site's default language: write it first.")
            % {"language": language_name(settings.LANGUAGE_CODE)}
        )
    if mailing.kind == MailingKind.CHOSEN:
        stories = [item.story for item in mailing.chosen_stories.all()]
        if not stories:
            problems.append(_("A mailing with no stories cannot be sent: choose stories, or make it a digest."))
        else:
            keys = {story.translation_key for story in stories}
            published = set(
                StoryPage.objects.visible().filter(translation_key__in=keys).values_list("translation_key", flat=True)
            )
            hidden = [story.title for story in stories if story.translation_key not in published]
            if hidden:
                problems.append(
                    _("These chosen stories are not published: %(titles)s. Publish them, or take them out.")
                    % {"titles": ", ".join(f"“{title}”" for title in hidden)}
                )
    return problems


def mailing_warnings(mailing: Mailing, *, now: datetime.datetime | None = None) -> list[str]:
    """What the editor should know before sending: a digest with no story in its days. It does not stop
    scheduling (stories may come by then), but ``mailing_send_now`` refuses it (nobody would get it)."""
    if mailing.kind != MailingKind.DIGEST:
        return []
    since = digest_since(mailing, now or timezone.now())
    if StoryPage.objects.visible().filter(first_published_at__gte=since).exists():
        return []
    return [
        _(
            "No story was published in the last %(days)s days: sent now, this digest would be empty and nobody "
            "would get it."
        )
        % {"days": mailing.digest_days}
    ]
