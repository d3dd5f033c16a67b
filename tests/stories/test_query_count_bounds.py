"""A story page makes as many queries with many related stories as with few; the story list stays small."""

from __future__ import annotations

import pytest

from tests.factories import ImageFactory, StoryPageFactory, days_ago, translate_story
from tests.stories.test_query_counts import NO_CACHE, add_stories, queries_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("caches", [None, NO_CACHE], ids=["warm cache", "no cache"])
def test_story_page_makes_as_many_queries_with_many_related_stories_as_with_few(client, site_tree, settings, caches):
    if caches is not None:
        settings.CACHES = caches
    story = StoryPageFactory(title="The story", countries=["RU", "BY"], lead_image=ImageFactory(), date=days_ago(0))
    translate_story(story, "ru", title="История")
    add_stories(2, start=1)
    with_few = queries_for(client, story.url)

    add_stories(20, start=3)
    with_many = queries_for(client, story.url)

    assert len(with_many) == len(with_few), "\n".join(with_many)


def test_story_list_query_count_stays_small(client, site_tree, django_assert_max_num_queries):
    add_stories(12)
    client.get("/en/stories/")

    with django_assert_max_num_queries(20):  # 19 when this was written: site, locale, page, filters, cards
        client.get("/en/stories/")
