"""Numbered pagination on every paginated list: story list, country page and search."""

from __future__ import annotations

import re

import pytest

from tests.factories import StoryPageFactory, days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def twenty_pages(site_tree, settings, search_index):
    settings.STORIES_PER_PAGE = 1
    return [StoryPageFactory(title=f"Vigil {n}", countries=["RU"], date=days_ago(n)) for n in range(1, 21)]


def pagination(response) -> str:
    return response.text.split('<nav class="pagination"')[1].split("</nav>")[0]


def numbers(response) -> list[str]:
    """The page links and gaps in order, the current one marked with a star."""
    found = re.findall(r'<a href="[^"]*"( aria-current="page")?>(\d+)</a>|(…)', pagination(response))
    return [gap or (number + ("*" if current else "")) for current, number, gap in found]


@pytest.mark.parametrize("list_url", ["/en/stories/", "/en/countries/ru/", "/en/search/?q=vigil"])
def test_every_list_numbers_its_pages_around_the_current_one(client, twenty_pages, list_url):
    separator = "&" if "?" in list_url else "?"
    response = client.get(f"{list_url}{separator}page=10")

    assert numbers(response) == ["1", "…", "8", "9", "10*", "11", "12", "…", "20"]
    assert 'rel="prev"' in pagination(response) and 'rel="next"' in pagination(response)


def test_the_first_page_has_no_previous_and_the_last_no_next(client, twenty_pages):
    first = client.get("/en/stories/")
    last = client.get("/en/stories/?page=20")

    assert numbers(first) == ["1*", "2", "3", "…", "20"]
    assert 'rel="prev"' not in pagination(first) and 'rel="next" href="?page=2"' in pagination(first)
    assert numbers(last) == ["1", "…", "18", "19", "20*"]
    assert 'rel="next"' not in pagination(last) and 'rel="prev" href="?page=19"' in pagination(last)


def test_the_page_links_keep_the_filters(client, twenty_pages):
    response = client.get("/en/stories/?country=ru&kind=news&page=10")

    links = re.findall(r'href="([^"]*)"', pagination(response))
    assert links and all(link.startswith("?country=ru&amp;kind=news&amp;page=") for link in links)
    assert '<a href="?country=ru&amp;kind=news&amp;page=20">20</a>' in pagination(response)


def test_search_page_links_keep_the_words(client, twenty_pages):
    response = client.get("/en/search/?q=vigil&page=2")

    assert '<a href="?q=vigil&amp;page=1">1</a>' in pagination(response)
    assert '<a href="?q=vigil&amp;page=2" aria-current="page">2</a>' in pagination(response)


def test_a_list_of_one_page_has_no_pagination(client, site_tree):
    StoryPageFactory(title="Vigil", countries=["RU"])

    response = client.get("/en/stories/")

    assert '<nav class="pagination"' not in response.text
