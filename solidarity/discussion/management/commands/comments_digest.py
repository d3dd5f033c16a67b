"""Send the moderators' digest of waiting comments once (``services.moderators_digest_send``), for cron or a
systemd timer: it goes out only when something new waits, and at most every ``DIGEST_HOURS``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from solidarity.discussion import services


class Command(BaseCommand):
    help = (
        "Send the moderators the digest of comments waiting (only when something new waits, at most every few hours)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = services.moderators_digest_send()
        if sent:
            self.stdout.write(f"Digest queued for {sent} moderators.")
        else:
            self.stdout.write("No digest: nothing new waits, or the last one went out recently.")
