"""Translating a story: the copy is a draft in the new language, without the original's topics."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def test_translation_starts_without_the_originals_topics(site_tree):
    story = StoryPageFactory(title="Trial in Minsk", topics=["fair trial", "freedom of assembly"])

    draft = story.copy_for_translation(Locale.objects.get(language_code="ru")).specific

    assert list(draft.topics.all()) == []
    assert list(draft.get_latest_revision_as_object().topics.all()) == []
    assert sorted(topic.name for topic in story.topics.all()) == ["fair trial", "freedom of assembly"]


def test_translation_keeps_everything_else(site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"], kind="report", topics=["fair trial"])

    draft = story.copy_for_translation(Locale.objects.get(language_code="ru")).specific

    assert draft.kind == "report"
    assert [country.code for country in draft.countries.all()] == ["BY"]
    assert draft.live is False


def test_the_russian_topic_filter_shows_no_english_topic_after_a_translation(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", topics=["fair trial"])
    draft = story.copy_for_translation(Locale.objects.get(language_code="ru")).specific
    draft.title = "Суд в Минске"
    draft.save_revision().publish()

    response = client.get("/ru/stories/")

    assert "fair trial" not in response.text
