"""Email in tests: what the site queued (``core.outbox``), sent now as the task worker would, and read back."""

from __future__ import annotations

from django.core import mail

from solidarity.core import outbox


def delivered() -> list[mail.EmailMessage]:
    """Send every queued email now (tests queue tasks without running them) and return Django's test outbox."""
    outbox.deliver_due()
    return list(mail.outbox)


def links_in(message: mail.EmailMessage) -> list[str]:
    """The addresses in an email's text, in order."""
    import re

    return re.findall(r"https?://\S+", str(message.body))
