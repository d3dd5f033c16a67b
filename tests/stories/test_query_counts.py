"""List pages make as many queries for 20 stories (and 20 members) as for 5: no query per card or entry.
Twenty is more than a page of stories (12 in the tests), so the longer lists show a full page.

Each page is measured with a warm cache and with none at all (Django's dummy cache): Wagtail keeps
image renditions and site root paths in the cache, so a warm cache alone hides a query per card
that every cold start, cache flush or new rendition size pays.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from solidarity.core.services import country_introduction_set, organisation_create
from solidarity.home.services import members_page_ensure
from tests.factories import ImageFactory, StoryPageFactory, days_ago
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

LIST_PAGES = [
    "/en/stories/",
    "/en/stories/?country=ru&topic=arrests",
    "/en/countries/ru/",
    "/en/countries/",
    "/en/",
    "/en/search/?q=story",
    "/de/",  # no stories of its own: the latest of every language
    "/de/stories/",
    "/de/countries/ru/",
    "/en/members/",
    "/ru/members/?country=by",
]


def add_stories(count: int, *, start: int = 0) -> None:
    for number in range(start, start + count):
        StoryPageFactory(
            title=f"Story {number}",
            countries=["RU", "BY"] if number % 2 else ["RU"],
            topics=[f"Topic {number % 3}", "Arrests"],
            lead_image=ImageFactory(),
            date=days_ago(number),
        )


def add_members(count: int, *, start: int = 0) -> None:
    """Member organisations with a logo and descriptions, in Russia and Belarus, with an introduction for each."""
    for number in range(start, start + count):
        organisation_create(
            name=f"Group {number}",
            country="BY" if number % 2 else "RU",
            city="Minsk" if number % 2 else "Moscow",
            website=f"https://group-{number}.example.org/",
            logo=ImageFactory(),
            year_joined=2000 + number % 20,
            descriptions={"en": f"Group {number} in English.", "ru": f"Группа {number}."},
        )
    for country in ("RU", "BY"):
        country_introduction_set(country=country, language="en", text=f"<p>About {country}, {start + count}.</p>")


def queries_for(client, url: str) -> list[str]:
    """The queries of one request, after a first request has made the image renditions."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def queries_warm_and_cold(client, url: str) -> dict[str, list[str]]:
    """The queries of one request with a warm cache and with no cache at all."""
    warm = queries_for(client, url)
    with override_settings(CACHES=NO_CACHE):
        cold = queries_for(client, url)
    return {"warm cache": warm, "no cache": cold}


@pytest.fixture(scope="module")
def queries_with_five_and_twenty(request, django_db_setup, django_db_blocker) -> dict:
    """Each list page's queries with 5 stories and with 20, warm and cold (the stories made once for the module)."""
    with shared_data(request, django_db_blocker, search=True):
        client = Client()
        members_page_ensure(language="en", title="Members")
        members_page_ensure(language="ru", title="Участники")
        add_stories(5)
        add_members(5)
        with_five = {url: queries_warm_and_cold(client, url) for url in LIST_PAGES}
        add_stories(15, start=5)
        add_members(15, start=5)
        with_twenty = {url: queries_warm_and_cold(client, url) for url in LIST_PAGES}
        yield {
            (url, cache): (with_five[url][cache], with_twenty[url][cache])
            for url in LIST_PAGES
            for cache in ("warm cache", "no cache")
        }


@pytest.mark.parametrize("cache", ["warm cache", "no cache"])
@pytest.mark.parametrize("url", LIST_PAGES)
def test_list_page_makes_as_many_queries_for_twenty_stories_as_for_five(queries_with_five_and_twenty, url, cache):
    with_five, with_twenty = queries_with_five_and_twenty[url, cache]

    assert len(with_twenty) == len(with_five), "\n".join(with_twenty)


def test_the_search_page_counted_above_found_stories(client, queries_with_five_and_twenty):
    """The search page's count is of a page of results, not of an empty one."""
    response = client.get("/en/search/?q=story")

    assert response.context["results"].paginator.count == 20
