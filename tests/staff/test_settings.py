"""STAFF_TWO_FACTOR may be switched off for local development only; production refuses it."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.conf import settings as django_settings


def settings_in(env: dict[str, str]) -> subprocess.CompletedProcess:
    """The two-factor settings, as JSON, from a fresh process that loads settings.py with only this environment."""
    code = (
        "import json, solidarity.settings as s; "
        "print(json.dumps([s.SOLIDARITY_STAFF_TWO_FACTOR, s.STAFF_SESSION_IDLE_MINUTES]))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def base_env(tmp_path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "SOLIDARITY_VAR_DIR": str(tmp_path / "var"),
    }


@pytest.fixture
def production_env(base_env) -> dict[str, str]:
    return {
        **base_env,
        "SOLIDARITY_MODE": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "example.org",
        "SOLIDARITY_DATA_KEY": Fernet.generate_key().decode(),
        "SOLIDARITY_LOOKUP_KEY": secrets.token_urlsafe(32),
        "BASE_URL": "https://example.org",
    }


def test_two_factor_is_on_by_default_in_production(production_env):
    result = settings_in(production_env)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, 60]


def test_production_refuses_to_switch_two_factor_off(production_env):
    result = settings_in({**production_env, "STAFF_TWO_FACTOR": "false"})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "STAFF_TWO_FACTOR=false is for local development only" in result.stderr


def test_development_may_switch_two_factor_off(base_env):
    result = settings_in({**base_env, "SOLIDARITY_MODE": "development", "STAFF_TWO_FACTOR": "false"})

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, 60]


def test_the_idle_limit_is_read_from_the_environment(base_env):
    result = settings_in({**base_env, "STAFF_SESSION_IDLE_MINUTES": "15"})

    assert json.loads(result.stdout) == [True, 15]
    assert settings_in({**base_env, "STAFF_SESSION_IDLE_MINUTES": "0"}).returncode != 0
