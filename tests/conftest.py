"""What every test shares: an isolated environment and the page tree of every language.

The environment itself (no developer var/, a fixed data key, no static manifest, immediate
tasks) is set in tests/settings.py, because settings.py reads it when imported.
"""

from __future__ import annotations

import shutil

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.utils import translation

from solidarity.home.models import HomePage
from solidarity.home.services import site_tree_ensure
from tests.shared import RUN_TASKS, module_media_root, with_search_index
from tests.staff_login import login_staff


def pytest_configure(config: pytest.Config) -> None:
    # WhiteNoise looks for STATIC_ROOT, which only `collectstatic` fills; tests use the finders.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
    if getattr(django_settings, "TEST_VAR_DIR", None) is None:
        raise pytest.UsageError(
            "Run the tests with DJANGO_SETTINGS_MODULE=tests.settings (pyproject.toml sets it): "
            f"{django_settings.SETTINGS_MODULE} would use your own environment and var/."
        )


def pytest_unconfigure(config: pytest.Config) -> None:
    var_dir = getattr(django_settings, "TEST_VAR_DIR", None)
    if var_dir:
        shutil.rmtree(var_dir, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated(request, settings):
    """Each test: its module's media directory, mail kept in memory, an empty cache, English active."""
    settings.MEDIA_ROOT = module_media_root(request)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    for cache in caches.all():
        cache.clear()  # Wagtail caches site root paths and renditions, which name rows of other tests
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def search_index(settings):
    """Pages saved in this test go into the search index (off elsewhere: indexing every save is slow)."""
    settings.WAGTAILSEARCH_BACKENDS = with_search_index(settings.WAGTAILSEARCH_BACKENDS)
    settings.TASKS = RUN_TASKS


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the page tree of every language made once (each test rolls back to it)."""
    with django_db_blocker.unblock():
        site_tree_ensure()


@pytest.fixture
def editor(client, django_user_model):
    """An editor (a superuser until roles arrive), logged in on ``client``."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "a long password 123")
    return login_staff(client, user)


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's administrator client, past the two-factor code as every staff login must be."""
    login_staff(client, admin_user)
    return client


@pytest.fixture
def site_tree(db) -> HomePage:
    """The home page and story index of every language, as `setup_site` makes them; the English home.

    The tree is usually there already (see django_db_setup); running the service again is cheap
    and brings it back after a test that emptied the database.
    """
    return site_tree_ensure()
