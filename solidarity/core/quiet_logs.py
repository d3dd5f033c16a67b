"""Keep management commands readable: raise noisy loggers' level while they run."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

# Loggers that tell about every page published and every font subset while content is created.
NOISY_LOGGERS = ("wagtail", "django_tasks", "django_tasks_db", "fontTools", "fpdf")


@contextmanager
def quieter(names: tuple[str, ...] = NOISY_LOGGERS, level: int = logging.WARNING) -> Iterator[None]:
    """Raise the level of some loggers for a while, then put them back as they were."""
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, old_level in zip(loggers, previous, strict=True):
            logger.setLevel(old_level)
