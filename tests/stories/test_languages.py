"""Interface language, the language switcher and hreflang links."""

from __future__ import annotations

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.catalogs import english_in, visible_text
from tests.factories import StoryPageFactory, translate_story

pytestmark = pytest.mark.django_db


def switcher(response) -> dict[str, str]:
    """Language code -> address, as the language navigation offers them."""
    nav = response.text.split('<nav class="languages"')[1].split("</nav>")[0]
    return {code: html.unescape(url) for url, code in re.findall(r'<a href="([^"]*)" lang="([a-z]+)" hreflang', nav)}


def alternates(response) -> dict[str, str]:
    """hreflang -> address, from the page's <link rel="alternate"> elements (x-default included)."""
    found = re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]*)">', response.text)
    assert len(found) == len(dict(found)), f"an hreflang given twice: {found}"
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


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("be-BY,be;q=0.9,ru;q=0.8", "/be/"),
        ("uk-UA", "/uk/"),
        ("ru-RU", "/ru/"),
        ("de,en;q=0.5", "/de/"),
        ("fr-CH, fr;q=0.9, en;q=0.8", "/fr/"),
        # A language the site does not have: the next one the reader accepts.
        ("pl-PL,pl;q=0.9,uk;q=0.8", "/uk/"),
        # None the site has: the default.
        ("pl-PL", "/en/"),
        ("", "/en/"),
    ],
)
def test_visitor_without_a_language_prefix_gets_the_first_ready_language_the_browser_accepts(
    client, site_tree, accept_language, expected
):
    headers = {"accept-language": accept_language} if accept_language else {}

    home = client.get("/", headers=headers)
    countries = client.get("/countries/", headers=headers)

    assert (home.status_code, home["Location"]) == (302, expected)
    assert countries["Location"] == f"{expected}countries/"
    assert "Accept-Language" in home["Vary"]


def test_every_site_language_is_ready_by_default(settings):
    assert settings.SOLIDARITY_READY_LANGUAGES == ["en", "ru", "uk", "be", "de", "fr"]


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        # Belarusian left out of the ready languages: the next language the reader accepts that is ready.
        ("be-BY,be;q=0.9,ru;q=0.8", "/ru/"),
        # Ukrainian left out and the reader names no other language: the default.
        ("uk-UA", "/en/"),
        ("ru-RU", "/ru/"),
    ],
)
def test_visitor_is_never_sent_to_a_language_left_out_of_the_ready_ones(
    client, site_tree, settings, accept_language, expected
):
    settings.SOLIDARITY_READY_LANGUAGES = ["en", "ru"]

    response = client.get("/", headers={"accept-language": accept_language})

    assert response["Location"] == expected


@pytest.mark.parametrize("language", ["be", "de"])
def test_address_with_a_language_not_yet_ready_is_still_served_in_that_language(client, site_tree, settings, language):
    settings.SOLIDARITY_READY_LANGUAGES = ["en", "ru"]

    response = client.get(f"/{language}/countries/", headers={"accept-language": "ru-RU,ru;q=0.9"})

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text


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


def test_language_switcher_on_a_country_page_keeps_the_path_but_not_the_page_or_tracking(client, site_tree):
    StoryPageFactory(countries=["RU"])

    links = switcher(client.get("/en/countries/ru/?page=2&utm=x"))

    assert links["ru"] == "/ru/countries/ru/"
    assert links["de"] == "/de/countries/ru/"


def test_language_switcher_on_the_country_list_keeps_no_query(client, site_tree):
    links = switcher(client.get("/ru/countries/?utm_source=newsletter"))

    assert links["en"] == "/en/countries/"


def test_language_switcher_on_search_keeps_the_words_but_not_the_page(client, site_tree):
    links = switcher(client.get("/en/search/?q=Minsk&page=2&utm=x"))

    assert links["ru"] == "/ru/search/?q=Minsk"
    assert links["de"] == "/de/search/?q=Minsk"


def test_search_results_have_no_hreflang_alternates(client, site_tree):
    assert alternates(client.get("/en/search/?q=Minsk")) == {}
    assert alternates(client.get("/ru/search/?q=")) == {}


def test_search_form_without_words_has_alternates_in_every_ready_language(client, site_tree):
    links = alternates(client.get("/en/search/"))

    assert links == {
        "x-default": "http://testserver/en/search/",
        **{code: f"http://testserver/{code}/search/" for code in ["en", "ru", "uk", "be", "de", "fr"]},
    }


def test_country_page_has_alternates_in_every_ready_language_without_the_query(client, site_tree):
    StoryPageFactory(countries=["RU"])

    links = alternates(client.get("/de/countries/ru/?page=2"))

    assert links == {
        "x-default": "http://testserver/en/countries/ru/",
        **{code: f"http://testserver/{code}/countries/ru/" for code in ["en", "ru", "uk", "be", "de", "fr"]},
    }


def test_country_page_has_alternates_only_in_the_languages_whose_interface_is_translated(client, site_tree, settings):
    settings.SOLIDARITY_READY_LANGUAGES = ["en", "ru"]
    StoryPageFactory(countries=["RU"])

    links = alternates(client.get("/de/countries/ru/?page=2"))

    assert links == {
        "x-default": "http://testserver/en/countries/ru/",
        "en": "http://testserver/en/countries/ru/",
        "ru": "http://testserver/ru/countries/ru/",
    }


def test_country_page_alternates_follow_the_translated_languages_setting(client, site_tree, settings):
    settings.SOLIDARITY_READY_LANGUAGES = ["en", "ru", "uk"]

    links = alternates(client.get("/en/countries/"))

    assert sorted(links) == ["en", "ru", "uk", "x-default"]


def test_story_page_has_hreflang_alternates_for_existing_translations_only(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    russian = translate_story(story, "ru", title="Суд в Минске")
    translate_story(story, "de", title="Prozess in Minsk", publish=False)

    links = alternates(client.get(russian.url))

    assert links == {
        "x-default": f"http://testserver{story.url}",
        "en": f"http://testserver{story.url}",
        "ru": f"http://testserver{russian.url}",
    }


def test_story_page_without_translations_has_only_its_own_hreflang(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])

    assert alternates(client.get(story.url)) == {
        "x-default": f"http://testserver{story.url}",
        "en": f"http://testserver{story.url}",
    }


def test_story_page_without_an_english_version_has_no_x_default(client, site_tree):
    story = StoryPageFactory(title="Задержания", slug="zaderzhaniya", language="ru", countries=["RU"])
    belarusian = translate_story(story, "be", title="Затрыманні")

    links = alternates(client.get(story.url))

    assert links == {"ru": f"http://testserver{story.url}", "be": f"http://testserver{belarusian.url}"}


def test_story_page_looks_its_translations_up_once(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    russian = translate_story(story, "ru", title="Суд в Минске")

    with CaptureQueriesContext(connection) as captured:
        response = client.get(story.url)

    key = str(story.translation_key).replace("-", "")  # SQLite stores the UUID without dashes
    translation_lookups = [query["sql"] for query in captured.captured_queries if key in query["sql"].replace("-", "")]
    assert len(translation_lookups) == 1, "\n".join(translation_lookups)
    assert switcher(response)["ru"] == russian.url
    assert f'href="{russian.url}" lang="ru" hreflang="ru">Русский</a>' in response.text  # "Also in"


def test_not_found_page_has_no_hreflang_alternates(client, site_tree):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert alternates(response) == {}


def test_switcher_on_the_story_list_keeps_country_and_kind_but_not_an_untranslated_topic(client, site_tree):
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


# A language without a page's translation: never a page in one language wrapped in another.


def test_story_without_a_translation_is_not_shown_under_another_language(client, site_tree):
    story = StoryPageFactory(title="Vigil in Tbilisi", slug="vigil-in-tbilisi", countries=["GE"])

    response = client.get("/de/stories/vigil-in-tbilisi/")
    english = client.get(story.url)

    assert response.status_code == 404
    assert "Vigil in Tbilisi" not in response.text
    assert '<html lang="de">' in response.text
    assert '<html lang="en">' in english.text
    assert 'href="/de/" lang="de"' in english.text  # the switch leads to the German home page


@pytest.mark.parametrize("address", ["/de/", "/de/search/?q=Tbilisi", "/de/countries/ge/"])
def test_stories_of_another_language_are_marked_with_their_language(client, site_tree, search_index, address):
    StoryPageFactory(title="Vigil in Tbilisi", summary="People gathered in the rain.", countries=["GE"])

    response = client.get(address)
    text = visible_text(response.text)

    if address == "/de/countries/ge/":  # a country page lists only its own language's stories
        assert "Vigil in Tbilisi" not in response.text
    else:
        assert 'lang="en">Vigil in Tbilisi</a>' in response.text
        assert "Vigil in Tbilisi" not in text
        assert "People gathered in the rain." not in text
    assert english_in(response.text, "de") == []
