"""What editors do with a mailing: check it, preview it, send a test to themselves, schedule it, send it now,
cancel it. The admin calls these; the sending itself is ``sending.py``."""

from __future__ import annotations

import datetime
from typing import Any

from solidarity.newsletter.models import Mailing


def mailing_problems(mailing: Mailing) -> list[str]:
    """Why this mailing cannot be sent as it is (no text in the site's default language, no stories…); empty: fine."""
    raise NotImplementedError


def mailing_send_test(mailing: Mailing, *, user: Any, language: str) -> None:
    """Send the mailing, as a subscriber of ``language`` with no filters would get it, to the editor's own address."""
    raise NotImplementedError


def mailing_schedule(mailing: Mailing, *, user: Any, send_at: datetime.datetime) -> Mailing:
    raise NotImplementedError


def mailing_send_now(mailing: Mailing, *, user: Any) -> Mailing:
    raise NotImplementedError


def mailing_cancel(mailing: Mailing, *, user: Any) -> Mailing:
    """A scheduled mailing back to draft; a mailing that is sending stops (what went, went; the rest is left out)."""
    raise NotImplementedError
