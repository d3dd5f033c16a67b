"""Send every queued email whose time has come (new ones the task worker missed, failed ones due again), then
delete sent and given-up emails past their keeping time (``core.outbox.purge``)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from solidarity.core import outbox


class Command(BaseCommand):
    help = "Send queued emails that are due (retries of failed sends included); delete old sent and given-up ones."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = outbox.deliver_due()
        deleted = outbox.purge()
        if options["verbosity"] > 1 or sent:
            self.stdout.write(f"{sent} email(s) sent.")
        if options["verbosity"] > 1 or deleted:
            self.stdout.write(f"{deleted} old email(s) deleted.")
