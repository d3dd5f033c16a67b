"""A country's page beyond its stories: its introduction, its member organisations, and when it is a 404."""

from __future__ import annotations

import pytest

from solidarity.core.services import country_introduction_set, organisation_create
from tests.factories import StoryPageFactory
from tests.shared import shared_data

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def network(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        yield {
            "story": StoryPageFactory(title="Arrests in Moscow", countries=["RU"]),
            "draft": StoryPageFactory(title="Draft about Germany", countries=["DE"], publish=False),
            "memorial": organisation_create(
                name="Moscow Rights Circle",
                country="RU",
                city="Moscow",
                website="https://www.rights-circle.example.org/en/",
                descriptions={"en": "Lawyers for people detained at protests.", "ru": "Юристы для задержанных."},
            ),
            "kazan": organisation_create(name="Kazan Support Group", country="RU", city="Kazan"),
            "only_member": organisation_create(name="Yerevan Watch", country="AM", city="Yerevan"),
            "intro_en": country_introduction_set(
                country="GE", language="en", text="<p>Georgia: a <b>foreign agents</b> law since 2024.</p>"
            ),
            "intro_ru": country_introduction_set(
                country="GE", language="ru", text="<p>Грузия: закон об иноагентах.</p>"
            ),
            "intro_ru_only": country_introduction_set(country="MD", language="ru", text="<p>Молдова.</p>"),
        }


@pytest.mark.parametrize("path", ["/en/countries/fr/", "/ru/countries/fr/", "/en/countries/de/"])
def test_a_country_the_network_has_nothing_about_is_not_found(client, network, path):
    """France has nothing at all; Germany only a draft story, which readers do not see."""
    response = client.get(path)

    assert response.status_code == 404


def test_a_country_with_only_an_introduction_shows_it(client, network):
    response = client.get("/en/countries/ge/")

    assert response.status_code == 200
    assert "<h1>Georgia</h1>" in response.text
    assert "<p>Georgia: a <b>foreign agents</b> law since 2024.</p>" in response.text
    assert "No stories about Georgia have been published in this language yet." in response.text
    assert "Members in Georgia" not in response.text


def test_the_introduction_is_in_the_readers_language(client, network):
    response = client.get("/ru/countries/ge/")

    assert "<p>Грузия: закон об иноагентах.</p>" in response.text
    assert "foreign agents" not in response.text


def test_without_an_introduction_in_the_readers_language_the_english_one_shows_marked_as_english(client, network):
    response = client.get("/de/countries/ge/")

    assert response.context["introduction"].locale.language_code == "en"
    assert '<div class="country-intro prose" lang="en">' in response.text


def test_an_introduction_only_in_another_language_than_english_keeps_the_page_but_is_not_shown_elsewhere(
    client, network
):
    russian = client.get("/ru/countries/md/")
    english = client.get("/en/countries/md/")

    assert "<p>Молдова.</p>" in russian.text
    assert english.status_code == 200
    assert english.context["introduction"] is None


def test_a_country_page_lists_its_members_by_name(client, network):
    response = client.get("/en/countries/ru/")

    assert '<h2 id="members-title" class="section-title">Members in Russia</h2>' in response.text
    assert [entry.organisation.name for entry in response.context["members"]] == [
        "Kazan Support Group",
        "Moscow Rights Circle",
    ]
    assert "Lawyers for people detained at protests." in response.text
    assert "Arrests in Moscow" in response.text


def test_a_country_with_only_a_member_is_a_page(client, network):
    response = client.get("/en/countries/am/")

    assert response.status_code == 200
    assert "Yerevan Watch" in response.text


def test_a_country_without_members_has_no_members_section(client, network):
    response = client.get("/en/countries/ge/")

    assert response.context["members"] == []
    assert 'id="members-title"' not in response.text


def test_the_country_list_counts_stories_and_members_and_lists_countries_with_an_introduction(client, network):
    response = client.get("/en/countries/")

    rows = [(row.country.code, row.stories, row.members) for row in response.context["countries"]]
    assert rows == [("AM", 0, 1), ("GE", 0, 0), ("RU", 1, 2)]
    assert "2 members" in response.text
    assert 'href="/en/countries/ge/"' in response.text


def test_the_country_list_lists_an_introduction_in_its_own_language(client, network):
    response = client.get("/ru/countries/")

    codes = [row.country.code for row in response.context["countries"]]
    assert codes == ["AM", "GE", "MD", "RU"]  # Армения, Грузия, Молдова, Россия
