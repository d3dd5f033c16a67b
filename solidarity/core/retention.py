"""Personal data kept no longer than needed: each feature registers how it deletes what has served its purpose.

A feature calls ``register_purge("campaigns", campaigns_purge)`` from its ``AppConfig.ready()``; every pass of
``manage.py run_schedules`` (and ``manage.py purge_personal_data`` from cron) runs them all. Each purge takes
``now`` and returns how many records it deleted or emptied. docs/security.md says what is kept how long.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable

from django.utils import timezone

logger = logging.getLogger(__name__)

Purge = Callable[[datetime.datetime], int]
_purges: dict[str, Purge] = {}


def register_purge(name: str, purge: Purge) -> None:
    """Add (or, under the same name, replace) a purge."""
    _purges[name] = purge


def registered_purges() -> dict[str, Purge]:
    return dict(_purges)


def purge_all(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Run every registered purge; a failing one is logged and the others still run. Returns counts by name."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    for name, purge in _purges.items():
        try:
            counts[name] = purge(now)
        except Exception:
            logger.exception("The purge %r failed; it runs again at the next pass", name)
    return counts
