"""The stories' RSS and Atom feeds: every story readers see of one language, country, topic or kind, and no other.

Each feed is parsed back with feedparser (a feed it finds fault with is ``bozo``).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import feedparser
import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from solidarity.core.services import organisation_create
from solidarity.stories.models import StoryKind, Topic
from tests.calls.factories import public_call
from tests.factories import ImageFactory, StoryPageFactory, days_ago, translate_story
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

FORMATS = ["rss", "atom"]


@pytest.fixture(scope="module")
def stories(request, django_db_setup, django_db_blocker) -> SimpleNamespace:
    with shared_data(request, django_db_blocker):
        organisation = organisation_create(
            name="Memorial Vilnius", country="LT", city="Vilnius", descriptions={"en": "A group."}
        )
        trial = StoryPageFactory(
            title="Trial in Minsk & after",
            summary="The court sat for five hours.",
            countries=["BY"],
            topics=["Prisons"],
            author="Anna Petrova",
            organisation=organisation,
            lead_image=ImageFactory(),
            date=days_ago(1),
        )
        arrests = StoryPageFactory(
            title="Arrests in Moscow", countries=["RU"], topics=["Arrests"], kind=StoryKind.REPORT, date=days_ago(2)
        )
        call = public_call(title="Free the prisoners of Minsk", countries=("BY",))
        draft = StoryPageFactory(title="A draft about Minsk", countries=["BY"], topics=["Prisons"], publish=False)
        private = StoryPageFactory(title="A private story about Minsk", countries=["BY"], topics=["Prisons"])
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
        russian = translate_story(trial, "ru", title="Суд в Минске", topics=["Тюрьмы"])
        yield SimpleNamespace(
            trial=trial,
            arrests=arrests,
            call=call,
            draft=draft,
            private=private,
            russian=russian,
            russian_topic=Topic.objects.get(locale__language_code="ru", name="Тюрьмы"),
        )


def parsed(client, url: str, **headers) -> feedparser.FeedParserDict:
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def language(feed) -> str:
    """The feed's language: RSS says it in <language>, Atom in xml:lang."""
    return feed.feed.get("language") or feed.feed.title_detail.language


def titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_stories_feed_has_the_visible_stories_of_its_language_newest_first(client, stories, fmt):
    feed = parsed(client, f"/en/feeds/stories/{fmt}/")

    assert titles(feed) == ["Free the prisoners of Minsk", "Trial in Minsk & after", "Arrests in Moscow"]
    assert language(feed) == "en"
    assert feed.feed.link == "http://testserver/en/stories/"


@pytest.mark.parametrize("fmt", FORMATS)
def test_another_language_has_its_own_stories_only(client, stories, fmt):
    feed = parsed(client, f"/ru/feeds/stories/{fmt}/")

    assert titles(feed) == ["Суд в Минске"]
    assert language(feed) == "ru"
    assert feed.entries[0].link == "http://testserver" + stories.russian.url


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_language_without_stories_has_an_empty_valid_feed(client, stories, fmt):
    feed = parsed(client, f"/de/feeds/stories/{fmt}/")

    assert feed.entries == []
    assert feed.feed.title


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_item_says_title_link_summary_date_categories_byline_and_image(client, settings, stories, fmt):
    settings.ALLOWED_HOSTS = ["news.example.org"]
    feed = parsed(client, f"/en/feeds/stories/{fmt}/", HTTP_HOST="news.example.org", secure=True)
    item = next(entry for entry in feed.entries if entry.title == "Trial in Minsk & after")

    assert item.link == "https://news.example.org" + stories.trial.url
    assert item.summary == "The court sat for five hours."
    assert item.published_parsed[:3] == stories.trial.date.timetuple()[:3]
    assert {tag.term for tag in item.tags} == {"Belarus", "Prisons"}
    assert item.author == "Anna Petrova, Memorial Vilnius"
    image = next(link for link in item.links if link.rel == "enclosure")
    assert image.href.startswith("https://news.example.org/media/images/")
    assert image.type.startswith("image/")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_summary_is_text_never_markup(client, stories, fmt):
    StoryPageFactory(title="Odd <b>title</b>", summary="<script>alert(1)</script> & more", countries=["AM"])
    item = parsed(client, f"/en/feeds/countries/am/{fmt}/").entries[0]

    assert item.title == "Odd <b>title</b>"
    assert item.summary == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"  # HTML that shows the text as typed


def test_no_link_of_a_feed_is_relative(client, stories):
    response = client.get("/en/feeds/stories/rss/")
    feed = feedparser.parse(response.content)

    links = [feed.feed.link] + [link.href for entry in feed.entries for link in entry.links]
    assert links and all(link.startswith("http://testserver/") for link in links)


@pytest.mark.parametrize("fmt", FORMATS)
def test_drafts_and_private_stories_are_in_no_feed(client, stories, fmt):
    for url in (f"/en/feeds/stories/{fmt}/", f"/en/feeds/countries/by/{fmt}/", f"/en/feeds/topics/prisons/{fmt}/"):
        found = titles(parsed(client, url))
        assert "A draft about Minsk" not in found
        assert "A private story about Minsk" not in found


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_country_feed_has_the_stories_about_that_country(client, stories, fmt):
    feed = parsed(client, f"/en/feeds/countries/by/{fmt}/")

    assert titles(feed) == ["Free the prisoners of Minsk", "Trial in Minsk & after"]
    assert feed.feed.link == "http://testserver/en/countries/by/"
    assert "Belarus" in feed.feed.title


def test_a_country_code_in_capitals_is_the_same_country(client, stories):
    assert titles(parsed(client, "/en/feeds/countries/BY/rss/")) == titles(
        parsed(client, "/en/feeds/countries/by/rss/")
    )


def test_a_country_without_stories_in_the_language_has_an_empty_feed(client, stories):
    assert parsed(client, "/en/feeds/countries/fr/rss/").entries == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_topic_feed_has_the_stories_of_that_topic_in_its_language(client, stories, fmt):
    assert titles(parsed(client, f"/en/feeds/topics/prisons/{fmt}/")) == ["Trial in Minsk & after"]
    assert titles(parsed(client, f"/ru/feeds/topics/{stories.russian_topic.slug}/{fmt}/")) == ["Суд в Минске"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_kind_feed_has_the_stories_of_that_kind(client, stories, fmt):
    assert titles(parsed(client, f"/en/feeds/kinds/report/{fmt}/")) == ["Arrests in Moscow"]
    assert titles(parsed(client, f"/en/feeds/kinds/call/{fmt}/")) == ["Free the prisoners of Minsk"]
    assert titles(parsed(client, f"/en/feeds/kinds/statement/{fmt}/")) == []


@pytest.mark.parametrize(
    "url",
    [
        "/en/feeds/countries/zz/rss/",
        "/en/feeds/countries/belarus/atom/",
        "/en/feeds/countries/%00/rss/",
        "/en/feeds/topics/no-such-topic/rss/",
        "/en/feeds/topics/%00/rss/",
        "/en/feeds/topics/тюрьмы/rss/",  # the Russian topic, asked for in English
        "/ru/feeds/topics/prisons/atom/",
        "/en/feeds/kinds/bogus/rss/",
        "/en/feeds/kinds/NEWS/rss/",
        "/en/feeds/stories/json/",
        "/en/feeds/countries/by/xml/",
    ],
)
def test_a_bad_value_is_a_404(client, stories, url):
    assert client.get(url).status_code == 404


def test_a_topic_only_a_draft_has_is_a_404(client, stories):
    StoryPageFactory(title="Draft on censorship", topics=["Censorship"], publish=False)

    assert client.get("/en/feeds/topics/censorship/rss/").status_code == 404


def test_a_feed_answers_only_reads(client, stories):
    assert client.post("/en/feeds/stories/rss/").status_code == 405


def alternates(html: str) -> set[tuple[str, str]]:
    """The (type, address) of every feed a page's head links."""
    head = html.split("</head>", 1)[0]
    return set(re.findall(r'<link rel="alternate" type="(application/[a-z+]+)" title="[^"]+" href="([^"]+)">', head))


def visible_links(html: str) -> dict[str, str]:
    """The address and text of every link in a page's body."""
    body = html.split("<body", 1)[1]
    return {href: re.sub(r"\s+", " ", text) for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', body)}


@pytest.mark.parametrize(
    ("url", "feed", "text"),
    [
        ("/en/", "/en/feeds/stories/{}/", "Feed (RSS)"),
        ("/en/stories/", "/en/feeds/stories/{}/", "Feed (RSS)"),
        ("/en/countries/by/", "/en/feeds/countries/by/{}/", "Feed (RSS)"),
        ("/en/stories/?topic=prisons", "/en/feeds/topics/prisons/{}/", "Feed of the topic “Prisons” (RSS)"),
        ("/en/stories/?kind=report", "/en/feeds/kinds/report/{}/", "Feed of the kind “Report” (RSS)"),
        ("/en/stories/?country=by", "/en/feeds/countries/by/{}/", "Feed of stories about Belarus (RSS)"),
    ],
)
def test_a_page_links_the_feeds_that_mirror_it_in_its_head_and_shows_the_rss_one(client, stories, url, feed, text):
    html = client.get(url).content.decode()

    assert ("application/rss+xml", feed.format("rss")) in alternates(html)
    assert ("application/atom+xml", feed.format("atom")) in alternates(html)
    assert visible_links(html)[feed.format("rss")] == text
    assert '<meta property="og:title"' in html.split("</head>", 1)[0]  # beside the page's previews, not instead


def test_a_filtered_list_links_the_feed_of_all_stories_too(client, stories):
    html = client.get("/en/stories/?topic=prisons").content.decode()

    assert ("application/rss+xml", "/en/feeds/stories/rss/") in alternates(html)
    assert visible_links(html)["/en/feeds/stories/rss/"] == "Feed (RSS)"


def test_every_feed_linked_from_a_page_answers(client, stories):
    for url in ("/en/", "/en/stories/?topic=prisons&kind=news&country=by", "/en/countries/by/", "/ru/stories/"):
        feeds = alternates(client.get(url).content.decode())
        assert feeds
        for _type, href in feeds:
            assert client.get(href).status_code == 200, href


# The number of queries does not grow with the number of stories.

FEEDS = [
    "/en/feeds/stories/rss/",
    "/en/feeds/stories/atom/",
    "/en/feeds/countries/ru/rss/",
    "/en/feeds/topics/arrests/atom/",
    "/en/feeds/kinds/news/rss/",
]
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def add_stories(count: int, *, start: int = 0) -> None:
    organisation = organisation_create(name=f"Group {start}", country="RU", city="Moscow", descriptions={})
    for number in range(start, start + count):
        StoryPageFactory(
            title=f"Story {number}",
            countries=["RU", "BY"] if number % 2 else ["RU"],
            topics=[f"Topic {number % 3}", "Arrests"],
            lead_image=ImageFactory(),
            author=f"Author {number}",
            organisation=organisation,
            date=days_ago(number),
        )


def queries_for(client, url: str) -> list[str]:
    assert client.get(url).status_code == 200  # the renditions are made
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.fixture(scope="module")
def queries_with_five_and_thirty(request, django_db_setup, django_db_blocker) -> dict:
    with shared_data(request, django_db_blocker):
        client = Client()
        add_stories(5)
        five = {url: queries_for(client, url) for url in FEEDS}
        with override_settings(CACHES=NO_CACHE):
            five_cold = {url: queries_for(client, url) for url in FEEDS}
        add_stories(25, start=5)
        thirty = {url: queries_for(client, url) for url in FEEDS}
        with override_settings(CACHES=NO_CACHE):
            thirty_cold = {url: queries_for(client, url) for url in FEEDS}
        yield {(url, "warm cache"): (five[url], thirty[url], len(parsed(client, url).entries)) for url in FEEDS} | {
            (url, "no cache"): (five_cold[url], thirty_cold[url], len(parsed(client, url).entries)) for url in FEEDS
        }


@pytest.mark.parametrize("cache", ["warm cache", "no cache"])
@pytest.mark.parametrize("url", FEEDS)
def test_a_feed_makes_as_many_queries_for_thirty_stories_as_for_five(queries_with_five_and_thirty, url, cache):
    with_five, with_thirty, items = queries_with_five_and_thirty[url, cache]

    assert items == 30  # a full feed
    assert len(with_thirty) == len(with_five), "\n".join(with_thirty)
