"""A country's page in pages, and odd codes and parameters (/<lang>/countries/<code>/)."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.factories import StoryPageFactory, days_ago
from tests.stories.odd_input import ODD_PAGE_NUMBERS, ODD_VALUES

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [story.title for story in response.context["stories"]]


@pytest.fixture
def many_stories(site_tree, settings):
    settings.STORIES_PER_PAGE = 2
    return [StoryPageFactory(title=f"Story {n}", countries=["RU"], date=days_ago(n)) for n in range(1, 6)]


def test_country_page_paginates(client, many_stories):
    response = client.get("/en/countries/ru/?page=2")

    assert titles(response) == ["Story 3", "Story 4"]
    assert 'rel="prev" href="?page=1"' in response.text
    assert 'rel="next" href="?page=3"' in response.text


@pytest.mark.parametrize("page", ODD_PAGE_NUMBERS)
def test_country_page_with_a_page_number_that_is_not_a_page_shows_a_page(client, many_stories, page):
    response = client.get("/en/countries/ru/", {"page": page})

    assert response.status_code == 200
    assert len(titles(response)) >= 1


@pytest.mark.parametrize("value", ODD_VALUES)
def test_country_page_with_an_odd_code_is_not_found(client, site_tree, value):
    response = client.get(f"/en/countries/{quote(value, safe='')}/")

    assert response.status_code == 404


@pytest.mark.parametrize("value", ODD_VALUES)
def test_country_page_ignores_odd_values_of_parameters_it_does_not_know(client, many_stories, value):
    response = client.get("/en/countries/ru/", {"q": value})

    assert response.status_code == 200
