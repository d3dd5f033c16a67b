"""Every public page type, in every translated language, shows no English interface text.

Each page is rendered in each language and its visible text (text, <title>, the description and
the labels that screen readers read) is searched for every English message of the catalog that
has a translation of its own. Text marked with another language (``lang="en"`` on a card of an
English story, the language switch) is left out: it is meant to be there.

A new page type: add one line to PAGES (a name and the address of that page in a language).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import timezone, translation

from solidarity.core.error_pages import database_unavailable
from solidarity.core.languages import gettext_in
from solidarity.core.views import server_error
from tests.campaigns.factories import campaign_page, campaign_translation
from tests.catalogs import english_in, visible_text
from tests.factories import DocumentFactory, StoryPageFactory, translate_story
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
LONG_QUERY = "слово " * 40  # longer than the search box takes

# One story per language and its words; the stories are translations of one English story.
STORY_TEXT = {
    "en": ("Lawyers watch the trials in Minsk", "Monitors followed each hearing.", "fair trial"),
    "ru": ("Юристы наблюдают за судами в Минске", "Наблюдатели были на каждом заседании.", "справедливый суд"),
    "uk": ("Юристи спостерігають за судами в Мінську", "Спостерігачі були на кожному засіданні.", "чесний суд"),
    "be": ("Юрысты назіраюць за судамі ў Мінску", "Назіральнікі былі на кожным пасяджэнні.", "справядлівы суд"),
    "de": ("Anwälte beobachten die Prozesse in Minsk", "Beobachter waren bei jeder Verhandlung.", "faires Verfahren"),
    "fr": (
        "Des juristes observent les procès à Minsk",
        "Des observateurs ont suivi chaque audience.",
        "procès équitable",
    ),
}
# A word of each language's story, for a search that finds it.
FOUND = {"ru": "Юристы", "uk": "Юристи", "be": "Юрысты", "de": "Anwälte", "fr": "juristes"}

# name -> the address of that page in a language (pages that every language has).
PAGES: dict[str, Callable[[str], str]] = {
    "home": lambda language: f"/{language}/",
    "story index": lambda language: f"/{language}/stories/",
    "story index, second page": lambda language: f"/{language}/stories/?page=2",
    "story index, unknown filters": lambda language: f"/{language}/stories/?country=zz&kind=zz&topic=zz&page=zz",
    "story index, filters that match nothing": lambda language: f"/{language}/stories/?country=ge",
    "story": lambda language: f"/{language}/stories/{story_slug(language, 0)}/",
    "country list": lambda language: f"/{language}/countries/",
    "country page": lambda language: f"/{language}/countries/by/",
    "country page without stories": lambda language: f"/{language}/countries/ge/",
    "search form": lambda language: f"/{language}/search/",
    "search with results": lambda language: f"/{language}/search/?q={FOUND[language]}",
    "search without results": lambda language: f"/{language}/search/?q=zzzxqj",
    "search too long": lambda language: f"/{language}/search/?q={LONG_QUERY}",
    "page not found": lambda language: f"/{language}/no-such-page/",
    "unknown country": lambda language: f"/{language}/countries/zz/",
}
# Error pages that no address reaches on purpose: the view that renders them.
ERROR_PAGES = {"server error": server_error, "database unavailable": database_unavailable}


def story_slug(language: str, number: int) -> str:
    return f"trial-{language}-{number}"


@pytest.fixture(scope="module")
def pages(request, django_db_setup, django_db_blocker):
    """Two stories in every language (translations of two English ones), a campaign on every home page."""
    with shared_data(request, django_db_blocker, search=True):
        document = DocumentFactory(title="Monitoring report")
        for number in range(2):
            title, summary, topic = STORY_TEXT["en"]
            english = StoryPageFactory(
                title=f"{title} ({number})",
                slug=story_slug("en", number),
                summary=summary,
                countries=["BY"],
                topics=[topic],
                body=[{"type": "document", "value": {"document": document.pk, "title": "Report", "description": ""}}],
            )
            for language in LANGUAGES:
                title, summary, topic = STORY_TEXT[language]
                translated = translate_story(english, language, title=f"{title} ({number})", summary=summary)
                translated.slug = story_slug(language, number)
                translated.topics.set([topic])
                translated.save_revision().publish()
        # The home pages' current campaign: a campaign page and its translation in every language.
        campaign = campaign_page(title="Day of solidarity", starts_on=timezone.localdate() + datetime.timedelta(days=9))
        for language in LANGUAGES:
            campaign_translation(campaign, language)
        yield


def test_the_scan_finds_english_interface_text_and_leaves_out_text_marked_as_another_language():
    html = (
        '<html lang="de"><head><title>Suche</title><meta name="description" content="Latest stories"></head>'
        '<body><a href="/en/" lang="en">All stories</a><input placeholder="Search stories">'
        "<p>Show all stories</p><p>Alle Beiträge</p></body></html>"
    )

    assert english_in(html, "de") == ["Latest stories", "Search stories", "Show all stories"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_public_page_shows_no_english_interface_text(client, settings, pages, page, language):
    settings.STORIES_PER_PAGE = 1  # so that lists have pages
    response = client.get(PAGES[page](language))

    assert response.status_code in (200, 404)
    assert f'<html lang="{language}">' in response.text
    assert english_in(response.text, language) == [], f"{page} in {language}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", ERROR_PAGES)
def test_error_page_shows_no_english_interface_text(pages, page, language):
    request = RequestFactory().get(f"/{language}/stories/")
    with translation.override(language):
        response = ERROR_PAGES[page](request)
    html = response.content.decode()

    assert response.status_code in (500, 503)
    assert f'<html lang="{language}">' in html
    assert english_in(html, language) == [], f"{page} in {language}"


def test_the_pages_show_what_the_scan_looks_for(client, settings, pages):
    """The scan can fail: the pages carry the interface texts it looks for (here in German)."""
    settings.STORIES_PER_PAGE = 1
    shown = " ".join(visible_text(client.get(PAGES[page]("de")).text) for page in PAGES)

    for message in [
        "Skip to main content",
        "Current campaign",
        "Also in:",
        "These are plain links: nothing from these services loads until you choose one.",
        "No stories match these filters.",
        "Nothing matches all of these words. Try fewer or different words.",
        "Previous",
        "There is no topic called “%(topic)s”, so the list shows every topic.",
        "Download",
    ]:
        german = gettext_in("de", message)
        assert german.split("%(")[0].strip() in shown, message


def test_a_language_is_named_in_the_active_language_in_lower_case_inside_a_sentence_where_it_is_written_so():
    from django.utils import translation

    from solidarity.core.languages import language_name

    with translation.override("ru"):
        assert (language_name("en"), language_name("en", in_sentence=True)) == ("Английский", "английский")
    with translation.override("de"):  # German writes every noun with a capital
        assert language_name("en", in_sentence=True) == "Englisch"
    with translation.override("en"):
        assert language_name("ru", in_sentence=True) == "Russian"
    assert language_name("xx") == "xx"  # no such language: its code, never an error
