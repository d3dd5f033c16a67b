"""The private links: a group's and an activity's entry (status, edit, withdraw, sign-up counts), and the sign-up's
page (confirm by a button, cancel, expired, waiting list); and the sign-up form itself (capacity, no enumeration)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from solidarity.campaigns import services
from solidarity.campaigns.models import Activity, ParticipatingGroup, SignUp, SignUpStatus, Status
from solidarity.core import crypto
from tests.campaigns import factories
from tests.mail import delivered, links_in
from tests.shared import shared_data
from tests.spam import guard_fields

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def campaign(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        yield factories.campaign_page(title="Day of solidarity")


def path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def assert_private(response) -> None:
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex"


def joined(client, campaign, language: str = "en", **overrides) -> tuple[ParticipatingGroup, str]:
    """A group joins through the form; its private link from the email."""
    post = {
        "name": "Letters to Minsk",
        "country": "LT",
        "city": "Vilnius",
        "contact_name": "Ona",
        "contact_email": "ona@example.org",
        **guard_fields(),
        **overrides,
    }
    assert client.post(f"/{language}/campaigns/{campaign.pk}/join/", post).status_code == 302
    [email] = delivered()
    return ParticipatingGroup.objects.get(name=post["name"]), path_of(links_in(email)[0])


def local(days: int, hour: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).strftime(f"%Y-%m-%dT{hour:02d}:00")


def activity_fields(**overrides) -> dict:
    return {
        "title": "Evening of letters",
        "description": "Postcards to prisoners.",
        "kind": "letters",
        "starts_at": local(10, 18),
        "ends_at": local(10, 20),
        "time_zone": "Asia/Tbilisi",
        "country": "GE",
        "city": "Tbilisi",
        "language": "en",
        "organiser_name": "Tbilisi letters",
        "capacity": "",
        **overrides,
    }


def added(client, campaign) -> tuple[Activity, str]:
    post = {**activity_fields(), "contact_name": "Nino", "contact_email": "nino@example.org", **guard_fields()}
    assert client.post(f"/en/campaigns/{campaign.pk}/add-activity/", post).status_code == 302
    [email] = delivered()
    return Activity.objects.get(title="Evening of letters"), path_of(links_in(email)[0])


# A group's entry


def test_the_private_link_shows_the_status_with_private_headers(client, campaign):
    _group, link = joined(client, campaign)
    response = client.get(link)
    assert response.status_code == 200
    assert_private(response)
    html = response.content.decode()
    assert "Waiting for approval" in html
    assert 'content="no-referrer"' in html
    assert "csrfmiddlewaretoken" not in html


def test_the_decision_and_its_message_show_behind_the_link(client, campaign, admin_user):
    group, link = joined(client, campaign)
    services.submission_decide(group, user=admin_user, approve=False, message="Please tell us more <b>first</b>.")
    html = client.get(link).content.decode()
    assert "Declined" in html
    assert "Please tell us more &lt;b&gt;first&lt;/b&gt;." in html


def test_an_edit_of_an_approved_entry_through_the_link_waits_for_approval_again(client, campaign, admin_user):
    """Nothing unreviewed goes public: approve something harmless, then change it, and it is pending again."""
    group, link = joined(client, campaign)
    services.submission_decide(group, user=admin_user, approve=True, message="Welcome")
    response = client.post(
        link, {"action": "save", "name": "Letters to Minsk and Grodno", "country": "LT", "city": "Kaunas"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{link}?done=saved"
    group.refresh_from_db()
    assert (group.name, group.city, group.status) == ("Letters to Minsk and Grodno", "Kaunas", Status.PENDING)
    assert (group.decided_by, group.decision_message) == (None, "")
    html = client.get(response["Location"]).content.decode()
    assert "Your changes are saved." in html
    assert "looks at it again before it is public" in html


def test_sending_an_approved_entry_unchanged_keeps_it_approved(client, campaign, admin_user):
    group, _link = joined(client, campaign)
    services.submission_decide(group, user=admin_user, approve=True)
    services.group_update(group, values={"name": group.name, "city": group.city})
    group.refresh_from_db()
    assert group.status == Status.APPROVED


def test_a_correction_by_the_countrys_coordinator_keeps_the_entry_approved(client, campaign, admin_user):
    group, _link = joined(client, campaign)
    services.submission_decide(group, user=admin_user, approve=True)
    services.group_update(group, values={"city": "Vilnius"}, corrected_by=admin_user)
    group.refresh_from_db()
    assert (group.city, group.status) == ("Vilnius", Status.APPROVED)


def test_a_bad_edit_is_refused_and_changes_nothing(client, campaign):
    group, link = joined(client, campaign)
    response = client.post(link, {"action": "save", "name": "", "country": "XX", "website": "javascript:alert(1)"})
    assert response.status_code == 200
    assert_private(response)
    html = response.content.decode()
    assert "Choose a country from the list." in html
    assert "Enter a web address starting with https:// or http://." in html
    group.refresh_from_db()
    assert group.name == "Letters to Minsk"


def test_withdrawing_takes_the_entry_back_for_good(client, campaign):
    group, link = joined(client, campaign)
    response = client.post(link, {"action": "withdraw"})
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.status == Status.WITHDRAWN
    html = client.get(response["Location"]).content.decode()
    assert "Your entry was withdrawn." in html
    assert "Save the changes" not in html
    client.post(link, {"action": "save", "name": "Back again", "country": "LT"})
    group.refresh_from_db()
    assert group.name == "Letters to Minsk"


def test_a_post_from_another_site_is_refused(client, campaign):
    group, link = joined(client, campaign)
    response = client.post(link, {"action": "withdraw"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    group.refresh_from_db()
    assert group.status == Status.PENDING


@pytest.mark.parametrize("path", ["group", "activity-entry", "sign-up"])
def test_an_unknown_token_is_a_private_404_in_the_visitors_language(client, campaign, path):
    response = client.get(f"/ru/campaigns/{path}/not-a-real-token-at-all/")
    assert response.status_code == 404
    assert_private(response)
    assert 'lang="ru"' in response.content.decode()


# An activity's entry


def test_the_organiser_sees_the_counts_never_the_people(client, campaign, admin_user):
    activity, link = added(client, campaign)
    services.submission_decide(activity, user=admin_user, approve=True)
    for number, (people, status) in enumerate([(2, SignUpStatus.CONFIRMED), (3, SignUpStatus.WAITING)]):
        sign_up = services.sign_up_request(
            activity=activity, name=f"Person {number}", email=f"p{number}@example.org", people=people, language="en"
        )
        SignUp.objects.filter(pk=sign_up.pk).update(status=status)
    response = client.get(link)
    assert_private(response)
    html = response.content.decode()
    assert re.search(r"People coming \(confirmed\)</dt><dd>2</dd>", html)
    assert re.search(r"People on the waiting list</dt><dd>3</dd>", html)
    assert "Person 0" not in html and "p0@example.org" not in html


def test_the_organiser_changes_the_time_and_an_end_before_the_start_is_refused(client, campaign):
    activity, link = added(client, campaign)
    response = client.post(link, {"action": "save", **activity_fields(starts_at=local(11, 17), ends_at=local(11, 19))})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.local_start.hour == 17
    response = client.post(link, {"action": "save", **activity_fields(ends_at=local(9, 19))})
    assert response.status_code == 200
    assert "The end must come after the start." in response.content.decode()


def test_an_activity_that_has_started_can_still_be_corrected_without_moving_its_start(client, campaign):
    activity = factories.activity(
        campaign,
        starts_at=timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(hours=1),
        hours=3,
        time_zone="Asia/Tbilisi",
    )
    from solidarity.core.tokens import private_token_new

    token, activity.private_token_hash = private_token_new()
    activity.save()
    link = reverse("campaigns:activity_entry", kwargs={"token": token})
    fields = activity_fields(
        starts_at=activity.local_start.strftime("%Y-%m-%dT%H:%M"),
        ends_at=activity.local_end.strftime("%Y-%m-%dT%H:%M"),
        title="Corrected title",
    )
    assert client.post(link, {"action": "save", **fields}).status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Corrected title"


# Signing up


def sign_up_post(**overrides) -> dict:
    return {"name": "Masha", "email": "masha@example.org", "people": "1", **guard_fields(), **overrides}


def form_url(activity) -> str:
    return reverse("campaigns:sign_up_form", kwargs={"pk": activity.pk})


def test_signing_up_mails_a_link_that_confirms_only_by_its_button(client, campaign):
    activity = factories.activity(campaign, capacity=10)
    page = client.get(form_url(activity))
    assert page.cookies == {}
    assert "10 places left." in page.content.decode()
    response = client.post(form_url(activity), sign_up_post(people="2"))
    assert response["Location"] == f"/en/campaigns/sent/sign-up/?campaign={campaign.pk}"
    [email] = delivered()
    assert email.to == ["masha@example.org"]
    assert activity.title in email.subject
    link = path_of(links_in(email)[0])
    opened = client.get(link)  # a mail scanner opening the link confirms nothing
    assert_private(opened)
    assert "Confirm my place" in opened.content.decode()
    assert SignUp.objects.get().status == SignUpStatus.UNCONFIRMED
    confirmed = client.post(link, {"action": "confirm"})
    assert confirmed.status_code == 302
    assert SignUp.objects.get().status == SignUpStatus.CONFIRMED
    html = client.get(confirmed["Location"]).content.decode()
    assert "your place is confirmed" in html
    assert "Cancel my place" in html
    assert services.places_left(activity) == 8


def test_the_confirmation_email_says_when_in_the_activitys_own_zone_and_where(client, campaign):
    starts_at = datetime.datetime(2030, 4, 30, 14, 0, tzinfo=datetime.UTC)  # 18:00 in Tbilisi
    activity = factories.activity(
        campaign, starts_at=starts_at, time_zone="Asia/Tbilisi", city="Tbilisi", address="Rustaveli 1", country="GE"
    )
    client.post(form_url(activity), sign_up_post())
    [email] = delivered()
    assert "When: April 30, 2030, 6 p.m. (Asia/Tbilisi)" in email.body
    assert "Where: Rustaveli 1, Tbilisi, Georgia" in email.body


def test_signing_up_in_russian_mails_in_russian(client, campaign):
    activity = factories.activity(campaign)
    client.post(f"/ru{form_url(activity)[3:]}", sign_up_post())
    [email] = delivered()
    assert "/ru/campaigns/sign-up/" in links_in(email)[0]
    assert SignUp.objects.get().language == "ru"


def test_the_same_email_signing_up_twice_gets_the_same_answer_and_one_sign_up(client, campaign):
    activity = factories.activity(campaign)
    first = client.post(form_url(activity), sign_up_post())
    second = client.post(form_url(activity), sign_up_post(email="MASHA@example.org", name="Someone else"))
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert first.content == second.content
    assert SignUp.objects.filter(activity=activity).count() == 1
    assert len(delivered()) == 2  # each request mails that address a working link


def test_bad_sign_up_input(client, campaign):
    activity = factories.activity(campaign)
    response = client.post(form_url(activity), sign_up_post(name="", email="nope", people="21"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert "Enter a valid email address." in html
    assert "less than or equal to 20" in html
    assert not SignUp.objects.exists()


def test_a_full_activity_without_a_waiting_list_says_full_and_takes_no_sign_up(client, campaign):
    activity = factories.activity(campaign, capacity=1)
    services.sign_up_confirm(
        services.sign_up_request(activity=activity, name="A", email="a@example.org", people=1, language="en")
    )
    page = client.get(form_url(activity)).content.decode()
    assert "This activity is full" in page
    assert 'name="email"' not in page
    client.post(form_url(activity), sign_up_post())
    assert SignUp.objects.count() == 1


def test_too_many_people_for_the_places_left_is_a_clear_error(client, campaign):
    activity = factories.activity(campaign, capacity=3)
    response = client.post(form_url(activity), sign_up_post(people="5"))
    assert response.status_code == 200
    assert "Only 3 places are left." in response.content.decode()


def test_a_full_activity_with_a_waiting_list_takes_sign_ups_onto_it(client, campaign):
    activity = factories.activity(campaign, capacity=1, waiting_list=True)
    services.sign_up_confirm(
        services.sign_up_request(activity=activity, name="A", email="a@example.org", people=1, language="en")
    )
    delivered()
    assert "join the waiting list" in client.get(form_url(activity)).content.decode()
    client.post(form_url(activity), sign_up_post())
    link = path_of(links_in(delivered()[-1])[0])
    response = client.post(link, {"action": "confirm"})
    assert SignUp.objects.get(email_hash=crypto.email_lookup_hash("masha@example.org")).status == SignUpStatus.WAITING
    assert "you are on the waiting list" in client.get(response["Location"]).content.decode()


def test_confirming_after_the_activity_filled_up_says_so(client, campaign):
    activity = factories.activity(campaign, capacity=1)
    client.post(form_url(activity), sign_up_post())
    link = path_of(links_in(delivered()[-1])[0])
    services.sign_up_confirm(
        services.sign_up_request(activity=activity, name="A", email="a@example.org", people=1, language="en")
    )
    response = client.post(link, {"action": "confirm"})
    assert response.status_code == 200
    assert "the activity filled up before you confirmed" in response.content.decode()
    assert (
        SignUp.objects.get(email_hash=crypto.email_lookup_hash("masha@example.org")).status == SignUpStatus.UNCONFIRMED
    )


def test_cancelling_moves_the_waiting_list_up_and_tells_them(client, campaign):
    activity = factories.activity(campaign, capacity=1, waiting_list=True)
    client.post(form_url(activity), sign_up_post())
    first_link = path_of(links_in(delivered()[-1])[0])
    client.post(first_link, {"action": "confirm"})
    waiting = services.sign_up_confirm(
        services.sign_up_request(activity=activity, name="Wait", email="wait@example.org", people=1, language="en")
    )
    assert waiting.status == SignUpStatus.WAITING
    mail_count = len(delivered())
    response = client.post(first_link, {"action": "cancel"})
    assert response.status_code == 302
    assert "Your sign-up is cancelled." in client.get(response["Location"]).content.decode()
    waiting.refresh_from_db()
    assert waiting.status == SignUpStatus.CONFIRMED
    emails = delivered()[mail_count:]
    assert [email.to for email in emails] == [["wait@example.org"]]
    place_link = path_of(links_in(emails[0])[0])
    assert "Cancel my place" in client.get(place_link).content.decode()


def test_an_expired_link_says_so_and_links_to_sign_up_again(client, campaign):
    activity = factories.activity(campaign)
    client.post(form_url(activity), sign_up_post())
    link = path_of(links_in(delivered()[-1])[0])
    SignUp.objects.update(created_at=timezone.now() - datetime.timedelta(days=services.SIGN_UP_LINK_DAYS + 1))
    html = client.get(link).content.decode()
    assert "This link has expired." in html
    assert f'href="{form_url(activity)}"' in html
    response = client.post(link, {"action": "confirm"})
    assert "This link has expired." in response.content.decode()
    assert SignUp.objects.get().status == SignUpStatus.UNCONFIRMED


def test_sign_ups_for_a_pending_or_past_activity_are_closed(client, campaign):
    pending = factories.activity(campaign, status=Status.PENDING)
    assert client.get(form_url(pending)).status_code == 404
    past = factories.activity(campaign, starts_at=timezone.now() - datetime.timedelta(days=3))
    page = client.get(form_url(past)).content.decode()
    assert "sign-ups are closed" in page
    client.post(form_url(past), sign_up_post())
    assert not SignUp.objects.exists()


def test_the_sign_up_page_gives_the_time_where_the_activity_happens(client, campaign):
    day = timezone.now().date() + datetime.timedelta(days=12)
    starts_at = datetime.datetime.combine(day, datetime.time(14, 0), tzinfo=datetime.UTC)  # 18:00 in Tbilisi
    activity = factories.activity(campaign, starts_at=starts_at, time_zone="Asia/Tbilisi")
    html = client.get(form_url(activity)).content.decode()
    assert "6 p.m." in html
    assert "Asia/Tbilisi" in html


def test_more_places_from_the_organiser_go_to_the_waiting_list(client, campaign):
    activity, link = added(client, campaign)
    Activity.objects.filter(pk=activity.pk).update(status=Status.APPROVED, capacity=1, waiting_list=True)
    activity.refresh_from_db()
    for email in ("first@example.org", "second@example.org"):
        services.sign_up_confirm(
            services.sign_up_request(activity=activity, name="P", email=email, people=1, language="en")
        )
    waiting = SignUp.objects.get(email_hash=crypto.email_lookup_hash("second@example.org"))
    assert waiting.status == SignUpStatus.WAITING
    mail_count = len(delivered())
    fields = activity_fields(capacity="2", waiting_list="on")
    assert client.post(link, {"action": "save", **fields}).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == SignUpStatus.CONFIRMED
    assert [email.to for email in delivered()[mail_count:]] == [["second@example.org"]]


def test_a_sign_up_for_a_withdrawn_activity_cannot_be_confirmed(client, campaign):
    activity = factories.activity(campaign)
    client.post(form_url(activity), sign_up_post())
    link = path_of(links_in(delivered()[-1])[0])
    services.submission_withdraw(activity)
    assert "its organiser withdrew it" in client.get(link).content.decode()
    response = client.post(link, {"action": "confirm"})
    assert "Sign-ups for this activity are closed." in response.content.decode()
    assert SignUp.objects.get().status == SignUpStatus.UNCONFIRMED


def test_an_entry_withdrawn_and_sent_again_is_a_new_one(client, campaign):
    _group, link = joined(client, campaign)
    client.post(link, {"action": "withdraw"})
    post = {"name": "Letters to Minsk", "country": "LT", "city": "Vilnius", "contact_name": "Ona"}
    post.update(contact_email="ona@example.org", **guard_fields())
    assert client.post(f"/en/campaigns/{campaign.pk}/join/", post).status_code == 302
    [email] = delivered()[1:]
    assert path_of(links_in(email)[0]) != link
    assert ParticipatingGroup.objects.filter(name="Letters to Minsk", status=Status.PENDING).count() == 1


def test_the_sign_up_confirmation_carries_nothing_typed_to_the_unchecked_address(campaign):
    activity = factories.activity(campaign, capacity=5)
    services.sign_up_request(
        activity=activity, name="Win a prize at https://example.net/", email="b@example.org", people=1, language="en"
    )

    [email] = delivered()
    assert "prize" not in email.body and "example.net" not in email.body
    assert email.body.startswith("Hello,")
