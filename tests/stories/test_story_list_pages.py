"""The story list's pages: pagination, filters kept from page to page, page numbers that are no page."""

from __future__ import annotations

import pytest

from tests.factories import StoryPageFactory, days_ago
from tests.stories.odd_input import ODD_PAGE_NUMBERS

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [story.title for story in response.context["stories"]]


@pytest.fixture
def many_stories(site_tree, settings):
    settings.STORIES_PER_PAGE = 2
    return [StoryPageFactory(title=f"Story {n}", countries=["RU"], date=days_ago(n)) for n in range(1, 6)]


def test_story_list_paginates(client, many_stories):
    first = client.get("/en/stories/")
    third = client.get("/en/stories/?page=3")

    assert titles(first) == ["Story 1", "Story 2"]
    assert titles(third) == ["Story 5"]
    assert '<a href="?page=1" aria-current="page">1</a>' in first.text
    assert 'rel="next" href="?page=2"' in first.text
    assert 'rel="prev"' not in first.text
    assert 'rel="prev" href="?page=2"' in third.text


def test_story_list_pagination_keeps_the_filters(client, many_stories):
    response = client.get("/en/stories/?country=ru&kind=news")

    assert 'rel="next" href="?country=ru&amp;kind=news&amp;page=2"' in response.text


@pytest.mark.parametrize("page", ODD_PAGE_NUMBERS)
def test_story_list_with_a_page_number_that_is_not_a_page_shows_a_page(client, many_stories, page):
    response = client.get("/en/stories/", {"page": page})

    assert response.status_code == 200
    assert len(titles(response)) >= 1


def test_story_list_page_past_the_end_shows_the_last_page(client, many_stories):
    response = client.get("/en/stories/?page=999999")

    assert response.status_code == 200
    assert titles(response) == ["Story 5"]
