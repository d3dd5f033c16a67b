"""Development email: every message becomes one .eml file under var/mail/."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone


class OneFilePerMessageBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        directory = Path(settings.EMAIL_FILE_PATH)
        directory.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            path = directory / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
            # Django 5.2's message() is a SafeMIME* whose as_bytes takes linesep; the stubs follow Django 6.
            path.write_bytes(message.message().as_bytes(linesep="\n"))  # type: ignore[call-arg]
            sent += 1
        return sent
