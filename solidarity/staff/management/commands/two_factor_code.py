"""``manage.py two_factor_code USERNAME``: the code a staff member's authenticator shows now (development only).

The demo's accounts are set up with an authenticator nobody holds; this prints its current code so
that a developer can log in as any role. Production refuses it: there a code comes only from the
staff member's own phone.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from solidarity.staff import two_factor


class Command(BaseCommand):
    help = "Print the current two-factor code of a staff member's authenticator (development only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if getattr(settings, "PRODUCTION", False):
            raise CommandError("two_factor_code works in development only: in production codes come from phones.")
        model = get_user_model()
        user = model.objects.filter(**{model.USERNAME_FIELD: options["username"]}).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}.")
        device = two_factor.authenticator(user)
        if device is None:
            raise CommandError(f"{options['username']} has no authenticator yet: the next login sets one up.")
        self.stdout.write(two_factor.current_code(device))
