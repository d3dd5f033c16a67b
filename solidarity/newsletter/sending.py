"""Sending a mailing: one delivery per confirmed subscriber, sent in batches by background tasks, each recipient's
state recorded so that a crash in the middle resumes without mailing anyone twice.

Each email is rendered in the subscriber's language (``render``): an HTML and a plain-text part, the
``List-Unsubscribe`` and ``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` headers (RFC 8058), no image, no
tracking pixel and no tracked link: every link goes straight to the site's page.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from email.header import Header
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F, Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail.log_actions import log

from solidarity.core import outbox
from solidarity.core.languages import language_name
from solidarity.newsletter import queries, services
from solidarity.newsletter.models import Delivery, DeliveryState, Mailing, MailingKind, MailingState, Subscriber
from solidarity.stories.models import StoryPage

logger = logging.getLogger(__name__)

BATCH_SIZE = 50


@dataclass(frozen=True)
class Rendered:
    """One subscriber's email: subject, both parts, headers, and whether the text fell back to the default language."""

    subject: str
    text: str
    html: str
    language: str
    headers: dict[str, str] = field(default_factory=dict)
    fell_back: bool = False


def render(mailing: Mailing, subscriber: Subscriber, *, now: datetime.datetime | None = None) -> Rendered | None:
    """The mailing as this subscriber gets it; None when it holds nothing for them (a digest with no story of their
    countries, topics and language; chosen stories no reader may see any more): their delivery is left out."""
    return _render(
        mailing,
        language=subscriber.language,
        # Only a digest reads the subscriber's countries and topics: chosen stories go to everyone.
        filters=queries.filters_of(subscriber)
        if mailing.kind == MailingKind.DIGEST
        else queries.Filters(language=subscriber.language),
        preferences=services.preferences_link(subscriber),
        unsubscribe=services.unsubscribe_link(subscriber),
        now=now or timezone.now(),
        sample=False,
    )


def render_sample(mailing: Mailing, language: str, *, now: datetime.datetime | None = None) -> Rendered:
    """The mailing as a subscriber of ``language`` who ticked no country and no topic would get it: the preview and
    the test an editor sends to themselves. Its preference and unsubscribe links lead to the subscribe page (a
    sample has no subscriber), and it says it is a sample. Never None: an empty one says no story was found."""
    with translation.override(language):
        subscribe_page = outbox.site_address(reverse("newsletter:subscribe"))
    rendered = _render(
        mailing,
        language=language,
        filters=queries.Filters(language=language),
        preferences=subscribe_page,
        unsubscribe=subscribe_page,
        now=now or timezone.now(),
        sample=True,
    )
    assert rendered is not None  # a sample is rendered even with no story
    return rendered


def email_message(rendered: Rendered, to: str, *, connection: Any = None) -> EmailMultiAlternatives:
    """The email of a rendered mailing to one address: the plain text, the HTML beside it, and its headers."""
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=rendered.headers,
        connection=connection,
    )
    message.attach_alternative(rendered.html, "text/html")
    return message


def list_id() -> str:
    """The ``List-Id`` header (RFC 2919): the newsletter's name and an identifier under the site's host. A name
    that is not ASCII is encoded alone (RFC 2047), so the identifier stays readable to mail programs (Django would
    encode the whole header)."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    name = " ".join(settings.SOLIDARITY_SITE_NAME.replace('"', "'").split())
    if not name.isascii():
        return f"{Header(name, 'utf-8').encode()} <newsletter.{host}>"
    return f'"{name}" <newsletter.{host}>'


def _story_item(story: StoryPage, *, language: str, translated: bool = True) -> dict[str, Any]:
    return {
        "title": story.title,
        "summary": story.summary,
        "date": story.date,
        "url": outbox.site_address(story.url or ""),
        "language": story.locale.language_code,
        "language_name": "" if translated else language_name(story.locale.language_code, in_sentence=True),
    }


def _render(
    mailing: Mailing,
    *,
    language: str,
    filters: queries.Filters,
    preferences: str,
    unsubscribe: str,
    now: datetime.datetime,
    sample: bool,
) -> Rendered | None:
    text = mailing.text_in(language)
    fell_back = text is None
    if text is None:
        text = mailing.text_in(settings.LANGUAGE_CODE)
    with translation.override(language):
        stories_note = ""
        if mailing.kind == MailingKind.DIGEST:
            found, in_default_language = queries.digest_for(mailing, filters, now=now)
            stories = [_story_item(story, language=language, translated=not in_default_language) for story in found]
            if in_default_language:
                stories_note = gettext(
                    "None of these days' stories for you is in %(language)s; here are those in %(fallback)s."
                ) % {
                    "language": language_name(language, in_sentence=True),
                    "fallback": language_name(settings.LANGUAGE_CODE, in_sentence=True),
                }
        else:
            stories = [
                _story_item(item.story, language=language, translated=item.translated)
                for item in queries.chosen_stories(mailing, language)
            ]
        if not stories and not sample:
            return None
        subject = text.subject if text is not None else str(mailing)
        intro = text.intro if text is not None else ""
        fallback_note = ""
        if fell_back:
            fallback_note = gettext(
                "This newsletter has not been translated into %(language)s; here it is in %(fallback)s."
            ) % {
                "language": language_name(language, in_sentence=True),
                "fallback": language_name(settings.LANGUAGE_CODE, in_sentence=True),
            }
        context = {
            "site_name": settings.SOLIDARITY_SITE_NAME,
            "site_url": outbox.site_address(f"/{language}/"),
            "language": language,
            "text_language": text.language if text is not None else settings.LANGUAGE_CODE,
            "subject": subject,
            "paragraphs": [part.strip() for part in intro.replace("\r\n", "\n").split("\n\n") if part.strip()],
            "fallback_note": fallback_note,
            "stories_note": stories_note,
            "digest": mailing.kind == MailingKind.DIGEST,
            "stories": stories,
            "preferences_link": preferences,
            "unsubscribe_link": unsubscribe,
            "sample": sample,
        }
        plain = render_to_string("newsletter/emails/mailing.txt", context)
        html = render_to_string("newsletter/emails/mailing.html", context)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": list_id(),
        "Auto-Submitted": "auto-generated",
        "Precedence": "bulk",
    }
    if sample:  # its "unsubscribe" is the subscribe page: a mail provider's one-click POST must not go there
        del headers["List-Unsubscribe-Post"]
    return Rendered(
        subject=" ".join(subject.split()),
        text=plain,
        html=html,
        language=language,
        headers=headers,
        fell_back=fell_back,
    )


# The engine. Every change of a delivery's state and the mailing's counter of that state happen in one
# transaction, so the counters always equal the deliveries' states. A delivery is claimed (SENDING, committed)
# before its email goes and recorded SENT after: one found SENDING after a crash may have gone, and is never sent
# again.

RETRY_MINUTES = (5, 30, 120)  # a failed send waits this long after the 1st, 2nd, 3rd failure; then it has failed
CLAIM_MINUTES = 10  # a delivery claimed longer ago than this was interrupted mid-send (a send takes seconds)
STALL_MINUTES = 10  # a sending mailing nothing happened to for this long is resumed by ``mailings_run``
INTERRUPTED = "interrupted; not sent again so nobody gets it twice"


def mailing_start(mailing: Mailing, *, now: datetime.datetime | None = None) -> int:
    """Start sending: one delivery per confirmed subscriber, the mailing ``SENDING`` (``SENT`` at once with nobody
    to send to), the first batch queued once this commits; how many deliveries. Only a draft or a scheduled
    mailing starts: any other (started already, by a double click or the scheduled job) is left as it is (0)."""
    now = now or timezone.now()
    with transaction.atomic():
        started = Mailing.objects.filter(pk=mailing.pk, state__in=[MailingState.DRAFT, MailingState.SCHEDULED]).update(
            state=MailingState.SENDING, started_at=now
        )
        if not started:
            mailing.refresh_from_db()
            return 0
        recipients = Subscriber.objects.confirmed().order_by("pk").values_list("pk", flat=True)
        deliveries = Delivery.objects.bulk_create(
            [Delivery(mailing_id=mailing.pk, subscriber_id=pk) for pk in recipients.iterator()], batch_size=1000
        )
        total = len(deliveries)
        changes: dict[str, Any] = {"total_count": total}
        if not total:
            changes.update(state=MailingState.SENT, finished_at=now)
        Mailing.objects.filter(pk=mailing.pk).update(**changes)
        if total:
            mailing_id = mailing.pk
            transaction.on_commit(lambda: _enqueue_batch(mailing_id))
    mailing.refresh_from_db()
    logger.info("Mailing %s started: %s recipients", mailing.pk, total)
    return total


def sending_cancel(mailing: Mailing, *, now: datetime.datetime | None = None) -> int:
    """Stop a mailing that is sending: ``CANCELLED``, its waiting deliveries left out (what went, went; an email
    being sent this moment is recorded as it ends); how many were left out. Any other state: nothing (0)."""
    now = now or timezone.now()
    with transaction.atomic():
        Mailing.objects.filter(pk=mailing.pk, state=MailingState.SENDING).update(
            state=MailingState.CANCELLED, finished_at=now
        )
        left_out = _leave_out_waiting(mailing.pk)
    mailing.refresh_from_db()
    return left_out


def _leave_out_waiting(mailing_id: int) -> int:
    """A cancelled mailing's waiting deliveries left out (none of another state's)."""
    with transaction.atomic():
        if not Mailing.objects.filter(pk=mailing_id, state=MailingState.CANCELLED).exists():
            return 0
        left_out = Delivery.objects.filter(mailing_id=mailing_id, state=DeliveryState.PENDING).update(
            state=DeliveryState.SKIPPED, next_attempt_at=None
        )
        if left_out:
            Mailing.objects.filter(pk=mailing_id).update(skipped_count=F("skipped_count") + left_out)
    return left_out


def _enqueue_batch(mailing_id: int) -> bool:
    try:
        send_batch.enqueue(mailing_id)
    except Exception:  # the queue is down: mailings_run (run_schedules) resumes the sending
        logger.exception("Could not queue a batch of mailing %s; the scheduled job resumes it", mailing_id)
        return False
    return True


@task()
def send_batch(mailing_id: int) -> int:
    """The background task: send a batch of the mailing's deliveries; the next batch queues itself."""
    return batch_send(mailing_id)


def _due(mailing_id: int, now: datetime.datetime) -> Any:
    return (
        Delivery.objects.filter(mailing_id=mailing_id, state=DeliveryState.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("pk")
    )


def batch_send(mailing_id: int, *, now: datetime.datetime | None = None) -> int:
    """Send up to ``BATCH_SIZE`` waiting deliveries of a sending mailing that are due, through one connection to
    the mail server; how many deliveries were handled (sent, left out, failed or put back to wait). Queues the next
    batch while due ones remain; finishes the mailing when none waits or is being sent. A cancelled mailing's
    waiting deliveries are left out instead (and its interrupted ones settled)."""
    now = now or timezone.now()
    mailing = Mailing.objects.filter(pk=mailing_id).prefetch_related("texts").first()
    if mailing is None:
        return 0
    if mailing.state == MailingState.CANCELLED:
        return _leave_out_waiting(mailing_id) + interrupted_settle(mailing_id, now=now)
    if mailing.state != MailingState.SENDING:
        return 0
    interrupted_settle(mailing_id, now=now)
    batch = list(_due(mailing_id, now).values_list("pk", flat=True)[:BATCH_SIZE])
    handled = 0
    if batch:  # no connection to the mail server for a batch with nothing to send
        connection = get_connection()
        _open(connection)
        try:
            for delivery_id in batch:
                handled += _deliver(mailing, delivery_id, connection, now)
        finally:
            connection.close()
    if not _finish_if_done(mailing_id, now) and _due(mailing_id, now).exists():
        _enqueue_batch(mailing_id)
    return handled


def _open(connection: Any) -> None:
    try:
        connection.open()
    except Exception:  # the server is down: each send tries on its own and fails, recorded per delivery
        logger.warning("Could not connect to the mail server for a mailing's batch", exc_info=True)


def _deliver(mailing: Mailing, delivery_id: int, connection: Any, now: datetime.datetime) -> int:
    """Claim one delivery, render and send it, record what happened; 1 when it was this worker's to handle."""
    claimed = Delivery.objects.filter(
        pk=delivery_id, state=DeliveryState.PENDING, mailing__state=MailingState.SENDING
    ).update(state=DeliveryState.SENDING, claimed_at=max(now, timezone.now()))  # the moment of the claim itself:
    # a long batch's later claims must not look older than they are to ``interrupted_settle``
    if not claimed:
        return 0  # another worker took it, or the mailing was cancelled meanwhile
    delivery = Delivery.objects.select_related("subscriber").get(pk=delivery_id)
    subscriber = delivery.subscriber
    try:
        rendered = render(mailing, subscriber, now=now) if subscriber is not None else None
        if rendered is None:
            _record(delivery_id, mailing.pk, DeliveryState.SKIPPED, "skipped_count", now)
            return 1
        assert subscriber is not None
        email_message(rendered, subscriber.email, connection=connection).send()
    except Exception as error:  # the mail server refused, the connection broke, the rendering failed
        _failure(delivery, error, now)
        connection.close()  # a connection that failed may be in any state: the next send opens a new one
        _open(connection)
        return 1
    _record(delivery_id, mailing.pk, DeliveryState.SENT, "sent_count", now)
    return 1


def _record(delivery_id: int, mailing_id: int, state: str, counter: str, now: datetime.datetime) -> None:
    """A claimed delivery's outcome, and its counter, in one transaction."""
    changes: dict[str, Any] = {"state": state, "next_attempt_at": None}
    if state == DeliveryState.SENT:
        changes.update(sent_at=now, attempts=F("attempts") + 1, last_error="")
    with transaction.atomic():
        if Delivery.objects.filter(pk=delivery_id, state=DeliveryState.SENDING).update(**changes):
            Mailing.objects.filter(pk=mailing_id).update(**{counter: F(counter) + 1})


def _failure(delivery: Delivery, error: BaseException, now: datetime.datetime) -> None:
    """A send that failed: waits and is tried again, up to ``len(RETRY_MINUTES)`` times, then has failed."""
    attempts = delivery.attempts + 1
    summary = outbox.error_summary(error)
    logger.warning("Delivery %s of mailing %s not sent: %s", delivery.pk, delivery.mailing_id, summary)
    changes: dict[str, Any] = {"attempts": attempts, "last_error": summary}
    if attempts > len(RETRY_MINUTES):
        changes.update(state=DeliveryState.FAILED, next_attempt_at=None)
    else:
        changes.update(
            state=DeliveryState.PENDING, next_attempt_at=now + datetime.timedelta(minutes=RETRY_MINUTES[attempts - 1])
        )
    with transaction.atomic():
        updated = Delivery.objects.filter(pk=delivery.pk, state=DeliveryState.SENDING).update(**changes)
        if updated and changes["state"] == DeliveryState.FAILED:
            Mailing.objects.filter(pk=delivery.mailing_id).update(failed_count=F("failed_count") + 1)


def interrupted_settle(mailing_id: int, *, now: datetime.datetime | None = None) -> int:
    """Deliveries claimed more than ``CLAIM_MINUTES`` ago and never recorded: their worker died mid-send, so the
    email may have gone. They are marked failed, never sent again; how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=CLAIM_MINUTES)
    with transaction.atomic():
        settled = Delivery.objects.filter(
            mailing_id=mailing_id, state=DeliveryState.SENDING, claimed_at__lt=cutoff
        ).update(state=DeliveryState.FAILED, last_error=INTERRUPTED, next_attempt_at=None)
        if settled:
            Mailing.objects.filter(pk=mailing_id).update(failed_count=F("failed_count") + settled)
    if settled:
        logger.warning("Mailing %s: %s deliveries interrupted mid-send, not sent again", mailing_id, settled)
    return settled


def _finish_if_done(mailing_id: int, now: datetime.datetime) -> bool:
    """The mailing ``SENT`` once no delivery waits or is being sent; whether it is finished."""
    unfinished = Delivery.objects.filter(
        mailing_id=mailing_id, state__in=[DeliveryState.PENDING, DeliveryState.SENDING]
    )
    if unfinished.exists():
        return False
    Mailing.objects.filter(pk=mailing_id, state=MailingState.SENDING).update(state=MailingState.SENT, finished_at=now)
    return True


NOT_STARTED_ACTION = "newsletter.not_started"  # the audit log's entry for a scheduled mailing that could not go


def _scheduled_start(mailing: Mailing, *, now: datetime.datetime) -> int:
    """A scheduled mailing whose time came starts, unless something changed since it was scheduled that makes it
    unsendable (its chosen stories unpublished…): then it goes back to draft, and its history says why."""
    problems = queries.mailing_problems(mailing)
    if not problems:
        return mailing_start(mailing, now=now)
    with transaction.atomic():
        back = Mailing.objects.filter(pk=mailing.pk, state=MailingState.SCHEDULED).update(
            state=MailingState.DRAFT, send_at=None
        )
        if back:
            log(mailing, NOT_STARTED_ACTION, data={"problems": [str(problem) for problem in problems]})
    logger.warning("Scheduled mailing %s not started: %s", mailing.pk, "; ".join(map(str, problems)))
    return 0


def mailings_run(*, now: datetime.datetime | None = None) -> int:
    """The scheduled job (every pass of ``run_schedules``): start the scheduled mailings whose time came; for each
    mailing sending, settle the deliveries a crash interrupted, finish it when nothing is left, and resume it when
    due deliveries wait and nothing happened for ``STALL_MINUTES`` (its task was lost, or failed sends wait for
    their retry); leave out what a cancelled mailing still had waiting and settle its interrupted deliveries. How
    many things it did."""
    now = now or timezone.now()
    done = 0
    for mailing in Mailing.objects.filter(state=MailingState.SCHEDULED, send_at__lte=now).order_by("send_at", "pk"):
        done += bool(_scheduled_start(mailing, now=now))
    # A cancelled mailing's waiting deliveries are left out, and those a crash interrupted are settled (else
    # its counters would never add up to its recipients).
    cancelled = Mailing.objects.filter(
        state=MailingState.CANCELLED, deliveries__state__in=[DeliveryState.PENDING, DeliveryState.SENDING]
    )
    for mailing_id in set(cancelled.values_list("pk", flat=True)):
        done += bool(_leave_out_waiting(mailing_id)) + bool(interrupted_settle(mailing_id, now=now))
    stalled_before = now - datetime.timedelta(minutes=STALL_MINUTES)
    for mailing in Mailing.objects.filter(state=MailingState.SENDING).annotate(
        last_claim=Max("deliveries__claimed_at")
    ):
        done += interrupted_settle(mailing.pk, now=now)
        if _finish_if_done(mailing.pk, now):
            done += 1
            continue
        moments = [m for m in (mailing.started_at, mailing.last_claim, mailing.resumed_at) if m is not None]
        if (not moments or max(moments) < stalled_before) and _due(mailing.pk, now).exists():
            logger.info("Mailing %s stalled; resuming it", mailing.pk)
            # A resume counts as activity: while the worker is down, one batch waits in the queue, not one a pass.
            Mailing.objects.filter(pk=mailing.pk).update(resumed_at=now)
            if not _enqueue_batch(mailing.pk):
                batch_send(mailing.pk, now=now)  # no queue: this pass sends a batch itself
            done += 1
    return done
