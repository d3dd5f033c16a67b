"""Write rules for stories: create, translate and publish them, and the story index of each language.

The admin, the demo, the test factories and (later) the API all write stories through these.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_noop
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from solidarity.core.countries import countries_from_codes
from solidarity.core.languages import gettext_in
from solidarity.core.models import MemberOrganisation
from solidarity.core.pages_services import page_create, page_publish, page_translation_ensure, translation_copy
from solidarity.stories import queries
from solidarity.stories.models import StoryIndexPage, StoryKind, StoryPage, Topic

# The story index's first title in each language (editors may change it; home.services replaces it
# where a site set up before its languages were translated still shows the English one).
STORY_INDEX_TITLE = gettext_noop("Stories")


def story_index_ensure(*, home: Page) -> StoryIndexPage:
    """The story index under a home page, made and published when there is none (kept as it is when there is)."""
    index = StoryIndexPage.objects.child_of(home).first()
    if index is not None:
        return index
    language = home.locale.language_code
    index = StoryIndexPage(title=gettext_in(language, STORY_INDEX_TITLE), slug="stories", locale=home.locale)
    page_create(parent=home, page=index)
    return index


def story_index_translation_ensure(*, index: StoryIndexPage, locale: Locale) -> StoryIndexPage:
    translated = page_translation_ensure(
        page=index, locale=locale, title=gettext_in(locale.language_code, STORY_INDEX_TITLE), slug="stories"
    )
    return translated.specific


@transaction.atomic
def story_create(
    *,
    index: StoryIndexPage,
    title: str,
    summary: str,
    countries: Iterable[str],
    kind: str = StoryKind.NEWS,
    date: datetime.date | None = None,
    slug: str = "",
    topics: Iterable[str | Topic] = (),
    lead_image: Any = None,
    body: list[dict] | None = None,
    first_published_at: datetime.datetime | None = None,
    author: str = "",
    organisation: MemberOrganisation | None = None,
    user: AbstractBaseUser | None = None,
    publish: bool = True,
    **fields: Any,
) -> StoryPage:
    """A story in the language of ``index``; published unless ``publish=False`` (then a draft).

    ``topics`` are names (a topic of that name in the story's language, made when missing) or topics
    of the story's language. ``lead_image_alt``, ``lead_image_caption`` and the like go in ``fields``.
    ``author`` (free text) and ``organisation`` (a member organisation) make its byline.
    """
    if kind == StoryKind.PUBLIC_CALL:
        raise ValueError("A public call is a page of its own type: calls.services.public_call_create.")
    story = StoryPage(
        title=title,
        draft_title=title,
        slug=slug or slugify(title) or "story",
        locale=index.locale,
        kind=kind,
        date=date or timezone.localdate(),
        summary=summary,
        lead_image=lead_image,
        body=body or [],
        first_published_at=first_published_at,
        **fields,
        author=author.strip(),
        organisation=organisation,
    )
    # ParentalManyToManyField is untyped, so mypy sees the field here, not its descriptor that takes a list.
    story.countries = countries_from_codes(countries)  # type: ignore[assignment]
    if topics:
        story.topics.add(*topics)
    page_create(parent=index, page=story, user=user, publish=publish)
    return story


@transaction.atomic
def story_translate(
    *,
    story: StoryPage,
    language: str,
    title: str,
    summary: str,
    slug: str = "",
    topics: Iterable[str | Topic] | None = None,
    user: AbstractBaseUser | None = None,
    publish: bool = True,
    **changes: Any,
) -> StoryPage:
    """The story copied into another language (as an editor does with "Translate"), with its own text.

    It keeps the original's countries, kind, date, images and credit (author and member
    organisation) unless ``changes`` say otherwise. Its topics are ``topics`` when given (names or
    topics of its language), else the original's topics that have a translation into its language
    (see story_translation_prepare). Without a ``slug`` it gets one from its title, made free
    among the stories of its language (``-1``, ``-2``… added when taken).
    """
    translation = translation_copy(page=story, locale=Locale.objects.get(language_code=language), user=user).specific
    translation.title = translation.draft_title = title
    translation.slug = slug or find_available_slug(
        translation.get_parent(), slugify(title) or f"{story.slug}-{language}", ignore_page_id=translation.pk
    )
    translation.summary = summary
    for name, value in changes.items():
        if name == "countries":
            value = countries_from_codes(value)
        setattr(translation, name, value)
    if topics is not None:
        translation.topics.set(list(topics))
    translation.save()
    if publish:
        return story_publish(story=translation, user=user)
    translation.save_revision(user=user, log_action=True)
    return translation


@transaction.atomic
def story_translation_start(*, story: StoryPage, language: str, user: AbstractBaseUser | None = None) -> StoryPage:
    """A draft of the story in another language for an editor to translate (the translations overview's "Translate").

    It starts as the admin's "Translate" does: the story's text, countries, kind, date, images and
    credit, the translations of its topics (story_translation_prepare), and the slug Wagtail's copy
    chose, free among the stories of that language; nothing is published until the editor publishes it.
    """
    translation = translation_copy(page=story, locale=Locale.objects.get(language_code=language), user=user).specific
    translation.save_revision(user=user, log_action=True)
    return translation


@transaction.atomic
def story_credit_set(
    *,
    story: StoryPage,
    author: str = "",
    organisation: MemberOrganisation | None = None,
    user: AbstractBaseUser | None = None,
) -> StoryPage:
    """Credit the story to an author and/or a member organisation (empty and None credit nobody).

    A published story is published again with its new byline; a draft gets a new draft revision.
    """
    story.author = author.strip()
    story.organisation = organisation
    if story.live:
        return story_publish(story=story, user=user)
    story.save_revision(user=user, log_action=True)
    return story


def story_publish(*, story: StoryPage, user: AbstractBaseUser | None = None) -> StoryPage:
    """Publish the story as it is now (a draft, or changes made to it), with Wagtail's log entries."""
    return page_publish(page=story, user=user).specific


@transaction.atomic
def story_translation_prepare(translation_draft: Page) -> None:
    """A new translation of a story starts with the translations of the original's topics.

    Topics are words of one language: an English topic copied over would show in the Russian
    topic filter. So each topic becomes its translation into the new language, and a topic
    without one is left out; the editor sees those in the translation's Topics panel
    (queries.topics_without_translation) and adds them in the new language.
    """
    story = translation_draft.specific
    if not isinstance(story, StoryPage):
        return
    copied = list(story.topics.all())
    if not copied:
        return
    story.topics.set(queries.topics_in(copied, story.locale))
    story.save()
    story.save_revision(clean=False, log_action=True)


@transaction.atomic
def topic_translation_ensure(*, topic: Topic, language: str, name: str) -> Topic:
    """The topic's translation into a language, named ``name``; a topic of that name there becomes it.

    A topic of that name that is already the translation of another topic is refused (ValueError).
    """
    locale = Locale.objects.get(language_code=language)
    existing = topic.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translation = Topic.objects.filter(locale=locale, name=name).first()
    if translation is None:
        translation = Topic.objects.create(locale=locale, name=name, translation_key=topic.translation_key)
        log(instance=translation, action="wagtail.create")
        return translation
    if Topic.objects.filter(translation_key=translation.translation_key).exclude(pk=translation.pk).exists():
        raise ValueError(f"“{name}” is already the translation of another topic.")
    translation.translation_key = topic.translation_key
    translation.save(update_fields=["translation_key"])
    log(instance=translation, action="wagtail.edit")
    return translation
