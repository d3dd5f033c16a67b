"""Country pages: the list of countries, and one country (/<lang>/countries/<code>/): its introduction,
its member organisations and its stories."""

from __future__ import annotations

import pytest

from solidarity.core.services import country_introduction_set, organisation_create
from tests.factories import StoryPageFactory, days_ago
from tests.shared import shared_data

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [story.title for story in response.context["stories"]]


@pytest.fixture(scope="module")
def stories(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        yield _make_stories()


def _make_stories():
    return {
        "ru": StoryPageFactory(title="Arrests in Moscow", countries=["RU"], date=days_ago(1)),
        "by_ru": StoryPageFactory(title="Joint statement", countries=["BY", "RU"], date=days_ago(2)),
        "by": StoryPageFactory(title="Trial in Minsk", countries=["BY"], date=days_ago(3)),
        "ru_in_russian": StoryPageFactory(title="Задержания", slug="zaderzhaniya", language="ru", countries=["RU"]),
        "ru_draft": StoryPageFactory(title="Draft about Russia", countries=["RU"], publish=False),
    }


def test_country_page_lists_only_live_stories_of_that_country_in_its_language(client, stories):
    response = client.get("/en/countries/ru/")

    assert response.status_code == 200
    assert titles(response) == ["Arrests in Moscow", "Joint statement"]
    assert "<h1>Russia</h1>" in response.text
    assert "More from Russia" not in response.text


def test_story_tied_to_two_countries_appears_on_both_country_pages(client, stories):
    belarus = client.get("/en/countries/by/")
    russia = client.get("/en/countries/ru/")

    assert "Joint statement" in titles(belarus)
    assert "Joint statement" in titles(russia)
    assert "Arrests in Moscow" not in titles(belarus)


def test_country_page_in_russian_lists_russian_stories_with_the_russian_country_name(client, stories):
    response = client.get("/ru/countries/ru/")

    assert titles(response) == ["Задержания"]
    assert "Россия" in response.text


def test_country_page_without_stories_says_so(client, stories):
    country_introduction_set(country="FR", language="en", text="<p>The network has partners in Paris.</p>")

    response = client.get("/en/countries/fr/")

    assert response.status_code == 200
    assert titles(response) == []
    assert "No stories about France have been published in this language yet." in response.text


def test_country_page_without_stories_in_this_language_links_the_languages_that_have_some(client, stories):
    StoryPageFactory(title="Elections in Yerevan", countries=["AM"])
    StoryPageFactory(title="Protest in Yerevan", countries=["AM"])
    StoryPageFactory(title="Statement on Armenia and Russia", countries=["AM", "RU"])
    StoryPageFactory(title="Draft about Armenia", countries=["AM"], publish=False)
    StoryPageFactory(title="Wahlen in Jerewan", slug="wahlen", language="de", countries=["AM"])

    response = client.get("/ru/countries/am/")

    assert titles(response) == []
    assert "Материалов на русском языке по стране Армения пока нет." in response.text
    assert (
        'На других языках: <a href="/en/countries/am/" lang="en" hreflang="en">English</a> (3) · '
        '<a href="/de/countries/am/" lang="de" hreflang="de">Deutsch</a> (1)'
    ) in response.text
    assert [(language["code"], language["count"]) for language in response.context["other_languages"]] == [
        ("en", 3),
        ("de", 1),
    ]


def test_country_page_without_stories_in_any_language_links_no_other_language(client, stories):
    organisation_create(name="Paris Rights Bureau", country="FR", city="Paris")

    response = client.get("/ru/countries/fr/")

    assert response.context["other_languages"] == []
    assert 'hreflang="en">English</a> (' not in response.text


def test_country_page_with_stories_in_this_language_links_no_other_language(client, stories):
    response = client.get("/ru/countries/ru/")

    assert titles(response) == ["Задержания"]
    assert response.context["other_languages"] == []


def test_country_page_cards_are_headed_under_the_stories_heading(client, stories):
    response = client.get("/en/countries/ru/")

    assert "<h1>Russia</h1>" in response.text
    assert '<h2 id="stories-title" class="section-title">Latest stories</h2>' in response.text
    assert (
        '<h3 class="card__title"><a href="/en/stories/arrests-in-moscow/">Arrests in Moscow</a></h3>' in response.text
    )
    assert '<h2 class="card__title">' not in response.text


def test_country_page_links_to_the_story_list_filtered_by_that_country(client, stories):
    response = client.get("/en/countries/ru/")

    assert 'href="/en/stories/?country=ru"' in response.text


@pytest.mark.parametrize("code", ["zz", "rus", "r", "xk1", "%3Cscript%3E"])
def test_country_page_for_an_unknown_code_is_not_found(client, stories, code):
    response = client.get(f"/en/countries/{code}/")

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]


@pytest.mark.parametrize("code", ["RU", "Ru", "rU"])
def test_country_page_for_an_upper_case_code_redirects_to_the_lower_case_address(client, stories, code):
    response = client.get(f"/en/countries/{code}/")

    assert response.status_code == 301
    assert response["Location"] == "/en/countries/ru/"


def test_country_list_shows_countries_with_live_stories_in_this_language_and_their_counts(client, stories):
    response = client.get("/en/countries/")

    assert response.status_code == 200
    assert [(row.country.code, row.stories) for row in response.context["countries"]] == [("BY", 2), ("RU", 2)]
    assert 'href="/en/countries/by/"' in response.text
    assert "2 stories" in response.text


def test_country_list_in_a_language_without_stories_says_so(client, stories):
    response = client.get("/de/countries/")

    assert response.status_code == 200
    assert response.context["countries"] == []
