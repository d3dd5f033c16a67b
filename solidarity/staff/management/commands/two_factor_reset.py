"""``manage.py two_factor_reset USERNAME``: remove a staff member's authenticator and recovery codes (lost phone)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from solidarity.staff import two_factor


class Command(BaseCommand):
    help = "Remove a staff member's two-factor authenticator and recovery codes; they set up a new one at next login."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        model = get_user_model()
        try:
            user = model.objects.get(**{model.USERNAME_FIELD: options["username"]})
        except model.DoesNotExist as error:
            raise CommandError(f"No user {options['username']!r}.") from error
        two_factor.remove(user, by=None)
        self.stdout.write(f"Two-factor authentication removed for {options['username']}: set it up at the next login.")
