"""Signatures' personal data is kept no longer than needed (services.personal_data_purge, run by core.retention)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from solidarity.calls import queries, services
from solidarity.calls.models import Review, Signature
from solidarity.core import retention
from tests.calls import factories
from tests.mail import delivered, links_in
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

NOW = timezone.now()
TODAY = timezone.localdate(NOW)


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    """An open call, one closed just now, one closed longer ago than signatures' emails are kept: made once."""
    with shared_data(request, django_db_blocker):
        long_ago = TODAY - datetime.timedelta(days=services.CLOSED_CALL_KEPT_DAYS + 2)
        yield SimpleNamespace(
            open=factories.public_call(),
            lately=factories.public_call(
                opens_on=TODAY - datetime.timedelta(days=40), closes_on=TODAY - datetime.timedelta(days=3)
            ),
            long_closed=factories.public_call(opens_on=long_ago - datetime.timedelta(days=30), closes_on=long_ago),
        )


def days_ago(days: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def test_an_unconfirmed_signature_goes_once_its_link_expired(data):
    fresh = factories.signature(data.open, confirmed=False, link_sent_at=days_ago(services.CONFIRM_LINK_DAYS - 1))
    factories.signature(data.open, confirmed=False, link_sent_at=days_ago(services.CONFIRM_LINK_DAYS + 0.1))
    confirmed = factories.signature(data.open, link_sent_at=days_ago(100))

    assert services.personal_data_purge(NOW) == 1
    assert set(Signature.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed.pk}
    assert queries.call_total(data.open.call_key) == 1


def test_a_declined_organisation_goes_some_time_after_the_check(data):
    old = factories.signature(data.open, organisation="Old", review=Review.DECLINED, reviewed_at=days_ago(31))
    recent = factories.signature(data.open, organisation="Recent", review=Review.DECLINED, reviewed_at=days_ago(2))
    approved = factories.signature(data.open, organisation="Listed", reviewed_at=days_ago(400))
    pending = factories.signature(data.open, organisation="Pending", review=Review.PENDING)
    assert services.DECLINED_KEPT_DAYS < 31

    assert services.personal_data_purge(NOW) == 1
    assert set(Signature.objects.values_list("pk", flat=True)) == {recent.pk, approved.pk, pending.pk}
    assert old.pk not in Signature.objects.values_list("pk", flat=True)
    assert services.counts_verify() == []


def test_emails_go_a_while_after_the_call_closed_unless_the_signer_asked_to_be_kept_informed(data):
    quiet = factories.signature(data.long_closed, name="Shown Name", show_name=True, city="Minsk")
    informed = factories.signature(data.long_closed, keep_informed=True, city="Brest")
    lately = factories.signature(data.lately)
    still_open = factories.signature(data.open)

    assert services.personal_data_purge(NOW) == 1

    quiet.refresh_from_db()
    assert (quiet.email, quiet.city) == (None, None)
    assert quiet.name == "Shown Name" and quiet.email_hash  # still counted, listed, and one per address
    assert queries.call_total(data.long_closed.call_key) == 2
    for kept in (informed, lately, still_open):
        kept.refresh_from_db()
        assert kept.email
    assert services.personal_data_purge(NOW) == 0  # done once


def test_the_emails_of_a_deleted_calls_signers_go(data):
    call = factories.public_call()
    quiet = factories.signature(call)
    informed = factories.signature(call, keep_informed=True)
    call.delete()

    assert services.personal_data_purge(NOW) == 1
    quiet.refresh_from_db()
    informed.refresh_from_db()
    assert quiet.email is None and informed.email


def test_a_signer_whose_email_went_may_still_withdraw(data):
    signature = factories.signature(data.long_closed)
    services.personal_data_purge(NOW)

    services.signature_withdraw(signature)

    assert not Signature.objects.filter(pk=signature.pk).exists()
    assert queries.call_total(data.long_closed.call_key) == 0


def test_the_retention_pass_runs_the_calls_purge(data):
    factories.signature(data.open, confirmed=False, link_sent_at=days_ago(services.CONFIRM_LINK_DAYS + 1))

    assert "calls" in retention.registered_purges()
    assert retention.purge_all(now=NOW)["calls"] == 1
    assert not Signature.objects.exists()


def test_a_signer_whose_email_went_may_still_ask_for_their_private_link(data):
    signature = factories.signature(data.long_closed, email="gone@example.org", link_sent_at=days_ago(500))
    services.personal_data_purge(NOW)

    outcome = services.signature_link_again(call=data.long_closed, email="Gone+again@example.org", language="en")

    assert outcome == services.SignOutcome.ALREADY_SIGNED
    (message,) = delivered()
    assert message.to == ["Gone+again@example.org"]  # the address just typed: its mailbox is the signer's
    assert "/en/calls/signature/" in links_in(message)[0]
    signature.refresh_from_db()
    assert signature.email is None  # not stored again
