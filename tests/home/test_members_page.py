"""The Members page: the network's organisations by country, filtered by country, in the reader's language."""

from __future__ import annotations

import re

import pytest

from solidarity.core.models import MemberOrganisation
from solidarity.core.services import organisation_create
from solidarity.home.models import MembersPage
from solidarity.home.services import members_page_ensure
from tests.factories import ImageFactory
from tests.shared import shared_data

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [entry.organisation.name for _country, entries in response.context["groups"] for entry in entries]


def countries(response) -> list[str]:
    return [country.code for country, _entries in response.context["groups"]]


@pytest.fixture(scope="module")
def members(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        english = members_page_ensure(language="en", title="Members", intro="Who we are.")
        russian = members_page_ensure(language="ru", title="Участники", intro="Кто мы.")
        members_page_ensure(language="de", title="Mitglieder")
        yield {
            "page": english,
            "russian_page": russian,
            "minsk": organisation_create(
                name="Minsk Observers’ Circle",
                country="BY",
                city="Minsk",
                website="https://www.minsk-observers.example.org/en/",
                logo=ImageFactory(title="Minsk logo"),
                year_joined=2011,
                descriptions={"en": "Trial monitors in Belarus.", "ru": "Наблюдатели на судах в Беларуси."},
            ),
            "almaty": organisation_create(
                name="Steppe Monitoring Group",
                country="KZ",
                city="Almaty",
                descriptions={"ru": "Мониторинг мест заключения."},
            ),
            "brest": organisation_create(
                name="Brest Legal Aid", country="BY", city="Brest", descriptions={"en": "Lawyers."}
            ),
        }


def test_the_members_page_is_made_once_per_language_as_translations(members):
    again = members_page_ensure(language="en", title="Another title")

    assert again.pk == members["page"].pk
    assert MembersPage.objects.count() == 3
    assert members["russian_page"].translation_key == members["page"].translation_key
    assert (members["page"].url, members["russian_page"].url) == ("/en/members/", "/ru/members/")


def test_members_are_grouped_by_country_by_name(client, members):
    response = client.get("/en/members/")

    assert response.status_code == 200
    assert countries(response) == ["BY", "KZ"]
    assert names(response) == ["Brest Legal Aid", "Minsk Observers’ Circle", "Steppe Monitoring Group"]
    assert '<a href="/en/countries/by/">Belarus</a>' in response.text


def test_an_entry_shows_logo_name_city_country_and_website_without_loading_anything_from_it(client, members):
    response = client.get("/en/members/")
    entry = response.text.split(f'id="member-{members["minsk"].pk}"')[1].split("</li>")[0]

    assert '<h3 class="member__name">Minsk Observers’ Circle</h3>' in entry
    assert "Minsk, Belarus · member since 2011" in entry
    website = '<a href="https://www.minsk-observers.example.org/en/" rel="noopener noreferrer">'
    assert f"{website}minsk-observers.example.org</a>" in entry
    assert re.search(r'<img [^>]*alt=""[^>]*class="member__logo"|<img [^>]*class="member__logo"[^>]*alt=""', entry)
    sources = re.findall(r'(?:src|srcset)="([^"]+)"', response.text)
    assert sources and all(source.startswith("/") for source in sources)


def test_descriptions_are_in_the_readers_language(client, members):
    response = client.get("/ru/members/")

    assert "Наблюдатели на судах в Беларуси." in response.text
    assert "Trial monitors in Belarus." not in response.text


def test_a_missing_description_falls_back_to_english_marked_as_such(client, members):
    german = client.get("/de/members/")
    russian = client.get("/ru/members/")

    assert german.status_code == 200
    assert '<p class="member__description" lang="en">Trial monitors in Belarus.</p>' in german.text
    assert '<p class="member__description" lang="en">Lawyers.</p>' in russian.text


def test_without_english_a_description_in_another_language_shows_marked_with_its_language(client, members):
    response = client.get("/en/members/")

    assert '<p class="member__description" lang="ru">Мониторинг мест заключения.</p>' in response.text
    assert '<p class="member__description">Trial monitors in Belarus.</p>' in response.text


def test_the_filter_shows_one_countrys_members(client, members):
    response = client.get("/en/members/", {"country": "kz"})

    assert countries(response) == ["KZ"]
    assert names(response) == ["Steppe Monitoring Group"]
    assert '<option value="kz" selected>Kazakhstan</option>' in response.text


@pytest.mark.parametrize("value", ["zz", "kazakhstan", "<script>", "r-u"])
def test_a_country_that_is_none_is_ignored_with_a_note(client, members, value):
    response = client.get("/en/members/", {"country": value})

    assert response.status_code == 200
    assert countries(response) == ["BY", "KZ"]
    assert "so the list shows every country." in response.text
    assert "<script>" not in response.text.split("<main")[1]


def test_a_country_without_members_says_so_and_stays_chosen(client, members):
    response = client.get("/en/members/", {"country": "fr"})

    assert response.context["groups"] == []
    assert "The network has no member organisations in France." in response.text
    assert '<option value="fr" selected>France</option>' in response.text


def test_the_filter_offers_the_countries_with_members(client, members):
    response = client.get("/en/members/")

    assert [country.code for country in response.context["filters"].country_options] == ["BY", "KZ"]


def test_the_language_switch_keeps_the_country(client, members):
    response = client.get("/en/members/", {"country": "by"})

    assert 'href="/ru/members/?country=by"' in response.text


def test_a_members_page_without_members_says_so(client, members):
    MemberOrganisation.objects.all().delete()

    response = client.get("/en/members/")

    assert response.status_code == 200
    assert "No member organisations have been added yet." in response.text
