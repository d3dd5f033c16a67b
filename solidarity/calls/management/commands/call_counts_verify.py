"""Check that every public call's counts equal its signatures; ``--repair`` sets them to the rows'."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from solidarity.calls import services


class Command(BaseCommand):
    help = "Check the public calls' signature counts against the signatures; --repair sets them right."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repair", action="store_true", help="Set every differing count to its rows' count.")

    def handle(self, *args: Any, repair: bool = False, **options: Any) -> None:
        drifts = services.counts_verify(repair=repair)
        for drift in drifts:
            self.stdout.write(
                f"call {drift.call_key} country {drift.country}: people {drift.people[0]} counted, "
                f"{drift.people[1]} signed; organisations {drift.organisations[0]} counted, "
                f"{drift.organisations[1]} signed"
            )
        if not drifts:
            self.stdout.write("Every count equals its signatures.")
        elif repair:
            self.stdout.write(f"Repaired {len(drifts)} counts.")
        else:
            self.stderr.write(f"{len(drifts)} counts differ from their signatures: run again with --repair.")
            raise SystemExit(1)
