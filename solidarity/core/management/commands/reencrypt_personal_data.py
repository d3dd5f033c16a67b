"""Finish a data-key rotation: rewrite all personal data with the newest key (see docs/configuration.md)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from solidarity.core.services import personal_data_reencrypt


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored personal-data value with the first key of SOLIDARITY_DATA_KEY, "
        "so that the older keys can then be removed. Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="rows rewritten per transaction (default 500)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            count = personal_data_reencrypt(batch_size=options["batch_size"])
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        except ValueError as error:
            raise CommandError(
                f"{error} The run stopped there (earlier batches are rewritten already): put every key "
                "still in use into SOLIDARITY_DATA_KEY and run the command again."
            ) from error
        values = "value" if count == 1 else "values"
        self.stdout.write(
            f"Re-encrypted {count} personal-data {values} with the newest key. "
            "The older keys in SOLIDARITY_DATA_KEY can now be removed."
        )
