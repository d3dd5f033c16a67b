"""What readers see of a campaign: approved records only, one total across languages, its routes and iCal."""

from __future__ import annotations

import datetime
import re
import zoneinfo
from types import SimpleNamespace

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from solidarity.campaigns import services
from solidarity.campaigns.models import ActivityKind, CampaignStory, Status
from tests.campaigns import factories as f
from tests.factories import StoryPageFactory
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

TBILISI = zoneinfo.ZoneInfo("Asia/Tbilisi")


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        today = timezone.localdate()
        day = today + datetime.timedelta(days=20)
        page = f.campaign_page(title="Day of Solidarity", starts_on=day)
        russian = f.campaign_translation(page, "ru")
        other = f.campaign_page(title="Another campaign")
        for country, name in [("GE", "Tbilisi Friends"), ("AM", "Yerevan Circle"), ("DE", "Berlin Group")]:
            f.group(page, country=country, name=name)
        f.group(page, country="RU", name="Moscow Helpers")
        f.group(page, country="RU", name="Kazan Helpers")
        f.group(page, country="BY", name="Pending Group", status=Status.PENDING)
        f.group(page, country="KZ", name="Declined Group", status=Status.DECLINED)
        f.group(page, country="UA", name="Withdrawn Group", status=Status.WITHDRAWN)
        tbilisi = f.activity(
            page,
            country="GE",
            title="Evening of letters in Tbilisi",
            starts_at=datetime.datetime.combine(day, datetime.time(18), tzinfo=TBILISI),
            time_zone="Asia/Tbilisi",
            city="Tbilisi",
            address="Rustaveli Avenue 1",
            capacity=30,
        )
        online = f.activity(
            page,
            country="AM",
            title="Online screening",
            kind=ActivityKind.SCREENING,
            online_url="https://meet.example.org/solidarity",
            starts_at=datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC),
            time_zone="Asia/Yerevan",
        )
        # Sent from the Russian page, in Russian: it belongs to the campaign, so the English page shows it too.
        sent = services.activity_submit(
            campaign=russian,
            values={
                "title": "Пикет у посольства",
                "description": "Мы стоим с плакатами.",
                "kind": ActivityKind.PICKET,
                "starts_at": datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC),
                "ends_at": datetime.datetime.combine(day, datetime.time(11), tzinfo=datetime.UTC),
                "time_zone": "Europe/Berlin",
                "country_id": "DE",
                "city": "Berlin",
                "language": "ru",
                "organiser_name": "Берлинская группа",
            },
            contact_name="Anna",
            contact_email="anna@example.org",
            sender_language="ru",
        )
        russian_activity = sent.record
        russian_activity.status = Status.APPROVED
        russian_activity.save()
        pending = f.activity(page, country="BY", title="Pending activity", status=Status.PENDING)
        declined = f.activity(page, country="KZ", title="Declined activity", status=Status.DECLINED)
        withdrawn = f.activity(page, country="UA", title="Withdrawn activity", status=Status.WITHDRAWN)
        elsewhere = f.activity(other, country="GE", title="Activity of another campaign")
        shown = f.contact(page, country="GE", name="Nino Shown", phone="+995 32 200 0000", show_phone=True)
        f.contact(page, country="GE", name="Giorgi Hidden", phone="+995 32 299 9999", show_phone=False)
        f.contact(page, country="AM", name="Ani Silent", email="", accepts_messages=True)
        announcement = StoryPageFactory(title="Join us on the day", date=day - datetime.timedelta(days=10))
        report = StoryPageFactory(title="How the day went", date=day + datetime.timedelta(days=1))
        for order, story in enumerate([announcement, report]):
            CampaignStory.objects.create(campaign=page, story=story, sort_order=order)
        yield SimpleNamespace(
            page=page,
            russian=russian,
            other=other,
            day=day,
            tbilisi=tbilisi,
            online=online,
            russian_activity=russian_activity,
            pending=pending,
            declined=declined,
            withdrawn=withdrawn,
            elsewhere=elsewhere,
            shown=shown,
        )


def get(client, url, language="en"):
    with translation.override(language):
        response = client.get(url)
    assert response.status_code == 200, url
    return response


HIDDEN = ["Pending", "Declined", "Withdrawn", "another campaign"]


# The campaign page


def test_the_page_counts_countries_of_approved_groups_only(client, data):
    response = get(client, data.page.url)

    assert response.context["group_country_count"] == 4  # Armenia, Georgia, Germany, Russia
    assert "Groups from 4 countries take part" in response.text
    for word in HIDDEN:
        assert word not in response.text


def test_every_language_shows_one_total_and_the_activity_sent_from_the_russian_page(client, data):
    english = get(client, data.page.url)
    russian = get(client, data.russian.url, "ru")

    assert english.context["group_country_count"] == russian.context["group_country_count"] == 4
    assert english.context["activity_count"] == russian.context["activity_count"] == 3
    assert "Пикет у посольства" in english.text
    assert "Evening of letters in Tbilisi" in russian.text


def test_groups_are_listed_by_country_in_the_name_order_of_the_language(client, data):
    def countries(response, language):
        with translation.override(language):
            return [country.name for country, _groups in response.context["groups_by_country"]]

    assert countries(get(client, data.page.url), "en") == ["Armenia", "Georgia", "Germany", "Russia"]
    assert countries(get(client, data.russian.url, "ru"), "ru") == ["Армения", "Германия", "Грузия", "Россия"]
    russia = dict(get(client, data.page.url).context["groups_by_country"])
    assert [group.name for groups in russia.values() for group in groups if group.country_id == "RU"] == [
        "Kazan Helpers",
        "Moscow Helpers",
    ]


def test_the_page_gives_the_day_the_days_to_go_and_the_join_links(client, data):
    response = get(client, data.page.url)

    assert "In 20 days" in response.text
    assert f'datetime="{data.day:%Y-%m-%d}"' in response.text
    assert reverse("campaigns:group_join", args=[data.page.id]) in response.text
    assert reverse("campaigns:activity_add", args=[data.page.id]) in response.text


def test_contacts_show_a_chosen_phone_as_a_tel_link_and_a_write_link_never_the_email(client, data):
    response = get(client, data.page.url)

    assert 'href="tel:+995322000000"' in response.text
    assert "+995 32 299 9999" not in response.text
    assert f'href="/en/questions/?contact={data.shown.pk}"' in response.text
    assert f'href="/en/questions/?campaign={data.page.translation_key}"' in response.text  # any questions
    assert "Write to Ani Silent" not in response.text  # no email: no form to write through
    assert "@example.org" not in response.text


def test_stories_of_the_campaign_are_announcements_before_the_day_and_reports_after(client, data):
    response = get(client, data.page.url)

    assert [story.title for story in response.context["announcements"]] == ["Join us on the day"]
    assert [story.title for story in response.context["reports"]] == ["How the day went"]
    assert response.text.index("How the day went") < response.text.index("Join us on the day")


def test_an_earlier_year_says_it_is_over_and_leads_to_the_current_one(client, data):
    earlier = f.campaign_page(title="Day of Solidarity last year", starts_on=data.day - datetime.timedelta(days=365))

    response = get(client, earlier.url)

    assert "This campaign is over." in response.text
    assert f'href="{data.page.url}">The current campaign: Day of Solidarity</a>' in response.text
    assert "Took place" in response.text
    assert reverse("campaigns:group_join", args=[earlier.id]) not in response.text


def test_the_series_lists_the_current_campaign_first_and_earlier_years_as_the_archive(client, data):
    earlier = f.campaign_page(title="Day of Solidarity last year", starts_on=data.day - datetime.timedelta(days=365))

    response = get(client, data.page.get_parent().url)

    assert earlier in response.context["archive"]
    assert data.page in response.context["coming"]
    assert response.text.index("Day of Solidarity</a>") < response.text.index("Earlier years")


def test_a_day_of_several_days_shows_its_range(client, data):
    page = f.campaign_page(title="Week of action", starts_on=data.day, ends_on=data.day + datetime.timedelta(days=6))

    response = get(client, page.url)

    assert f'datetime="{data.day + datetime.timedelta(days=6):%Y-%m-%d}"' in response.text


# The activities list and its filters


def titles(response):
    return [activity.title for activity in response.context["activities"]]


def test_the_list_shows_approved_activities_of_the_campaign_soonest_first(client, data):
    response = get(client, data.page.url + "activities/")

    assert titles(response) == ["Пикет у посольства", "Online screening", "Evening of letters in Tbilisi"]
    for word in HIDDEN:
        assert word not in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=ge", ["Evening of letters in Tbilisi"]),
        ("country=GE", ["Evening of letters in Tbilisi"]),
        ("kind=screening", ["Online screening"]),
        ("where=online", ["Online screening"]),
        ("where=offline", ["Пикет у посольства", "Evening of letters in Tbilisi"]),
        ("country=de&where=offline", ["Пикет у посольства"]),
    ],
)
def test_filters_narrow_the_list(client, data, query, expected):
    assert titles(get(client, f"{data.page.url}activities/?{query}")) == expected


def test_days_filter_by_the_activity_own_day(client, data):
    day = data.day.isoformat()
    next_day = (data.day + datetime.timedelta(days=1)).isoformat()

    assert len(titles(get(client, f"{data.page.url}activities/?from={day}&to={day}"))) == 3
    assert titles(get(client, f"{data.page.url}activities/?from={next_day}")) == []


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("country=zz", "There is no country with the code “zz”"),
        ("kind=bogus", "There is no kind of activity called “bogus”"),
        ("where=moon", "“moon” is neither online nor in person"),
        ("from=2027-13-45", "“2027-13-45” is not a day"),
        ("to=yesterday", "“yesterday” is not a day"),
        ("from=0001-01-01", "“0001-01-01” is not a day"),  # beyond the years of campaigns: no overflow
        ("to=9999-12-31", "“9999-12-31” is not a day"),
        ("page=-1", "There is no page “-1”"),
    ],
)
def test_a_bad_filter_is_ignored_with_a_note_and_the_list_stays(client, data, query, note):
    response = get(client, f"{data.page.url}activities/?{query}")

    assert note in response.text
    assert len(titles(response)) == 3


def test_a_last_day_before_the_first_is_ignored_with_a_note(client, data):
    day = data.day.isoformat()
    before = (data.day - datetime.timedelta(days=3)).isoformat()

    response = get(client, f"{data.page.url}activities/?from={day}&to={before}")

    assert "The last day comes before the first" in response.text
    assert len(titles(response)) == 3


def test_the_list_is_paginated(client, data, monkeypatch):
    monkeypatch.setattr("solidarity.campaigns.queries.ACTIVITIES_PER_PAGE", 2)

    first = get(client, data.page.url + "activities/")
    second = get(client, data.page.url + "activities/?page=2")

    assert len(titles(first)) == 2 and titles(second) == ["Evening of letters in Tbilisi"]
    assert 'rel="next" href="?page=2"' in first.text


# One activity


def test_an_activity_shows_its_time_in_its_organiser_zone_and_its_details(client, data):
    response = get(client, f"{data.page.url}activities/{data.tbilisi.pk}/")
    russian = get(client, f"{data.russian.url}activities/{data.tbilisi.pk}/", "ru")

    assert f'<time datetime="{data.day:%Y-%m-%d}T18:00:00+04:00">' in response.text
    assert "6 p.m." in response.text and "18:00" in russian.text
    assert "Tbilisi time" in response.text
    assert "Rustaveli Avenue 1" in response.text
    assert "30 places left" in response.text
    assert reverse("campaigns:sign_up_form", args=[data.tbilisi.pk]) in response.text
    assert f"{data.page.url}activities/{data.tbilisi.pk}/ics/" in response.text


def test_an_activity_in_another_language_says_so_and_keeps_its_own_text(client, data):
    english = get(client, f"{data.page.url}activities/{data.russian_activity.pk}/")
    russian = get(client, f"{data.russian.url}activities/{data.russian_activity.pk}/", "ru")

    assert "Language: Russian" in english.text
    assert '<h1 lang="ru">Пикет у посольства</h1>' in english.text
    assert "Language:" not in russian.text and "Язык:" not in russian.text
    assert russian.context["other_language"] == ""


def test_an_online_activity_gives_its_link(client, data):
    response = get(client, f"{data.page.url}activities/{data.online.pk}/")

    assert 'href="https://meet.example.org/solidarity"' in response.text


def test_a_full_activity_says_so(client, data, monkeypatch):
    monkeypatch.setattr("solidarity.campaigns.services.places_taken", lambda activity: 30)

    response = get(client, f"{data.page.url}activities/{data.tbilisi.pk}/")

    assert "Full" in response.text
    assert reverse("campaigns:sign_up_form", args=[data.tbilisi.pk]) not in response.text


@pytest.mark.parametrize("which", ["pending", "declined", "withdrawn", "elsewhere"])
def test_an_activity_not_approved_or_of_another_campaign_is_not_found(client, data, which):
    activity = getattr(data, which)

    assert client.get(f"{data.page.url}activities/{activity.pk}/").status_code == 404
    assert client.get(f"{data.page.url}activities/{activity.pk}/ics/").status_code == 404
    assert client.get(f"{data.page.url}activities/999999/").status_code == 404


# iCal


def events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_the_campaign_feed_carries_time_zones(client, data):
    response = get(client, data.page.url + "calendar/ics/")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{data.page.slug}.ics"'
    found = events(response)
    assert set(found) == {"Evening of letters in Tbilisi", "Online screening", "Пикет у посольства"}
    start = found["Evening of letters in Tbilisi"].decoded("DTSTART")
    assert (start.hour, str(start.tzinfo)) == (18, "Asia/Tbilisi")
    assert start.astimezone(datetime.UTC).strftime("%H:%MZ") == "14:00Z"
    assert b"BEGIN:VTIMEZONE\r\nTZID:Asia/Tbilisi" in response.content
    tbilisi = found["Evening of letters in Tbilisi"]
    assert str(tbilisi["LOCATION"]) == "Rustaveli Avenue 1, Tbilisi, Georgia"
    assert str(tbilisi["URL"]).endswith(f"activities/{data.tbilisi.pk}/")


def test_an_activity_uid_is_the_same_in_every_feed_and_language(client, data):
    english = events(get(client, data.page.url + "calendar/ics/"))
    russian = events(get(client, data.russian.url + "calendar/ics/", "ru"))
    single = events(get(client, f"{data.page.url}activities/{data.tbilisi.pk}/ics/"))
    country = events(get(client, data.page.url + "calendar/ge/ics/"))

    uid = str(english["Evening of letters in Tbilisi"]["UID"])
    assert (
        uid
        == str(russian["Evening of letters in Tbilisi"]["UID"])
        == str(single["Evening of letters in Tbilisi"]["UID"])
    )
    assert list(country) == ["Evening of letters in Tbilisi"]


@pytest.mark.parametrize("code", ["zz", "xx", "georgia"])
def test_a_feed_of_an_unknown_country_is_not_found(client, data, code):
    assert client.get(f"{data.page.url}calendar/{code}/ics/").status_code == 404


# Calendar


def test_an_activity_of_several_days_gives_its_time_on_its_first_day_only(client, data):
    page = f.campaign_page(title="Exhibition week", starts_on=data.day)
    start = datetime.datetime.combine(data.day.replace(day=1), datetime.time(10), tzinfo=datetime.UTC)
    f.activity(page, title="Exhibition of letters", starts_at=start, hours=48, time_zone="UTC")

    response = get(client, f"{page.url}calendar/?month={data.day:%Y-%m}")

    assert response.text.count("10 a.m.</span> Exhibition of letters") == 0
    assert response.text.count("10 a.m. Exhibition of letters") == 2  # the month table and the phone's list
    assert response.text.count("(continues)</span> Exhibition of letters") == 4  # its second and third day, twice


def test_the_calendar_shows_the_month_asked_for_with_its_neighbours(client, data):
    month = data.day.strftime("%Y-%m")
    previous = (data.day.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
    following = (data.day.replace(day=28) + datetime.timedelta(days=5)).strftime("%Y-%m")

    response = get(client, f"{data.page.url}calendar/?month={month}")
    russian = get(client, f"{data.russian.url}calendar/?month={month}", "ru")

    assert "6 p.m. Evening of letters in Tbilisi" in response.text
    assert "18:00 Evening of letters in Tbilisi" in russian.text
    assert f'href="?month={previous}"' in response.text
    assert f'href="?month={following}"' in response.text
    assert "Pending activity" not in response.text


@pytest.mark.parametrize("month", ["2027-13", "april", "2027-4", "99999-01", "9999-12", "0001-01"])
def test_a_bad_month_shows_this_month_with_a_note(client, data, month):
    response = get(client, f"{data.page.url}calendar/?month={month}")

    assert "is not a month" in response.text
    assert response.context["month"] == timezone.localdate().replace(day=1)


# Map


def test_the_map_shades_countries_by_approved_activities_and_links_them(client, data):
    response = get(client, data.page.url + "map/")

    assert (
        f'<a href="{data.page.url}activities/?country=ge"><path class="region-map__country region-map__country--1"'
        in (response.text)
    )
    assert "<title>Georgia: 1 activity</title>" in response.text
    assert {country.code: count for country, count in response.context["counts"]} == {"AM": 1, "DE": 1, "GE": 1}
    assert 'activities/?country=by"' not in response.text  # Belarus's activity is pending
    assert "@svg-maps/world" in response.text and "CC BY 4.0" in response.text


def test_no_public_page_has_a_style_attribute_or_loads_from_another_host(client, data):
    for suffix in ["", "activities/", f"activities/{data.tbilisi.pk}/", "calendar/", "map/"]:
        text = get(client, data.page.url + suffix).text
        assert " style=" not in text, suffix
        # What the page loads (src, link href); share links to other sites are plain anchors and load nothing.
        assert not re.search(
            r'(src="|<link [^>]*href=")(https?:)?//(?!testserver/|meet\.example\.org|github\.com|creativecommons\.org)',
            text,
        )


def test_public_pages_set_no_cookie(client, data):
    for suffix in ["", "activities/", f"activities/{data.tbilisi.pk}/", "calendar/", "map/", "calendar/ics/"]:
        response = get(client, data.page.url + suffix)
        assert not response.cookies, suffix
    assert not get(client, data.page.get_parent().url).cookies


def test_the_language_switch_of_a_route_leads_to_the_same_route_in_the_translation(client, data):
    response = get(client, f"{data.page.url}activities/?country=ge")

    links = {link.code: link.url for link in response.context["languages"].links if link.available}
    assert links["ru"] == f"{data.russian.url}activities/?country=ge"


def test_coordinators_link_to_their_entries_on_the_members_page(client, data):
    from solidarity.core.services import organisation_create
    from solidarity.home.services import members_page_ensure

    members = members_page_ensure(language="en", title="Members")
    organisation = organisation_create(name="Viasna Friends", country="LT")
    data.page.organisers.add(organisation)
    data.page.save_revision().publish()

    response = get(client, data.page.url)

    assert f'<a href="{members.url}#member-{organisation.pk}">Viasna Friends</a>' in response.text


def test_the_list_shows_past_activities_after_the_coming_ones(client, data):
    f.activity(
        data.page, country="GE", title="Last week's picket", starts_at=timezone.now() - datetime.timedelta(days=7)
    )

    response = get(client, data.page.url + "activities/")

    assert titles(response)[-1] == "Last week's picket"


def test_the_page_counts_activities_by_country_with_links_to_their_lists(client, data):
    response = get(client, data.page.url)

    assert {country.code: count for country, count in response.context["activity_countries"]} == {
        "AM": 1,
        "DE": 1,
        "GE": 1,
    }
    assert f'href="{data.page.url}activities/?country=ge">Georgia <span class="count">1</span>' in response.text
