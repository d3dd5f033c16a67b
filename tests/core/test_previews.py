"""What other sites see of a story, a public call, a campaign and an activity: Open Graph and Twitter tags, the
canonical address, JSON-LD (NewsArticle, Event) and share links; and that no page loads anything from another host."""

from __future__ import annotations

import datetime
import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from solidarity.campaigns.models import Status
from solidarity.core.previews import json_ld
from tests.calls.factories import public_call
from tests.campaigns.factories import activity, campaign_page, campaign_translation
from tests.factories import ImageFactory, StoryPageFactory, translate_story
from tests.shared import shared_data

pytestmark = pytest.mark.django_db


class Head(HTMLParser):
    """The meta tags, canonical link, JSON-LD blocks, share anchors and loaded resources of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.canonical: list[str] = []
        self.json_ld: list[dict] = []
        self.loaded: list[str] = []
        self.anchors: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta.setdefault(a.get("property") or a["name"], a.get("content", ""))
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a["href"])
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_json = True
        if tag in ("script", "img", "iframe", "source", "video", "audio", "embed", "object"):
            self.loaded += [a[key] for key in ("src", "srcset", "data") if key in a]
        if tag == "link" and a.get("rel") in ("stylesheet", "preload", "icon", "modulepreload"):
            self.loaded.append(a["href"])
        if tag == "a":
            self.anchors.append(a.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        self._in_json = False

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.json_ld.append(json.loads(data))


def parsed(client, url: str) -> Head:
    response = client.get(url)
    assert response.status_code == 200
    head = Head()
    head.feed(response.text)
    return head


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        picture = ImageFactory(title="Crowd in the square")
        story = StoryPageFactory(
            title="Arrests <after> the march & more",
            summary="Forty people were detained.",
            lead_image=picture,
            lead_image_alt="People holding signs",
            author="Anna K.",
        )
        russian = translate_story(story, "ru", title="Аресты после марша")
        call = public_call(title="Free the journalists", summary="Sign for their freedom.", lead_image=picture)
        campaign = campaign_page(title="Day of political prisoners", lead_image=picture)
        start = datetime.datetime(2031, 10, 30, 18, 0, tzinfo=ZoneInfo("Asia/Tbilisi"))
        street = activity(
            campaign,
            title="Letters evening",
            country="GE",
            city="Tbilisi",
            address="Rustaveli 1",
            time_zone="Asia/Tbilisi",
            starts_at=start,
        )
        online = activity(campaign, title="Online reading", online_url="https://meet.example.org/room")
        yield {
            "story": story,
            "russian": russian,
            "call": call,
            "campaign": campaign,
            "street": street,
            "online": online,
        }


def activity_url(data, which: str) -> str:
    return f"{data['campaign'].url}activities/{data[which].pk}/"


def test_story_has_open_graph_and_twitter_tags(client, data):
    head = parsed(client, data["story"].url)

    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == "Arrests <after> the march & more"
    assert head.meta["og:description"] == "Forty people were detained."
    assert head.meta["og:url"] == "http://testserver" + data["story"].url
    assert head.meta["og:site_name"]
    assert head.meta["og:locale"] == "en_GB"
    assert head.meta["og:locale:alternate"] == "ru_RU"
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["og:image:alt"] == "People holding signs"


def test_story_preview_image_is_its_own_1200x630_jpeg_rendition(client, data):
    head = parsed(client, data["story"].url)

    image = head.meta["og:image"]
    assert re.match(r"^http://testserver/media/images/.+\.fill-1200x630\.format-jpeg\.jpg$", image)
    assert (head.meta["og:image:width"], head.meta["og:image:height"]) == ("1200", "630")
    assert head.meta["og:image:type"] == "image/jpeg"
    assert client.get(urlsplit(image).path).status_code == 200


def test_story_has_one_canonical_address_without_junk_parameters(client, data):
    head = parsed(client, data["story"].url + "?utm_source=x&fbclid=abc")

    assert head.canonical == ["http://testserver" + data["story"].url]


def test_story_json_ld_is_a_news_article(client, data):
    (article,) = parsed(client, data["story"].url).json_ld

    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Arrests <after> the march & more"
    assert article["inLanguage"] == "en"
    assert article["datePublished"] == data["story"].date.isoformat()
    assert article["author"] == [{"@type": "Person", "name": "Anna K."}]
    assert article["publisher"]["@type"] == "Organization"
    assert article["image"] == [parsed(client, data["story"].url).meta["og:image"]]


def test_a_translation_says_its_own_language(client, data):
    head = parsed(client, data["russian"].url)

    assert head.meta["og:locale"] == "ru_RU"
    assert head.json_ld[0]["inLanguage"] == "ru"
    assert head.canonical == ["http://testserver" + data["russian"].url]


def test_json_ld_cannot_close_its_script_element():
    block = json_ld({"name": "</script><script>alert(1)</script> & <!--"})

    assert block.count("</script>") == 1
    assert "<!--" not in block
    inner = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(inner) == {"name": "</script><script>alert(1)</script> & <!--"}


def test_call_is_a_news_article_with_share_links(client, data):
    head = parsed(client, data["call"].url)

    assert head.json_ld[0]["@type"] == "NewsArticle"
    assert head.json_ld[0]["headline"] == "Free the journalists"
    assert head.meta["og:title"] == "Free the journalists"
    assert head.canonical == ["http://testserver" + data["call"].url]
    assert any(href.startswith("https://t.me/share/url?") for href in head.anchors)


def test_campaign_has_previews_canonical_and_share_links(client, data):
    head = parsed(client, data["campaign"].url)

    assert head.meta["og:type"] == "website"
    assert head.meta["og:title"] == "Day of political prisoners"
    assert head.meta["og:image"].endswith(".fill-1200x630.format-jpeg.jpg")
    assert head.canonical == ["http://testserver" + data["campaign"].url]
    assert any(href.startswith("/en/share/mastodon/?url=http") for href in head.anchors)


def test_campaign_is_an_event_of_its_days_held_where_its_activities_are_by_the_network(client, data):
    campaign = data["campaign"]
    head = parsed(client, campaign.url)
    (event,) = head.json_ld
    page_url = "http://testserver" + campaign.url

    assert event["@type"] == "Event"
    assert event["name"] == "Day of political prisoners"
    assert event["description"] == campaign.intro
    assert event["url"] == page_url
    assert event["inLanguage"] == "en"
    assert event["startDate"] == event["endDate"] == campaign.starts_on.isoformat()
    assert event["image"] == [head.meta["og:image"]]
    assert event["organizer"] == {
        "@type": "Organization",
        "name": settings.SOLIDARITY_SITE_NAME,
        "url": "http://testserver/en/",
    }
    # One activity in Tbilisi, one online: both ways.
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert event["location"] == [
        {"@type": "Place", "name": "Georgia", "address": {"@type": "PostalAddress", "addressCountry": "GE"}},
        {"@type": "VirtualLocation", "url": page_url + "activities/?where=online"},
    ]


def test_a_campaign_of_several_days_ends_on_its_last(client, data):
    campaign = campaign_page(
        title="Week of letters", starts_on=datetime.date(2031, 5, 1), ends_on=datetime.date(2031, 5, 7)
    )

    (event,) = parsed(client, campaign.url).json_ld

    assert (event["startDate"], event["endDate"]) == ("2031-05-01", "2031-05-07")


def test_a_campaign_held_only_in_places_is_offline_and_one_only_online_is_online(client, data):
    in_places = campaign_page(title="Pickets")
    activity(in_places, country="DE", city="Berlin")
    activity(in_places, country="AM", city="Yerevan")
    activity(in_places, country="DE", city="Hamburg")
    online = campaign_page(title="Online readings")
    activity(online, country="DE", online_url="https://meet.example.org/one")

    (offline_event,) = parsed(client, in_places.url).json_ld
    (online_event,) = parsed(client, online.url).json_ld

    assert offline_event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert [place["address"]["addressCountry"] for place in offline_event["location"]] == ["AM", "DE"]
    assert online_event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online_event["location"] == {
        "@type": "VirtualLocation",
        "url": f"http://testserver{online.url}activities/?where=online",
    }


def test_a_campaign_counts_only_its_approved_activities_and_before_any_has_no_location(client, data):
    quiet = campaign_page(title="A quiet day")
    activity(quiet, country="DE", online_url="https://meet.example.org/pending", status=Status.PENDING)

    (event,) = parsed(client, quiet.url).json_ld

    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert "location" not in event


def test_a_campaigns_translation_says_its_own_language(client, data):
    russian = campaign_translation(data["campaign"], "ru", title="День политзаключённых")

    (event,) = parsed(client, russian.url).json_ld

    assert event["inLanguage"] == "ru"
    assert event["name"] == "День политзаключённых"
    assert event["location"][0]["name"] == "Грузия"  # the country's name in the page's language
    assert event["organizer"]["url"] == "http://testserver/ru/"


def test_activity_in_a_place_is_an_offline_event_at_its_own_time(client, data):
    head = parsed(client, activity_url(data, "street"))
    (event,) = head.json_ld

    assert event["@type"] == "Event"
    assert event["name"] == "Letters evening"
    assert event["startDate"] == "2031-10-30T18:00:00+04:00"
    assert event["endDate"] == "2031-10-30T20:00:00+04:00"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Rustaveli 1",
        "addressLocality": "Tbilisi",
        "addressCountry": "GE",
    }
    assert event["organizer"] == {"@type": "Organization", "name": "A local group"}
    assert head.meta["og:title"] == "Letters evening"
    assert head.canonical == ["http://testserver" + activity_url(data, "street")]


def test_online_activity_is_an_online_event_with_its_link(client, data):
    (event,) = parsed(client, activity_url(data, "online")).json_ld

    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/room"}


def test_activity_share_links_carry_the_activitys_own_address(client, data):
    head = parsed(client, activity_url(data, "street"))
    address = "http%3A%2F%2Ftestserver" + activity_url(data, "street").replace("/", "%2F")

    assert f"https://www.facebook.com/sharer/sharer.php?u={address}" in head.anchors


@pytest.mark.parametrize("which", ["story", "call", "campaign", "street"])
def test_pages_load_nothing_from_another_host(client, data, which):
    url = activity_url(data, which) if which == "street" else data[which].url
    head = parsed(client, url)

    assert head.loaded
    for address in head.loaded:
        host = urlsplit(address).hostname
        assert host in (None, "testserver"), address


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/en/", "/en/"),
        ("/en/stories/?utm_source=x", "/en/stories/"),
        ("/en/stories/?kind=news&fbclid=abc", "/en/stories/?kind=news"),
        ("/en/countries/by/?utm_campaign=x", "/en/countries/by/"),
        ("/en/search/?q=march&utm_source=x", "/en/search/?q=march"),
    ],
)
def test_public_pages_have_a_canonical_address_without_junk(client, data, url, canonical):
    assert parsed(client, url).canonical == ["http://testserver" + canonical]


def test_a_page_without_an_address_of_its_own_names_none(client, data):
    response = client.get("/en/no-such-page/?token=secret")
    head = Head()
    head.feed(response.text)

    assert response.status_code == 404
    assert head.canonical == []
    assert "og:url" not in head.meta
