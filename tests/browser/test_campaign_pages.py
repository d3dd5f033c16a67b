"""A reader browses a campaign in English and Russian, on a wide screen and a phone: the page, its activities,
calendar, map and an activity. No console error, no serious axe-core finding, no request to another host,
nothing wider than the screen."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from solidarity.campaigns.models import ActivityKind
from solidarity.home.services import site_tree_ensure
from tests.browser.conftest import PageProblems, serious_axe_violations
from tests.campaigns import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def campaign():
    site_tree_ensure()
    day = timezone.localdate() + datetime.timedelta(days=15)
    page = f.campaign_page(
        title="Day of Solidarity",
        starts_on=day,
        date_history="<p>On this day in 2019 the first letters were sent.</p>",
        ways_to_join=[
            ("way", {"title": "Join with your group", "text": "Tell us who you are.", "action": "join"}),
            ("way", {"title": "See what happens", "text": "Find an activity.", "action": "activities"}),
        ],
    )
    russian = f.campaign_translation(page, "ru", title="Den solidarnosti")
    for country in ["GE", "AM", "DE", "RU"]:
        f.group(page, country=country)
    tbilisi = f.activity(
        page,
        country="GE",
        title="Evening of letters",
        starts_at=datetime.datetime.combine(day, datetime.time(18), tzinfo=zoneinfo.ZoneInfo("Asia/Tbilisi")),
        time_zone="Asia/Tbilisi",
        city="Tbilisi",
        capacity=20,
    )
    f.activity(page, country="DE", title="Пикет", language="ru", kind=ActivityKind.PICKET, city="Berlin")
    f.activity(page, country="AM", title="Screening", online_url="https://meet.example.org/x", city="")
    f.contact(page, country="GE", name="Nino", phone="+995 32 200 0000", show_phone=True)
    return page, russian, tbilisi, day


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_reader_browses_a_campaign(browser, live_server, campaign, language, width):
    page_en, page_ru, activity, day = campaign
    base = (page_en if language == "en" else page_ru).url
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    tab = context.new_page()
    tab.problems = PageProblems(tab, live_server.url)
    try:
        for suffix in ["", "activities/", f"calendar/?month={day:%Y-%m}", "map/", f"activities/{activity.pk}/"]:
            tab.goto(f"{live_server.url}{base}{suffix}")
            assert tab.locator("html").get_attribute("lang") == language
            assert tab.get_by_role("heading", level=1).count() == 1, suffix
            assert serious_axe_violations(tab) == [], suffix
            overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{suffix} is {overflow}px wider than the screen"
        tab.goto(f"{live_server.url}{base}map/")
        tab.locator('a[href$="activities/?country=ge"]').first.click()
        tab.wait_for_url("**/activities/?country=ge")
        expect(tab.get_by_text("Evening of letters").first).to_be_visible()
        tab.problems.assert_clean()
    finally:
        context.close()
