"""Private content never reaches readers: pages behind a Wagtail view restriction (password, login,
groups), on themselves or on a whole section, appear in no list, count, search, "More from",
translation link, navigation or home page; documents of a private collection are not served.

Every private story here has "Hidden" in its title and summary, so each page is also checked
as a reader sees it: the word must not be anywhere in its HTML.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from solidarity.core.visibility import visible_pages
from solidarity.stories import queries
from solidarity.stories.models import StoryIndexPage, StoryPage
from tests.factories import DocumentFactory, StoryPageFactory, days_ago, translate_story
from tests.shared import shared_data

pytestmark = pytest.mark.django_db


def restrict(page, kind: str) -> None:
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="a secret" if kind == PageViewRestriction.PASSWORD else ""
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get_or_create(name="Board")[0]])


@pytest.fixture(scope="module")
def private(request, django_db_setup, django_db_blocker) -> dict:
    """Public stories beside private ones of each kind, and a German section that is private as a whole."""
    with shared_data(request, django_db_blocker, search=True):
        public = StoryPageFactory(title="Open letter", countries=["RU"], topics=["Prisons"], date=days_ago(5))
        StoryPageFactory(title="Trial in Minsk", countries=["BY"], date=days_ago(6))
        stories = {
            kind: StoryPageFactory(
                title=f"Hidden {kind} story",
                summary=f"Hidden summary behind a {kind} restriction.",
                countries=["RU", "KZ"],  # Kazakhstan has only private stories
                topics=["Prisons"],
                date=days_ago(1),
            )
            for kind in (PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS)
        }
        for kind, story in stories.items():
            restrict(story, kind)
        # The public story's Russian translation is private; a private story's translation is public.
        private_translation = translate_story(public, "ru", title="Hidden перевод", summary="Hidden перевод.")
        restrict(private_translation, PageViewRestriction.LOGIN)
        public_translation = translate_story(stories["login"], "ru", title="Открытое письмо")
        PageViewRestriction.objects.filter(page=public_translation).delete()  # copied with the page
        # A whole section: the German story index and everything under it.
        german = StoryPageFactory(
            title="Hidden German story", summary="Hidden.", countries=["RU"], language="de", date=days_ago(0)
        )
        restrict(StoryIndexPage.objects.get(locale__language_code="de"), PageViewRestriction.PASSWORD)
        yield {
            "public": public,
            "stories": stories,
            "german": german,
            "private_translation": private_translation,
            "public_translation": public_translation,
        }


def titles(items) -> list[str]:
    return [item.title for item in items]


def assert_nothing_hidden(response, *, status: int = 200) -> None:
    assert response.status_code == status
    assert "Hidden" not in response.text


def test_the_one_rule_leaves_out_every_restricted_page_and_everything_under_a_restricted_section(private):
    visible = set(titles(visible_pages(StoryPage)))

    assert {"Open letter", "Trial in Minsk", "Открытое письмо"} <= visible
    assert not [title for title in visible if "Hidden" in title]
    assert not visible_pages(StoryIndexPage).filter(locale__language_code="de").exists()
    # The restriction is on the index: its own path is a prefix of the German story's path.
    assert StoryPage.objects.live().filter(pk=private["german"].pk).exists()


def test_search_rule_leaves_out_the_same_pages(private):
    searchable = set(titles(StoryPage.objects.visible_for_search()))

    assert searchable == set(titles(StoryPage.objects.visible()))


@pytest.mark.parametrize("url", ["/en/stories/", "/en/stories/?topic=prisons", "/en/stories/?country=ru"])
def test_private_stories_are_not_in_the_story_list(client, private, url):
    response = client.get(url)

    assert_nothing_hidden(response)
    assert "Open letter" in titles(response.context["stories"])


def test_private_stories_are_not_on_the_country_page(client, private):
    response = client.get("/en/countries/ru/")

    assert_nothing_hidden(response)
    assert titles(response.context["stories"]) == ["Open letter"]


def test_a_country_with_only_private_stories_has_no_stories_and_is_not_listed(client, private):
    country = client.get("/en/countries/kz/")  # a page still: a public Russian translation is about it
    countries = client.get("/en/countries/")

    assert_nothing_hidden(country)
    assert list(country.context["stories"]) == []
    assert [language["code"] for language in country.context["other_languages"]] == ["ru"]
    assert_nothing_hidden(countries)
    counts = {row.country.code: row.stories for row in countries.context["countries"]}
    assert counts == {"RU": 1, "BY": 1}


def test_private_stories_are_not_found_by_search(client, private):
    hidden = client.get("/en/search/?q=hidden")
    prisons = client.get("/en/search/?q=prisons")

    assert_nothing_hidden(hidden)
    assert hidden.context["results"].paginator.count == 0
    assert titles(prisons.context["results"]) == ["Open letter"]
    assert titles(queries.search_stories("story")) == []


def test_private_stories_are_not_in_more_from(client, private):
    response = client.get(private["public"].url)

    assert_nothing_hidden(response)
    assert response.context["more_from"] == []


def test_a_private_translation_is_not_offered_and_a_private_original_is_not_linked(client, private):
    original = client.get(private["public"].url)
    translation = client.get(private["public_translation"].url)

    assert original.context["languages"].translations == []
    assert private["private_translation"].url not in original.text
    assert_nothing_hidden(translation)
    assert translation.context["languages"].translations == []
    assert private["stories"]["login"].url not in translation.text


def test_private_stories_are_not_on_the_home_page(client, private):
    response = client.get("/en/")

    assert_nothing_hidden(response)
    assert titles(response.context["latest_stories"]) == ["Open letter", "Trial in Minsk"]
    counts = {country.code: count for country, count in response.context["countries_with_stories"]}
    assert counts == {"RU": 1, "BY": 1}


def test_a_private_section_is_not_on_its_home_page_nor_in_the_latest_of_every_language(client, private):
    response = client.get("/de/")

    assert_nothing_hidden(response)
    assert response.context["latest_stories"] == []
    assert "Hidden German story" not in titles(response.context["latest_in_all_languages"])
    assert response.context["story_index"] is None
    assert 'href="/de/stories/"' not in response.text  # no navigation link into the private section
    assert "de" not in queries.story_counts_by_language()


def test_a_private_section_is_not_searchable(client, private):
    response = client.get("/de/search/?q=german")

    assert_nothing_hidden(response)
    assert response.context["results"].paginator.count == 0


@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_a_private_story_itself_asks_for_the_password_or_a_login(client, private, kind):
    story = private["stories"][kind]

    response = client.get(story.url)

    assert "Hidden summary" not in response.text
    if kind == "password":
        assert response.status_code == 200
        assert 'name="password"' in response.text
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/en/_util/login/?next=")


def test_a_story_in_a_private_section_asks_for_the_sections_password(client, private):
    response = client.get(private["german"].url)

    assert response.status_code == 200
    assert 'name="password"' in response.text
    assert "Hidden." not in response.text


def test_a_document_in_a_private_collection_is_not_served_to_anonymous_readers(client, site_tree):
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = DocumentFactory(title="Minutes", collection=collection)
    public = DocumentFactory(title="Annual report")

    private_response = client.get(document.url)
    public_response = client.get(public.url)

    assert private_response.status_code == 302
    assert private_response["Location"].startswith("/en/_util/login/?next=")
    assert public_response.status_code == 200
