"""Email to one person at a time, sent by a background task and tried again when sending fails.

A feature calls :func:`mail_queue` inside its own transaction: the email is rendered in the
recipient's language, stored (encrypted) and handed to the task worker once the transaction
commits, so an email never goes out for a change that was rolled back, and a crash before the
worker ran loses nothing (``manage.py run_schedules``, or ``deliver_mail`` from cron, sends what
is due). A failed send waits ``RETRY_MINUTES`` and is tried again, then given up; staff see each
email's state and last error in the admin (Reports › Outgoing email), never its text. Sent emails are
deleted after ``OUTBOX_KEEP_SENT_DAYS`` and given-up ones after ``OUTBOX_KEEP_FAILED_DAYS`` (:func:`purge`,
at each pass of ``deliver_mail`` and ``run_schedules``): their addresses are not kept for longer.
"""

from __future__ import annotations

import datetime
import logging
import re
import smtplib
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from solidarity.core.models import OutgoingEmail

logger = logging.getLogger(__name__)

RETRY_MINUTES = (1, 5, 15, 60, 240, 720)  # after the 1st, 2nd … failed attempt; then it is given up


def site_address(path: str) -> str:
    """An address on this site for an email (or a partner site): the site's base address and ``path``."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def mail_queue(
    *,
    to: str,
    template: str,
    context: Mapping[str, Any],
    language: str,
    purpose: str,
    reply_to: str = "",
) -> OutgoingEmail:
    """Queue one email: ``<template>_subject.txt`` and ``<template>.txt`` rendered in ``language``.

    ``purpose`` says what it is for (``"campaigns.group_received"``), for staff and for tests.
    """
    with translation.override(language):
        full_context = {"site_name": settings.SOLIDARITY_SITE_NAME, "language": language, **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", full_context).split())
        body = render_to_string(f"{template}.txt", full_context)
    email = OutgoingEmail.objects.create(
        recipient=to, reply_to=reply_to, subject=subject, body=body, language=language, purpose=purpose
    )
    transaction.on_commit(lambda: _enqueue(email.pk))
    return email


def _enqueue(email_id: int) -> None:
    try:
        deliver_email.enqueue(email_id)
    except Exception:  # the queue is down: run_schedules / deliver_mail send it later
        logger.exception("Could not queue email %s; it is sent at the next pass of deliver_mail", email_id)


CLAIM_MINUTES = 10  # a send in progress; a sender that died leaves it to be tried again after this
_ADDRESS = re.compile(r"[^\s<>()'\"{}:,;]+@[^\s<>()'\"{}:,;]+")


def error_summary(error: BaseException) -> str:
    """What is kept of a failed send: the kind of error and the mail server's codes, never an address (an SMTP
    error's text names the recipient, which is stored encrypted and nowhere else)."""
    codes: list[str] = []
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(code) for code, _text in error.recipients.values()})
    elif isinstance(error, smtplib.SMTPResponseException):
        codes = [str(error.smtp_code)]
    else:
        text = _ADDRESS.sub("[address]", str(error))
        return f"{type(error).__name__}: {text}"[:500] if text else type(error).__name__
    return f"{type(error).__name__} {' '.join(codes)}".strip()[:500]


def deliver(email_id: int, *, now: datetime.datetime | None = None) -> bool:
    """Send one queued email that is due; True once it is sent. A failure is recorded with the time of the next
    attempt.

    The email is claimed in a short transaction, sent outside any (a slow mail server holds no lock on the
    database, which SQLite would hold for every write of the site), and its result recorded in another.
    """
    now = now or timezone.now()
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update()
            .filter(pk=email_id, state=OutgoingEmail.State.QUEUED)
            .exclude(next_attempt_at__gt=now)
            .first()
        )
        if email is None:
            return False  # sent or being sent (two workers, the task and a pass of deliver_mail), waiting, given up
        email.next_attempt_at = now + datetime.timedelta(minutes=CLAIM_MINUTES)
        email.save(update_fields=["next_attempt_at"])
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.recipient],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers={"Auto-Submitted": "auto-generated"},
    )
    try:
        message.send()
    except Exception as error:  # any failure of the mail server or the connection
        email.attempts += 1
        email.last_error = error_summary(error)
        if email.attempts > len(RETRY_MINUTES):
            email.state = OutgoingEmail.State.FAILED
            email.next_attempt_at = None
        else:
            email.next_attempt_at = now + datetime.timedelta(minutes=RETRY_MINUTES[email.attempts - 1])
        email.save(update_fields=["attempts", "last_error", "state", "next_attempt_at"])
        logger.warning("Email %s (%s) not sent: %s", email.pk, email.purpose, email.last_error)
        return False
    email.attempts += 1
    email.state = OutgoingEmail.State.SENT
    email.sent_at = now
    email.next_attempt_at = None
    email.body = ""  # sent: the private links it carried are no longer kept
    email.save(update_fields=["attempts", "state", "sent_at", "next_attempt_at", "body"])
    return True


@task()
def deliver_email(email_id: int) -> bool:
    """The background task: send one queued email; a failure is recorded on its row and tried again later."""
    return deliver(email_id)


def deliver_due(*, now: datetime.datetime | None = None) -> int:
    """Send every queued email whose time has come (new ones, and failed ones whose wait is over); how many went."""
    now = now or timezone.now()
    due = OutgoingEmail.objects.filter(state=OutgoingEmail.State.QUEUED).exclude(next_attempt_at__gt=now)
    return sum(deliver(pk, now=now) for pk in list(due.order_by("pk").values_list("pk", flat=True)))


def send_again(email: OutgoingEmail) -> None:
    """A given-up email back in the queue (staff asked for it), tried at once."""
    OutgoingEmail.objects.filter(pk=email.pk).update(state=OutgoingEmail.State.QUEUED, next_attempt_at=None, attempts=0)
    transaction.on_commit(lambda: _enqueue(email.pk))


def purge(*, now: datetime.datetime | None = None) -> int:
    """Delete sent emails older than ``OUTBOX_KEEP_SENT_DAYS`` and given-up ones older than
    ``OUTBOX_KEEP_FAILED_DAYS`` (their addresses and subjects go with them); how many were deleted.

    Queued emails are never deleted: they are still to be sent.
    """
    now = now or timezone.now()
    sent_before = now - datetime.timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS)
    failed_before = now - datetime.timedelta(days=settings.OUTBOX_KEEP_FAILED_DAYS)
    sent, _by_model = OutgoingEmail.objects.filter(state=OutgoingEmail.State.SENT, sent_at__lt=sent_before).delete()
    failed, _by_model = OutgoingEmail.objects.filter(
        state=OutgoingEmail.State.FAILED, created_at__lt=failed_before
    ).delete()
    return sent + failed
