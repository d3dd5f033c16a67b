"""The project's settings as the test suite needs them, independent of the developer's environment.

``solidarity/settings.py`` reads the environment when it is imported, and pytest-django imports
the settings module before any conftest.py is loaded, so the environment is set here, just before
that import (pyproject.toml names this module). Besides the environment, only what makes the tests
fast differs from the real settings (the password hasher, search indexing); per-test adjustments live
in conftest.py.
"""

import os
import tempfile

# A fixed key: tests that need another one override ``settings.SOLIDARITY_DATA_KEY``.
TEST_DATA_KEY = "uTmm9dUy5ilyOE-YO6S8UT1ot6wVRdTBNqE7Ba4j_kU="

# Never the developer's var/ (secrets, mail, SQLite file): a directory that conftest.py removes.
TEST_VAR_DIR = tempfile.mkdtemp(prefix="solidarity-tests-")

TEST_ENVIRONMENT = {
    "SOLIDARITY_MODE": "development",
    "DEBUG": "false",
    "SOLIDARITY_VAR_DIR": TEST_VAR_DIR,
    "SECRET_KEY": "tests-only-secret-key-not-used-anywhere-else-0123456789",
    "SOLIDARITY_DATA_KEY": TEST_DATA_KEY,
    "SOLIDARITY_LOOKUP_KEY": "",
    "STATIC_MANIFEST": "false",
    "MEDIA_ROOT": os.path.join(TEST_VAR_DIR, "media"),
    # Wagtail's own tasks (search index, reference index) are queued and not run: making test data
    # is then twice as fast. Tests of search run them (the search_index fixture, conftest.py).
    "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
    "CACHE_URL": "locmem://",
    "REDIS_URL": "",
    "EMAIL_HOST": "",
    "STORIES_PER_PAGE": "12",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,[::1]",
    "CSRF_TRUSTED_ORIGINS": "",
    "SITE_NAME": "Solidarity",
    "BASE_URL": "http://127.0.0.1:8000",
    "TIME_ZONE": "UTC",
    "LOG_LEVEL": "WARNING",
    "READY_LANGUAGES": "",  # every site language
    # Every test client sends from 127.0.0.1, one source: a test sends a public form as often as it needs.
    # The rate limit and the proof of work are tested with limits of their own (tests/core/test_spam.py).
    "SPAM_SOFT_LIMIT": "10000",
    "SPAM_HARD_LIMIT": "10000",
}
os.environ.update(TEST_ENVIRONMENT)
for name in TEST_ENVIRONMENT:  # settings.py prefers NAME_FILE over NAME
    os.environ.pop(f"{name}_FILE", None)
# DATABASE_URL is left as the caller set it: SQLite by default, PostgreSQL when it names one.

from solidarity.settings import *  # noqa: E402, F403

if os.environ.get("SOLIDARITY_TEST_DB"):  # `make mutants`: one SQLite test database file, reused (--reuse-db)
    DATABASES["default"]["TEST"] = {"NAME": os.environ["SOLIDARITY_TEST_DB"]}  # noqa: F405

INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405

# Indexing every page save is the slowest part of making test data: only tests of search turn it
# on (the ``search_index`` fixture in conftest.py).
WAGTAILSEARCH_BACKENDS = {
    name: {**backend, "AUTO_UPDATE": False}
    for name, backend in WAGTAILSEARCH_BACKENDS.items()  # noqa: F405
}

# Django's strong default hashes a password in about half a second, and the tests make hundreds of
# accounts: MD5 (never for real passwords) keeps that instant. The site's own settings keep the
# default (tests/core/test_settings.py checks it).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
