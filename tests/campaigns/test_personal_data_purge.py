"""Personal data of campaigns is kept no longer than needed (services.personal_data_purge, run by run_schedules)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from solidarity.campaigns import services
from solidarity.campaigns.models import ParticipatingGroup, SignUp, SignUpStatus, Status
from solidarity.core import crypto, retention
from tests.campaigns import factories

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def sign_up(activity, status: str, *, days_ago: int = 0, email: str = "p@example.org") -> SignUp:
    return SignUp.objects.create(
        activity=activity,
        name="Person",
        email=email,
        email_hash=crypto.email_lookup_hash(email),
        status=status,
        language="en",
        private_token_hash=crypto.keyed_hash(f"{activity.pk}{email}{status}{days_ago}"),
        created_at=NOW - datetime.timedelta(days=days_ago),
    )


@pytest.fixture
def campaign(site_tree):
    return factories.campaign_page()


def test_unconfirmed_sign_ups_go_once_their_link_expired_and_cancelled_ones_at_once(campaign):
    activity = factories.activity(campaign)
    fresh = sign_up(activity, SignUpStatus.UNCONFIRMED, days_ago=1, email="fresh@example.org")
    sign_up(activity, SignUpStatus.UNCONFIRMED, days_ago=services.SIGN_UP_LINK_DAYS + 1, email="old@example.org")
    sign_up(activity, SignUpStatus.CANCELLED, email="cancelled@example.org")
    confirmed = sign_up(activity, SignUpStatus.CONFIRMED, days_ago=20, email="coming@example.org")

    assert services.personal_data_purge(NOW) == 2
    assert set(SignUp.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed.pk}


def test_every_sign_up_goes_a_month_after_its_activity_ended(campaign):
    long_ago = factories.activity(campaign, starts_at=NOW - datetime.timedelta(days=services.SIGN_UPS_KEPT_DAYS + 2))
    lately = factories.activity(campaign, starts_at=NOW - datetime.timedelta(days=3))
    sign_up(long_ago, SignUpStatus.CONFIRMED)
    kept = sign_up(lately, SignUpStatus.CONFIRMED)

    services.personal_data_purge(NOW)
    assert list(SignUp.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_declined_or_withdrawn_entry_loses_its_contact_person_after_its_keeping_time(campaign):
    old = NOW - datetime.timedelta(days=services.CONTACT_KEPT_DAYS + 1)
    declined = factories.group(campaign, status=Status.DECLINED, email="declined@example.org")
    withdrawn = factories.group(campaign, status=Status.WITHDRAWN, email="withdrawn@example.org")
    recent = factories.group(campaign, status=Status.DECLINED, email="recent@example.org")
    approved = factories.group(campaign, status=Status.APPROVED, email="approved@example.org")
    ParticipatingGroup.objects.filter(pk__in=[declined.pk, withdrawn.pk, approved.pk]).update(updated_at=old)

    assert services.personal_data_purge(NOW) == 2
    for group in (declined, withdrawn):
        group.refresh_from_db()
        assert (group.contact_name, group.contact_email, group.contact_email_hash) == ("", "", "")
        assert group.name  # the entry itself stays, with its decision
    for group in (recent, approved):
        group.refresh_from_db()
        assert group.contact_email.endswith("@example.org")


def test_run_schedules_runs_the_campaigns_purge_beside_the_outbox_one():
    assert {"campaigns", "outgoing email"} <= set(retention.registered_purges())


def test_a_failing_purge_leaves_the_others_running(monkeypatch):
    def broken(now):
        raise RuntimeError("disk full")

    monkeypatch.setattr(retention, "_purges", {"broken": broken, "fine": lambda now: 3})
    assert retention.purge_all(now=NOW) == {"fine": 3}
