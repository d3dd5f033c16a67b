"""Publish and unpublish scheduled pages, and send queued email that is due, every minute, until stopped: what
`make run` runs beside the site.

Each pass is Wagtail's ``publish_scheduled`` (pages whose "go live" time came are published, those
whose "expiry" time came are unpublished). Production runs ``publish_scheduled`` from a systemd
timer or cron instead (docs/deploy.md). SIGTERM or Ctrl-C stops it between passes, with status 0.
"""

from __future__ import annotations

import logging
import signal
import threading
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections, connection

logger = logging.getLogger(__name__)

INTERVAL_SECONDS = 60


def _close_old_connections() -> None:
    """A connection the database closed since the last pass is not reused (never inside a transaction, which
    Django would take for a broken connection: a caller's own, or a test's)."""
    if not connection.in_atomic_block:
        close_old_connections()


def publish_scheduled_once() -> None:
    """One pass of Wagtail's ``publish_scheduled``; a failure is logged and the next pass tries again."""
    _close_old_connections()
    try:
        call_command("publish_scheduled", verbosity=0)
    except Exception:
        logger.exception("publish_scheduled failed; trying again at the next pass")
    finally:
        _close_old_connections()


def deliver_mail_once() -> None:
    """Send queued email that is due (``core.outbox``: what the task worker missed, retries of failed sends),
    delete personal data past its keeping time (``core.retention``: sent and given-up emails, old sign-ups …), and
    run the features' periodic jobs (``core.schedules``: the moderators' digest …)."""
    from solidarity.core import outbox, retention, schedules

    _close_old_connections()
    try:
        outbox.deliver_due()
        retention.purge_all()
        schedules.run_all()
    except Exception:
        logger.exception("deliver_mail failed; trying again at the next pass")
    finally:
        _close_old_connections()


def run_schedules(*, interval: float, stop: threading.Event) -> int:
    """Passes every ``interval`` seconds, the first at once, until ``stop`` is set; returns how many ran."""
    passes = 0
    while not stop.is_set():
        publish_scheduled_once()
        deliver_mail_once()
        passes += 1
        stop.wait(interval)
    return passes


class Command(BaseCommand):
    help = "Publish and unpublish scheduled pages every minute (Wagtail's publish_scheduled), until stopped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=INTERVAL_SECONDS, help="seconds between passes")
        parser.add_argument("--once", action="store_true", help="one pass, then stop")

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        if options["once"]:
            stop.set()
            publish_scheduled_once()
            return

        def on_signal(signum: int, frame: object) -> None:
            stop.set()

        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)
        self.stdout.write(f"Scheduled publishing: a pass every {options['interval']:g} seconds until stopped.")
        self.stdout.flush()
        passes = run_schedules(interval=options["interval"], stop=stop)
        self.stdout.write(f"Scheduled publishing stopped after {passes} passes.")
