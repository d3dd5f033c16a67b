"""What only production does, tested in production mode: no media from the app, /healthz exempt from
the HTTPS redirect, the admin's looser policy only under the admin prefix, and the environment parsed
strictly (bad values refused, every secret readable from a ``*_FILE``).

Settings are read once per process, so the environment's parsing is tested in a fresh Python that
imports only the settings module (well under a second each).
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings as django_settings

import solidarity
from solidarity.core.middleware import is_admin_path
from tests.factories import StoryPageFactory


def settings_in(env: dict[str, str], *names: str) -> subprocess.CompletedProcess:
    """The named settings, as JSON, from a fresh process that loads settings.py with only this environment."""
    code = (
        "import json, solidarity.settings as s; "
        f"print(json.dumps({{name: getattr(s, name, None) for name in {list(names)!r}}}, default=str))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def loaded(env: dict[str, str], *names: str) -> dict:
    result = settings_in(env, *names)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refused(env: dict[str, str], message: str) -> None:
    result = settings_in(env, "DEBUG")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    """A complete production environment and nothing else (not the test suite's own variables)."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "SOLIDARITY_MODE": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "example.org",
        "SOLIDARITY_DATA_KEY": Fernet.generate_key().decode(),
        "SOLIDARITY_LOOKUP_KEY": secrets.token_urlsafe(32),
        "BASE_URL": "https://example.org",
        "SOLIDARITY_VAR_DIR": str(tmp_path / "var"),
    }


# -- HTTPS redirect: every page but the health check -----------------------------------------------

REDIRECT_CHECK = """
from django.conf import settings
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory
middleware = SecurityMiddleware(lambda request: HttpResponse("ok"))
for path in ["/healthz", "/en/", "/healthz/more", "/admin/"]:
    response = middleware(RequestFactory().get(path, HTTP_HOST="example.org"))
    print(path, response.status_code, response.get("Location", "-"))
"""


def test_in_production_plain_http_is_redirected_to_https_except_the_health_check(production_env):
    result = subprocess.run(
        [sys.executable, "-c", REDIRECT_CHECK],
        cwd=django_settings.BASE_DIR,
        env={**production_env, "DJANGO_SETTINGS_MODULE": "solidarity.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "/healthz 200 -",
        "/en/ 301 https://example.org/en/",
        "/healthz/more 301 https://example.org/healthz/more",
        "/admin/ 301 https://example.org/admin/",
    ]


# -- Media: served by the web server in front, never by the app in production ------------------------


@pytest.fixture
def urls_as_loaded(settings):
    """Load urls.py afresh (as a process started with these settings would) and route requests by it."""

    def load(*, production: bool) -> None:
        settings.PRODUCTION = production
        settings.DEBUG = False
        name = f"tests_urls_{'production' if production else 'development'}"
        spec = importlib.util.spec_from_file_location(name, Path(solidarity.__file__).parent / "urls.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
        settings.ROOT_URLCONF = name

    yield load
    for production in (True, False):
        sys.modules.pop(f"tests_urls_{'production' if production else 'development'}", None)


@pytest.fixture
def uploaded(settings) -> str:
    """A file in MEDIA_ROOT, as an upload leaves it; its path under /media/."""
    path = Path(settings.MEDIA_ROOT) / "images" / "board-minutes.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4 minutes")
    return "/media/images/board-minutes.pdf"


@pytest.mark.django_db
def test_in_production_the_app_serves_no_media(client, site_tree, urls_as_loaded, uploaded):
    urls_as_loaded(production=True)

    response = client.get(uploaded)

    assert response.status_code == 404
    assert b"%PDF" not in response.content
    assert client.get("/healthz").status_code == 200  # the rest of the wiring is there


@pytest.mark.django_db
def test_in_development_the_app_serves_media(client, site_tree, urls_as_loaded, uploaded):
    urls_as_loaded(production=False)

    response = client.get(uploaded)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 minutes"


@pytest.mark.django_db
def test_in_development_documents_are_served_only_through_the_documents_view(
    client, settings, site_tree, urls_as_loaded
):
    """A document's file under /media/documents/ would skip its collection's privacy: the app never serves it."""
    urls_as_loaded(production=False)
    path = Path(settings.MEDIA_ROOT) / "documents" / "board-minutes.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4 minutes")

    response = client.get("/media/documents/board-minutes.pdf")

    assert response.status_code == 404


# -- The admin's policy: only under the admin prefix -------------------------------------------------


def test_only_paths_under_the_admin_prefix_are_admin_paths():
    assert is_admin_path("/admin/")
    assert is_admin_path("/admin/pages/3/edit/")
    assert not is_admin_path("/en/stories/admin/")
    assert not is_admin_path("/en/admin/")
    assert not is_admin_path("/administration/")


@pytest.mark.django_db
def test_a_public_page_with_admin_in_its_address_keeps_the_strict_policy(client, site_tree):
    story = StoryPageFactory(title="Admin", slug="admin")

    response = client.get(story.url)

    assert story.url == "/en/stories/admin/"
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy


# -- The environment, parsed strictly ---------------------------------------------------------------


@pytest.mark.parametrize("value", ["maybe", "2", "enabled"])
def test_a_boolean_that_is_neither_true_nor_false_is_refused(production_env, value):
    refused({**production_env, "DEBUG": value}, f"DEBUG must be true or false, not {value!r}")


@pytest.mark.parametrize(
    ("value", "expected"), [("1", True), ("yes", True), ("On", True), ("0", False), ("off", False)]
)
def test_booleans_are_read_in_their_usual_spellings(production_env, value, expected):
    assert loaded({**production_env, "HSTS_PRELOAD": value}, "SECURE_HSTS_PRELOAD") == {"SECURE_HSTS_PRELOAD": expected}


@pytest.mark.parametrize("name", ["HSTS_SECONDS", "STORIES_PER_PAGE", "DATABASE_CONN_MAX_AGE", "EMAIL_PORT"])
def test_a_whole_number_that_is_not_one_is_refused(production_env, name):
    env = {**production_env, name: "12x", "DATABASE_URL": "postgres://solidarity@db.example.org/solidarity"}

    refused(env, f"{name} must be a whole number, not '12x'")


def test_whole_numbers_are_read(production_env):
    env = {**production_env, "HSTS_SECONDS": " 3600 ", "STORIES_PER_PAGE": "24"}

    assert loaded(env, "SECURE_HSTS_SECONDS", "STORIES_PER_PAGE") == {
        "SECURE_HSTS_SECONDS": 3600,
        "STORIES_PER_PAGE": 24,
    }


@pytest.mark.parametrize("value", ["memcached://127.0.0.1:11211", "redis:/missing-slash", "locmem"])
def test_a_cache_url_of_no_known_kind_is_refused(production_env, value):
    refused({**production_env, "CACHE_URL": value}, "CACHE_URL must be redis://")


@pytest.mark.parametrize(
    ("value", "backend"),
    [
        ("redis://cache.example.org:6379/1", "django.core.cache.backends.redis.RedisCache"),
        ("", "django.core.cache.backends.locmem.LocMemCache"),
        ("dummy://", "django.core.cache.backends.dummy.DummyCache"),
    ],
)
def test_a_cache_url_chooses_the_cache(production_env, value, backend):
    assert loaded({**production_env, "CACHE_URL": value}, "CACHES")["CACHES"]["default"]["BACKEND"] == backend


def test_the_database_connect_timeout_is_five_seconds_unless_set(production_env):
    env = {**production_env, "DATABASE_URL": "postgres://solidarity@db.example.org/solidarity"}

    default = loaded(env, "DATABASES")["DATABASES"]["default"]
    chosen = loaded({**env, "DATABASE_CONNECT_TIMEOUT": "2"}, "DATABASES")["DATABASES"]["default"]

    assert default["OPTIONS"]["connect_timeout"] == 5
    assert chosen["OPTIONS"]["connect_timeout"] == 2
    assert chosen["HOST"] == "db.example.org"
    refused({**env, "DATABASE_CONNECT_TIMEOUT": "soon"}, "DATABASE_CONNECT_TIMEOUT must be a whole number")


@pytest.mark.parametrize(
    ("variable", "setting", "value"),
    [
        ("SECRET_KEY", "SECRET_KEY", "a-secret-key-from-a-file-" + "x" * 40),
        ("SOLIDARITY_DATA_KEY", "SOLIDARITY_DATA_KEY", "ZmlsZS1rZXktZmlsZS1rZXktZmlsZS1rZXktZmlsZS0="),
        ("SOLIDARITY_LOOKUP_KEY", "SOLIDARITY_LOOKUP_KEY", "a-lookup-key-from-a-file"),
        ("DATABASE_URL", "DATABASE_URL", "postgres://solidarity:pw@db.example.org/solidarity"),
        ("EMAIL_HOST_PASSWORD", "EMAIL_HOST_PASSWORD", "a mail password"),
        ("CACHE_URL", "CACHE_URL", "redis://:pw@cache.example.org:6379/0"),
    ],
)
def test_every_secret_can_come_from_a_file_which_wins_over_the_variable(
    production_env, tmp_path, variable, setting, value
):
    secret_file = tmp_path / variable.lower()
    secret_file.write_text(value + "\n", encoding="utf-8")  # files end in a newline; it is not part of the value
    env = {**production_env, variable: "the-variable-itself", f"{variable}_FILE": str(secret_file)}

    assert loaded(env, setting) == {setting: value}


def test_a_secret_file_that_does_not_exist_stops_the_start(production_env, tmp_path):
    env = {**production_env, "SECRET_KEY_FILE": str(tmp_path / "missing")}

    result = settings_in(env, "SECRET_KEY")

    assert result.returncode != 0
    assert "FileNotFoundError" in result.stderr
