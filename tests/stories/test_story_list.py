"""The story list (/<lang>/stories/): filters by country, kind and topic, pagination, unknown filters."""

from __future__ import annotations

import pytest

from solidarity.core.languages import gettext_in
from solidarity.stories.models import StoryKind
from tests.factories import StoryPageFactory, days_ago
from tests.shared import shared_data
from tests.stories.odd_input import ODD_VALUES

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [story.title for story in response.context["stories"]]


@pytest.fixture(scope="module")
def stories(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        yield _make_stories()


def _make_stories():
    """Five English stories and one Russian one, with distinct countries, kinds and topics."""
    return {
        "ru_news": StoryPageFactory(
            title="Arrests in Moscow", countries=["RU"], kind=StoryKind.NEWS, topics=["Arrests"], date=days_ago(1)
        ),
        "ru_report": StoryPageFactory(
            title="Prison conditions report",
            countries=["RU"],
            kind=StoryKind.REPORT,
            topics=["Prisons"],
            date=days_ago(2),
        ),
        "by_ru_statement": StoryPageFactory(
            title="Joint statement on Minsk and Moscow",
            countries=["BY", "RU"],
            kind=StoryKind.STATEMENT,
            topics=["Arrests"],
            date=days_ago(3),
        ),
        "by_news": StoryPageFactory(
            title="Trial in Minsk", countries=["BY"], kind=StoryKind.NEWS, topics=["Courts"], date=days_ago(4)
        ),
        "ge_news": StoryPageFactory(
            title="Protest in Tbilisi", countries=["GE"], kind=StoryKind.NEWS, topics=["Arrests"], date=days_ago(5)
        ),
        "russian": StoryPageFactory(
            title="Задержания в Москве", slug="zaderzhaniya", language="ru", countries=["RU"], date=days_ago(1)
        ),
    }


def test_story_list_shows_the_live_stories_of_its_language_newest_first(client, stories):
    StoryPageFactory(title="Unpublished draft", publish=False)

    response = client.get("/en/stories/")

    assert response.status_code == 200
    assert titles(response) == [
        "Arrests in Moscow",
        "Prison conditions report",
        "Joint statement on Minsk and Moscow",
        "Trial in Minsk",
        "Protest in Tbilisi",
    ]


def test_story_list_in_russian_shows_only_russian_stories(client, stories):
    response = client.get("/ru/stories/")

    assert titles(response) == ["Задержания в Москве"]


def test_story_list_filters_by_country(client, stories):
    response = client.get("/en/stories/?country=by")

    assert titles(response) == ["Joint statement on Minsk and Moscow", "Trial in Minsk"]
    assert response.context["filters"].chosen_country.code == "BY"


def test_story_list_country_filter_accepts_upper_case_codes(client, stories):
    response = client.get("/en/stories/?country=BY")

    assert titles(response) == ["Joint statement on Minsk and Moscow", "Trial in Minsk"]


def test_story_list_filters_by_kind(client, stories):
    response = client.get("/en/stories/?kind=news")

    assert titles(response) == ["Arrests in Moscow", "Trial in Minsk", "Protest in Tbilisi"]


def test_story_list_filters_by_topic(client, stories):
    response = client.get("/en/stories/?topic=arrests")

    assert titles(response) == ["Arrests in Moscow", "Joint statement on Minsk and Moscow", "Protest in Tbilisi"]


def test_story_list_combines_country_and_kind(client, stories):
    response = client.get("/en/stories/?country=ru&kind=news")

    assert titles(response) == ["Arrests in Moscow"]


def test_story_list_combines_country_kind_and_topic(client, stories):
    response = client.get("/en/stories/?country=ru&kind=statement&topic=arrests")

    assert titles(response) == ["Joint statement on Minsk and Moscow"]


def test_story_list_with_filters_that_match_nothing_says_so(client, stories):
    response = client.get("/en/stories/?country=ge&kind=report")

    assert response.status_code == 200
    assert titles(response) == []
    assert "No stories match these filters." in response.text
    assert "Clear filters" in response.text


def test_story_list_of_a_language_without_stories_says_none_are_published_yet(client, stories):
    response = client.get("/de/stories/")

    assert titles(response) == []
    assert gettext_in("de", "No stories have been published in this language yet.") in response.text
    assert gettext_in("de", "No stories match these filters.") not in response.text
    assert (
        f'{gettext_in("de", "In other languages:")} <a href="/en/stories/" lang="en" hreflang="en">English</a> (5) · '
        '<a href="/ru/stories/" lang="ru" hreflang="ru">Русский</a> (1)'
    ) in response.text


def test_story_list_of_a_language_without_stories_but_with_filters_says_the_filters_match_nothing(client, stories):
    response = client.get("/de/stories/?country=ru")

    assert gettext_in("de", "No stories match these filters.") in response.text
    assert gettext_in("de", "No stories have been published in this language yet.") not in response.text
    assert gettext_in("de", "In other languages:") not in response.text


def test_story_list_of_a_language_with_stories_offers_no_other_language(client, stories):
    response = client.get("/en/stories/")

    assert "In other languages:" not in response.text
    assert response.context["other_languages"] == []


def test_story_list_in_russian_keeps_an_english_only_country_selected(client, stories):
    """Georgia has English stories only: filtering the Russian list by it still shows Georgia as chosen."""
    response = client.get("/ru/stories/?country=ge")

    assert titles(response) == []
    assert '<option value="ge" selected>Грузия</option>' in response.text
    assert '<option value="">Все страны</option>' in response.text
    assert 'href="/ru/stories/">Сбросить фильтры</a>' in response.text


def test_story_list_offers_a_country_without_stories_only_while_it_is_selected(client, stories):
    unfiltered = client.get("/ru/stories/")

    assert [country.code for country in unfiltered.context["filters"].country_options] == ["RU"]
    assert [country.code for country in client.get("/ru/stories/?country=ge").context["filters"].country_options] == [
        "GE",
        "RU",
    ]


def test_story_list_in_russian_ignores_a_topic_of_english_stories(client, stories):
    """Topics are words of one language: the English topic "prisons" is no Russian one (see test_topics)."""
    response = client.get("/ru/stories/?topic=prisons")

    assert titles(response) == ["Задержания в Москве"]
    assert response.context["filters"].chosen_topic is None
    assert response.context["filters"].topic_options == []
    [note] = response.context["filters"].ignored  # in Russian: «Темы «prisons» нет…»
    assert "«prisons»" in note


def test_story_list_cards_are_headed_right_under_the_page_heading(client, stories):
    response = client.get("/en/stories/")

    assert (
        '<h2 class="card__title"><a href="/en/stories/arrests-in-moscow/">Arrests in Moscow</a></h2>' in response.text
    )
    assert '<h3 class="card__title">' not in response.text


def test_story_list_offers_the_countries_and_topics_of_its_stories(client, stories):
    response = client.get("/en/stories/")

    assert [country.code for country in response.context["filters"].country_options] == ["BY", "GE", "RU"]
    assert [topic.slug for topic in response.context["filters"].topic_options] == ["arrests", "courts", "prisons"]
    assert '<option value="by">Belarus</option>' in response.text


def test_story_list_marks_the_selected_filters(client, stories):
    response = client.get("/en/stories/?country=ru&kind=report&topic=prisons")

    assert '<option value="ru" selected>Russia</option>' in response.text
    assert '<option value="report" selected>Report</option>' in response.text
    assert '<option value="prisons" selected>Prisons</option>' in response.text


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("country=zz", "There is no country with the code “zz”, so the list shows every country."),
        ("country=rus", "There is no country with the code “rus”, so the list shows every country."),
        ("country=r", "There is no country with the code “r”, so the list shows every country."),
        ("kind=opinion", "There is no kind of story called “opinion”, so the list shows every kind."),
        ("kind=NEWS", "There is no kind of story called “NEWS”, so the list shows every kind."),
        ("topic=no-such-topic", "There is no topic called “no-such-topic”, so the list shows every topic."),
        ("page=-1", "There is no page “-1”, so the first page is shown."),
    ],
)
def test_story_list_with_an_unknown_filter_value_shows_every_story_with_a_note(client, stories, query, note):
    response = client.get(f"/en/stories/?{query}")

    assert response.status_code == 200
    assert len(titles(response)) == 5
    assert response.context["filters"].ignored == [note]
    assert note.replace("“", "&ldquo;") in response.text or note in response.text


def test_story_list_ignores_an_unknown_filter_and_keeps_the_known_ones(client, stories):
    response = client.get("/en/stories/?country=by&kind=opinion")

    assert titles(response) == ["Joint statement on Minsk and Moscow", "Trial in Minsk"]
    assert '<option value="by" selected>Belarus</option>' in response.text
    assert len(response.context["filters"].ignored) == 1


def test_story_list_with_known_filters_has_no_note(client, stories):
    response = client.get("/en/stories/?country=ru&kind=news&topic=arrests&page=1")

    assert response.context["filters"].ignored == []
    assert 'class="notice"' not in response.text


def test_story_list_unknown_filter_in_russian_is_noted_in_russian(client, stories):
    response = client.get("/ru/stories/?country=zz")

    assert response.status_code == 200
    assert '<html lang="ru">' in response.text
    assert titles(response) == ["Задержания в Москве"]
    assert response.context["filters"].ignored == ["Страны с кодом «zz» нет, поэтому показаны все страны."]


@pytest.mark.parametrize("value", ODD_VALUES)
@pytest.mark.parametrize("name", ["country", "kind", "topic"])
def test_story_list_with_an_odd_filter_value_shows_the_list(client, site_tree, name, value):
    response = client.get("/en/stories/", {name: value})

    assert response.status_code == 200
    assert response.context["filters"].chosen() == {"country": None, "kind": "", "topic": None}


@pytest.mark.parametrize("value", ODD_VALUES)
def test_story_list_ignores_odd_values_of_parameters_it_does_not_know(client, site_tree, value):
    response = client.get("/en/stories/", {"q": value, "utm_source": value})

    assert response.status_code == 200


def test_story_list_topic_with_a_null_character_is_ignored(client, stories):
    response = client.get("/en/stories/?topic=arr%00ests")

    assert response.status_code == 200
    assert response.context["filters"].chosen_topic is None
    assert "\x00" not in response.text and "\0" not in response.text
