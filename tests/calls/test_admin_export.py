"""The CSV export of a call's signatures: the signatures that count, of the user's countries (narrowed to those
chosen), emails only of who asked to be kept informed, formulas escaped, streamed, never cached, each export in
the audit log with its filter."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from solidarity.calls.models import Review
from tests.calls import factories
from tests.factories import staff_member
from tests.shared import shared_data
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

EXPORT = "/admin/snippets/calls/signature/export/"
HEADER = ["Signed", "Signed as", "Name", "Organisation", "Country", "City", "Shown publicly", "Email"]


def make_data() -> dict[str, Any]:
    call = factories.public_call(title="Free the journalists", countries=("BY", "RU"))
    other = factories.public_call(title="Stop the executions")
    factories.signature(call, country="BY", name="Informed Ales", email="ales@example.org", keep_informed=True)
    factories.signature(call, country="BY", name="Quiet Olga", email="olga@example.org", city="=cmd|' /C calc'!A0")
    factories.signature(call, country="BY", name="Shown Ihar", show_name=True, city="Hrodna")
    factories.signature(
        call, country="BY", name="Contact", organisation="+Viasna", email="viasna@example.org", keep_informed=True
    )
    factories.signature(
        call, country="BY", name="Pending contact", organisation="Pending circle", review=Review.PENDING
    )
    factories.signature(call, country="BY", name="Unconfirmed Pavel", confirmed=False)
    factories.signature(call, country="GE", name="Georgian Nino", keep_informed=True, email="nino@example.org")
    factories.signature(call, country="RU", name="kalinkamarker Ivan", keep_informed=True, email="ivan@example.org")
    factories.signature(other, country="BY", name="Other call signer")
    return {
        "call": call,
        "editor": staff_member("editor", "Editors"),
        "coordinator": staff_member("coordinator", "Country coordinators", ["BY", "GE"]),
        "moderator": staff_member("moderator", "Moderators"),
    }


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        yield make_data()


def logged_in(user: Any) -> Client:
    client = Client()
    login_staff(client, user)
    return client


def export(user: Any, call: Any, countries: tuple[str, ...] = ()) -> Any:
    return logged_in(user).get(EXPORT, {"call": str(call.call_key), "countries": list(countries), "export": "csv"})


def rows_of(response: Any) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body)))


def by_name(rows: list[list[str]]) -> dict[str, list[str]]:
    return {row[2]: row for row in rows[1:]}


def test_the_export_page_offers_the_calls_and_the_users_countries_only(data):
    page = logged_in(data["coordinator"]).get(EXPORT).content.decode()

    assert "Free the journalists" in page and "Stop the executions" in page
    assert 'value="BY"' in page and 'value="GE"' in page and 'value="RU"' not in page


def test_the_csv_holds_the_signatures_that_count_of_the_users_countries(data):
    response = export(data["coordinator"], data["call"])
    rows = rows_of(response)

    assert response.streaming and response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    assert rows[0] == HEADER
    assert sorted(by_name(rows)) == ["Contact", "Georgian Nino", "Informed Ales", "Quiet Olga", "Shown Ihar"]


def test_the_belarus_only_export_holds_belarus_only(data):
    names = sorted(by_name(rows_of(export(data["coordinator"], data["call"], ("BY",)))))

    assert names == ["Contact", "Informed Ales", "Quiet Olga", "Shown Ihar"]


def test_the_coordinator_cannot_ask_for_another_countrys_signatures(data):
    response = export(data["coordinator"], data["call"], ("RU",))

    assert response.status_code == 200 and not response.streaming  # the form again, with its error
    assert "kalinkamarker" not in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="solidarity.export").exists()


def test_an_editor_exports_every_country(data):
    names = by_name(rows_of(export(data["editor"], data["call"])))

    assert "kalinkamarker Ivan" in names and "Georgian Nino" in names


def test_the_email_is_there_only_for_who_asked_to_be_kept_informed(data):
    rows = by_name(rows_of(export(data["coordinator"], data["call"], ("BY",))))

    assert rows["Informed Ales"][7] == "ales@example.org"
    assert rows["Contact"][7] == "viasna@example.org"
    assert rows["Quiet Olga"][7] == "" and rows["Shown Ihar"][7] == ""


def test_each_column_says_what_it_should(data):
    rows = by_name(rows_of(export(data["coordinator"], data["call"], ("BY",))))

    assert rows["Shown Ihar"][1:] == ["A person", "Shown Ihar", "", "Belarus", "Hrodna", "Yes", ""]
    assert rows["Quiet Olga"][6] == "No"
    assert rows["Contact"][1:4] == ["An organisation", "Contact", "'+Viasna"]
    assert rows["Contact"][6] == "Yes"  # checked: listed on the page


def test_what_people_typed_never_runs_as_a_formula(data):
    rows = by_name(rows_of(export(data["coordinator"], data["call"], ("BY",))))

    assert rows["Quiet Olga"][5] == "'=cmd|' /C calc'!A0"
    assert rows["Contact"][3] == "'+Viasna"


def test_each_export_is_in_the_audit_log_with_its_filter(data):
    export(data["coordinator"], data["call"], ("BY",))
    [entry] = ModelLogEntry.objects.filter(action="solidarity.export", user=data["coordinator"])

    assert entry.data == {
        "model": "calls.Signature",
        "format": "csv",
        "count": 4,
        "filters": {"call": str(data["call"].call_key), "countries": ["BY"]},
    }


def test_bad_requests_get_the_form_again_not_a_file(data):
    client = logged_in(data["coordinator"])

    for query in ({"call": "not-a-key", "export": "csv"}, {"call": "", "export": "csv"}):
        response = client.get(EXPORT, query)
        assert response.status_code == 200 and not response.streaming
    assert not ModelLogEntry.objects.filter(action="solidarity.export").exists()


def test_a_moderator_may_not_export(data):
    response = export(data["moderator"], data["call"])

    assert response.status_code in (302, 403) and not response.streaming
