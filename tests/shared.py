"""Test data that a whole module shares, made once (see ``shared_data``)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import transaction
from django.test import override_settings
from django.utils import translation

# Tasks run as they are queued (Wagtail indexes a saved page in a task); tests queue them unrun.
RUN_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def with_search_index(backends: dict) -> dict:
    """The search backends with indexing on save (AUTO_UPDATE) switched on."""
    return {name: {**backend, "AUTO_UPDATE": True} for name, backend in backends.items()}


def module_media_root(request: pytest.FixtureRequest) -> str:
    """The media directory of one test module: the data a module shares and its tests' own files."""
    base = request.config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    return str(base / "media" / request.module.__name__)


@contextmanager
def shared_data(request: pytest.FixtureRequest, django_db_blocker, *, search: bool = False):
    """Data a whole test module reads, made once: each test rolls back to it, the module's end removes it.

    Use it in a module-scoped fixture that asks for ``django_db_setup`` (the test database) and
    ``django_db_blocker``: ``with shared_data(request, django_db_blocker): yield make()``.
    The data lives in a transaction around the module's tests (each test's own is a savepoint
    inside it), so it suits tests that do not need ``transaction=True``.
    """
    search_settings = (
        {"WAGTAILSEARCH_BACKENDS": with_search_index(django_settings.WAGTAILSEARCH_BACKENDS), "TASKS": RUN_TASKS}
        if search
        else {}
    )
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=module_media_root(request), **search_settings),
        transaction.atomic(),
    ):
        for cache in caches.all():
            cache.clear()
        translation.activate(django_settings.LANGUAGE_CODE)
        try:
            yield
        finally:
            translation.deactivate()
            transaction.set_rollback(True)
