"""List pages make as many queries for 50 stories as for 5: no query per story card."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ImageFactory, StoryPageFactory, days_ago, translate_story

pytestmark = pytest.mark.django_db


def add_stories(count: int, *, start: int = 0) -> None:
    for number in range(start, start + count):
        StoryPageFactory(
            title=f"Story {number}",
            countries=["RU", "BY"] if number % 2 else ["RU"],
            topics=[f"Topic {number % 3}", "Arrests"],
            lead_image=ImageFactory(),
            date=days_ago(number),
        )


def queries_for(client, url: str) -> list[str]:
    """The queries of one request, after a first request has made the image renditions."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize(
    "url",
    [
        "/en/stories/",
        "/en/stories/?country=ru&topic=arrests",
        "/en/countries/ru/",
        "/en/countries/",
        "/en/",
        "/en/search/?q=story",
        "/de/",  # no stories of its own: the latest of every language
        "/de/stories/",
        "/de/countries/ru/",
    ],
)
def test_list_page_makes_as_many_queries_for_fifty_stories_as_for_five(client, site_tree, url):
    add_stories(5)
    with_five = queries_for(client, url)

    add_stories(45, start=5)
    with_fifty = queries_for(client, url)

    assert len(with_fifty) == len(with_five), "\n".join(with_fifty)


def test_story_page_makes_as_many_queries_with_many_related_stories_as_with_few(client, site_tree):
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
