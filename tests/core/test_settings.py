"""Settings read from the environment, loaded in a fresh process the way a deployment loads them."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings


def python(code: str, *, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "solidarity.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    """A production environment with nothing of the test suite's own overrides in it."""
    env = {
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
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["DATABASE_URL"]
    return env


def test_production_settings_pass_check_deploy(production_env):
    result = manage("check", "--deploy", env=production_env)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_production_settings_refuse_to_load_without_secret_key(production_env):
    del production_env["SECRET_KEY"]

    result = manage("check", env=production_env)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert not (Path(production_env["SOLIDARITY_VAR_DIR"]) / "secret_key").exists()


def test_production_check_deploy_fails_without_data_key(production_env):
    del production_env["SOLIDARITY_DATA_KEY"]

    result = manage("check", "--deploy", env=production_env)

    assert result.returncode != 0
    assert "solidarity.E001" in result.stderr


def test_production_check_deploy_fails_without_lookup_key_and_generates_none(production_env):
    del production_env["SOLIDARITY_LOOKUP_KEY"]

    result = manage("check", "--deploy", env=production_env)

    assert result.returncode != 0
    assert "solidarity.E004" in result.stderr
    assert not (Path(production_env["SOLIDARITY_VAR_DIR"]) / "lookup_key").exists()


def test_production_check_deploy_fails_without_allowed_hosts(production_env):
    del production_env["ALLOWED_HOSTS"]

    result = manage("check", "--deploy", env=production_env)

    assert result.returncode != 0
    assert "solidarity.E005" in result.stderr


def test_production_check_deploy_fails_without_base_url(production_env):
    del production_env["BASE_URL"]  # the default is http://127.0.0.1:8000

    result = manage("check", "--deploy", env=production_env)

    assert result.returncode != 0
    assert "solidarity.E006" in result.stderr


def test_production_check_deploy_warns_with_debug_on(production_env):
    production_env["DEBUG"] = "true"

    result = manage("check", "--deploy", env=production_env)

    assert "security.W018" in result.stdout + result.stderr


def test_settings_refuse_an_unknown_mode(production_env):
    production_env["SOLIDARITY_MODE"] = "staging"

    result = manage("check", env=production_env)

    assert result.returncode != 0
    assert "SOLIDARITY_MODE" in result.stderr


def test_secret_key_can_come_from_a_file(production_env, tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text(production_env.pop("SECRET_KEY") + "\n")
    production_env["SECRET_KEY_FILE"] = str(key_file)

    result = manage("check", "--deploy", env=production_env)

    assert result.returncode == 0, result.stderr


def test_development_settings_generate_secrets_under_var_once(tmp_path):
    var_dir = tmp_path / "var"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "SOLIDARITY_VAR_DIR": str(var_dir)}
    code = "from django.conf import settings; print(settings.SECRET_KEY); print(settings.SOLIDARITY_DATA_KEY)"

    first = python(code, env=env)
    second = python(code, env=env)

    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert (var_dir / "secret_key").stat().st_mode & 0o777 == 0o600
    assert (var_dir / "data_key").stat().st_mode & 0o777 == 0o600
    assert (var_dir / "lookup_key").stat().st_mode & 0o777 == 0o600
    assert first.stdout.split()[1] == (var_dir / "data_key").read_text().strip()


def test_the_test_suite_uses_none_of_the_developers_var_directory():
    developer_var = settings.BASE_DIR / "var"

    assert developer_var != settings.VAR_DIR
    assert not str(settings.EMAIL_FILE_PATH).startswith(str(developer_var))
    assert not str(settings.MEDIA_ROOT).startswith(str(settings.BASE_DIR))
    assert settings.STORAGES["staticfiles"]["BACKEND"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.dummy.DummyBackend"  # no worker needed
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"


def test_only_the_test_suite_hashes_passwords_with_a_fast_hasher():
    import solidarity.settings as site_settings

    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
    assert not hasattr(site_settings, "PASSWORD_HASHERS")  # the site keeps Django's default (PBKDF2)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


# Writes to the database and, while the connection is open, prints the mode of its write-ahead log.
WRITE_TO_THE_DATABASE = (
    "import os, django; django.setup(); from django.db import connection; "
    "connection.cursor().execute('CREATE TABLE probe (x integer)'); "
    "print(oct(os.stat(str(connection.settings_dict['NAME']) + '-wal').st_mode & 0o777))"
)


def test_development_settings_make_var_and_the_sqlite_database_private(tmp_path):
    var_dir = tmp_path / "var"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "SOLIDARITY_VAR_DIR": str(var_dir)}

    result = python(WRITE_TO_THE_DATABASE, env=env)

    assert result.returncode == 0, result.stderr
    assert mode(var_dir) == 0o700
    assert mode(var_dir / "solidarity.sqlite3") == 0o600
    assert result.stdout.strip() == "0o600"  # the -wal file: SQLite gives it the database's mode
    assert {mode(path) for path in var_dir.iterdir()} == {0o600}  # secrets, database


def test_settings_tighten_a_var_directory_and_database_made_readable_before(tmp_path):
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    var_dir.chmod(0o755)
    (var_dir / "solidarity.sqlite3").touch()
    (var_dir / "solidarity.sqlite3").chmod(0o644)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "SOLIDARITY_VAR_DIR": str(var_dir)}

    result = python(WRITE_TO_THE_DATABASE, env=env)

    assert result.returncode == 0, result.stderr
    assert (mode(var_dir), mode(var_dir / "solidarity.sqlite3")) == (0o700, 0o600)


def setting(name: str, env: dict[str, str]) -> str:
    result = python(f"from django.conf import settings; print(settings.{name})", env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_hsts_preload_is_off_unless_the_operator_asks_for_it(production_env):
    assert setting("SECURE_HSTS_PRELOAD", production_env) == "False"
    assert manage("check", "--deploy", env=production_env).returncode == 0  # no security.W021 either

    production_env["HSTS_PRELOAD"] = "true"

    assert setting("SECURE_HSTS_PRELOAD", production_env) == "True"
    assert manage("check", "--deploy", env=production_env).returncode == 0


ONION = "solidarityexample2xyzabcdefghijklmnopqrstuvwxyzabcdefghijkl.onion"


@pytest.fixture
def onion_env(production_env) -> dict[str, str]:
    """The documented Tor-only set-up (docs/deploy.md)."""
    production_env.update(
        {"SOLIDARITY_ONION_ONLY": "true", "ALLOWED_HOSTS": ONION, "BASE_URL": f"http://{ONION}"},
    )
    return production_env


def test_the_tor_only_setup_passes_check_deploy_without_an_https_redirect(onion_env):
    result = manage("check", "--deploy", env=onion_env)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr
    assert setting("SECURE_SSL_REDIRECT", onion_env) == "False"


def test_switching_the_https_redirect_off_without_onion_only_still_warns(production_env):
    production_env["SECURE_SSL_REDIRECT"] = "false"

    result = manage("check", "--deploy", env=production_env)

    assert "security.W008" in result.stdout + result.stderr


def test_onion_only_on_a_site_with_a_public_domain_fails_check_deploy(onion_env):
    onion_env["ALLOWED_HOSTS"] = f"{ONION},example.org"

    result = manage("check", "--deploy", env=onion_env)

    assert result.returncode != 0
    assert "solidarity.E008" in result.stderr
