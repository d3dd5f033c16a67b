"""sitemap.xml and robots.txt: every page readers may see, in every language, with the translations it has; nothing
a reader may not see, no private link, no search results; absolute addresses on the host the request reached."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from solidarity.campaigns.models import Status
from solidarity.core.logs import PRIVATE_PATH_PREFIXES
from solidarity.core.sitemaps import SectionSitemap
from solidarity.core.visibility import visible_pages
from solidarity.home.models import HomePage
from solidarity.stories.models import StoryIndexPage, StoryPage
from tests.calls.factories import call_translation, public_call
from tests.campaigns.factories import activity, campaign_page, campaign_translation
from tests.factories import StoryPageFactory, translate_story
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

HOST = "localhost:8000"
ROOT = f"http://{HOST}"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SECTIONS = ["pages", "countries", "campaigns"]


def restrict(page) -> None:
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="a secret")


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker) -> SimpleNamespace:
    """Stories, a public call and a campaign in English and Russian; drafts, private and withdrawn pages beside
    them, each with "hidden" in its address and a country no visible story has."""
    with shared_data(request, django_db_blocker):
        trial = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
        translate_story(trial, "ru", title="Sud v Minske")
        StoryPageFactory(title="Open letter", countries=["RU"])
        StoryPageFactory(title="Hidden draft", countries=["AM"], publish=False)
        restrict(StoryPageFactory(title="Hidden private", countries=["KZ"]))
        StoryPageFactory(title="Hidden withdrawn", countries=["GE"]).unpublish()
        call = public_call(title="Free the prisoners", countries=("BY",))
        call_translation(call, "ru", title="Svobodu zaklyuchennym")
        campaign = campaign_page(title="Day of letters")
        campaign_translation(campaign, "ru", title="Den pisem")
        shown = activity(campaign, title="Letters in Vilnius")
        pending = activity(campaign, status=Status.PENDING, title="Not yet approved")
        draft_campaign = campaign_page(title="Hidden campaign", publish=False)
        activity(draft_campaign)
        private_campaign = campaign_page(title="Hidden private campaign")
        restrict(private_campaign)
        activity(private_campaign)
        yield SimpleNamespace(trial=trial, campaign=campaign, shown=shown, pending=pending)


def get(client, path: str, **extra):
    response = client.get(path, HTTP_HOST=HOST, **extra)
    assert response.cookies == {}, f"{path} set a cookie"
    return response


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def section_locations(client) -> list[str]:
    return [loc.text or "" for loc in parse(get(client, "/sitemap.xml")).findall("sm:sitemap/sm:loc", NS)]


def urls(client, section: str) -> dict[str, dict]:
    """loc -> {"lastmod": …, "alternates": {hreflang: href}} of one section's file."""
    found = {}
    for url in parse(get(client, f"/sitemap-{section}.xml")).findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS) or ""
        links = url.findall("xhtml:link", NS)
        alternates = {link.get("hreflang"): link.get("href") for link in links}
        assert len(alternates) == len(links), f"an hreflang given twice for {loc}"
        assert loc not in found, f"{loc} listed twice"
        found[loc] = {"lastmod": url.findtext("sm:lastmod", namespaces=NS), "alternates": alternates}
    return found


def every_url(client) -> dict[str, dict]:
    return {loc: url for section in SECTIONS for loc, url in urls(client, section).items()}


def own_alternates(response) -> dict[str, str]:
    """hreflang -> address, from the page's own <link rel="alternate"> elements (x-default included)."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]*)">', response.text))


def test_the_index_lists_each_section_on_the_host_the_request_reached(client, data):
    assert section_locations(client) == [f"{ROOT}/sitemap-{section}.xml" for section in SECTIONS]

    other = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1", secure=True)
    locations = [loc.text for loc in parse(other).findall("sm:sitemap/sm:loc", NS)]
    assert locations == [f"https://127.0.0.1/sitemap-{section}.xml" for section in SECTIONS]
    assert all(loc.startswith("https://127.0.0.1/") for loc in urls_on(client, "127.0.0.1"))


def urls_on(client, host: str) -> list[str]:
    response = client.get("/sitemap-pages.xml", HTTP_HOST=host, secure=True)
    url_elements = parse(response).findall("sm:url", NS)
    return [url.findtext("sm:loc", namespaces=NS) or "" for url in url_elements] + [
        link.get("href") or "" for url in url_elements for link in url.findall("xhtml:link", NS)
    ]


def test_every_visible_page_of_every_language_is_listed(client, data):
    expected = {ROOT + page.get_url_parts()[2] for page in visible_pages().filter(depth__gt=1)}
    listed = set(urls(client, "pages"))

    assert listed == expected
    languages = {loc.removeprefix(ROOT).split("/")[1] for loc in listed}
    assert languages == {code for code, _name in settings.LANGUAGES}  # every language's home page at least
    assert {f"{ROOT}/en/stories/trial-in-minsk/", f"{ROOT}/ru/stories/sud-v-minske/"} <= listed
    assert {f"{ROOT}/en/stories/free-the-prisoners/", f"{ROOT}/ru/stories/svobodu-zaklyuchennym/"} <= listed


def test_each_address_has_the_alternates_its_own_page_gives(client, data):
    listed = every_url(client)

    for loc, url in listed.items():
        response = get(client, loc.removeprefix(ROOT))
        assert response.status_code == 200, f"{loc} answered {response.status_code}"
        assert url["alternates"] == own_alternates(response), loc
    story = listed[f"{ROOT}/en/stories/trial-in-minsk/"]["alternates"]
    assert story == {
        "en": f"{ROOT}/en/stories/trial-in-minsk/",
        "ru": f"{ROOT}/ru/stories/sud-v-minske/",
        "x-default": f"{ROOT}/en/stories/trial-in-minsk/",
    }
    assert listed[f"{ROOT}/en/stories/open-letter/"]["alternates"] == {
        "en": f"{ROOT}/en/stories/open-letter/",
        "x-default": f"{ROOT}/en/stories/open-letter/",
    }


def test_drafts_private_and_withdrawn_pages_are_left_out_with_their_countries_and_activities(client, data):
    listed = every_url(client)
    addresses = list(listed) + [href for url in listed.values() for href in url["alternates"].values()]

    assert not [address for address in addresses if "hidden" in address]
    for code in ("am", "kz", "ge"):  # countries that only a draft, a private or a withdrawn story is about
        assert not [address for address in addresses if f"/countries/{code}/" in address]
    assert not [address for address in addresses if f"/activities/{data.pending.pk}/" in address]


def test_no_private_link_search_admin_form_or_thank_you_page_is_listed(client, data):
    addresses = list(every_url(client))

    for address in addresses:
        path = address.removeprefix(ROOT)
        assert not any(prefix in path for prefix in PRIVATE_PATH_PREFIXES), path
        assert "/search/" not in path and not path.startswith(("/admin/", "/documents/")), path
        assert not re.search(r"/(thanks|sent|sign|join|add-activity|sign-up|comments|questions|ics)/", path), path
        assert "?" not in path, path


def test_countries_with_visible_stories_are_listed_in_each_ready_language(client, data, settings):
    settings.SOLIDARITY_READY_LANGUAGES = ["en", "ru"]
    listed = urls(client, "countries")

    assert set(listed) == {
        f"{ROOT}/{code}/countries/{country}" for code in ("en", "ru") for country in ("", "by/", "ru/")
    }
    assert listed[f"{ROOT}/ru/countries/by/"]["alternates"] == {
        "en": f"{ROOT}/en/countries/by/",
        "ru": f"{ROOT}/ru/countries/by/",
        "x-default": f"{ROOT}/en/countries/by/",
    }
    assert f"{ROOT}/uk/" in urls(client, "pages")  # the pages of a language still being translated stay listed


def test_a_campaigns_lists_and_approved_activities_are_listed_in_each_of_its_languages(client, data):
    listed = urls(client, "campaigns")
    routes = ["activities/", "calendar/", "map/", f"activities/{data.shown.pk}/"]

    assert set(listed) == {
        f"{ROOT}{base}{route}" for base in ("/en/days/day-of-letters/", "/ru/days/den-pisem/") for route in routes
    }
    assert listed[f"{ROOT}/ru/days/den-pisem/activities/{data.shown.pk}/"]["alternates"] == {
        "en": f"{ROOT}/en/days/day-of-letters/activities/{data.shown.pk}/",
        "ru": f"{ROOT}/ru/days/den-pisem/activities/{data.shown.pk}/",
        "x-default": f"{ROOT}/en/days/day-of-letters/activities/{data.shown.pk}/",
    }


def test_each_address_says_when_it_last_changed(client, data):
    pages = urls(client, "pages")
    story = pages[f"{ROOT}/en/stories/trial-in-minsk/"]
    activities = urls(client, "campaigns")

    assert datetime.datetime.fromisoformat(story["lastmod"]) == data.trial.last_published_at
    shown = activities[f"{ROOT}/en/days/day-of-letters/activities/{data.shown.pk}/"]
    assert datetime.datetime.fromisoformat(shown["lastmod"]) == data.shown.updated_at
    assert all(url["lastmod"] for url in every_url(client).values())


def lastmod(listed: dict[str, dict], path: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(listed[ROOT + path]["lastmod"])


def test_the_home_page_and_the_list_of_stories_are_dated_by_their_newest_story_in_their_language(client, data):
    english = StoryPageFactory(title="Fresh news")
    restrict(StoryPageFactory(title="Hidden later"))  # newer, but no reader sees it
    StoryPageFactory(title="Hidden later draft", publish=False)
    russian = translate_story(english, "ru", title="Svezhie novosti")
    home, stories = (
        HomePage.objects.get(locale__language_code="en"),
        StoryIndexPage.objects.get(locale__language_code="en"),
    )
    assert home.last_published_at < english.last_published_at  # the pages' own dates are older

    pages = urls(client, "pages")

    assert lastmod(pages, "/en/") == lastmod(pages, "/en/stories/") == english.last_published_at
    assert lastmod(pages, "/ru/") == lastmod(pages, "/ru/stories/") == russian.last_published_at
    assert lastmod(pages, "/en/stories/open-letter/") < english.last_published_at  # a story keeps its own date
    assert stories.last_published_at < english.last_published_at


def test_a_public_call_counts_as_a_story_and_an_edit_newer_than_every_story_dates_its_page(client, data):
    call = public_call(title="Sign for the journalists")
    pages = urls(client, "pages")
    assert lastmod(pages, "/en/stories/") == call.last_published_at

    stories = StoryIndexPage.objects.get(locale__language_code="en")
    stories.save_revision().publish()
    stories.refresh_from_db()

    assert lastmod(urls(client, "pages"), "/en/stories/") == stories.last_published_at > call.last_published_at


def test_a_home_page_without_stories_of_its_language_is_dated_by_the_newest_of_every_language(client, data):
    newest = StoryPageFactory(title="Newest of all", language="ru")
    pages = urls(client, "pages")
    home = HomePage.objects.get(locale__language_code="uk")
    stories = StoryIndexPage.objects.get(locale__language_code="uk")

    assert lastmod(pages, "/uk/") == newest.last_published_at  # it shows the latest of every language
    assert lastmod(pages, "/uk/stories/") == stories.last_published_at  # its list of stories is still empty
    assert home.last_published_at < newest.last_published_at


def test_a_country_is_dated_by_its_newest_story_in_each_language_else_in_any(client, data, settings):
    settings.SOLIDARITY_READY_LANGUAGES = ["en", "ru"]
    belarus = StoryPageFactory(title="Belarus again", countries=["BY"])
    StoryPageFactory(title="Armenia later", countries=["AM"])  # newer, of another country
    restrict(StoryPageFactory(title="Hidden Belarus", countries=["BY"]))
    russian = translate_story(belarus, "ru", title="Snova Belarus")
    letter = StoryPage.objects.get(title="Open letter")  # about Russia, in English only

    countries = urls(client, "countries")

    assert lastmod(countries, "/en/countries/by/") == belarus.last_published_at
    assert lastmod(countries, "/ru/countries/by/") == russian.last_published_at
    assert (
        lastmod(countries, "/ru/countries/ru/") == lastmod(countries, "/en/countries/ru/") == letter.last_published_at
    )


def test_a_large_section_is_split_into_numbered_files(client, data, monkeypatch):
    monkeypatch.setattr(SectionSitemap, "limit", 4)
    pages = len(visible_pages().filter(depth__gt=1))
    files = (pages + 3) // 4

    locations = section_locations(client)
    assert [loc for loc in locations if "sitemap-pages" in loc] == [f"{ROOT}/sitemap-pages.xml"] + [
        f"{ROOT}/sitemap-pages.xml?p={number}" for number in range(2, files + 1)
    ]
    assert len(parse(get(client, f"/sitemap-pages.xml?p={files}")).findall("sm:url", NS)) == pages - 4 * (files - 1)
    assert get(client, f"/sitemap-pages.xml?p={files + 1}").status_code == 404
    assert get(client, "/sitemap-nothing.xml").status_code == 404


def test_the_sitemap_reads_no_more_queries_for_more_pages(client, data, django_assert_max_num_queries):
    for number in range(5):
        translate_story(StoryPageFactory(title=f"First {number}", countries=["UA"]), "ru", title=f"Pervaya {number}")
        activity(data.campaign)
    for section in SECTIONS:
        get(client, f"/sitemap-{section}.xml")  # Wagtail's site root paths, cached after the first
    counts = {}
    for section in ["", *(f"-{section}" for section in SECTIONS)]:
        with CaptureQueriesContext(connection) as queries:
            get(client, f"/sitemap{section}.xml")
        counts[section] = len(queries)

    for number in range(25):
        story = StoryPageFactory(title=f"More {number}", countries=["UA", "PL"])
        translate_story(story, "uk", title=f"Bilshe {number}")
        activity(data.campaign, country="PL")

    for section, count in counts.items():
        with django_assert_max_num_queries(count):
            response = get(client, f"/sitemap{section}.xml")
        assert response.status_code == 200
    assert f"{ROOT}/uk/stories/bilshe-24/" in urls(client, "pages")


def test_robots_txt_opens_readers_pages_and_closes_the_admin_search_and_private_links(client, data):
    response = get(client, "/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    lines = response.content.decode().splitlines()
    assert lines[:3] == ["User-agent: *", "Allow: /", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        assert f"Disallow: /{code}/search/" in lines
        for prefix in PRIVATE_PATH_PREFIXES:
            assert f"Disallow: /{code}{prefix}" in lines
    assert lines[-1] == f"Sitemap: {ROOT}/sitemap.xml"
    assert (
        client.get("/robots.txt", HTTP_HOST="127.0.0.1", secure=True)
        .content.decode()
        .endswith("Sitemap: https://127.0.0.1/sitemap.xml\n")
    )


def test_robots_txt_closes_no_address_the_sitemap_lists(client, data):
    closed = [
        line.removeprefix("Disallow: ")
        for line in get(client, "/robots.txt").content.decode().splitlines()
        if line.startswith("Disallow: ")
    ]

    for address in every_url(client):
        path = address.removeprefix(ROOT)
        assert not [prefix for prefix in closed if path.startswith(prefix)], path
