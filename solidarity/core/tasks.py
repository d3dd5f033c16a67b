"""Background work of core: sending queued email (``core.outbox``)."""

from __future__ import annotations

from django_tasks import task

from solidarity.core import outbox


@task()
def deliver_email(email_id: int) -> bool:
    """Send one queued email; a failure is recorded on its row and tried again later (``outbox.deliver_due``)."""
    return outbox.deliver(email_id)
