"""Load the demo content: stories in English, Russian, Ukrainian and German, images, report PDFs, a demo admin,
one demo account per role (editor, coordinators for Russia and Belarus, moderator, translator), and a campaign
day of solidarity with its groups, activities and country contacts.

Safe to run on every start: what is there already is kept, nothing is added twice.
Refused in production unless ``--force`` is given.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from solidarity.core.quiet_logs import NOISY_LOGGERS, quieter

if TYPE_CHECKING:
    from solidarity.demo.demo import DemoResult


class Command(BaseCommand):
    help = (
        "Load the demo stories, images, report PDFs, a campaign with its groups and activities, a demo admin and "
        "one account per role "
        "(safe to run again: nothing is added twice). "
        "-v 0 prints nothing, -v 2 names each item created, -v 3 also shows Wagtail's own log."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="load the demo even in production (SOLIDARITY_MODE=production); only for a throwaway install",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION and not options["force"]:
            raise CommandError(
                "load_demo refuses to run in production (SOLIDARITY_MODE=production): it publishes invented "
                "stories and creates a superuser 'admin' and one staff account per role, whose passwords are "
                "written to files under "
                f"{settings.VAR_DIR}. Use --force only on a throwaway install that nobody relies on."
            )
        try:
            from solidarity.demo.demo import demo_load
        except ImportError as error:
            raise CommandError(
                f"The demo needs packages a production install leaves out ({error.name}): "
                "pip install -r requirements-demo.txt -c constraints.txt"
            ) from error
        verbosity = options["verbosity"]

        def log(message: str) -> None:
            if verbosity >= 2:
                self.stdout.write(f"  created {message}")

        with quieter(NOISY_LOGGERS, logging.DEBUG if verbosity >= 3 else logging.WARNING):
            result = demo_load(var_dir=settings.VAR_DIR, log=log)
        if verbosity >= 1:
            self.report(result)

    def report(self, result: DemoResult) -> None:
        for line in result.summary():
            self.stdout.write(line)
        admin = result.admin
        url = f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}/admin/"
        if admin.password:
            self.stdout.write(
                self.style.SUCCESS(f"Demo admin: {url}  user: {admin.username}  password: {admin.password}")
            )
        else:
            self.stdout.write(self.style.WARNING(f"Demo admin: {url}  user: {admin.username}  ({admin.note})"))
        # Development only (load_demo refuses production): one login per role, as the admin's above.
        for login in result.staff:
            if login.password:
                self.stdout.write(f"Demo {login.title}: {url}  user: {login.username}  password: {login.password}")
            else:
                self.stdout.write(
                    self.style.WARNING(f"Demo {login.title}: {url}  user: {login.username}  ({login.note})")
                )
        self.stdout.write("Two-factor code for a demo login: manage.py two_factor_code USER")
