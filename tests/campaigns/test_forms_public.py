"""The campaigns' public forms: joining, adding an activity — good and bad input, double submission, the email
each sends in the visitor's language, and pages that stay cacheable. Writing to a contact is the question form
now (tests/discussion/test_questions.py); here, that the old address leads there."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from solidarity.campaigns.models import Activity, ParticipatingGroup, Status
from solidarity.core.services import organisation_create
from tests.campaigns import factories
from tests.mail import delivered, links_in
from tests.shared import shared_data
from tests.spam import guard_fields

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        campaign = factories.campaign_page(title="Day of solidarity with Belarus")
        russian = factories.campaign_translation(campaign, "ru", title="День солидарности с Беларусью")
        closed = factories.campaign_page(title="Closed campaign", accepts_groups=False, accepts_activities=False)
        over = factories.campaign_page(title="Last year", starts_on=timezone.localdate() - datetime.timedelta(days=400))
        draft = factories.campaign_page(title="Draft campaign", publish=False)
        member = organisation_create(name="Viasna Friends", country="BY", city="Vilnius")
        approved_group = factories.group(campaign, name="Approved circle", country="GE")
        pending_group = factories.group(campaign, name="Pending circle", status=Status.PENDING)
        contact = factories.contact(campaign, country="BY", email="secret-coordinator@example.org", name="Ales")
        silent = factories.contact(campaign, country="GE", accepts_messages=False)
        yield {
            "campaign": campaign,
            "russian": russian,
            "closed": closed,
            "over": over,
            "draft": draft,
            "member": member,
            "approved_group": approved_group,
            "pending_group": pending_group,
            "contact": contact,
            "silent": silent,
        }


def join_url(page, language: str = "en") -> str:
    return f"/{language}/campaigns/{page.pk}/join/"


def add_url(page, language: str = "en") -> str:
    return f"/{language}/campaigns/{page.pk}/add-activity/"


def group_post(**overrides) -> dict:
    return {
        "member": "",
        "name": "Letters to Minsk",
        "country": "LT",
        "city": "Vilnius",
        "website": "https://letters.example.org/",
        "description": "We write letters to political prisoners.",
        "contact_name": "Ona",
        "contact_email": "ona@example.org",
        **guard_fields(),
        **overrides,
    }


def in_days(days: int, hour: int = 18) -> datetime.datetime:
    return (timezone.localdate() + datetime.timedelta(days=days)).strftime(f"%Y-%m-%dT{hour:02d}:00")


def activity_post(**overrides) -> dict:
    return {
        "title": "Evening of letters",
        "description": "We write postcards to people in prison.",
        "kind": "letters",
        "starts_at": in_days(10, 18),
        "ends_at": in_days(10, 20),
        "time_zone": "",
        "country": "GE",
        "city": "Tbilisi",
        "address": "Rustaveli 1",
        "online_url": "",
        "language": "ka",
        "organiser_name": "Tbilisi letters",
        "capacity": "",
        "contact_name": "Nino",
        "contact_email": "nino@example.org",
        **guard_fields(),
        **overrides,
    }


def path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def errors_of(response) -> str:
    """The texts of the page's field errors and error summary."""
    html = response.content.decode()
    return " ".join(re.findall(r'class="form-field__errors"[^>]*>(.*?)</ul>', html, re.S)) + " ".join(
        re.findall(r'class="error-summary".*?</div>', html, re.S)
    )


# The pages themselves


def test_form_pages_set_no_cookie_and_carry_no_token(client, data):
    for url in (
        join_url(data["campaign"]),
        add_url(data["campaign"]),
        f"/en/questions/?contact={data['contact'].pk}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.cookies == {}, url
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert "no-store" not in response.get("Cache-Control", "")


def test_forms_of_a_closed_an_over_or_an_unpublished_campaign_are_not_found(client, data):
    assert client.get(join_url(data["closed"])).status_code == 404
    assert client.get(add_url(data["closed"])).status_code == 404
    assert client.get(join_url(data["over"])).status_code == 404
    assert client.get(add_url(data["draft"])).status_code == 404
    assert client.get("/en/campaigns/999999/join/").status_code == 404
    assert client.post(join_url(data["closed"]), group_post()).status_code == 404
    assert ParticipatingGroup.objects.filter(name="Letters to Minsk").count() == 0


def test_the_form_shows_the_campaign_in_the_visitors_language(client, data):
    response = client.get(join_url(data["campaign"], "ru"))
    html = response.content.decode()
    assert "День солидарности с Беларусью" in html
    assert 'lang="ru"' in html


def test_a_form_page_labels_every_field_and_marks_the_required_ones(client, data):
    html = client.get(add_url(data["campaign"])).content.decode()
    for name in ("title", "description", "starts_at", "ends_at", "country", "contact_email"):
        assert f'<label for="id_{name}">' in html
    assert 'type="datetime-local"' in html
    assert 'autocomplete="email"' in html and 'autocomplete="name"' in html
    assert "(required)" in html
    assert 'name="guard_started"' in html


# Joining


def test_a_group_joins_and_is_mailed_its_private_link_in_its_language(client, data):
    response = client.post(join_url(data["campaign"], "ru"), group_post())
    assert response.status_code == 302
    assert response["Location"] == f"/ru/campaigns/sent/group/?campaign={data['russian'].pk}"
    group = ParticipatingGroup.objects.get(name="Letters to Minsk")
    assert group.status == Status.PENDING
    assert group.sender_language == "ru"
    assert group.campaign_key == data["campaign"].campaign_key
    assert group.country_id == "LT"
    [email] = delivered()
    assert email.to == ["ona@example.org"]
    assert "День солидарности с Беларусью" in email.subject
    [link] = links_in(email)
    assert "/ru/campaigns/group/" in link
    page = client.get(path_of(link))
    assert page.status_code == 200
    assert "Letters to Minsk" in page.content.decode()


def test_a_member_organisation_picks_itself_and_brings_its_name_and_country(client, data):
    response = client.post(join_url(data["campaign"]), group_post(member=data["member"].pk, name="", country=""))
    assert response.status_code == 302
    group = ParticipatingGroup.objects.get(member=data["member"])
    assert (group.name, group.country_id) == ("Viasna Friends", "BY")


def test_a_group_without_name_or_country_is_told_what_is_missing(client, data):
    response = client.post(join_url(data["campaign"]), group_post(name="", country="", contact_email=""))
    assert response.status_code == 200
    errors = errors_of(response)
    assert "Give the group" in errors
    assert "Choose the group" in errors
    assert "This field is required." in errors
    assert response["Cache-Control"].startswith("no-store")
    assert ParticipatingGroup.objects.count() == 2  # the module's own two: nothing half-saved


@pytest.mark.parametrize(
    "website", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "ftp://files.example.org/"]
)
def test_a_website_that_is_not_http_is_refused(client, data, website):
    response = client.post(join_url(data["campaign"]), group_post(website=website))
    assert response.status_code == 200
    assert "Enter a web address starting with https:// or http://." in errors_of(response)
    assert not ParticipatingGroup.objects.filter(name="Letters to Minsk").exists()


def test_a_website_without_its_scheme_gets_https(client, data):
    client.post(join_url(data["campaign"]), group_post(website="letters.example.org"))
    assert ParticipatingGroup.objects.get(name="Letters to Minsk").website == "https://letters.example.org"


def test_a_very_long_description_is_refused_with_the_limit_and_the_text_is_kept(client, data):
    response = client.post(join_url(data["campaign"]), group_post(description="a" * 50_000))
    assert response.status_code == 200
    assert "at most 2000 characters" in errors_of(response)
    assert 'name="name" value="Letters to Minsk"' in response.content.decode()


def test_an_unknown_country_code_is_a_field_error(client, data):
    response = client.post(join_url(data["campaign"]), group_post(country="XX"))
    assert response.status_code == 200
    assert "Choose a country from the list." in errors_of(response)


def test_errors_are_in_the_visitors_language(client, data):
    response = client.post(join_url(data["campaign"], "ru"), group_post(contact_email=""))
    assert response.status_code == 200
    assert 'lang="ru"' in response.content.decode()
    assert "This field is required." not in errors_of(response)


def test_html_in_a_field_is_kept_as_text_and_shown_escaped(client, data):
    name = "<script>alert('x')</script><b>Bold</b>"
    client.post(join_url(data["campaign"]), group_post(name=name))
    group = ParticipatingGroup.objects.get(name=name)
    [email] = delivered()
    page = client.get(path_of(links_in(email)[0]))
    html = page.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt;" in html
    assert group.name == name


def test_a_double_submission_makes_one_group_and_one_email(client, data):
    first = client.post(join_url(data["campaign"]), group_post())
    second = client.post(join_url(data["campaign"]), group_post())
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert ParticipatingGroup.objects.filter(name="Letters to Minsk").count() == 1
    assert len(delivered()) == 1


def test_a_filled_honeypot_is_refused_and_saves_nothing(client, data):
    response = client.post(join_url(data["campaign"]), group_post(guard_homepage="http://spam.example"))
    assert response.status_code == 400
    assert not ParticipatingGroup.objects.filter(name="Letters to Minsk").exists()


def test_the_thank_you_page_says_what_happens_next_and_is_never_cached(client, data):
    response = client.get("/en/campaigns/sent/group/")
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert client.get("/en/campaigns/sent/anything/").status_code == 404


def test_the_thank_you_page_leads_back_to_the_campaign_in_the_visitors_language(client, data):
    english = client.get(f"/en/campaigns/sent/group/?campaign={data['russian'].pk}").content.decode()
    russian = client.get(f"/ru/campaigns/sent/group/?campaign={data['campaign'].pk}").content.decode()

    assert f'href="{data["campaign"].url}"' in english and "Back to Day of solidarity with Belarus" in english
    assert f'href="{data["russian"].url}"' in russian


@pytest.mark.parametrize("value", ["", "abc", "-1", "99999999", "1" * 40, "²"])
def test_a_thank_you_page_for_no_campaign_leads_home(client, data, value):
    response = client.get(f"/en/campaigns/sent/group/?campaign={value}")
    assert response.status_code == 200
    assert 'href="/en/"' in response.content.decode()


def test_a_draft_campaign_is_not_linked_from_the_thank_you_page(client, data):
    html = client.get(f"/en/campaigns/sent/group/?campaign={data['draft'].pk}").content.decode()
    assert "Draft campaign" not in html


# Activities


def test_an_activity_is_added_with_its_local_time_turned_into_utc(client, data):
    response = client.post(add_url(data["campaign"]), activity_post())
    assert response.status_code == 302
    assert response["Location"] == f"/en/campaigns/sent/activity/?campaign={data['campaign'].pk}"
    activity = Activity.objects.get(title="Evening of letters")
    assert activity.status == Status.PENDING
    assert activity.time_zone == "Asia/Tbilisi"  # Georgia has one time zone: guessed
    assert activity.starts_at.astimezone(datetime.UTC).hour == 14  # 18:00 in Tbilisi
    assert activity.local_start.hour == 18
    assert activity.language == "ka"
    [email] = delivered()
    assert email.to == ["nino@example.org"]
    assert "Evening of letters" in email.subject
    assert "/en/campaigns/activity-entry/" in links_in(email)[0]


def test_a_country_of_several_time_zones_asks_for_the_zone(client, data):
    response = client.post(add_url(data["campaign"]), activity_post(country="RU", city="Moscow"))
    assert response.status_code == 200
    assert "has several time zones" in errors_of(response)
    response = client.post(add_url(data["campaign"]), activity_post(country="RU", time_zone="Asia/Yekaterinburg"))
    assert response.status_code == 302
    assert Activity.objects.get(title="Evening of letters").starts_at.astimezone(datetime.UTC).hour == 13


def test_a_time_typed_without_the_date_picker_works(client, data):
    day = timezone.localdate() + datetime.timedelta(days=5)
    response = client.post(
        add_url(data["campaign"]),
        activity_post(starts_at=f"{day:%Y-%m-%d} 18:00", ends_at=f"{day:%Y-%m-%d} 19:30", time_zone="Europe/Berlin"),
    )
    assert response.status_code == 302


def test_an_end_before_the_start_is_refused(client, data):
    response = client.post(add_url(data["campaign"]), activity_post(ends_at=in_days(10, 16)))
    assert response.status_code == 200
    assert "The end must come after the start." in errors_of(response)
    assert not Activity.objects.filter(title="Evening of letters").exists()


def test_a_start_in_the_past_is_refused(client, data):
    response = client.post(add_url(data["campaign"]), activity_post(starts_at=in_days(-2), ends_at=in_days(-2, 20)))
    assert response.status_code == 200
    assert "The activity must start in the future." in errors_of(response)


@pytest.mark.parametrize("moment", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_a_date_at_the_ends_of_the_calendar_is_a_clear_error_not_an_overflow(client, data, moment):
    response = client.post(add_url(data["campaign"]), activity_post(starts_at=moment, time_zone="America/New_York"))
    assert response.status_code == 200
    assert "Give a date between 2000 and 2100." in errors_of(response)


def test_an_activity_of_more_than_a_month_is_refused(client, data):
    response = client.post(add_url(data["campaign"]), activity_post(ends_at=in_days(50, 20)))
    assert response.status_code == 200
    assert "An activity lasts at most 31 days." in errors_of(response)
    assert not Activity.objects.filter(title="Evening of letters").exists()


def test_a_date_that_is_no_date_is_a_clear_error(client, data):
    response = client.post(add_url(data["campaign"]), activity_post(starts_at="tomorrow evening"))
    assert "Enter the date and time like this" in errors_of(response)


def test_an_activity_needs_a_place_or_an_online_link(client, data):
    response = client.post(add_url(data["campaign"]), activity_post(city="", address=""))
    assert "or an online link" in errors_of(response)
    response = client.post(
        add_url(data["campaign"]), activity_post(city="", address="", online_url="https://meet.example.org/x")
    )
    assert response.status_code == 302


def test_an_online_link_must_be_http(client, data):
    response = client.post(add_url(data["campaign"]), activity_post(online_url="javascript:alert(1)"))
    assert "Enter a web address starting with https:// or http://." in errors_of(response)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kind", "riot", "Choose a kind of activity from the list."),
        ("country", "ZZ", "Choose a country from the list."),
        ("time_zone", "Mars/Olympus", "Choose a time zone from the list."),
        ("language", "xx-nope", "Choose a language from the list."),
        ("description", "d" * 50_000, "at most 5000 characters"),
        ("title", "", "This field is required."),
        ("capacity", "0", "greater than or equal to 1"),
    ],
)
def test_bad_activity_input_gets_a_field_error(client, data, field, value, message):
    response = client.post(add_url(data["campaign"]), activity_post(**{field: value}))
    assert response.status_code == 200
    assert message in errors_of(response)
    assert not Activity.objects.filter(title="Evening of letters").exists()


def test_the_organiser_is_an_approved_group_of_the_campaign_or_a_name(client, data):
    html = client.get(add_url(data["campaign"])).content.decode()
    assert "Approved circle" in html
    assert "Pending circle" not in html
    response = client.post(add_url(data["campaign"]), activity_post(organiser_group=data["pending_group"].pk))
    assert response.status_code == 200  # not a choice
    response = client.post(add_url(data["campaign"]), activity_post(organiser_name=""))
    assert "Give the organiser" in errors_of(response)
    response = client.post(
        add_url(data["campaign"]), activity_post(organiser_name="", organiser_group=data["approved_group"].pk)
    )
    assert response.status_code == 302
    assert Activity.objects.get(title="Evening of letters").organiser_group == data["approved_group"]


def test_a_double_submission_makes_one_activity_and_one_email(client, data):
    post = activity_post()
    client.post(add_url(data["campaign"]), post)
    client.post(add_url(data["campaign"]), {**post, **guard_fields(seconds_ago=30)})
    assert Activity.objects.filter(title="Evening of letters").count() == 1
    assert len(delivered()) == 1


def test_an_activity_added_in_russian_belongs_to_the_one_campaign(client, data):
    client.post(add_url(data["russian"], "ru"), activity_post())
    activity = Activity.objects.get(title="Evening of letters")
    assert activity.campaign_key == data["campaign"].campaign_key
    assert activity.sender_language == "ru"
    [email] = delivered()
    assert "/ru/campaigns/activity-entry/" in links_in(email)[0]


def test_pending_entries_are_nowhere_public(client, data):
    client.post(add_url(data["campaign"]), activity_post(title="Secret pending activity"))
    activity = Activity.objects.get(title="Secret pending activity")
    assert client.get(reverse("campaigns:sign_up_form", kwargs={"pk": activity.pk})).status_code == 404
    assert "Pending circle" not in client.get(add_url(data["campaign"])).content.decode()


# Writing to a contact: the old address leads to the question form, the person chosen


def test_the_old_write_to_address_leads_to_the_question_form_for_that_person(client, data):
    response = client.get(reverse("campaigns:contact_write", kwargs={"pk": data["contact"].pk}))
    assert response.status_code == 301
    assert response["Location"] == f"/en/questions/?contact={data['contact'].pk}"
    page = client.get(response["Location"]).content.decode()
    assert "Ales" in page
    assert "secret-coordinator@example.org" not in page


def test_a_contact_who_takes_no_messages_has_no_form(client, data):
    response = client.get(f"/en/questions/?contact={data['silent'].pk}")
    assert response.status_code == 404
    assert 'name="message"' not in response.content.decode()
    assert client.get("/en/questions/?contact=999999").status_code == 404
