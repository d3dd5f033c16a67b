"""Search (/<lang>/search/): finds live stories in every language and survives whatever it is given."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.factories import StoryPageFactory, translate_story
from tests.stories.odd_input import ODD_PAGE_NUMBERS, ODD_VALUES

pytestmark = pytest.mark.django_db


def found(response) -> set[str]:
    results = response.context["results"]
    return set() if results is None else {story.title for story in results}


@pytest.fixture
def stories(site_tree):
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
    response = client.get("/en/search/?q=" + "Tbilisi " + "a" * 10_000)

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


def test_search_in_right_to_left_text_finds_the_story_that_has_it(client, site_tree):
    StoryPageFactory(title="Arabic statement", summary="بيان حول حقوق الإنسان")

    response = client.get("/en/search/", {"q": "حقوق"})

    assert found(response) == {"Arabic statement"}


@pytest.fixture
def many_results(site_tree, settings):
    settings.STORIES_PER_PAGE = 2
    for number in range(5):
        StoryPageFactory(title=f"Vigil number {number}")


def test_search_paginates(client, many_results):
    first = client.get("/en/search/?q=vigil")
    last = client.get("/en/search/?q=vigil&page=3")

    assert len(found(first)) == 2
    assert len(found(last)) == 1
    assert 'rel="next" href="?q=vigil&amp;page=2"' in first.text


@pytest.mark.parametrize("page", ODD_PAGE_NUMBERS)
def test_search_with_a_page_number_that_is_not_a_page_shows_a_page(client, many_results, page):
    response = client.get("/en/search/", {"q": "vigil", "page": page})

    assert response.status_code == 200
    assert len(found(response)) >= 1


@pytest.fixture
def word_forms(site_tree):
    StoryPageFactory(
        title="Letters reach prisoners",
        summary="Volunteers wrote to political prisoners in eleven countries.",
        countries=["BY"],
    )
    StoryPageFactory(
        title="Правозащитники в Бишкеке",
        slug="pravozashchitniki-v-bishkeke",
        language="ru",
        summary="Семьи политзаключённых получили консультации.",
        countries=["KG"],
    )


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("правозащитник", "Правозащитники в Бишкеке"),
        ("Бишкек", "Правозащитники в Бишкеке"),
        ("политзаключенные", "Правозащитники в Бишкеке"),  # typed with е, written with ё
        ("prisoner", "Letters reach prisoners"),
        ("letter prisoners", "Letters reach prisoners"),
    ],
)
def test_search_finds_other_forms_of_a_word(client, word_forms, query, title):
    assert found(client.get("/ru/search/?q=" + quote(query))) == {title}


def test_search_with_word_forms_still_needs_every_word(client, word_forms):
    assert found(client.get("/en/search/?q=" + quote("правозащитник prisoner"))) == set()
    assert found(client.get("/en/search/?q=" + quote("prisoner Бишкек"))) == set()


def test_search_does_not_stretch_a_word_into_another(client, word_forms):
    assert found(client.get("/en/search/?q=prism")) == set()
    assert found(client.get("/en/search/?q=" + quote("правосудие"))) == set()
