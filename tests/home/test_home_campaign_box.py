"""The home page's current campaign: the live campaign page of its language on today or next, read cheaply."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from solidarity.campaigns.models import Status
from tests.campaigns import factories as f

pytestmark = pytest.mark.django_db


def days(number: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=number)


def test_the_home_page_shows_the_next_campaign_with_its_day_countdown_and_countries(client, site_tree):
    f.campaign_page(title="Last year's day", starts_on=days(-300))
    later = f.campaign_page(title="A later day", starts_on=days(90))
    page = f.campaign_page(title="Day of solidarity", starts_on=days(12))
    for country in ["GE", "AM", "AM"]:
        f.group(page, country=country)
    f.group(page, country="BY", status=Status.PENDING)
    f.group(later, country="DE")

    response = client.get("/en/")

    assert '<h2 id="campaign-title">Day of solidarity</h2>' in response.text
    assert "In 12 days" in response.text
    assert "Groups from 2 countries take part" in response.text
    assert f'href="{page.url}">Find out how to take part</a>' in response.text
    assert f'datetime="{days(12):%Y-%m-%d}"' in response.text


def test_a_campaign_on_today_is_current_until_its_last_day(client, site_tree):
    f.campaign_page(title="Week of action", starts_on=days(-3), ends_on=days(2))
    f.campaign_page(title="Next one", starts_on=days(30))

    response = client.get("/en/")

    assert "Week of action" in response.text
    assert "Today" in response.text


def test_no_box_without_a_current_or_coming_live_campaign_of_the_language(client, site_tree):
    f.campaign_page(title="Over", starts_on=days(-10))
    f.campaign_page(title="Draft", starts_on=days(10)).unpublish()
    english = f.campaign_page(title="English only", starts_on=days(20))

    assert '<h2 id="campaign-title">English only</h2>' in client.get("/en/").text
    german = client.get("/de/")
    assert "English only" not in german.text and 'id="campaign-title"' not in german.text
    english.unpublish()
    assert 'id="campaign-title"' not in client.get("/en/").text


def test_each_language_shows_its_own_translation(client, site_tree):
    page = f.campaign_page(title="Day of solidarity", starts_on=days(5))
    f.campaign_translation(page, "ru", title="Den solidarnosti")

    assert "Den solidarnosti" in client.get("/ru/").text
    assert "Den solidarnosti" not in client.get("/en/").text


def test_the_box_costs_two_queries(client, site_tree):
    client.get("/en/")
    with_none = _count(client)
    page = f.campaign_page(title="Day of solidarity", starts_on=days(5))
    f.group(page, country="GE")
    client.get("/en/")  # publishing cleared the navigation's cache: warm it again

    assert _count(client) == with_none + 1, "\n".join(
        _queries(client)
    )  # the campaign (asked for anyway), its countries


def _queries(client) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get("/en/").status_code == 200
    return [query["sql"][-300:] for query in captured.captured_queries]


def _count(client) -> int:
    return len(_queries(client))
