"""The campaigns' admin: sign-ups (listed without names; per activity with names, and as an audited CSV with
emails for its country's coordinator), country contacts kept by editors and their countries' coordinators, and
the messages written to contacts (questions now, in the questions' inboxes)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from solidarity.campaigns.models import CountryContact, SignUp, SignUpStatus
from solidarity.core.crypto import email_lookup_hash
from solidarity.core.tokens import private_token_new
from tests.campaigns import factories
from tests.discussion.factories import question
from tests.factories import staff_member
from tests.shared import shared_data
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

ACTIVITIES = "/admin/snippets/campaigns/activity/"
SIGN_UPS = "/admin/snippets/campaigns/signup/"
CONTACTS = "/admin/snippets/campaigns/countrycontact/"
MESSAGES = "/admin/questions/"


def sign_up(activity: Any, name: str, email: str, *, people: int = 1, status: str = SignUpStatus.CONFIRMED) -> SignUp:
    return SignUp.objects.create(
        activity=activity,
        name=name,
        email=email,
        email_hash=email_lookup_hash(email),
        private_token_hash=private_token_new()[1],
        people=people,
        language="en",
        status=status,
        confirmed_at=None if status == SignUpStatus.UNCONFIRMED else timezone.now(),
    )


def make_data() -> dict[str, Any]:
    campaign = factories.campaign_page(title="Day of solidarity")
    data: dict[str, Any] = {
        "campaign": campaign,
        "editor": staff_member("editor", "Editors"),
        "coordinator": staff_member("coordinator", "Country coordinators", ["BY"]),
    }
    for code, marker in (("BY", "zubrmarker"), ("RU", "kalinkamarker")):
        activity = factories.activity(campaign, country=code, title=f"{marker} picket", capacity=30)
        contact = factories.contact(campaign, country=code, name=f"{marker} contact", email=f"{code}-c@example.org")
        data[code] = {
            "activity": activity,
            "first": sign_up(activity, f"{marker} Ales", f"{code}-ales@example.org", people=3),
            "second": sign_up(activity, "=HYPERLINK(1)", f"{code}-second@example.org", status=SignUpStatus.WAITING),
            # Anyone can type anyone's address: an unconfirmed sign-up is nobody's list until it is confirmed.
            "stranger": sign_up(
                activity, f"{marker} Stranger", f"{code}-stranger@example.org", status=SignUpStatus.UNCONFIRMED
            ),
            "contact": contact,
            "message": question(
                contact=contact,
                country=None,
                name="Secret Writer",
                email="writer@example.org",
                text=f"{marker} question about the picket",
            ),
        }
    return data


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        yield make_data()


def logged_in(user: Any) -> Client:
    client = Client()
    login_staff(client, user)
    return client


def sign_ups_url(activity: Any) -> str:
    return f"{ACTIVITIES}sign-ups/{activity.pk}/"


def rows_of(response: Any) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


# Sign-ups


def test_the_coordinator_sees_who_signed_up_for_a_belarusian_activity(data):
    page = logged_in(data["coordinator"]).get(sign_ups_url(data["BY"]["activity"])).content.decode()

    assert "zubrmarker Ales" in page
    assert "On the waiting list" in page and "Confirmed" in page
    assert "3 people confirmed." in page
    assert "Stranger" not in page  # never confirmed: not on the list
    assert "BY-ales@example.org" not in page  # emails only in the CSV


def test_the_sign_ups_of_a_russian_activity_are_refused_to_the_belarus_coordinator(data):
    client = logged_in(data["coordinator"])

    assert client.get(sign_ups_url(data["RU"]["activity"])).status_code == 404
    assert client.get(sign_ups_url(data["RU"]["activity"]) + "?export=csv").status_code == 404


def test_the_csv_holds_name_email_people_status_and_confirmation(data):
    response = logged_in(data["coordinator"]).get(sign_ups_url(data["BY"]["activity"]) + "?export=csv")
    header, first, second = rows_of(response)

    assert response["Content-Type"].startswith("text/csv")
    assert header == ["Name", "Email", "People", "Status", "Confirmed"]
    assert first[:4] == ["zubrmarker Ales", "BY-ales@example.org", "3", "Confirmed"] and first[4]
    assert second[:4] == ["'=HYPERLINK(1)", "BY-second@example.org", "1", "On the waiting list"]


def test_each_csv_export_is_in_the_audit_log(data):
    logged_in(data["coordinator"]).get(sign_ups_url(data["BY"]["activity"]) + "?export=csv")
    [entry] = ModelLogEntry.objects.filter(action="solidarity.export", user=data["coordinator"])

    assert entry.data == {"model": "campaigns.SignUp", "format": "csv", "count": 2}


def test_an_editor_exports_any_countrys_sign_ups(data):
    response = logged_in(data["editor"]).get(sign_ups_url(data["RU"]["activity"]) + "?export=csv")

    assert [row[1] for row in rows_of(response)[1:]] == ["RU-ales@example.org", "RU-second@example.org"]


def test_the_sign_ups_listing_names_nobody(data):
    listing = logged_in(data["editor"]).get(SIGN_UPS).content.decode()

    assert "zubrmarker picket" in listing and "kalinkamarker picket" in listing
    assert "Ales" not in listing and "example.org" not in listing


def test_the_coordinators_sign_ups_listing_holds_belarus_only(data):
    listing = logged_in(data["coordinator"]).get(SIGN_UPS).content.decode()

    assert "zubrmarker picket" in listing and "kalinkamarker" not in listing


def test_nobody_adds_or_edits_a_sign_up_in_the_admin(data):
    client = logged_in(data["editor"])

    assert client.get(f"{SIGN_UPS}add/").status_code in (302, 403)
    assert client.get(f"{SIGN_UPS}edit/{data['BY']['first'].pk}/").status_code in (302, 403)


def test_an_editor_deletes_a_sign_up_and_a_coordinator_may_not(data):
    first = data["BY"]["first"]

    refused = logged_in(data["coordinator"]).post(f"{SIGN_UPS}delete/{first.pk}/")
    assert refused.status_code in (302, 403) and SignUp.objects.filter(pk=first.pk).exists()

    deleted = logged_in(data["editor"]).post(f"{SIGN_UPS}delete/{first.pk}/")
    assert deleted.status_code == 302 and not SignUp.objects.filter(pk=first.pk).exists()


# Country contacts


def contact_post(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    values = {
        "campaign": str(data["campaign"].campaign_key),
        "country": "BY",
        "name": "Nina Invented",
        "role": "Coordinator for Belarus",
        "phone": "+375 (17) 555-01-23",
        "show_phone": "on",
        "email": "nina@example.org",
        "accepts_messages": "on",
        "sort_order": "0",
    }
    values.update(changes)
    return {name: value for name, value in values.items() if value is not None}


def test_the_coordinator_adds_a_contact_of_their_country_to_a_campaign(data):
    response = logged_in(data["coordinator"]).post(f"{CONTACTS}add/", contact_post(data))
    contact = CountryContact.objects.get(name="Nina Invented")

    assert response.status_code == 302
    assert contact.campaign_key == data["campaign"].campaign_key
    assert (contact.country_id, contact.phone, contact.email) == ("BY", "+375 (17) 555-01-23", "nina@example.org")


def test_the_coordinator_is_offered_their_countries_only_and_cannot_add_another(data):
    client = logged_in(data["coordinator"])
    form = client.get(f"{CONTACTS}add/").content.decode()
    response = client.post(f"{CONTACTS}add/", contact_post(data, country="RU"))

    assert 'value="BY"' in form and 'value="RU"' not in form
    assert "Day of solidarity" in form  # the campaign offered by its page
    assert response.status_code == 200
    assert not CountryContact.objects.filter(name="Nina Invented").exists()


def test_an_editor_adds_a_contact_of_any_country(data):
    response = logged_in(data["editor"]).post(f"{CONTACTS}add/", contact_post(data, country="RU"))

    assert response.status_code == 302
    assert CountryContact.objects.get(name="Nina Invented").country_id == "RU"


@pytest.mark.parametrize("phone", ["call me", "+375 17 555 01 23 ext. 4", "12", "<b>5550123</b>"])
def test_a_phone_number_is_digits_spaces_plus_dashes_and_parentheses(data, phone):
    response = logged_in(data["editor"]).post(f"{CONTACTS}add/", contact_post(data, phone=phone))

    assert response.status_code == 200
    assert "Write the number with digits" in response.content.decode()
    assert "Nina Invented" in response.content.decode()  # what was typed stays in the form


def test_showing_a_phone_needs_a_number_and_the_write_to_link_an_email(data):
    response = logged_in(data["editor"]).post(f"{CONTACTS}add/", contact_post(data, phone="", email=""))
    page = response.content.decode()

    assert response.status_code == 200
    assert "Give the number to show" in page
    assert "needs the contact" in page


def test_a_campaign_that_is_no_campaign_is_refused(data):
    response = logged_in(data["editor"]).post(
        f"{CONTACTS}add/", contact_post(data, campaign="00000000-0000-0000-0000-000000000000")
    )

    assert response.status_code == 200
    assert not CountryContact.objects.filter(name="Nina Invented").exists()


def test_the_coordinator_edits_and_deletes_a_belarusian_contact_but_not_a_russian_one(data):
    client = logged_in(data["coordinator"])
    belarusian, russian = data["BY"]["contact"], data["RU"]["contact"]

    edited = client.post(f"{CONTACTS}edit/{belarusian.pk}/", contact_post(data, name="Renamed contact"))
    refused_edit = client.get(f"{CONTACTS}edit/{russian.pk}/")
    refused_delete = client.post(f"{CONTACTS}delete/{russian.pk}/")
    deleted = client.post(f"{CONTACTS}delete/{belarusian.pk}/")

    assert edited.status_code == 302
    assert refused_edit.status_code == 404 and refused_delete.status_code == 404
    assert CountryContact.objects.filter(pk=russian.pk).exists()
    assert deleted.status_code == 302 and not CountryContact.objects.filter(pk=belarusian.pk).exists()


def test_the_contacts_listing_shows_no_email_or_phone(data):
    listing = logged_in(data["editor"]).get(CONTACTS).content.decode()

    assert "zubrmarker contact" in listing and "kalinkamarker contact" in listing
    assert "BY-c@example.org" not in listing


def test_the_coordinators_contacts_listing_holds_belarus_only(data):
    listing = logged_in(data["coordinator"]).get(CONTACTS).content.decode()

    assert "zubrmarker contact" in listing and "kalinkamarker" not in listing


# Messages to contacts: questions to the contact's country's inbox


def test_messages_are_listed_by_whose_inbox_they_are_in_not_by_who_wrote_what(data):
    listing = logged_in(data["coordinator"]).get(MESSAGES).content.decode()

    assert f"{MESSAGES}{data['BY']['message'].pk}/" in listing
    assert f"{MESSAGES}{data['RU']['message'].pk}/" not in listing
    assert "Secret Writer" not in listing and "question about" not in listing and "writer@example.org" not in listing


def test_a_message_is_read_on_its_own_page_in_the_coordinators_countries_only(data):
    client = logged_in(data["coordinator"])

    page = client.get(f"{MESSAGES}{data['BY']['message'].pk}/").content.decode()
    refused = client.get(f"{MESSAGES}{data['RU']['message'].pk}/")

    assert "zubrmarker question about the picket" in page and "writer@example.org" in page
    assert refused.status_code == 404


def test_the_old_messages_snippet_is_gone(data):
    client = logged_in(data["editor"])

    assert client.get("/admin/snippets/campaigns/contactmessage/").status_code == 404
