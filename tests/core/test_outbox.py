"""Outgoing email (core/outbox.py): queued, sent by the worker, retried, given up, sent again, purged; and the
staff report of it (Reports › Outgoing email), which never shows an address, a subject or a text."""

from __future__ import annotations

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from solidarity.core import outbox
from solidarity.core.models import OutgoingEmail
from tests.factories import staff_member
from tests.mail import delivered
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

ADDRESS = "ada.private@example.org"
LINK = "https://example.org/campaigns/group/secret-token-123/"
REPORT = "/admin/reports/outgoing-email/"


def queue(**overrides) -> OutgoingEmail:
    fields = {
        "to": ADDRESS,
        "template": "testapp/email/hello",
        "context": {"name": "Ada", "link": LINK},
        "language": "de",
        "purpose": "testapp.hello",
    }
    return outbox.mail_queue(**{**fields, **overrides})


@pytest.fixture
def broken_mail_server(monkeypatch):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)


def reloaded(email: OutgoingEmail) -> OutgoingEmail:
    return OutgoingEmail.objects.get(pk=email.pk)


# Sending ------------------------------------------------------------------------------------------------------


def test_a_queued_email_is_delivered_to_its_one_recipient_and_its_text_is_then_emptied():
    email = queue()
    assert reloaded(email).state == OutgoingEmail.State.QUEUED

    [message] = delivered()
    assert message.to == [ADDRESS] and message.subject == "Hello Ada" and LINK in message.body
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    sent = reloaded(email)
    assert (sent.state, sent.attempts, sent.body, sent.next_attempt_at) == (OutgoingEmail.State.SENT, 1, "", None)
    assert sent.sent_at is not None
    assert delivered() == [message]  # sent once only


def test_the_address_and_text_are_encrypted_at_rest():
    email = queue()
    with connection.cursor() as cursor:
        cursor.execute("SELECT recipient, subject, body FROM core_outgoingemail WHERE id = %s", [email.pk])
        row = " ".join(cursor.fetchone())
    assert ADDRESS not in row and "Ada" not in row and LINK not in row


def test_a_failed_send_is_recorded_with_the_time_of_the_next_attempt(broken_mail_server):
    email = queue()
    now = timezone.now()
    assert outbox.deliver(email.pk, now=now) is False
    failed = reloaded(email)
    assert failed.state == OutgoingEmail.State.QUEUED
    assert failed.attempts == 1
    assert failed.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert failed.next_attempt_at == now + datetime.timedelta(minutes=outbox.RETRY_MINUTES[0])
    assert outbox.deliver_due(now=now + datetime.timedelta(seconds=30)) == 0  # not due yet
    assert reloaded(email).attempts == 1


def test_a_failed_send_is_tried_again_when_due(broken_mail_server, monkeypatch):
    email = queue()
    now = timezone.now()
    outbox.deliver(email.pk, now=now)
    monkeypatch.undo()
    assert outbox.deliver_due(now=now + datetime.timedelta(minutes=2)) == 1
    assert reloaded(email).state == OutgoingEmail.State.SENT
    assert len(mail.outbox) == 1


def test_an_email_is_given_up_after_the_last_retry(broken_mail_server):
    email = queue()
    now = timezone.now()
    for attempt in range(len(outbox.RETRY_MINUTES)):
        outbox.deliver(email.pk, now=now + datetime.timedelta(days=attempt))
        assert reloaded(email).state == OutgoingEmail.State.QUEUED, attempt
    now += datetime.timedelta(days=len(outbox.RETRY_MINUTES))
    outbox.deliver(email.pk, now=now)
    given_up = reloaded(email)
    assert given_up.state == OutgoingEmail.State.FAILED
    assert given_up.attempts == len(outbox.RETRY_MINUTES) + 1
    assert given_up.next_attempt_at is None
    assert outbox.deliver_due(now=now + datetime.timedelta(days=1)) == 0


def test_a_refusal_by_the_mail_server_keeps_its_codes_never_the_address(monkeypatch):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPRecipientsRefused({ADDRESS: (550, f"5.1.1 <{ADDRESS}>: Recipient address rejected".encode())})

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    email = queue()
    outbox.deliver(email.pk)
    assert reloaded(email).last_error == "SMTPRecipientsRefused 550"


def test_any_other_error_keeps_its_text_without_addresses():
    error = ConnectionRefusedError(f"could not deliver to {ADDRESS} via mail.example.org")
    assert outbox.error_summary(error) == "ConnectionRefusedError: could not deliver to [address] via mail.example.org"


def test_an_email_being_sent_is_not_sent_again_by_another_worker_until_its_claim_runs_out(monkeypatch):
    email = queue()
    now = timezone.now()
    others: list[bool] = []

    def send_while_another_worker_tries(self, fail_silently=False):
        others.append(outbox.deliver(email.pk, now=now))  # the task and a pass of deliver_mail at once
        others.append(outbox.deliver(email.pk, now=now + datetime.timedelta(minutes=outbox.CLAIM_MINUTES - 1)))
        return 1

    monkeypatch.setattr("django.core.mail.EmailMessage.send", send_while_another_worker_tries)
    assert outbox.deliver(email.pk, now=now) is True
    assert others == [False, False]
    assert reloaded(email).state == OutgoingEmail.State.SENT


def test_a_given_up_email_can_be_sent_again():
    email = queue()
    OutgoingEmail.objects.filter(pk=email.pk).update(state=OutgoingEmail.State.FAILED, attempts=7)
    outbox.send_again(reloaded(email))
    assert (reloaded(email).state, reloaded(email).attempts) == (OutgoingEmail.State.QUEUED, 0)
    assert [message.to for message in delivered()] == [[ADDRESS]]


# Purging ------------------------------------------------------------------------------------------------------


def test_sent_and_given_up_emails_are_deleted_after_their_keeping_time(settings):
    settings.OUTBOX_KEEP_SENT_DAYS = 30
    settings.OUTBOX_KEEP_FAILED_DAYS = 90
    now = timezone.now()
    days = datetime.timedelta(days=1)
    old_sent, recent_sent, old_queued, old_failed, recent_failed = (queue() for _ in range(5))
    OutgoingEmail.objects.filter(pk=old_sent.pk).update(state="sent", sent_at=now - 31 * days)
    OutgoingEmail.objects.filter(pk=recent_sent.pk).update(state="sent", sent_at=now - 29 * days)
    OutgoingEmail.objects.filter(pk=old_queued.pk).update(created_at=now - 400 * days)
    OutgoingEmail.objects.filter(pk=old_failed.pk).update(state="failed", created_at=now - 91 * days)
    OutgoingEmail.objects.filter(pk=recent_failed.pk).update(state="failed", created_at=now - 89 * days)

    assert outbox.purge(now=now) == 2
    assert set(OutgoingEmail.objects.values_list("pk", flat=True)) == {recent_sent.pk, old_queued.pk, recent_failed.pk}


def test_deliver_mail_sends_what_is_due_and_purges():
    old = queue()
    OutgoingEmail.objects.filter(pk=old.pk).update(state="sent", sent_at=timezone.now() - datetime.timedelta(days=60))
    due = queue()
    call_command("deliver_mail", verbosity=0)
    assert not OutgoingEmail.objects.filter(pk=old.pk).exists()
    assert reloaded(due).state == OutgoingEmail.State.SENT


# The staff report ---------------------------------------------------------------------------------------------


@pytest.fixture
def given_up() -> OutgoingEmail:
    email = queue(purpose="campaigns.group_received")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        state="failed", attempts=7, last_error="SMTPRecipientsRefused: refused"
    )
    return reloaded(email)


def test_an_editor_sees_each_email_without_its_address_subject_or_text(client, given_up):
    queue(purpose="campaigns.activity_received", to="bob.private@example.net")
    login_staff(client, staff_member("edith", "Editors"))
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "campaigns.group_received" in html and "campaigns.activity_received" in html
    assert "SMTPRecipientsRefused: refused" in html and "Given up" in html and "Deutsch" in html
    for private in ("ada.private", "bob.private", "example.net", "Hello Ada", "secret-token", "private link"):
        assert private not in html


def test_the_report_filters_by_state(client, given_up):
    queue(purpose="campaigns.activity_received")
    login_staff(client, staff_member("edith", "Editors"))
    html = client.get(REPORT, {"state": "failed"}).content.decode()
    assert "campaigns.group_received" in html and "campaigns.activity_received" not in html


def test_a_coordinator_may_not_see_the_report_nor_send_again(client, given_up):
    login_staff(client, staff_member("cora", "Country coordinators", countries=["BY"]))
    refused = client.get(REPORT)  # Wagtail answers a refused admin page with the dashboard and a message
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert client.post(f"{REPORT}{given_up.pk}/send-again/").status_code in {302, 403}
    assert reloaded(given_up).state == OutgoingEmail.State.FAILED
    assert REPORT not in client.get("/admin/").content.decode()


def test_an_administrator_sees_the_report(admin_client, given_up):
    assert admin_client.get(REPORT).status_code == 200
    assert REPORT in admin_client.get("/admin/").content.decode()  # in the Reports menu


def test_an_editor_sends_a_given_up_email_again(client, given_up):
    login_staff(client, staff_member("edith", "Editors"))
    assert f"{REPORT}{given_up.pk}/send-again/" in client.get(REPORT).content.decode()
    assert client.get(f"{REPORT}{given_up.pk}/send-again/").status_code == 405
    response = client.post(f"{REPORT}{given_up.pk}/send-again/")
    assert response.status_code == 302 and response["Location"] == REPORT
    assert reloaded(given_up).state == OutgoingEmail.State.QUEUED
    assert [message.to for message in delivered()] == [[ADDRESS]]


def test_only_a_given_up_email_is_sent_again(client):
    email = queue()
    login_staff(client, staff_member("edith", "Editors"))
    client.post(f"{REPORT}{email.pk}/send-again/")
    delivered()
    client.post(f"{REPORT}{email.pk}/send-again/")
    assert reloaded(email).state == OutgoingEmail.State.SENT and len(mail.outbox) == 1


def test_send_again_needs_the_csrf_token(client, given_up):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    login_staff(csrf_client, staff_member("edith", "Editors"))
    assert csrf_client.post(f"{REPORT}{given_up.pk}/send-again/").status_code == 403
    assert reloaded(given_up).state == OutgoingEmail.State.FAILED
