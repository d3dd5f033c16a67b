"""``manage.py unlock_login USERNAME``: lift the lock of a staff login before its time runs out (docs/security.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from solidarity.staff.logins import unlock_every_login, unlock_login


class Command(BaseCommand):
    help = (
        "Clear the failed logins counted for a username, which lifts its lockout (recorded in the audit log); "
        "--all clears every count, addresses' included."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", nargs="?", help="the username whose failed logins to clear")
        parser.add_argument(
            "--all", action="store_true", help="clear every failed login, of every username and address"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["all"]:
            cleared = unlock_every_login()
        elif options["username"]:
            cleared = unlock_login(options["username"])
        else:
            raise CommandError("Name a username, or --all.")
        self.stdout.write(f"{cleared} failed-login record(s) cleared.")
