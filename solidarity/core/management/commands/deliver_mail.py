"""Send every queued email whose time has come (new ones the task worker missed, failed ones due again)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from solidarity.core import outbox


class Command(BaseCommand):
    help = "Send queued emails that are due (retries of failed sends included)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = outbox.deliver_due()
        if options["verbosity"] > 1 or sent:
            self.stdout.write(f"{sent} email(s) sent.")
