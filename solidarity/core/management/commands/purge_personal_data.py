"""Delete the personal data that has served its purpose (``core.retention``: every feature's purge)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from solidarity.core import retention


class Command(BaseCommand):
    help = "Delete personal data past its keeping time (sent emails, unconfirmed and old sign-ups, …)."

    def handle(self, *args: Any, **options: Any) -> None:
        for name, count in retention.purge_all().items():
            if options["verbosity"] > 1 or count:
                self.stdout.write(f"{name}: {count} record(s) deleted or emptied.")
