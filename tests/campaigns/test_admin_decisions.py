"""The campaigns' admin: groups and activities listed for the user's countries, pending first; approved or
declined through the decision page (and only there), the sender mailed in their language; the dashboard's queues."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from solidarity.campaigns import services
from solidarity.campaigns.models import Activity, ParticipatingGroup, Status
from solidarity.campaigns.waiting import activities_to_approve, groups_to_approve
from solidarity.core.outbox import OutgoingEmail
from tests.campaigns import factories
from tests.factories import staff_member
from tests.mail import delivered
from tests.shared import shared_data
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

GROUPS = "/admin/snippets/campaigns/participatinggroup/"
ACTIVITIES = "/admin/snippets/campaigns/activity/"


def make_data() -> dict[str, Any]:
    campaign = factories.campaign_page(title="Day of solidarity")
    factories.campaign_translation(campaign, "ru", title="День солидарности 2026")
    data: dict[str, Any] = {
        "campaign": campaign,
        "editor": staff_member("editor", "Editors"),
        "coordinator": staff_member("coordinator", "Country coordinators", ["BY"]),
        "moderator": staff_member("moderator", "Moderators"),
    }
    for code, marker in (("BY", "zubrmarker"), ("RU", "kalinkamarker")):
        data[code] = {
            "group": factories.group(
                campaign,
                country=code,
                status=Status.PENDING,
                name=f"{marker} group",
                email=f"{code.lower()}-group@example.org",
            ),
            "activity": factories.activity(
                campaign,
                country=code,
                status=Status.PENDING,
                title=f"{marker} picket",
                email=f"{code.lower()}-activity@example.org",
            ),
            "approved": factories.group(campaign, country=code, name=f"{marker} approved group"),
        }
    ParticipatingGroup.objects.filter(pk=data["BY"]["group"].pk).update(
        contact_name="Alesia Secretname", sender_language="ru"
    )
    data["BY"]["group"].refresh_from_db()
    return data


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        yield make_data()


def logged_in(user: Any) -> Client:
    client = Client()
    login_staff(client, user)
    return client


def decide(client: Client, record: Any, decision: str, message: str = "") -> Any:
    base = GROUPS if isinstance(record, ParticipatingGroup) else ACTIVITIES
    return client.post(f"{base}decide/{record.pk}/", {"decision": decision, "message": message})


# Listings


def test_the_belarus_coordinator_lists_only_belarusian_groups_and_activities(data):
    client = logged_in(data["coordinator"])
    groups = client.get(GROUPS).content.decode()
    activities = client.get(ACTIVITIES).content.decode()

    assert "zubrmarker group" in groups and "zubrmarker picket" in activities
    assert "kalinkamarker" not in groups and "kalinkamarker" not in activities


def test_an_editor_lists_every_country(data):
    groups = logged_in(data["editor"]).get(GROUPS).content.decode()

    assert "zubrmarker group" in groups and "kalinkamarker group" in groups


def test_pending_groups_come_first(data):
    groups = logged_in(data["editor"]).get(GROUPS).content.decode()

    assert groups.index("kalinkamarker group") < groups.index("zubrmarker approved group")
    assert groups.index("zubrmarker group") < groups.index("kalinkamarker approved group")


def test_the_listing_filters_by_status_country_and_campaign(data):
    client = logged_in(data["editor"])
    other = factories.campaign_page(title="Another day")
    factories.group(other, country="BY", name="other campaign group")
    key = data["campaign"].campaign_key

    approved = client.get(GROUPS, {"status": "approved"}).content.decode()
    russian = client.get(GROUPS, {"country": "RU"}).content.decode()
    of_campaign = client.get(GROUPS, {"campaign": str(key)}).content.decode()

    assert "approved group" in approved and "zubrmarker group<" not in approved
    assert "kalinkamarker group" in russian and "zubrmarker" not in russian
    assert "zubrmarker group" in of_campaign and "other campaign group" not in of_campaign
    assert "Another day" in of_campaign  # offered as a choice of the filter


def test_filters_with_values_that_are_none_of_the_choices_answer_without_failing(data):
    client = logged_in(data["coordinator"])

    for url in (GROUPS, ACTIVITIES, "/admin/snippets/campaigns/signup/", "/admin/snippets/campaigns/countrycontact/"):
        response = client.get(url, {"campaign": "not-a-key", "status": "maybe", "country": "RU"})
        assert response.status_code == 200, url
        assert "kalinkamarker" not in response.content.decode()


def test_a_message_longer_than_allowed_is_refused_and_kept_in_the_form(data):
    response = decide(logged_in(data["coordinator"]), data["BY"]["group"], "approve", "x" * 2001)

    assert response.status_code == 200
    assert "x" * 2001 in response.content.decode()
    assert ParticipatingGroup.objects.get(pk=data["BY"]["group"].pk).status == Status.PENDING


def test_the_campaign_shows_by_its_title_in_the_editors_language(data):
    profile = UserProfile.get_for_user(data["editor"])
    profile.preferred_language = "ru"
    profile.save()

    groups = logged_in(data["editor"]).get(GROUPS).content.decode()

    assert "День солидарности" in groups


def test_the_coordinator_filters_by_their_countries_only(data):
    groups = logged_in(data["coordinator"]).get(GROUPS).content.decode()

    assert 'value="BY"' in groups
    assert 'value="RU"' not in groups


def test_contact_details_are_not_in_listings_but_on_the_decision_page(data):
    client = logged_in(data["coordinator"])
    group = data["BY"]["group"]

    listing = client.get(GROUPS).content.decode()
    page = client.get(f"{GROUPS}decide/{group.pk}/").content.decode()

    assert "Alesia Secretname" not in listing and "by-group@example.org" not in listing
    assert "Alesia Secretname" in page and "by-group@example.org" in page


# Decisions


def test_the_coordinator_approves_a_belarusian_group_and_the_sender_is_mailed_in_their_language(data):
    group = data["BY"]["group"]

    response = decide(logged_in(data["coordinator"]), group, "approve", "Welcome aboard, see you on the day.")
    group.refresh_from_db()
    [email] = delivered()
    queued = OutgoingEmail.objects.get(purpose="campaigns.group_approved")

    assert response.status_code == 302
    assert group.status == Status.APPROVED and group.decided_by == data["coordinator"]
    assert email.to == ["by-group@example.org"]
    assert "Welcome aboard, see you on the day." in email.body
    assert "День солидарности" in email.body  # the campaign's page in the sender's language
    assert queued.language == "ru"


def test_declining_an_activity_sends_the_decline_with_the_message(data):
    activity = data["BY"]["activity"]

    decide(logged_in(data["coordinator"]), activity, "decline", "The date clashes with another picket.")
    activity.refresh_from_db()
    [email] = delivered()

    assert activity.status == Status.DECLINED
    assert email.to == ["by-activity@example.org"]
    assert "The date clashes with another picket." in email.body
    assert "was not added" in email.body


def test_a_decision_is_in_the_records_history(data):
    group = data["BY"]["group"]
    client = logged_in(data["coordinator"])

    decide(client, group, "approve")
    history = client.get(f"{GROUPS}history/{group.pk}/").content.decode()

    assert ModelLogEntry.objects.filter(action="campaigns.approve", object_id=str(group.pk)).count() == 1
    assert "Approved" in history


def test_the_belarus_coordinator_cannot_decide_on_a_russian_activity(data):
    activity = data["RU"]["activity"]
    client = logged_in(data["coordinator"])

    opened = client.get(f"{ACTIVITIES}decide/{activity.pk}/")
    posted = decide(client, activity, "approve")
    activity.refresh_from_db()

    assert opened.status_code == 404 and posted.status_code == 404
    assert activity.status == Status.PENDING
    assert delivered() == []


def test_the_service_refuses_the_belarus_coordinator_a_russian_activity(data):
    with pytest.raises(PermissionDenied):
        services.submission_decide(data["RU"]["activity"], user=data["coordinator"], approve=True)


def test_an_editor_approves_any_country(data):
    activity = data["RU"]["activity"]

    response = decide(logged_in(data["editor"]), activity, "approve")
    activity.refresh_from_db()

    assert response.status_code == 302 and activity.status == Status.APPROVED
    assert [email.to for email in delivered()] == [["ru-activity@example.org"]]


def test_a_moderator_may_not_decide(data):
    response = decide(logged_in(data["moderator"]), data["BY"]["group"], "approve")

    assert response.status_code in (302, 403)
    assert ParticipatingGroup.objects.get(pk=data["BY"]["group"].pk).status == Status.PENDING


def test_a_withdrawn_entry_cannot_be_decided(data):
    activity = data["BY"]["activity"]
    services.submission_withdraw(activity)
    client = logged_in(data["coordinator"])

    page = client.get(f"{ACTIVITIES}decide/{activity.pk}/").content.decode()
    response = decide(client, activity, "approve")
    activity.refresh_from_db()

    assert "withdrew this entry" in page
    assert response.status_code == 200 and "withdrew this entry" in response.content.decode()
    assert activity.status == Status.WITHDRAWN
    with pytest.raises(ValidationError):
        services.submission_decide(activity, user=data["editor"], approve=True)


def test_a_decision_needs_approve_or_decline(data):
    response = decide(logged_in(data["coordinator"]), data["BY"]["group"], "maybe")

    assert response.status_code == 200
    assert ParticipatingGroup.objects.get(pk=data["BY"]["group"].pk).status == Status.PENDING


# Corrections


def test_the_coordinator_corrects_a_typo_but_the_status_stays(data):
    group = data["BY"]["group"]
    response = logged_in(data["coordinator"]).post(
        f"{GROUPS}edit/{group.pk}/",
        {
            "name": "Minsk solidarity circle",
            "country": "BY",
            "city": "Minsk",
            "website": "",
            "description": "",
            "status": "approved",
        },
    )
    group.refresh_from_db()

    assert response.status_code == 302
    assert group.name == "Minsk solidarity circle" and group.city == "Minsk"
    assert group.status == Status.PENDING


def test_the_coordinator_cannot_move_a_group_to_another_country(data):
    group = data["BY"]["group"]
    response = logged_in(data["coordinator"]).post(
        f"{GROUPS}edit/{group.pk}/", {"name": group.name, "country": "RU", "city": "", "website": "", "description": ""}
    )
    group.refresh_from_db()

    assert response.status_code == 200
    assert group.country_id == "BY"


def test_the_coordinator_cannot_open_a_russian_groups_edit_page(data):
    response = logged_in(data["coordinator"]).get(f"{GROUPS}edit/{data['RU']['group'].pk}/")

    assert response.status_code == 404


def test_a_withdrawn_activity_cannot_be_corrected(data):
    activity = data["BY"]["activity"]
    services.submission_withdraw(activity)
    edit = logged_in(data["editor"]).get(f"{ACTIVITIES}edit/{activity.pk}/")
    form = edit.context["form"]
    post = {name: form[name].value() or "" for name in form.fields}
    post.update(title="A new title")

    response = logged_in(data["editor"]).post(f"{ACTIVITIES}edit/{activity.pk}/", _flatten(form, post))

    assert response.status_code == 200
    assert "withdrawn" in response.content.decode()
    assert Activity.objects.get(pk=activity.pk).title == "zubrmarker picket"


def _flatten(form: Any, values: dict[str, Any]) -> dict[str, Any]:
    """What the browser sends for the edit form: split date-time widgets as their parts."""
    flat = {}
    for name, value in values.items():
        widget = form.fields[name].widget
        flat[name] = widget.format_value(value) if hasattr(widget, "format_value") and value != "" else value
    return flat


# The dashboard


def test_the_coordinators_queues_hold_belarus_only(data):
    groups = groups_to_approve(data["coordinator"])
    activities = activities_to_approve(data["coordinator"])

    assert [item.title for item in groups] == ["zubrmarker group"]
    assert [item.title for item in activities] == ["zubrmarker picket"]
    assert groups[0].url == f"{GROUPS}decide/{data['BY']['group'].pk}/"
    assert "Day of solidarity" in groups[0].detail


def test_the_editors_queues_hold_every_country_and_a_decided_one_leaves(data):
    services.submission_decide(data["RU"]["group"], user=data["editor"], approve=False)

    assert [item.title for item in groups_to_approve(data["editor"])] == ["zubrmarker group"]
    assert len(activities_to_approve(data["editor"])) == 2


def test_a_moderator_has_nothing_to_approve(data):
    assert groups_to_approve(data["moderator"]) == [] and activities_to_approve(data["moderator"]) == []


def test_the_dashboard_shows_the_queues(data):
    page = logged_in(data["coordinator"]).get("/admin/").content.decode()

    assert "Groups to approve" in page and "Activities to approve" in page
    assert "zubrmarker group" in page and "kalinkamarker" not in page


# Bulk decisions


def bulk(client: Client, action: str, *records: Any, message: str = "") -> Any:
    model = records[0]._meta.model_name
    query = "&".join(f"id={record.pk}" for record in records)
    return client.post(f"/admin/bulk/campaigns/{model}/{action}/?{query}", {"message": message})


def test_an_editor_approves_several_activities_at_once(data):
    by, ru = data["BY"]["activity"], data["RU"]["activity"]

    response = bulk(logged_in(data["editor"]), "approve", by, ru, message="See you there.")
    statuses = set(Activity.objects.filter(pk__in=[by.pk, ru.pk]).values_list("status", flat=True))
    emails = delivered()

    assert response.status_code == 302
    assert statuses == {Status.APPROVED}
    assert sorted(email.to[0] for email in emails) == ["by-activity@example.org", "ru-activity@example.org"]
    assert all("See you there." in email.body for email in emails)


def test_the_belarus_coordinator_declines_in_bulk_only_belarusian_entries(data):
    client = logged_in(data["coordinator"])

    refused = bulk(client, "decline", data["BY"]["group"], data["RU"]["group"])
    declined = bulk(client, "decline", data["BY"]["group"])

    assert refused.status_code == 404
    assert declined.status_code == 302
    assert ParticipatingGroup.objects.get(pk=data["BY"]["group"].pk).status == Status.DECLINED
    assert ParticipatingGroup.objects.get(pk=data["RU"]["group"].pk).status == Status.PENDING


def test_a_withdrawn_entry_is_left_out_of_a_bulk_decision(data):
    withdrawn, pending = data["BY"]["activity"], data["RU"]["activity"]
    services.submission_withdraw(withdrawn)

    page = (
        logged_in(data["editor"])
        .get(f"/admin/bulk/campaigns/activity/approve/?id={withdrawn.pk}&id={pending.pk}")
        .content.decode()
    )
    bulk(logged_in(data["editor"]), "approve", withdrawn, pending)

    assert "cannot be decided here" in page
    assert Activity.objects.get(pk=withdrawn.pk).status == Status.WITHDRAWN
    assert Activity.objects.get(pk=pending.pk).status == Status.APPROVED


def test_a_correction_with_an_unknown_time_zone_is_refused(data):
    activity = data["BY"]["activity"]
    client = logged_in(data["coordinator"])
    form = client.get(f"{ACTIVITIES}edit/{activity.pk}/").context["form"]
    post = _flatten(form, {name: form[name].value() or "" for name in form.fields})
    post.update(time_zone="Mars/Olympus", title="Corrected title")

    response = client.post(f"{ACTIVITIES}edit/{activity.pk}/", post)

    assert response.status_code == 200
    assert "Give a time zone by its name" in response.content.decode()
    assert Activity.objects.get(pk=activity.pk).time_zone == "Europe/Vilnius"


def test_the_coordinator_corrects_an_activitys_title(data):
    activity = data["BY"]["activity"]
    client = logged_in(data["coordinator"])
    form = client.get(f"{ACTIVITIES}edit/{activity.pk}/").context["form"]
    post = _flatten(form, {name: form[name].value() or "" for name in form.fields})
    post.update(title="Corrected title")

    response = client.post(f"{ACTIVITIES}edit/{activity.pk}/", post)
    activity.refresh_from_db()

    assert response.status_code == 302
    assert activity.title == "Corrected title" and activity.status == Status.PENDING
