"""Translating a story: the copy is a draft in the new language, with the translations of the original's topics."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from solidarity.stories.models import Topic
from solidarity.stories.services import topic_translation_ensure
from tests.factories import StoryPageFactory, translate_story

pytestmark = pytest.mark.django_db


def russian() -> Locale:
    return Locale.objects.get(language_code="ru")


def english_topic(name: str) -> Topic:
    return Topic.objects.get(name=name, locale__language_code="en")


def names(topics) -> list[str]:
    return sorted(topic.name for topic in topics)


@pytest.fixture
def story(site_tree):
    """An English story with two topics, one of which has a Russian translation."""
    story = StoryPageFactory(title="Trial in Minsk", topics=["fair trial", "freedom of assembly"])
    topic_translation_ensure(topic=english_topic("fair trial"), language="ru", name="справедливый суд")
    return story


def test_translation_starts_with_the_translations_of_the_originals_topics(story):
    draft = story.copy_for_translation(russian()).specific

    assert names(draft.topics.all()) == ["справедливый суд"]
    assert names(draft.get_latest_revision_as_object().topics.all()) == ["справедливый суд"]
    assert {topic.locale_id for topic in draft.topics.all()} == {russian().pk}
    assert names(story.topics.all()) == ["fair trial", "freedom of assembly"]


def test_translation_leaves_out_a_topic_without_translation_and_makes_none(story):
    draft = story.copy_for_translation(russian()).specific

    assert "freedom of assembly" not in names(draft.topics.all())
    assert not Topic.objects.filter(locale=russian(), name="freedom of assembly").exists()


def test_translation_without_any_translated_topic_starts_without_topics(site_tree):
    story = StoryPageFactory(title="Trial in Minsk", topics=["fair trial", "freedom of assembly"])

    draft = story.copy_for_translation(russian()).specific

    assert list(draft.topics.all()) == []
    assert list(draft.get_latest_revision_as_object().topics.all()) == []


def test_the_editor_of_a_translation_is_told_which_topics_it_lacks(client, editor, story):
    draft = story.copy_for_translation(russian()).specific

    response = client.get(f"/admin/pages/{draft.pk}/edit/")

    assert response.status_code == 200
    assert '<li lang="en">freedom of assembly (English)</li>' in response.text
    assert "fair trial (English)" not in response.text  # it has its translation


def test_the_editor_of_the_original_is_told_nothing(client, editor, story):
    response = client.get(f"/admin/pages/{story.pk}/edit/")

    assert response.status_code == 200
    assert "freedom of assembly (English)" not in response.text


def test_story_translate_maps_topics_unless_it_is_given_some(story):
    mapped = translate_story(story, "ru", title="Суд в Минске")
    other = StoryPageFactory(title="Other", topics=["fair trial"])
    given = translate_story(other, "ru", title="Другое", topics=["суды"])

    assert names(mapped.topics.all()) == ["справедливый суд"]
    assert names(given.topics.all()) == ["суды"]
    assert given.topics.get().locale == russian()


def test_translation_keeps_everything_else(site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"], kind="report", topics=["fair trial"])

    draft = story.copy_for_translation(russian()).specific

    assert draft.kind == "report"
    assert [country.code for country in draft.countries.all()] == ["BY"]
    assert draft.live is False


def test_the_russian_topic_filter_shows_no_english_topic_after_a_translation(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", topics=["fair trial"])
    draft = story.copy_for_translation(russian()).specific
    draft.title = "Суд в Минске"
    draft.save_revision().publish()

    response = client.get("/ru/stories/")

    assert "fair trial" not in response.text
