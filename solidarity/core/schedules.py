"""Jobs that run every few minutes beside the site: each feature registers its own from its ``AppConfig.ready()``
(``schedules.register_job("discussion.moderators_digest", services.moderators_digest_send)``), and
``manage.py run_schedules`` (what ``make run`` runs) or ``manage.py run_jobs`` from cron (docs/deploy.md) runs
every registered job once a pass. A job decides for itself whether it has anything to do (a digest that went
out an hour ago waits): running it more often than needed is harmless.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)

Job = Callable[..., int]  # job(now=...) -> how many things it did

_jobs: dict[str, Job] = {}


def register_job(name: str, job: Job) -> None:
    _jobs[name] = job


def registered_jobs() -> dict[str, Job]:
    return dict(_jobs)


def run_all(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Run every registered job once; one that fails is logged and the others still run."""
    done: dict[str, int] = {}
    for name, job in _jobs.items():
        try:
            done[name] = job(now=now)
        except Exception:
            logger.exception("scheduled job %s failed; it runs again at the next pass", name)
    return done
