"""Sending a mailing: deliveries made when it starts, sent in batches, each recipient's state and the counters kept
together; failures retried then given up; a crash in the middle resumed without mailing anyone twice; a cancelled
mailing stops; a scheduled one starts at its time only."""

from __future__ import annotations

import datetime
import smtplib
from collections import Counter
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as MemoryBackend
from django.utils import timezone
from wagtail.models import ModelLogEntry

from solidarity.newsletter import sending
from solidarity.newsletter.models import Delivery, DeliveryState, Mailing, MailingKind, MailingState
from solidarity.newsletter.sending import batch_send, mailing_start, mailings_run, sending_cancel
from tests.factories import StoryPageFactory
from tests.newsletter.factories import mailing, subscriber
from tests.shared import RUN_TASKS

pytestmark = pytest.mark.django_db

REFUSED = "refused@example.org"
CRASH_AT = {"number": 0, "after_send": False}  # which message of the test crashes, and whether it went first
FAIL_TIMES = {"count": 0}  # how many sends to REFUSED fail before one succeeds (0: all fail)


class WorkerKilled(BaseException):
    """The worker dies mid-send (killed, out of memory): no ``except Exception`` catches it."""


class CrashingBackend(MemoryBackend):
    """The test outbox, whose ``CRASH_AT["number"]``-th message kills the worker, before or after it went."""

    sent_so_far = 0

    def send_messages(self, messages):
        for message in messages:
            CrashingBackend.sent_so_far += 1
            if CrashingBackend.sent_so_far == CRASH_AT["number"]:
                if CRASH_AT["after_send"]:
                    super().send_messages([message])
                raise WorkerKilled
            super().send_messages([message])
        return len(messages)


class RefusingBackend(MemoryBackend):
    """The test outbox, whose server refuses ``REFUSED`` (``FAIL_TIMES["count"]`` times, or always with 0)."""

    refusals = 0

    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.to:
                RefusingBackend.refusals += 1
                if not FAIL_TIMES["count"] or RefusingBackend.refusals <= FAIL_TIMES["count"]:
                    raise smtplib.SMTPRecipientsRefused({REFUSED: (550, b"5.1.1 <refused@example.org> unknown")})
        return super().send_messages(messages)


@pytest.fixture(autouse=True)
def _reset_backends():
    CrashingBackend.sent_so_far = 0
    RefusingBackend.refusals = 0
    CRASH_AT.update(number=0, after_send=False)
    FAIL_TIMES.update(count=0)


@pytest.fixture
def story():
    return StoryPageFactory(title="Prisoners freed")


def received() -> Counter:
    """How many emails each address received."""
    return Counter(address for message in mail.outbox for address in message.to)


def send_everything(made: Mailing, now: datetime.datetime) -> None:
    """Run batches as the task worker would, until none has anything left to do."""
    while batch_send(made.pk, now=now):
        pass


def assert_counters_match(made: Mailing) -> Mailing:
    made.refresh_from_db()
    states = Counter(made.deliveries.values_list("state", flat=True))
    assert made.total_count == sum(states.values())
    assert made.sent_count == states[DeliveryState.SENT]
    assert made.failed_count == states[DeliveryState.FAILED]
    assert made.skipped_count == states[DeliveryState.SKIPPED]
    return made


def test_starting_makes_a_delivery_per_confirmed_subscriber_and_the_tasks_send_them_all(
    story, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = RUN_TASKS
    readers = [subscriber(language="en"), subscriber(language="ru")]
    subscriber("unconfirmed@example.org", confirmed=False)
    made = mailing(stories=[story])

    with django_capture_on_commit_callbacks(execute=True):
        assert mailing_start(made) == 2

    made = assert_counters_match(made)
    assert made.state == MailingState.SENT and made.finished_at is not None and made.sent_count == 2
    assert received() == Counter({reader.email: 1 for reader in readers})
    for message in mail.outbox:  # RFC 8058 on every email of a mailing
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.extra_headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/")
        assert message.alternatives and message.alternatives[0][1] == "text/html"


def test_a_mailing_starts_once_only(story):
    subscriber()
    made = mailing(stories=[story])

    assert mailing_start(made) == 1
    assert mailing_start(made) == 0  # a double click, or the scheduled job at the same moment

    assert made.state == MailingState.SENDING and Delivery.objects.filter(mailing=made).count() == 1


def test_a_mailing_with_nobody_to_send_to_is_sent_at_once(story):
    subscriber(confirmed=False)
    made = mailing(stories=[story])

    assert mailing_start(made) == 0

    assert made.state == MailingState.SENT and made.total_count == 0


def test_a_batch_sends_at_most_its_size_and_the_last_one_finishes_the_mailing(story, monkeypatch):
    monkeypatch.setattr(sending, "BATCH_SIZE", 2)
    readers = [subscriber() for _ in range(5)]
    made = mailing(stories=[story])
    now = timezone.now()
    mailing_start(made, now=now)

    assert batch_send(made.pk, now=now) == 2
    assert assert_counters_match(made).state == MailingState.SENDING and len(mail.outbox) == 2

    send_everything(made, now)
    assert assert_counters_match(made).state == MailingState.SENT
    assert received() == Counter({reader.email: 1 for reader in readers})


def test_a_digest_with_nothing_for_a_subscriber_leaves_them_out(story):
    # The story is about Russia (the factory's default country).
    interested = subscriber(countries=["RU"])
    elsewhere = subscriber(countries=["BY"])
    made = mailing(kind=MailingKind.DIGEST)
    now = timezone.now()
    mailing_start(made, now=now)

    send_everything(made, now)

    made = assert_counters_match(made)
    assert received() == Counter({interested.email: 1})
    assert (made.sent_count, made.skipped_count) == (1, 1)
    assert made.deliveries.get(subscriber=elsewhere).state == DeliveryState.SKIPPED


def test_a_subscriber_gone_before_their_turn_is_left_out(story):
    staying, leaving = subscriber(), subscriber()
    made = mailing(stories=[story])
    now = timezone.now()
    mailing_start(made, now=now)
    leaving.delete()  # unsubscribing deletes the subscriber

    send_everything(made, now)

    made = assert_counters_match(made)
    assert received() == Counter({staying.email: 1})
    assert (made.sent_count, made.skipped_count, made.state) == (1, 1, MailingState.SENT)


def test_a_refused_send_is_tried_again_later_then_given_up_with_the_servers_code(story, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.RefusingBackend"
    fine = subscriber()
    subscriber(REFUSED)
    made = mailing(stories=[story])
    now = timezone.now()
    mailing_start(made, now=now)

    send_everything(made, now)
    refused = made.deliveries.get(state=DeliveryState.PENDING)
    assert (refused.attempts, refused.next_attempt_at) == (1, now + datetime.timedelta(minutes=5))
    assert assert_counters_match(made).state == MailingState.SENDING
    assert batch_send(made.pk, now=now + datetime.timedelta(minutes=4)) == 0  # not due yet

    later = now
    for wait in sending.RETRY_MINUTES:
        later += datetime.timedelta(minutes=wait)
        send_everything(made, later)

    refused.refresh_from_db()
    made = assert_counters_match(made)
    assert refused.state == DeliveryState.FAILED and refused.attempts == len(sending.RETRY_MINUTES) + 1
    assert refused.last_error == "SMTPRecipientsRefused 550" and "@" not in refused.last_error
    assert (made.sent_count, made.failed_count, made.state) == (1, 1, MailingState.SENT)
    assert received() == Counter({fine.email: 1})


def test_a_send_refused_once_goes_at_the_next_attempt(story, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.RefusingBackend"
    FAIL_TIMES["count"] = 1
    subscriber(REFUSED)
    made = mailing(stories=[story])
    now = timezone.now()
    mailing_start(made, now=now)

    send_everything(made, now)
    send_everything(made, now + datetime.timedelta(minutes=5))

    delivery = made.deliveries.get()
    assert (delivery.state, delivery.attempts) == (DeliveryState.SENT, 2)
    assert assert_counters_match(made).failed_count == 0
    assert received() == Counter({REFUSED: 1})


@pytest.mark.parametrize("after_send", [False, True], ids=["crash-before-it-went", "crash-after-it-went"])
def test_a_crash_mid_batch_resumes_without_mailing_anyone_twice(story, settings, after_send):
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.CrashingBackend"
    CRASH_AT.update(number=3, after_send=after_send)
    readers = [subscriber() for _ in range(6)]
    made = mailing(stories=[story])
    now = timezone.now()
    mailing_start(made, now=now)

    with pytest.raises(WorkerKilled):
        batch_send(made.pk, now=now)
    interrupted = made.deliveries.get(state=DeliveryState.SENDING)
    assert assert_counters_match(made).sent_count == 2

    # The worker comes back; the scheduled job finds the sending stalled and resumes it.
    settings.TASKS = RUN_TASKS
    CRASH_AT["number"] = 0
    assert mailings_run(now=now + datetime.timedelta(minutes=1)) == 0  # too soon: it may still be sending
    assert mailings_run(now=now + datetime.timedelta(minutes=sending.CLAIM_MINUTES + 1)) >= 1

    interrupted.refresh_from_db()
    made = assert_counters_match(made)
    assert interrupted.state == DeliveryState.FAILED and interrupted.last_error == sending.INTERRUPTED
    assert (made.sent_count, made.failed_count, made.state) == (5, 1, MailingState.SENT)
    counts = received()
    assert max(counts.values()) == 1  # nobody twice
    assert {reader.email for reader in readers} - set(counts) == (
        set() if after_send else {interrupted.subscriber.email}
    )


def test_cancelling_stops_the_sending_and_leaves_the_rest_out(story, monkeypatch):
    monkeypatch.setattr(sending, "BATCH_SIZE", 1)
    for _ in range(3):
        subscriber()
    made = mailing(stories=[story])
    now = timezone.now()
    mailing_start(made, now=now)
    batch_send(made.pk, now=now)

    assert sending_cancel(made, now=now) == 2
    assert batch_send(made.pk, now=now) == 0

    made = assert_counters_match(made)
    assert (made.state, made.sent_count, made.skipped_count) == (MailingState.CANCELLED, 1, 2)
    assert len(mail.outbox) == 1


def test_a_mailing_cancelled_by_its_state_alone_sends_nothing_more(story):
    for _ in range(2):
        subscriber()
    made = mailing(stories=[story])
    now = timezone.now()
    mailing_start(made, now=now)
    Mailing.objects.filter(pk=made.pk).update(state=MailingState.CANCELLED)

    batch_send(made.pk, now=now)

    assert assert_counters_match(made).skipped_count == 2 and mail.outbox == []


def test_a_mailing_cancelled_after_a_crash_settles_its_interrupted_delivery(story, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.CrashingBackend"
    CRASH_AT.update(number=2, after_send=True)
    for _ in range(3):
        subscriber()
    made = mailing(stories=[story])
    now = timezone.now()
    mailing_start(made, now=now)
    with pytest.raises(WorkerKilled):
        batch_send(made.pk, now=now)
    sending_cancel(made, now=now)
    interrupted = made.deliveries.get(state=DeliveryState.SENDING)

    assert mailings_run(now=now + datetime.timedelta(minutes=1)) == 0  # too soon: it may still be sending
    interrupted.refresh_from_db()
    assert interrupted.state == DeliveryState.SENDING
    mailings_run(now=now + datetime.timedelta(minutes=sending.CLAIM_MINUTES + 1))

    interrupted.refresh_from_db()
    made = assert_counters_match(made)
    assert interrupted.state == DeliveryState.FAILED and interrupted.last_error == sending.INTERRUPTED
    assert (made.sent_count, made.failed_count, made.skipped_count) == (1, 1, 1)
    assert max(received().values()) == 1


def test_a_scheduled_mailing_starts_at_its_time_only(story):
    subscriber()
    now = timezone.now()
    scheduled = mailing(stories=[story])
    Mailing.objects.filter(pk=scheduled.pk).update(
        state=MailingState.SCHEDULED, send_at=now + datetime.timedelta(hours=1)
    )
    draft = mailing(stories=[story], send_at=now - datetime.timedelta(hours=1))  # a draft never starts by itself

    mailings_run(now=now + datetime.timedelta(minutes=59))
    scheduled.refresh_from_db()
    assert scheduled.state == MailingState.SCHEDULED and not scheduled.deliveries.exists()

    mailings_run(now=now + datetime.timedelta(hours=1))
    scheduled.refresh_from_db()
    draft.refresh_from_db()
    assert scheduled.state == MailingState.SENDING and scheduled.total_count == 1
    assert draft.state == MailingState.DRAFT and not draft.deliveries.exists()


def test_a_scheduled_mailing_that_can_no_longer_be_sent_goes_back_to_draft_and_says_why(story):
    subscriber()
    hidden = StoryPageFactory(title="Taken down later")
    now = timezone.now()
    scheduled = mailing(stories=[hidden])
    Mailing.objects.filter(pk=scheduled.pk).update(state=MailingState.SCHEDULED, send_at=now)
    hidden.unpublish()

    mailings_run(now=now + datetime.timedelta(minutes=1))

    scheduled.refresh_from_db()
    assert (scheduled.state, scheduled.send_at) == (MailingState.DRAFT, None) and not scheduled.deliveries.exists()
    entry = ModelLogEntry.objects.get(object_id=str(scheduled.pk), action=sending.NOT_STARTED_ACTION)
    assert "Taken down later" in entry.data["problems"][0]
    assert mail.outbox == []


def test_a_stalled_sending_is_resumed_once_per_stall_not_at_every_pass(story, monkeypatch):
    queued: list[int] = []
    monkeypatch.setattr(sending, "send_batch", SimpleNamespace(enqueue=queued.append))
    subscriber()
    made = mailing(stories=[story])
    now = timezone.now()
    mailing_start(made, now=now)  # its first batch is lost (the worker is down)
    stalled = now + datetime.timedelta(minutes=sending.STALL_MINUTES + 1)

    mailings_run(now=stalled)
    mailings_run(now=stalled + datetime.timedelta(minutes=1))  # the next pass: the resumed batch still waits

    assert queued == [made.pk]
    mailings_run(now=stalled + datetime.timedelta(minutes=sending.STALL_MINUTES + 1))  # stalled again
    assert queued == [made.pk, made.pk]


class CountingBackend(MemoryBackend):
    """The test outbox, counting the connections opened to the mail server."""

    opened = 0

    def open(self):
        CountingBackend.opened += 1
        return super().open()


def test_a_batch_sends_through_one_connection(story, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.CountingBackend"
    CountingBackend.opened = 0
    for _ in range(3):
        subscriber()
    made = mailing(stories=[story])
    now = timezone.now()
    mailing_start(made, now=now)

    assert batch_send(made.pk, now=now) == 3

    assert CountingBackend.opened == 1 and len(mail.outbox) == 3


def test_with_the_task_queue_down_the_scheduled_job_sends_the_mailing(
    story, monkeypatch, django_capture_on_commit_callbacks
):
    def queue_down(*args, **kwargs):
        raise ConnectionError("the queue is down")

    monkeypatch.setattr(sending, "send_batch", SimpleNamespace(enqueue=queue_down))
    reader = subscriber()
    made = mailing(stories=[story])
    now = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        mailing_start(made, now=now)  # the first batch cannot be queued: no error for the editor
    assert mail.outbox == [] and assert_counters_match(made).state == MailingState.SENDING

    mailings_run(now=now + datetime.timedelta(minutes=sending.STALL_MINUTES + 1))

    assert assert_counters_match(made).state == MailingState.SENT
    assert received() == Counter({reader.email: 1})
