"""The campaign's pages make as many queries with 1 000 approved activities and 300 groups as with 10."""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from solidarity.campaigns.models import Activity, ActivityKind, ParticipatingGroup, Status
from tests.campaigns import factories as f

pytestmark = pytest.mark.django_db

COUNTRIES = ["AM", "AZ", "BY", "DE", "FR", "GE", "KG", "KZ", "MD", "PL", "RU", "TJ", "UA", "UZ"]
_numbers = itertools.count(1)


def add(page, *, activities: int, groups: int) -> None:
    """Approved activities (a quarter with a limit of places) and groups, spread over countries and days."""
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    fields = []
    for index in range(activities):
        number = next(_numbers)
        starts_at = start + datetime.timedelta(hours=index % 200)
        fields.append(
            Activity(
                **f._submission_fields(page, Status.APPROVED, None),
                title=f"Activity {number}",
                description="Letters",
                kind=ActivityKind.LETTERS,
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(hours=2),
                time_zone="Asia/Tbilisi",
                country_id=COUNTRIES[index % len(COUNTRIES)],
                city="Tbilisi",
                language="en",
                organiser_name="A group",
                capacity=20 if index % 4 == 0 else None,
            )
        )
    Activity.objects.bulk_create(fields)
    ParticipatingGroup.objects.bulk_create(
        ParticipatingGroup(
            **f._submission_fields(page, Status.APPROVED, None),
            name=f"Group {next(_numbers)}",
            country_id=COUNTRIES[index % len(COUNTRIES)],
        )
        for index in range(groups)
    )


def queries_for(client, url: str) -> list[str]:
    client.get(url)  # warm: the site, the locales
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


SUFFIXES = ["", "activities/", "calendar/", "map/", "calendar/ics/"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_campaign_page_makes_as_many_queries_with_1000_activities_as_with_10(client, site_tree, suffix):
    page = f.campaign_page(starts_on=timezone.localdate() + datetime.timedelta(days=3))
    for country in COUNTRIES[:3]:
        f.contact(page, country=country)
    add(page, activities=10, groups=5)
    url = page.url + suffix
    if suffix == "calendar/":
        url += f"?month={(timezone.now() + datetime.timedelta(days=1)):%Y-%m}"
    with_few = queries_for(client, url)

    add(page, activities=990, groups=295)
    with_many = queries_for(client, url)

    # (The page reads past activities only while the coming ones leave room: with many, one query fewer.)
    assert len(with_many) <= len(with_few), "\n".join(with_many[len(with_few) :])
    assert len(with_few) <= 20
