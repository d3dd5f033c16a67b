"""Search over stories of its own: right-to-left text, pages of results, other forms of a word."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.factories import StoryPageFactory
from tests.stories.odd_input import ODD_PAGE_NUMBERS

pytestmark = pytest.mark.django_db


def found(response) -> set[str]:
    results = response.context["results"]
    return set() if results is None else {story.title for story in results}


def test_search_in_right_to_left_text_finds_the_story_that_has_it(client, site_tree, search_index):
    StoryPageFactory(title="Arabic statement", summary="بيان حول حقوق الإنسان")

    response = client.get("/en/search/", {"q": "حقوق"})

    assert found(response) == {"Arabic statement"}


@pytest.fixture
def many_results(site_tree, settings, search_index):
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
def word_forms(site_tree, search_index):
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
