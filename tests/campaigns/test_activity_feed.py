"""A campaign's activities as RSS and Atom feeds, beside its iCal feed: the approved activities only, each
linking to its page and saying when (in its own time zone) and where. Parsed back with feedparser."""

from __future__ import annotations

import datetime
import zoneinfo
from types import SimpleNamespace
from xml.etree import ElementTree

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone

from solidarity.campaigns import ical, services
from solidarity.campaigns.models import Status
from tests.campaigns import factories as f
from tests.factories import staff_member
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

FORMATS = ["rss", "atom"]
TBILISI = zoneinfo.ZoneInfo("Asia/Tbilisi")


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker) -> SimpleNamespace:
    with shared_data(request, django_db_blocker):
        page = f.campaign_page(title="Day of solidarity")
        russian = f.campaign_translation(page, "ru", title="День солидарности")
        soon = timezone.now().astimezone(TBILISI) + datetime.timedelta(days=5)
        tbilisi = f.activity(
            page,
            country="GE",
            title="Evening of letters in Tbilisi",
            starts_at=soon.replace(hour=18, minute=0, second=0, microsecond=0),
            time_zone="Asia/Tbilisi",
            city="Tbilisi",
            address="Rustaveli Avenue 12",
            organiser_name="Tbilisi Friends",
        )
        online = f.activity(
            page,
            country="DE",
            title="Online screening",
            starts_at=timezone.now().replace(microsecond=0) + datetime.timedelta(days=8),
            online_url="https://meet.example.org/screening",
            city="",
        )
        past = f.activity(
            page,
            title="Last year's picket",
            starts_at=timezone.now().replace(microsecond=0) - datetime.timedelta(days=30),
        )
        f.activity(page, title="A pending activity", status=Status.PENDING)
        f.activity(page, title="A declined activity", status=Status.DECLINED)
        other = f.campaign_page(title="Another campaign")
        f.activity(other, title="Another campaign's activity")
        yield SimpleNamespace(page=page, russian=russian, tbilisi=tbilisi, online=online, past=past, other=other)


def parsed(client, url: str) -> feedparser.FeedParserDict:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.cookies == {}
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_feed_has_the_approved_activities_of_the_campaign_coming_ones_first(client, data, fmt):
    feed = parsed(client, f"{data.page.url}activities/{fmt}/")

    assert titles(feed) == ["Evening of letters in Tbilisi", "Online screening", "Last year's picket"]
    assert feed.feed.link == f"http://testserver{data.page.url}activities/"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_language_of_the_campaign_has_the_same_activities(client, data, fmt):
    feed = parsed(client, f"{data.russian.url}activities/{fmt}/")

    assert titles(feed) == ["Evening of letters in Tbilisi", "Online screening", "Last year's picket"]
    assert feed.entries[0].link == f"http://testserver{data.russian.url}activities/{data.tbilisi.pk}/"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_item_links_to_its_page_and_says_when_in_its_zone_and_where(client, data, fmt):
    item = parsed(client, f"{data.page.url}activities/{fmt}/").entries[0]

    assert item.link == f"http://testserver{data.page.url}activities/{data.tbilisi.pk}/"
    assert item.id == ical.uid(data.tbilisi)  # the same id as in the calendar
    assert "6 p.m.–8 p.m. (Tbilisi time, UTC+0400)" in item.summary
    assert "Rustaveli Avenue 12, Tbilisi, Georgia" in item.summary
    assert "Tbilisi Friends" in item.summary and item.author == "Tbilisi Friends"
    assert {tag.term for tag in item.tags} == {"Georgia", "Letter-writing"}
    assert item.published_parsed


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_item_is_dated_when_the_activity_was_approved_its_own_day_stays_in_its_text(client, data, fmt):
    page = f.campaign_page(title="A campaign approved today")
    sent = timezone.now().replace(microsecond=0) - datetime.timedelta(days=6)
    starts_at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=40)
    pending = f.activity(page, title="Approved today", status=Status.PENDING, created_at=sent, starts_at=starts_at)
    approved = services.submission_decide(pending, user=staff_member("feed-editor", "Editors"), approve=True)

    (item,) = parsed(client, f"{page.url}activities/{fmt}/").entries

    assert published(item) == approved.decided_at.replace(microsecond=0)
    assert published(item) not in (sent, starts_at)
    assert formats.date_format(starts_at.astimezone(approved.zone), "DATE_FORMAT") in item.summary


def test_an_activity_approved_without_a_decision_is_dated_when_it_was_sent(client, data):
    page = f.campaign_page(title="A campaign of older entries")
    sent = timezone.now().replace(microsecond=0) - datetime.timedelta(days=3)
    f.activity(page, title="Entered approved", created_at=sent)

    (item,) = parsed(client, f"{page.url}activities/atom/").entries

    assert published(item) == sent


def published(item) -> datetime.datetime:
    return datetime.datetime(*item.published_parsed[:6], tzinfo=datetime.UTC)


def test_the_times_are_written_as_the_feeds_language_writes_them(client, data):
    item = parsed(client, f"{data.russian.url}activities/rss/").entries[0]

    assert "18:00–20:00" in item.summary


def test_the_organisers_text_is_escaped(client, data):
    page = f.campaign_page(title="A campaign with odd text")
    f.activity(page, title="<b>Bold</b> & co", description="<script>alert(1)</script>\nSecond line")
    response = client.get(f"{page.url}activities/rss/")

    description = ElementTree.fromstring(response.content).findtext("channel/item/description")  # the HTML
    assert "<script>" not in description and "&lt;script&gt;alert(1)&lt;/script&gt;<br>Second line" in description
    item = feedparser.parse(response.content).entries[0]
    assert item.title == "<b>Bold</b> & co"


def test_an_online_activity_says_where_to_join(client, data):
    item = next(entry for entry in parsed(client, f"{data.page.url}activities/rss/").entries if "Online" in entry.title)

    assert "https://meet.example.org/screening" in item.summary


def test_a_campaign_without_activities_has_an_empty_valid_feed(client, data):
    empty = f.campaign_page(title="A quiet campaign")

    assert parsed(client, f"{empty.url}activities/atom/").entries == []


@pytest.mark.parametrize("ending", ["activities/json/", "activities/RSS/", "activities/rss/extra/"])
def test_a_bad_format_is_a_404(client, data, ending):
    assert client.get(f"{data.page.url}{ending}").status_code == 404


def test_an_unpublished_campaign_has_no_feed(client, data):
    draft = f.campaign_page(title="A draft campaign", publish=False)
    f.activity(draft, title="Activity of a draft")

    assert client.get(f"/en/days/{draft.slug}/activities/rss/").status_code == 404


def test_the_activities_list_links_its_feeds(client, data):
    html = client.get(f"{data.page.url}activities/").content.decode()
    head, body = html.split("</head>", 1)
    feed = f"{data.page.url}activities/"

    assert f'type="application/rss+xml" title="Activities of Day of solidarity (RSS)" href="{feed}rss/"' in head
    assert f'type="application/atom+xml" title="Activities of Day of solidarity (Atom)" href="{feed}atom/"' in head
    assert f'<a href="{feed}rss/">Feed (RSS)</a>' in body
    assert client.get(f"{feed}rss/").status_code == client.get(f"{feed}atom/").status_code == 200


@pytest.mark.parametrize("where", ["", "activities/"], ids=["campaign page", "activities list"])
def test_the_campaign_page_and_its_activities_list_link_its_feeds_and_keep_their_previews(client, data, where):
    html = client.get(f"{data.page.url}{where}").content.decode()
    head, body = html.split("</head>", 1)
    feed = f"{data.page.url}activities/"

    assert f'type="application/rss+xml" title="Activities of Day of solidarity (RSS)" href="{feed}rss/"' in head
    assert f'type="application/atom+xml" title="Activities of Day of solidarity (Atom)" href="{feed}atom/"' in head
    assert f'<a href="{feed}rss/">Feed (RSS)</a>' in body
    assert '<meta property="og:title"' in head  # the feed links come beside the page's previews, not instead


def test_the_feed_makes_as_many_queries_for_thirty_activities_as_for_five(client, data):
    page = f.campaign_page(title="A busy campaign")
    url = f"{page.url}activities/rss/"

    def queries() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    groups = [f.group(page, name=f"Group {number}") for number in range(3)]
    for number in range(5):
        f.activity(page, title=f"Activity {number}", organiser_group=groups[number % 3])
    with_five = queries()
    for number in range(5, 30):
        f.activity(page, title=f"Activity {number}", organiser_group=groups[number % 3])

    assert queries() == with_five
    assert len(parsed(client, url).entries) == 30
