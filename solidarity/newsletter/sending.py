"""Sending a mailing: one delivery per confirmed subscriber, sent in batches by background tasks, each recipient's
state recorded so that a crash in the middle resumes without mailing anyone twice.

Each email is rendered in the subscriber's language (``render``): an HTML and a plain-text part, the
``List-Unsubscribe`` and ``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` headers (RFC 8058), no tracking
pixel and no tracked link.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from solidarity.newsletter.models import Mailing, Subscriber

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


def render(mailing: Mailing, subscriber: Subscriber) -> Rendered | None:
    """The mailing as this subscriber gets it; None when a digest holds nothing for them."""
    raise NotImplementedError


def mailing_start(mailing: Mailing, *, now: datetime.datetime | None = None) -> int:
    """Make the deliveries (one per confirmed subscriber), mark it sending and queue the first batch; how many."""
    raise NotImplementedError


def batch_send(mailing_id: int, *, now: datetime.datetime | None = None) -> int:
    """Send up to ``BATCH_SIZE`` waiting deliveries of the mailing; how many were sent. Queues the next batch."""
    raise NotImplementedError


def mailings_run(*, now: datetime.datetime | None = None) -> int:
    """The scheduled job: start scheduled mailings whose time came; resume sendings that stalled (a crash)."""
    return 0
