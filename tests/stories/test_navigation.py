"""The main navigation leads to the story index of the visitor's language, wherever editors put it."""

from __future__ import annotations

import pytest

from solidarity.stories.models import StoryIndexPage

pytestmark = pytest.mark.django_db


def test_stories_link_leads_to_the_story_index_of_the_visitors_language(client, site_tree):
    response = client.get("/ru/countries/")

    assert '<a href="/ru/stories/">Материалы</a>' in response.text


def test_stories_link_follows_an_index_that_editors_renamed(client, site_tree):
    index = StoryIndexPage.objects.get(locale__language_code="en")
    index.slug = "news-and-reports"
    index.save_revision().publish()

    response = client.get("/en/countries/")

    assert '<a href="/en/news-and-reports/">Stories</a>' in response.text
    assert 'href="/en/stories/"' not in response.text


def test_not_found_page_keeps_the_navigation(client, site_tree):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert '<a href="/en/stories/">Stories</a>' in response.text
    assert '<a class="button button--quiet" href="/en/search/">' in response.text
