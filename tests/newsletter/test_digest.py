"""A digest picks, for each subscriber, the latest visible stories of their language, their countries and their
topics (none ticked: all), newest first and capped; nothing for them: no email."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Locale

from solidarity.core.languages import language_name
from solidarity.newsletter import queries
from solidarity.newsletter.models import MailingKind
from solidarity.newsletter.sending import render
from solidarity.stories.models import Topic
from tests.factories import StoryPageFactory, days_ago
from tests.newsletter.factories import mailing, subscriber
from tests.shared import shared_data

pytestmark = pytest.mark.django_db


def titles(filters: queries.Filters, *, days: int = 7, limit: int = queries.DIGEST_LIMIT) -> list[str]:
    digest = mailing(kind=MailingKind.DIGEST, digest_days=days)
    return [story.title for story in queries.digest_stories(digest, filters, now=timezone.now(), limit=limit)]


@pytest.fixture(scope="module")
def made(request, django_db_setup, django_db_blocker):
    """The stories every test reads, made once: three English ones, a Russian one, a draft."""
    with shared_data(request, django_db_blocker):
        english = Topic.objects.create(name="Prisons", slug="prisons", locale=Locale.objects.get(language_code="en"))
        russian = english.copy_for_translation(Locale.objects.get(language_code="ru"))
        russian.name, russian.slug = "Тюрьмы", "tiurmy"
        russian.save()
        StoryPageFactory(title="Russia, prisons", countries=["RU"], topics=[english], date=days_ago(2))
        StoryPageFactory(title="Belarus", countries=["BY"], date=days_ago(1))
        StoryPageFactory(title="Russia and Belarus", countries=["RU", "BY"], date=days_ago(3))
        StoryPageFactory(title="Россия", countries=["RU"], topics=[russian], language="ru")
        StoryPageFactory(title="Draft", countries=["RU"], publish=False)
        yield {"en": english, "ru": russian}


@pytest.fixture
def stories(made):
    return made


@pytest.fixture
def prisons(made):
    return made


def test_no_country_and_no_topic_chosen_gives_every_story_of_the_language_newest_first(stories):
    assert titles(queries.Filters(language="en")) == ["Belarus", "Russia, prisons", "Russia and Belarus"]
    assert titles(queries.Filters(language="ru")) == ["Россия"]
    assert titles(queries.Filters(language="de")) == []


def test_countries_keep_the_stories_about_any_of_them(stories):
    assert titles(queries.Filters(language="en", countries=("BY",))) == ["Belarus", "Russia and Belarus"]
    assert titles(queries.Filters(language="en", countries=("BY", "RU"))) == [
        "Belarus",
        "Russia, prisons",
        "Russia and Belarus",
    ]
    assert titles(queries.Filters(language="en", countries=("UA",))) == []


def test_topics_match_across_languages_by_their_translation(stories, prisons):
    key = str(prisons["ru"].translation_key)
    assert titles(queries.Filters(language="en", topic_keys=(key,))) == ["Russia, prisons"]
    assert titles(queries.Filters(language="ru", topic_keys=(key,))) == ["Россия"]
    assert titles(queries.Filters(language="en", countries=("BY",), topic_keys=(key,))) == []


def test_only_the_stories_first_published_in_the_digests_days_are_in_it(stories):
    long_ago = timezone.now() - datetime.timedelta(days=8)
    old = StoryPageFactory(title="Old news", countries=["UA"], first_published_at=long_ago, date=days_ago(0))
    StoryPageFactory(title="Fresh news", countries=["UA"], date=days_ago(9))

    assert old.first_published_at < timezone.now() - datetime.timedelta(days=7)
    ukraine = queries.Filters(language="en", countries=("UA",))
    assert titles(ukraine, days=7) == ["Fresh news"]
    assert titles(ukraine, days=10) == ["Old news", "Fresh news"]


def test_a_story_published_once_the_digest_started_sending_is_not_in_it(stories):
    started = timezone.now() - datetime.timedelta(hours=1)
    digest = mailing(kind=MailingKind.DIGEST, started_at=started)
    StoryPageFactory(title="Before", countries=["KZ"], first_published_at=started - datetime.timedelta(minutes=1))
    StoryPageFactory(title="Meanwhile", countries=["KZ"], first_published_at=started + datetime.timedelta(minutes=1))

    kazakhstan = queries.Filters(language="en", countries=("KZ",))
    found = queries.digest_stories(digest, kazakhstan, now=timezone.now())
    assert [story.title for story in found] == ["Before"]


def test_a_digest_is_capped(stories):
    assert titles(queries.Filters(language="en"), limit=2) == ["Belarus", "Russia, prisons"]


def test_each_subscriber_gets_the_digest_of_their_choices_and_nothing_when_none_match(stories, prisons):
    digest = mailing(kind=MailingKind.DIGEST)

    belarus = render(digest, subscriber(countries=["BY"]))
    on_prisons = render(digest, subscriber(topics=[prisons["ru"]]))
    in_russian = render(digest, subscriber(language="ru"))

    assert "Belarus" in belarus.text and "Russia, prisons" not in belarus.text and "Россия" not in belarus.text
    assert "Russia, prisons" in on_prisons.text and "Belarus" not in on_prisons.text
    assert "Россия" in in_russian.text and "Russia" not in in_russian.text.replace("Россия", "")
    assert render(digest, subscriber(countries=["UA"])) is None
    assert render(digest, subscriber(language="de", countries=["UA"])) is None  # nor in English


def test_a_subscriber_whose_language_has_no_story_gets_those_in_english_told_so(stories):
    digest = mailing(kind=MailingKind.DIGEST)
    belarusian = subscriber(language="be", countries=["BY"])

    found, fell_back = queries.digest_for(digest, queries.filters_of(belarusian), now=timezone.now())
    rendered = render(digest, belarusian)

    assert fell_back and [story.title for story in found] == ["Belarus", "Russia and Belarus"]
    assert rendered is not None and "Belarus" in rendered.text
    with translation.override("be"):  # told so, in Belarusian
        note = gettext("None of these days' stories for you is in %(language)s; here are those in %(fallback)s.") % {
            "language": language_name("be", in_sentence=True),
            "fallback": language_name("en", in_sentence=True),
        }
    assert "анґельская" in note and note in rendered.text and escape(note) in rendered.html


def test_a_subscriber_with_stories_in_their_language_gets_no_english_ones(stories):
    digest = mailing(kind=MailingKind.DIGEST)
    russian = subscriber(language="ru")

    found, fell_back = queries.digest_for(digest, queries.filters_of(russian), now=timezone.now())

    assert not fell_back and [story.title for story in found] == ["Россия"]
    assert render(digest, subscriber(language="ru", countries=["UA"])) is None  # nothing in any language: no email
