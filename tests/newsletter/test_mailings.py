"""What editors do with a mailing (``newsletter.mailings``): what stops it, the test to themselves, the schedule,
sending now, cancelling and stopping."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from solidarity.newsletter import mailings
from solidarity.newsletter.models import Delivery, DeliveryState, Mailing, MailingKind, MailingState
from tests.factories import StoryPageFactory
from tests.newsletter.factories import mailing, subscriber
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

EDITOR = SimpleNamespace(email="editor@example.org", pk=1)
NO_STORIES = "A mailing with no stories cannot be sent: choose stories, or make it a digest."


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        yield {
            "story": StoryPageFactory(title="A strike in Minsk"),
            "draft_story": StoryPageFactory(title="Not out yet", publish=False),
            "readers": [subscriber(), subscriber(language="ru"), subscriber(confirmed=False)],
        }


def later(**delta: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(**delta)


# What stops a mailing.


def test_a_mailing_with_a_default_text_and_a_published_story_has_no_problem(data):
    assert mailings.mailing_problems(mailing(stories=[data["story"]])) == []


def test_a_mailing_without_its_default_language_text_has_a_problem(data):
    problems = mailings.mailing_problems(mailing(texts={"ru": ("Новости", "")}, stories=[data["story"]]))

    assert len(problems) == 1 and "the site's default language" in problems[0]


def test_chosen_stories_with_none_chosen_is_a_problem_a_digest_is_not(data):
    assert mailings.mailing_problems(mailing(stories=[])) == [NO_STORIES]
    assert mailings.mailing_problems(mailing(kind=MailingKind.DIGEST)) == []


def test_an_unpublished_chosen_story_is_a_problem(data):
    problems = mailings.mailing_problems(mailing(stories=[data["story"], data["draft_story"]]))

    assert len(problems) == 1 and "“Not out yet”" in problems[0] and "A strike" not in problems[0]


def test_a_digest_with_no_story_in_its_days_warns(data):
    recent = mailing(kind=MailingKind.DIGEST, digest_days=7)

    assert mailings.mailing_warnings(recent) == []
    assert "No story was published in the last 7 days" in mailings.mailing_warnings(recent, now=later(days=30))[0]
    assert mailings.mailing_warnings(mailing(stories=[data["story"]]), now=later(days=30)) == []


# The test to oneself.


def test_the_test_goes_to_the_editor_only_with_the_mailings_headers(data):
    record = mailing(texts={"en": ("News", "Hello."), "ru": ("Новости", "Привет.")}, stories=[data["story"]])

    mailings.mailing_send_test(record, user=EDITOR, language="ru")

    [message] = mail.outbox
    assert message.to == ["editor@example.org"] and not message.cc and not message.bcc
    assert "Новости" in message.subject and "Test" in message.subject
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    # Its "unsubscribe" is the subscribe page: no one-click POST of a mail provider is invited there.
    assert "List-Unsubscribe-Post" not in message.extra_headers
    assert any(kind == "text/html" for _content, kind in message.alternatives)  # type: ignore[attr-defined]
    record.refresh_from_db()
    assert not Delivery.objects.exists()
    assert (record.state, record.total_count, record.sent_count) == (MailingState.DRAFT, 0, 0)


def test_no_test_for_an_editor_without_an_email(data):
    with pytest.raises(ValidationError, match="Your account has no email address"):
        mailings.mailing_send_test(mailing(stories=[data["story"]]), user=SimpleNamespace(email=""), language="en")

    assert mail.outbox == []


def test_no_test_without_the_default_language_text(data):
    record = mailing(texts={"ru": ("Новости", "")}, stories=[data["story"]])

    with pytest.raises(ValidationError, match="default language"):
        mailings.mailing_send_test(record, user=EDITOR, language="ru")


# Schedule, send now, cancel.


def test_a_schedule_in_the_past_is_refused(data):
    record = mailing(stories=[data["story"]])

    with pytest.raises(ValidationError, match="This time has passed"):
        mailings.mailing_schedule(record, user=EDITOR, send_at=later(minutes=-1))

    assert Mailing.objects.get(pk=record.pk).state == MailingState.DRAFT


def test_a_schedule_in_the_future_is_kept(data):
    when = later(days=1)

    record = mailings.mailing_schedule(mailing(stories=[data["story"]]), user=EDITOR, send_at=when)

    assert (record.state, record.send_at) == (MailingState.SCHEDULED, when)


def test_scheduling_and_sending_are_refused_with_the_problems(data):
    record = mailing(stories=[])

    with pytest.raises(ValidationError) as scheduling:
        mailings.mailing_schedule(record, user=EDITOR, send_at=later(days=1))
    with pytest.raises(ValidationError) as sending:
        mailings.mailing_send_now(record, user=EDITOR)

    assert scheduling.value.messages == [NO_STORIES] and sending.value.messages == [NO_STORIES]
    assert Mailing.objects.get(pk=record.pk).state == MailingState.DRAFT
    assert not Delivery.objects.exists()


def test_an_empty_digest_is_not_sent_now(data):
    record = mailing(kind=MailingKind.DIGEST, digest_days=1)

    with pytest.raises(ValidationError, match="this digest would be empty"):
        mailings.mailing_send_now(record, user=EDITOR, now=later(days=30))


def test_send_now_makes_a_delivery_per_confirmed_subscriber(data):
    record = mailings.mailing_send_now(mailing(stories=[data["story"]]), user=EDITOR)

    assert record.state == MailingState.SENDING and record.total_count == 2
    assert set(Delivery.objects.filter(mailing=record).values_list("subscriber", flat=True)) == {
        data["readers"][0].pk,
        data["readers"][1].pk,
    }


def test_a_mailing_that_started_is_not_sent_or_scheduled_again(data):
    record = mailings.mailing_send_now(mailing(stories=[data["story"]]), user=EDITOR)

    with pytest.raises(ValidationError, match="already started sending"):
        mailings.mailing_send_now(record, user=EDITOR)
    with pytest.raises(ValidationError, match="already started sending"):
        mailings.mailing_schedule(record, user=EDITOR, send_at=later(days=1))

    assert Delivery.objects.filter(mailing=record).count() == 2


def test_cancel_brings_a_scheduled_mailing_back_to_draft(data):
    record = mailings.mailing_schedule(mailing(stories=[data["story"]]), user=EDITOR, send_at=later(days=1))

    record = mailings.mailing_cancel(record, user=EDITOR)

    assert (record.state, record.send_at) == (MailingState.DRAFT, None)


def test_stopping_leaves_out_who_is_still_waiting(data):
    record = mailings.mailing_send_now(mailing(stories=[data["story"]]), user=EDITOR)
    first = Delivery.objects.filter(mailing=record).order_by("pk").first()
    assert first is not None
    Delivery.objects.filter(pk=first.pk).update(state=DeliveryState.SENT)

    record = mailings.mailing_cancel(record, user=EDITOR)

    assert record.state == MailingState.CANCELLED and record.finished_at is not None
    assert record.skipped_count == 1
    assert Delivery.objects.get(pk=first.pk).state == DeliveryState.SENT


def test_a_draft_cannot_be_cancelled(data):
    with pytest.raises(ValidationError, match="Only a scheduled mailing or one that is sending"):
        mailings.mailing_cancel(mailing(stories=[data["story"]]), user=EDITOR)
