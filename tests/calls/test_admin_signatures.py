"""The public calls' admin: signatures listed (read only, no email) for the user's countries; an organisation's
signature checked through its check page (and only there, through the one gate); the dashboard's queue; bulk checks.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from wagtail.models import ModelLogEntry

from solidarity.calls import queries, services
from solidarity.calls.models import Review, Signature
from solidarity.calls.waiting import organisations_to_check
from tests.calls import factories
from tests.factories import staff_member
from tests.mail import delivered
from tests.shared import shared_data
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

SIGNATURES = "/admin/snippets/calls/signature/"


def make_data() -> dict[str, Any]:
    call = factories.public_call(title="Free the journalists", countries=("BY", "RU"))
    other = factories.public_call(title="Stop the executions")
    data: dict[str, Any] = {
        "call": call,
        "other": other,
        "editor": staff_member("editor", "Editors"),
        "coordinator": staff_member("coordinator", "Country coordinators", ["BY"]),
        "moderator": staff_member("moderator", "Moderators"),
        "translator": staff_member("translator", "Translators"),
    }
    for code, marker in (("BY", "zubrmarker"), ("RU", "kalinkamarker")):
        data[code] = {
            "person": factories.signature(
                call, country=code, name=f"{marker} Person", email=f"{code.lower()}-person@example.org"
            ),
            "organisation": factories.signature(
                call,
                country=code,
                name=f"{marker} Contact",
                organisation=f"{marker} Circle",
                review=Review.PENDING,
                email=f"{code.lower()}-org@example.org",
            ),
            "unconfirmed": factories.signature(call, country=code, name=f"{marker} Waiting", confirmed=False),
        }
    factories.signature(other, country="BY", name="zubrmarker Other call")
    return data


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        yield make_data()


def logged_in(user: Any) -> Client:
    client = Client()
    login_staff(client, user)
    return client


def check(client: Client, signature: Signature, decision: str) -> Any:
    return client.post(f"{SIGNATURES}check/{signature.pk}/", {"decision": decision})


# The listing


def test_the_belarus_coordinator_lists_only_belarusian_signatures_and_no_email(data):
    listing = logged_in(data["coordinator"]).get(SIGNATURES).content.decode()

    assert "zubrmarker Person" in listing and "zubrmarker Circle" in listing
    assert "Free the journalists" in listing  # the call, by its title
    assert "kalinkamarker" not in listing
    assert "by-person@example.org" not in listing and "by-org@example.org" not in listing


def test_the_listing_links_to_the_export_of_the_call_it_shows(data):
    key = str(data["call"].call_key)
    listing = logged_in(data["coordinator"]).get(SIGNATURES, {"call": key}).content.decode()

    assert f"{SIGNATURES}export/?call={key}" in listing
    menu = logged_in(data["coordinator"]).get("/admin/").content.decode()  # the sidebar's menu, as JSON
    assert "Public calls" in menu and "snippets/calls/signature/" in menu.replace("\\/", "/")


def test_an_editor_lists_every_country(data):
    listing = logged_in(data["editor"]).get(SIGNATURES).content.decode()

    assert "zubrmarker Person" in listing and "kalinkamarker Person" in listing


def test_the_listing_filters_by_call_country_signer_confirmation_and_check(data):
    client = logged_in(data["editor"])
    key = str(data["call"].call_key)

    of_call = client.get(SIGNATURES, {"call": key}).content.decode()
    russian = client.get(SIGNATURES, {"country": "RU"}).content.decode()
    organisations = client.get(SIGNATURES, {"kind": "organisation"}).content.decode()
    unconfirmed = client.get(SIGNATURES, {"confirmed": "no"}).content.decode()
    pending = client.get(SIGNATURES, {"review": "pending"}).content.decode()

    assert "zubrmarker Person" in of_call and "Other call" not in of_call
    assert "Free the journalists (2)" in of_call  # the call's count, in the filter's choices
    assert "kalinkamarker Person" in russian and "zubrmarker" not in russian
    assert "Circle" in organisations and "Person" not in organisations
    assert "Waiting" in unconfirmed and "Person" not in unconfirmed
    assert "zubrmarker Circle" in pending and "Person" not in pending


def test_filters_with_values_that_are_none_of_the_choices_answer_without_failing(data):
    response = logged_in(data["coordinator"]).get(
        SIGNATURES, {"call": "not-a-key", "country": "RU", "kind": "robot", "confirmed": "maybe", "review": "x"}
    )

    assert response.status_code == 200
    assert "kalinkamarker" not in response.content.decode()


def test_the_coordinator_filters_by_their_countries_only(data):
    listing = logged_in(data["coordinator"]).get(SIGNATURES).content.decode()

    assert 'value="BY"' in listing and 'value="RU"' not in listing


def test_staff_neither_add_nor_edit_nor_delete_signatures(data):
    client = logged_in(data["editor"])
    pk = data["BY"]["person"].pk

    assert client.get(f"{SIGNATURES}add/").status_code in (302, 403)
    assert client.get(f"{SIGNATURES}edit/{pk}/").status_code in (302, 403)
    assert client.get(f"{SIGNATURES}delete/{pk}/").status_code in (302, 403)
    assert client.get(f"{SIGNATURES}inspect/{pk}/").status_code == 200


def test_a_persons_email_shows_on_their_record_only_if_they_asked_to_be_kept_informed(data):
    informed = factories.signature(data["call"], name="Keen", email="keen@example.org", keep_informed=True)
    client = logged_in(data["coordinator"])

    quiet = client.get(f"{SIGNATURES}inspect/{data['BY']['person'].pk}/").content.decode()
    keen = client.get(f"{SIGNATURES}inspect/{informed.pk}/").content.decode()

    assert "zubrmarker Person" in quiet and "by-person@example.org" not in quiet
    assert "keen@example.org" in keen


@pytest.mark.parametrize("role", ["moderator", "translator"])
def test_a_moderator_or_translator_is_refused_the_signatures(data, role):
    client = logged_in(data[role])

    for url in (SIGNATURES, f"{SIGNATURES}inspect/{data['BY']['person'].pk}/", f"{SIGNATURES}export/"):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "zubrmarker" not in response.content.decode()
    assert check(client, data["BY"]["organisation"], "approve").status_code in (302, 403)
    assert Signature.objects.get(pk=data["BY"]["organisation"].pk).review == Review.PENDING


# The check


def test_the_check_page_shows_the_contact_and_offers_the_choice(data):
    page = logged_in(data["coordinator"]).get(f"{SIGNATURES}check/{data['BY']['organisation'].pk}/").content.decode()

    assert "zubrmarker Circle" in page and "zubrmarker Contact" in page and "by-org@example.org" in page
    assert 'value="approve"' in page and 'value="decline"' in page


def test_the_coordinator_approves_a_belarusian_organisation_and_it_is_listed_and_counted(data):
    organisation = data["BY"]["organisation"]

    response = check(logged_in(data["coordinator"]), organisation, "approve")
    organisation.refresh_from_db()

    assert response.status_code == 302
    assert organisation.review == Review.APPROVED and organisation.reviewed_by == data["coordinator"]
    assert "zubrmarker Circle" in [s.display_name for s in queries.organisations_listed(data["call"].call_key)]
    assert queries.call_counts(data["call"].call_key).organisations == 1
    assert [email.to for email in delivered()] == [["by-org@example.org"]]
    assert ModelLogEntry.objects.filter(action="calls.approve", object_id=str(organisation.pk)).count() == 1


def test_a_declined_organisation_is_neither_listed_nor_counted_and_one_may_change_ones_mind(data):
    organisation = data["BY"]["organisation"]
    client = logged_in(data["coordinator"])

    check(client, organisation, "decline")
    declined = queries.organisations_listed(data["call"].call_key), queries.call_total(data["call"].call_key)
    check(client, organisation, "approve")
    approved = queries.organisations_listed(data["call"].call_key), queries.call_total(data["call"].call_key)
    check(client, organisation, "decline")

    assert declined == ([], 2)
    assert [s.display_name for s in approved[0]] == ["zubrmarker Circle"] and approved[1] == 3
    assert queries.call_total(data["call"].call_key) == 2
    assert services.counts_verify() == []


def test_the_belarus_coordinator_cannot_check_a_russian_organisation(data):
    organisation = data["RU"]["organisation"]
    client = logged_in(data["coordinator"])

    opened = client.get(f"{SIGNATURES}check/{organisation.pk}/")
    posted = check(client, organisation, "approve")

    assert opened.status_code == 404 and posted.status_code == 404
    assert Signature.objects.get(pk=organisation.pk).review == Review.PENDING
    assert delivered() == []
    with pytest.raises(PermissionDenied):
        services.organisation_review(organisation, user=data["coordinator"], approve=True)


def test_a_persons_signature_has_no_check_page(data):
    assert logged_in(data["editor"]).get(f"{SIGNATURES}check/{data['BY']['person'].pk}/").status_code == 404


def test_a_check_needs_approve_or_decline(data):
    response = check(logged_in(data["coordinator"]), data["BY"]["organisation"], "maybe")

    assert response.status_code == 200
    assert Signature.objects.get(pk=data["BY"]["organisation"].pk).review == Review.PENDING


def test_an_editor_checks_any_country(data):
    response = check(logged_in(data["editor"]), data["RU"]["organisation"], "approve")

    assert response.status_code == 302
    assert Signature.objects.get(pk=data["RU"]["organisation"].pk).review == Review.APPROVED


# The dashboard


def test_the_coordinators_queue_holds_belarus_only_and_a_checked_one_leaves(data):
    items = organisations_to_check(data["coordinator"])

    assert [item.title for item in items] == ["zubrmarker Circle"]
    assert items[0].url == f"{SIGNATURES}check/{data['BY']['organisation'].pk}/"
    assert "Free the journalists" in items[0].detail

    services.organisation_review(data["BY"]["organisation"], user=data["coordinator"], approve=True)
    assert organisations_to_check(data["coordinator"]) == []


def test_an_unconfirmed_organisation_waits_for_its_email_not_for_a_check(data):
    factories.signature(data["call"], organisation="zubrmarker Unconfirmed", review=Review.PENDING, confirmed=False)

    titles = sorted(item.title for item in organisations_to_check(data["editor"]))

    assert titles == ["kalinkamarker Circle", "zubrmarker Circle"]


def test_a_moderator_has_nothing_to_check(data):
    assert organisations_to_check(data["moderator"]) == []


def test_the_dashboard_shows_the_queue(data):
    page = logged_in(data["coordinator"]).get("/admin/").content.decode()

    assert "Organisations to check" in page and "zubrmarker Circle" in page and "kalinkamarker" not in page


# Bulk checks


def bulk(client: Client, action: str, *records: Any) -> Any:
    query = "&".join(f"id={record.pk}" for record in records)
    return client.post(f"/admin/bulk/calls/signature/{action}/?{query}")


def test_an_editor_approves_several_organisations_at_once(data):
    by, ru = data["BY"]["organisation"], data["RU"]["organisation"]

    response = bulk(logged_in(data["editor"]), "approve", by, ru)

    assert response.status_code == 302
    assert set(Signature.objects.filter(pk__in=[by.pk, ru.pk]).values_list("review", flat=True)) == {Review.APPROVED}
    assert queries.call_counts(data["call"].call_key).organisations == 2


def test_the_belarus_coordinator_checks_in_bulk_only_belarusian_organisations(data):
    client = logged_in(data["coordinator"])

    refused = bulk(client, "decline", data["BY"]["organisation"], data["RU"]["organisation"])
    declined = bulk(client, "decline", data["BY"]["organisation"])

    assert refused.status_code == 404 and declined.status_code == 302
    assert Signature.objects.get(pk=data["BY"]["organisation"].pk).review == Review.DECLINED
    assert Signature.objects.get(pk=data["RU"]["organisation"].pk).review == Review.PENDING


def test_a_persons_signature_is_left_out_of_a_bulk_check(data):
    person, organisation = data["BY"]["person"], data["BY"]["organisation"]

    bulk(logged_in(data["editor"]), "approve", person, organisation)

    assert Signature.objects.get(pk=person.pk).review == ""
    assert Signature.objects.get(pk=organisation.pk).review == Review.APPROVED


def test_a_check_is_in_the_signatures_history(data):
    organisation = data["BY"]["organisation"]
    client = logged_in(data["coordinator"])

    check(client, organisation, "decline")
    history = client.get(f"{SIGNATURES}history/{organisation.pk}/")

    assert history.status_code == 200 and "Declined" in history.content.decode()


def test_each_row_leads_to_its_record_or_an_organisations_check(data):
    listing = logged_in(data["coordinator"]).get(SIGNATURES).content.decode()

    assert f'href="{SIGNATURES}inspect/{data["BY"]["person"].pk}/"' in listing
    assert f'href="{SIGNATURES}check/{data["BY"]["organisation"].pk}/"' in listing  # waiting for its check
