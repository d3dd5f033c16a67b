"""Run the features' periodic jobs once (``core.schedules``: the moderators' digest of comments …), from cron
or a systemd timer every few minutes (docs/deploy.md); ``make run`` runs them every minute itself."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from solidarity.core import schedules


class Command(BaseCommand):
    help = "Run the periodic jobs (such as the moderators' digest of comments) once."

    def handle(self, *args: Any, **options: Any) -> None:
        for name, done in schedules.run_all().items():
            if options["verbosity"] > 1 or done:
                self.stdout.write(f"{name}: {done}")
