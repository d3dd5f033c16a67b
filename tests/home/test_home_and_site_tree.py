"""The page tree of every language (setup_site) and the home page."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from solidarity.core.languages import gettext_in
from solidarity.home.models import HomePage
from solidarity.home.services import HOME_INTRO, site_tree_ensure
from solidarity.stories.models import StoryIndexPage
from tests.factories import StoryPageFactory, days_ago, translate_story

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


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_home_page_and_story_list_starts_with_words_in_its_own_language(site_tree, language):
    home = HomePage.objects.get(locale__language_code=language)
    index = StoryIndexPage.objects.get(locale__language_code=language)

    assert home.intro == gettext_in(language, HOME_INTRO)
    assert index.title == gettext_in(language, "Stories")
    if language != "en":
        assert home.intro != HOME_INTRO
        assert index.title != "Stories"


def test_site_tree_ensure_translates_the_english_words_an_older_setup_left(site_tree):
    """A site set up before German was translated: its German home and story list started in English."""
    home = HomePage.objects.get(locale__language_code="de")
    home.intro = HOME_INTRO
    home.save_revision().publish()
    index = StoryIndexPage.objects.get(locale__language_code="de")
    index.title = "Stories"
    index.save_revision().publish()
    renamed = StoryIndexPage.objects.get(locale__language_code="fr")
    renamed.title = "Stories and reports"
    renamed.save_revision().publish()

    site_tree_ensure()

    assert HomePage.objects.get(locale__language_code="de").intro == gettext_in("de", HOME_INTRO)
    assert StoryIndexPage.objects.get(locale__language_code="de").title == gettext_in("de", "Stories")
    assert StoryIndexPage.objects.get(locale__language_code="de").live_revision.content["title"] != "Stories"
    assert StoryIndexPage.objects.get(locale__language_code="fr").title == "Stories and reports"


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


def test_home_page_of_a_language_without_stories_shows_the_latest_stories_of_every_language(client, site_tree):
    StoryPageFactory(title="Trial in Minsk", countries=["BY"], date=days_ago(2))
    StoryPageFactory(title="Задержания", slug="zaderzhaniya", language="ru", countries=["RU"], date=days_ago(1))

    response = client.get("/de/")

    assert response.context["latest_stories"] == []
    assert gettext_in("de", "No stories have been published in this language yet.") in response.text
    assert [story.title for story in response.context["latest_in_all_languages"]] == ["Задержания", "Trial in Minsk"]
    assert '<span class="card__language" lang="ru">Русский</span>' in response.text
    assert '<span class="card__language" lang="en">English</span>' in response.text


def test_home_page_with_stories_of_its_own_shows_no_other_language(client, site_tree):
    StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    StoryPageFactory(title="Задержания", slug="zaderzhaniya", language="ru", countries=["RU"])

    response = client.get("/en/")

    assert response.context["latest_in_all_languages"] == []
    assert "No stories have been published" not in response.text
    assert "card__language" not in response.text


def test_home_page_of_a_language_without_stories_links_the_languages_that_have_some(client, site_tree):
    StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    StoryPageFactory(title="Vigil in Tbilisi", countries=["GE"])
    StoryPageFactory(title="Задержания", slug="zaderzhaniya", language="ru", countries=["RU"])

    response = client.get("/fr/")

    empty = response.text.split('<p class="empty">')[1].split("</p>")[0]
    none_yet = gettext_in("fr", "No stories have been published in this language yet.")
    elsewhere = gettext_in("fr", "In other languages:")
    assert re.sub(r"[ \n]+", " ", empty).strip() == (
        f"{none_yet} {elsewhere} "
        '<a href="/en/" lang="en" hreflang="en">English</a> (2) · '
        '<a href="/ru/" lang="ru" hreflang="ru">Русский</a> (1)'
    )


def test_home_page_list_of_other_languages_ends_without_a_separator(client, site_tree):
    """French is the last language: the list before it must not end in " · "."""
    StoryPageFactory(title="Trial in Minsk", countries=["BY"])

    response = client.get("/fr/")

    empty = response.text.split('<p class="empty">')[1].split("</p>")[0]
    assert empty.rstrip().endswith('<a href="/en/" lang="en" hreflang="en">English</a> (1)')
    assert "·" not in empty


def test_home_page_cards_are_headed_under_the_latest_stories_heading(client, site_tree):
    StoryPageFactory(title="Trial in Minsk", countries=["BY"])

    english = client.get("/en/")
    german = client.get("/de/")

    assert '<h2 id="latest-title" class="section-title">' in english.text
    for response in (english, german):
        assert '<h3 class="card__title"><a href="/en/stories/trial-in-minsk/"' in response.text
        assert '<h2 class="card__title">' not in response.text


def test_home_page_country_chips_are_the_twelve_countries_with_the_most_stories(client, site_tree):
    # Fourteen countries: Ukraine has three stories, Georgia and Armenia two, the rest one each.
    codes = ["UA", "UA", "UA", "GE", "GE", "AM", "AM", "AZ", "BY", "KZ", "KG", "MD", "MN", "PL", "RU", "TJ", "TM", "UZ"]
    for number, code in enumerate(codes):
        StoryPageFactory(title=f"Story {number}", countries=[code])

    response = client.get("/en/")

    chips = [(country.code, count) for country, count in response.context["countries_with_stories"]]
    assert chips[:3] == [("UA", 3), ("AM", 2), ("GE", 2)]
    # Among the countries with one story, the first by name make up the twelve: not Turkmenistan, Uzbekistan.
    assert [code for code, _count in chips[3:]] == ["AZ", "BY", "KZ", "KG", "MD", "MN", "PL", "RU", "TJ"]
    assert 'href="/en/countries/tm/">Turkmenistan <span class="count">' not in response.text
    assert 'href="/en/countries/ua/">Ukraine <span class="count">3</span>' in response.text


def test_home_page_country_chips_are_not_the_first_twelve_by_name(client, site_tree):
    for number, code in enumerate(["AM", "AZ", "BY", "GE", "KZ", "KG", "MD", "RU", "TJ", "TM", "UA", "AL"]):
        StoryPageFactory(title=f"Story {number}", countries=[code])
    for number in range(3):
        StoryPageFactory(title=f"Uzbek story {number}", countries=["UZ"])

    response = client.get("/en/")

    codes = [country.code for country, _count in response.context["countries_with_stories"]]
    assert len(codes) == 12
    assert codes[0] == "UZ"
    assert "UA" not in codes  # last by name among the countries with one story


def test_translated_home_pages_offer_each_other_in_the_language_switcher(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    translate_story(story, "ru", title="Суд в Минске")

    response = client.get("/ru/")

    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in response.text
