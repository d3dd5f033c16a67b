"""The counts kept beside the signatures: what they count, and that call_counts_verify finds and repairs drift."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from solidarity.calls import queries, services
from solidarity.calls.models import Review, SignatureCount
from tests.calls import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(site_tree):
    return factories.public_call(goal=10)


def test_confirmed_people_and_checked_organisations_count_by_country(call):
    factories.signature(call, country="BY")
    factories.signature(call, country="BY")
    factories.signature(call, country="GE", organisation="Georgian letters")
    factories.signature(call, country="GE", organisation="Not yet checked", review=Review.PENDING)
    factories.signature(call, country="GE", confirmed=False)

    counts = queries.call_counts(call.call_key)

    assert (counts.people, counts.organisations, counts.total) == (2, 1, 3)
    assert [(country.code, n) for country, n in counts.by_country] == [("BY", 2), ("GE", 1)]
    assert counts.progress(call.goal) == 30
    assert counts.progress(None) is None
    assert queries.call_total(call.call_key) == 3
    assert services.counts_verify() == []


def test_a_drifted_count_is_reported_then_repaired(call, capsys):
    factories.signature(call, country="BY")
    SignatureCount.objects.filter(call_key=call.call_key).update(people=5)

    with pytest.raises(SystemExit):
        call_command("call_counts_verify")
    assert "people 5 counted, 1 signed" in capsys.readouterr().out

    call_command("call_counts_verify", "--repair")
    assert queries.call_total(call.call_key) == 1
    call_command("call_counts_verify")
    assert "Every count equals its signatures." in capsys.readouterr().out
