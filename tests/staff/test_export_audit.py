"""Each export from the admin leaves one entry in the audit log: who, which records, which format, how many."""

from __future__ import annotations

import pytest
from wagtail.models import ModelLogEntry

from solidarity.core.services import organisation_create
from tests.factories import staff_member
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

MEMBERS = "/admin/snippets/core/memberorganisation/"


@pytest.fixture
def coordinator(client, site_tree):
    organisation_create(name="Minsk circle", country="BY")
    organisation_create(name="Grodno circle", country="BY")
    organisation_create(name="Moscow circle", country="RU")
    return login_staff(client, staff_member("coordinator", "Country coordinators", ["BY"]))


def exports() -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action="solidarity.export"))


@pytest.mark.parametrize("spreadsheet_format", ["csv", "xlsx"])
def test_an_export_writes_one_entry_with_what_the_file_holds(client, coordinator, spreadsheet_format):
    response = client.get(MEMBERS, {"export": spreadsheet_format})

    assert response.status_code == 200
    [entry] = exports()
    assert entry.user_id == coordinator.pk
    assert entry.object_id == str(coordinator.pk)
    assert entry.data == {"model": "core.MemberOrganisation", "format": spreadsheet_format, "count": 2}


def test_the_csv_holds_the_coordinators_countries_only(client, coordinator):
    body = b"".join(client.get(MEMBERS, {"export": "csv"}).streaming_content).decode()

    assert "Minsk circle" in body
    assert "Moscow circle" not in body


def test_looking_at_the_list_writes_no_entry(client, coordinator):
    assert client.get(MEMBERS).status_code == 200
    assert exports() == []
