import logging
from typing import Any

from django.core.management.base import BaseCommand

from solidarity.core.quiet_logs import quieter
from solidarity.home.services import site_tree_ensure


class Command(BaseCommand):
    help = "Create the languages, home pages and story indexes the site needs (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        with quieter(level=logging.DEBUG if options["verbosity"] >= 3 else logging.WARNING):
            home = site_tree_ensure()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Site ready: home page “{home.title}” in every language.")
