"""`manage.py load_demo` in production: refused unless --force."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from solidarity.demo.demo import AdminLogin, DemoResult, Tally
from tests.demo.test_load_demo import counts, load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_var(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def test_it_refuses_to_run_in_production_and_creates_nothing(settings):
    settings.PRODUCTION = True
    before = counts()

    with pytest.raises(CommandError, match="refuses to run in production") as refused:
        load_demo()

    assert "--force" in str(refused.value)
    assert "admin" in str(refused.value) and "invented" in str(refused.value)
    assert counts() == before
    assert not get_user_model().objects.filter(username="admin").exists()
    assert not (settings.VAR_DIR / "demo_admin_password").exists()


def test_it_runs_in_production_with_force(settings, monkeypatch):
    """With --force the command goes on to load the demo (the loading itself is tested above)."""
    settings.PRODUCTION = True
    loads = []
    monkeypatch.setattr("solidarity.demo.demo.demo_load", lambda **kwargs: loads.append(kwargs) or FAKE_RESULT)

    call_command("load_demo", "--force", stdout=io.StringIO())

    assert loads == [{"var_dir": settings.VAR_DIR, "log": loads[0]["log"]}]


FAKE_RESULT = DemoResult(tally=Tally(), admin=AdminLogin("admin", None, created=False, note="not made here"))
