"""Search (/<lang>/search/): finds live stories in every language and survives whatever it is given."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.factories import StoryPageFactory, translate_story
from tests.shared import shared_data
from tests.stories.odd_input import ODD_VALUES

pytestmark = pytest.mark.django_db


def found(response) -> set[str]:
    results = response.context["results"]
    return set() if results is None else {story.title for story in results}


@pytest.fixture(scope="module")
def stories(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker, search=True):
        yield _make_stories()


def _make_stories():
    trial = StoryPageFactory(
        title="Trial in Minsk", summary="Three activists were sentenced by a court in Minsk.", countries=["BY"]
    )
    translate_story(trial, "ru", title="Суд в Минске", summary="Правозащитники сообщают о приговоре трём активистам.")
    StoryPageFactory(
        title="Mahnwache in Berlin", slug="mahnwache", language="de", summary="Menschenrechtler trafen sich in Berlin."
    )
    StoryPageFactory(title="Vigil in Tbilisi", summary="Human-rights defenders met in Tbilisi.", countries=["GE"])
    StoryPageFactory(title="Unpublished trial draft", summary="A court in Minsk.", publish=False)
    return trial


def test_search_in_russian_finds_a_russian_story(client, stories):
    response = client.get("/ru/search/?q=правозащитники")

    assert response.status_code == 200
    assert found(response) == {"Суд в Минске"}
    assert "Суд в Минске" in response.text


def test_search_finds_stories_of_every_language_from_the_english_site(client, stories):
    russian = client.get("/en/search/?q=" + quote("Минске"))
    german = client.get("/en/search/?q=Menschenrechtler")
    english = client.get("/en/search/?q=Tbilisi")

    assert found(russian) == {"Суд в Минске"}
    assert found(german) == {"Mahnwache in Berlin"}
    assert found(english) == {"Vigil in Tbilisi"}


def test_search_marks_results_in_another_language(client, stories):
    response = client.get("/en/search/?q=Menschenrechtler")

    assert '<span class="card__language" lang="de">' in response.text


def test_search_result_cards_are_headed_right_under_the_page_heading(client, stories):
    response = client.get("/en/search/?q=Tbilisi")

    assert '<h2 class="card__title"><a href="/en/stories/vigil-in-tbilisi/" lang="en">Vigil in Tbilisi</a></h2>' in (
        response.text
    )
    assert '<h3 class="card__title">' not in response.text


def test_search_needs_every_word(client, stories):
    response = client.get("/en/search/?q=Minsk+Tbilisi")

    assert found(response) == set()
    assert "Nothing matches all of these words." in response.text


def test_search_does_not_find_unpublished_stories(client, stories):
    response = client.get("/en/search/?q=draft")

    assert found(response) == set()


def test_search_without_a_query_shows_the_form_and_no_results(client, stories):
    for url in ["/en/search/", "/en/search/?q=", "/en/search/?q=+++"]:
        response = client.get(url)

        assert response.status_code == 200
        assert response.context["results"] is None
        assert '<input id="search-q" type="search" name="q" value=""' in response.text
        assert "found" not in response.text


def test_search_keeps_the_query_in_the_form(client, stories):
    response = client.get("/en/search/?q=Tbilisi")

    assert '<input id="search-q" type="search" name="q" value="Tbilisi"' in response.text


def test_search_with_a_very_long_query_shortens_it_and_says_so(client, stories, settings):
    response = client.get("/en/search/?q=" + "Tbilisi " + "a" * 3_000)

    assert response.status_code == 200
    assert len(response.context["query"]) == settings.SEARCH_QUERY_MAX_LENGTH
    assert "Your search was too long, so only its first 200 characters were used." in response.text


def test_search_with_a_query_of_the_longest_allowed_length_is_not_shortened(client, stories, settings):
    response = client.get("/en/search/?q=" + "a" * settings.SEARCH_QUERY_MAX_LENGTH)

    assert response.status_code == 200
    assert "too long" not in response.text


def test_search_escapes_the_query_in_the_page(client, stories):
    response = client.get("/en/search/?q=" + quote("<script>alert(1)</script>"))

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


@pytest.mark.parametrize("query", ODD_VALUES)
def test_search_with_odd_input_answers_without_an_error(client, stories, query):
    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 200
    assert "stories/search.html" in [template.name for template in response.templates]


def test_search_treats_quotes_and_control_characters_as_spaces(client, stories):
    response = client.get("/en/search/", {"q": '"Vigil\x00 in\tTbilisi'})

    assert response.context["query"] == "Vigil in Tbilisi"
    assert found(response) == {"Vigil in Tbilisi"}


def test_search_with_sql_in_the_query_leaves_the_pages_in_place(client, stories):
    from wagtail.models import Page

    pages = Page.objects.count()

    client.get("/en/search/", {"q": "'; DROP TABLE wagtailcore_page; --"})

    assert Page.objects.count() == pages
