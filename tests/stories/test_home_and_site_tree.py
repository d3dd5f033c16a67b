"""The page tree of every language (setup_site) and the home page."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from solidarity.stories.models import HomePage, StoryIndexPage
from solidarity.stories.services import site_tree_ensure
from tests.factories import StoryPageFactory, days_ago

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "uk", "be", "de", "fr"]


def test_site_tree_has_a_live_home_and_story_index_in_every_language(site_tree):
    homes = {home.locale.language_code: home for home in HomePage.objects.live()}
    indexes = {index.locale.language_code: index for index in StoryIndexPage.objects.live()}

    assert sorted(homes) == sorted(LANGUAGES)
    assert sorted(indexes) == sorted(LANGUAGES)
    assert all(indexes[code].get_parent().pk == homes[code].pk for code in LANGUAGES)
    assert Site.objects.get(is_default_site=True).root_page_id == homes["en"].pk


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_its_home_and_story_list_at_its_prefix(client, site_tree, language):
    assert client.get(f"/{language}/").status_code == 200
    assert client.get(f"/{language}/stories/").status_code == 200


def test_site_tree_ensure_run_again_changes_nothing(site_tree):
    before = list(Page.objects.order_by("pk").values_list("pk", "title", "slug", "live"))

    home = site_tree_ensure()
    call_command("setup_site", stdout=io.StringIO())

    assert home.pk == site_tree.pk
    assert list(Page.objects.order_by("pk").values_list("pk", "title", "slug", "live")) == before


def test_site_tree_ensure_keeps_what_an_editor_renamed(site_tree):
    index = StoryIndexPage.objects.get(locale__language_code="ru")
    index.title = "Новости"
    index.save_revision().publish()

    site_tree_ensure()

    assert StoryIndexPage.objects.get(locale__language_code="ru").title == "Новости"


def test_home_page_lists_the_latest_stories_of_its_language(client, site_tree):
    for days in range(1, 10):
        StoryPageFactory(title=f"{days} days ago", countries=["RU"], date=days_ago(days))
    StoryPageFactory(title="Задержания", slug="zaderzhaniya", language="ru", countries=["RU"])

    response = client.get("/en/")

    assert [story.title for story in response.context["latest_stories"]] == [f"{days} days ago" for days in range(1, 8)]
    assert "Задержания" not in response.text
    assert 'href="/en/countries/ru/"' in response.text


def test_home_page_of_a_language_without_stories_offers_the_other_languages(client, site_tree):
    StoryPageFactory(title="Trial in Minsk", countries=["BY"])

    response = client.get("/de/")

    assert response.context["latest_stories"] == []
    assert "No stories have been published in this language yet." in response.text
    assert '<a href="/en/" lang="en">English</a>' in response.text
