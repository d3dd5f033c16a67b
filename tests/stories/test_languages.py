"""Interface language, the language switcher and hreflang links."""

from __future__ import annotations

import html
import re

import pytest

from tests.factories import StoryPageFactory, translate_story

pytestmark = pytest.mark.django_db


def switcher(response) -> dict[str, str]:
    """Language code -> address, as the language navigation offers them."""
    nav = response.text.split('<nav class="languages"')[1].split("</nav>")[0]
    return {code: html.unescape(url) for url, code in re.findall(r'<a href="([^"]*)" lang="([a-z]+)" hreflang', nav)}


def alternates(response) -> dict[str, str]:
    found = re.findall(r'<link rel="alternate" hreflang="([a-z]+)" href="([^"]*)">', response.text)
    return dict(found)


@pytest.mark.parametrize("language", ["en", "ru", "uk", "be", "de", "fr"])
def test_home_page_of_each_language_is_in_that_language(client, site_tree, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text


def test_english_interface_is_in_english(client, site_tree):
    response = client.get("/en/countries/")

    assert '<html lang="en">' in response.text
    assert "Countries" in response.text


def test_russian_interface_is_in_russian(client, site_tree):
    response = client.get("/ru/countries/")

    assert '<html lang="ru">' in response.text
    assert "<h1>Страны</h1>" in response.text
    assert '<li><a href="/ru/stories/">' in response.text


def test_address_without_a_language_redirects_to_a_language(client, site_tree):
    response = client.get("/countries/")

    assert response.status_code == 302
    assert response["Location"] == "/en/countries/"


def test_address_without_a_language_follows_the_browser_language(client, site_tree):
    response = client.get("/countries/", headers={"accept-language": "ru-RU,ru;q=0.9"})

    assert response["Location"] == "/ru/countries/"


def test_language_switcher_on_a_story_leads_to_its_translation(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    russian = translate_story(story, "ru", title="Суд в Минске")

    links = switcher(client.get(story.url))

    assert links["ru"] == russian.url
    assert russian.url.startswith("/ru/stories/")
    assert links["en"] == story.url


def test_language_switcher_on_a_story_without_translation_leads_to_that_languages_home(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])

    links = switcher(client.get(story.url))

    assert links == {"en": story.url, "ru": "/ru/", "uk": "/uk/", "be": "/be/", "de": "/de/", "fr": "/fr/"}


def test_language_switcher_ignores_an_unpublished_translation(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    translate_story(story, "ru", title="Суд в Минске", publish=False)

    links = switcher(client.get(story.url))

    assert links["ru"] == "/ru/"


def test_language_switcher_marks_the_current_language(client, site_tree):
    response = client.get("/ru/")

    assert '<a href="/ru/" lang="ru" hreflang="ru" aria-current="true">Русский</a>' in response.text
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in response.text


def test_language_switcher_on_a_country_page_keeps_the_path_and_query(client, site_tree):
    links = switcher(client.get("/en/countries/ru/?page=2&utm=x"))

    assert links["ru"] == "/ru/countries/ru/?page=2&utm=x"
    assert links["de"] == "/de/countries/ru/?page=2&utm=x"


def test_language_switcher_on_search_keeps_the_query(client, site_tree):
    links = switcher(client.get("/en/search/?q=Minsk"))

    assert links["ru"] == "/ru/search/?q=Minsk"


def test_story_page_has_hreflang_alternates_for_existing_translations_only(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    russian = translate_story(story, "ru", title="Суд в Минске")
    translate_story(story, "de", title="Prozess in Minsk", publish=False)

    links = alternates(client.get(story.url))

    assert links == {"en": f"http://testserver{story.url}", "ru": f"http://testserver{russian.url}"}


def test_story_page_without_translations_has_only_its_own_hreflang(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])

    assert alternates(client.get(story.url)) == {"en": f"http://testserver{story.url}"}


def test_not_found_page_has_no_hreflang_alternates(client, site_tree):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert alternates(response) == {}


def test_switcher_on_the_story_list_keeps_country_and_kind_but_not_the_topic(client, site_tree):
    StoryPageFactory(countries=["RU"], kind="report", topics=["elections"])

    response = client.get("/en/stories/?country=ru&kind=report&topic=elections&page=1")

    assert switcher(response)["ru"] == "/ru/stories/?country=ru&kind=report"


def test_switcher_on_an_unfiltered_story_list_adds_no_query(client, site_tree):
    response = client.get("/en/stories/")

    assert switcher(response)["ru"] == "/ru/stories/"


def test_shared_address_of_a_story_is_on_the_host_the_reader_used(client, site_tree):
    story = StoryPageFactory(title="Monitors at the trial", slug="monitors-at-the-trial")

    response = client.get(story.url, HTTP_HOST="127.0.0.1")

    assert '<meta property="og:url" content="http://127.0.0.1/en/stories/monitors-at-the-trial/">' in response.text
    assert "localhost" not in response.text
