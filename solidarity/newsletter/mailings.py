"""What editors do with a mailing: check it, preview it, send a test to themselves, schedule it, send it now,
cancel it. The admin calls these; the sending itself is ``sending.py``.

Each refusal is a ``ValidationError`` whose messages say what to do (the admin shows them as they are). A mailing
that started sending can no longer be changed, scheduled or sent again (``Mailing.is_editable``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from solidarity.core.outbox import error_summary
from solidarity.newsletter import sending
from solidarity.newsletter.models import Mailing, MailingKind, MailingState, MailingStory, MailingText
from solidarity.newsletter.queries import mailing_problems, mailing_warnings  # the rules of a sendable mailing
from solidarity.stories.models import StoryPage


@transaction.atomic
def mailing_create(
    *,
    texts: dict[str, tuple[str, str]],
    kind: str = MailingKind.CHOSEN,
    stories: Iterable[StoryPage] = (),
    digest_days: int = 7,
    user: Any = None,
) -> Mailing:
    """A draft mailing (what the admin's form makes; the demo and scripts call this): ``texts`` maps a language to
    its (subject, intro); ``stories`` are the chosen stories in order (a digest has none)."""
    mailing = Mailing(kind=kind, digest_days=digest_days, created_by=user)
    mailing.texts = [
        MailingText(language=code, subject=subject, intro=intro) for code, (subject, intro) in texts.items()
    ]
    mailing.chosen_stories = [MailingStory(story=story) for story in stories]
    mailing.full_clean(exclude=["texts", "chosen_stories"])
    mailing.save()
    return mailing


# What sending and the editors' actions write; the mailing's editor (its form) never does.
SENDING_FIELDS = (
    "state",
    "send_at",
    "started_at",
    "finished_at",
    "total_count",
    "sent_count",
    "failed_count",
    "skipped_count",
)


def mailing_edit_lock(mailing: Mailing) -> None:
    """Before the editor's form saves ``mailing``, in the caller's transaction: its row locked, refused
    (``ValidationError``) when it started sending since the form was read (the scheduled job, "send now" in another
    tab), and its sending's fields taken as the database holds them, so the form's save writes the content only and
    never puts back a state or counts of the moment it was read."""
    locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
    if not locked.is_editable:
        raise ValidationError(_("This mailing has started sending: it can no longer be changed."))
    for name in SENDING_FIELDS:
        setattr(mailing, name, getattr(locked, name))


def _refuse_unless_sendable(mailing: Mailing) -> None:
    if not mailing.is_editable:
        raise ValidationError(_("This mailing has already started sending: it cannot be scheduled or sent again."))
    problems = mailing_problems(mailing)
    if problems:
        raise ValidationError(problems)


def mailing_send_test(mailing: Mailing, *, user: Any, language: str) -> None:
    """Send the mailing, as a subscriber of ``language`` with no filters would get it, to the editor's own address.

    It goes now, to the editor only, with the mailing's own headers (``List-Unsubscribe``…): no delivery is made
    and nothing of it counts as the mailing's sending."""
    address = str(getattr(user, "email", "") or "").strip()
    if not address:
        raise ValidationError(
            _("Your account has no email address: add one in your account settings, then send the test again.")
        )
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose one of the site's languages for the test."))
    if mailing.text_in(settings.LANGUAGE_CODE) is None:
        raise ValidationError(mailing_problems(mailing)[0])
    rendered = sending.render_sample(mailing, language)
    message = sending.email_message(rendered, address)
    message.subject = _("[Test] %(subject)s") % {"subject": rendered.subject}
    try:
        message.send()
    except Exception as error:  # the mail server refused or could not be reached: say so, never a 500
        raise ValidationError(
            _("The test could not be sent (%(error)s). Try again in a while.") % {"error": error_summary(error)}
        ) from error


def mailing_schedule(
    mailing: Mailing, *, user: Any, send_at: datetime.datetime, now: datetime.datetime | None = None
) -> Mailing:
    """Schedule the mailing for ``send_at`` (in the future); ``sending.mailings_run`` starts it then."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
        _refuse_unless_sendable(locked)
        if send_at <= now:
            raise ValidationError(_("This time has passed: choose a time in the future, or send the mailing now."))
        locked.state = MailingState.SCHEDULED
        locked.send_at = send_at
        locked.save(update_fields=["state", "send_at"])
    return locked


def mailing_send_now(mailing: Mailing, *, user: Any, now: datetime.datetime | None = None) -> Mailing:
    """Start sending the mailing now: one delivery per confirmed subscriber, sent by background tasks."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
        _refuse_unless_sendable(locked)
        warnings = mailing_warnings(locked, now=now)
        if warnings:
            raise ValidationError(warnings)
        sending.mailing_start(locked, now=now)
    locked.refresh_from_db()
    return locked


def mailing_cancel(mailing: Mailing, *, user: Any, now: datetime.datetime | None = None) -> Mailing:
    """A scheduled mailing back to draft; a mailing that is sending stops (what went, went; the rest is left out)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
        if locked.state == MailingState.SCHEDULED:
            locked.state = MailingState.DRAFT
            locked.send_at = None
            locked.save(update_fields=["state", "send_at"])
        elif locked.state == MailingState.SENDING:
            # Deliveries being sent this moment finish; the waiting ones are left out (sending.py).
            sending.sending_cancel(locked, now=now)
        else:
            raise ValidationError(_("Only a scheduled mailing or one that is sending can be cancelled."))
    return locked
