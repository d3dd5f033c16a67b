"""What `make run` prints (scripts/serve.py --prepare): one line a step, the details in a log, and at the
end the site's address and the demo login."""

from __future__ import annotations

import http.server
import importlib.util
import socket
import subprocess
import sys
import threading
from pathlib import Path

from django.conf import settings


def serve_module():
    spec = importlib.util.spec_from_file_location("serve", settings.BASE_DIR / "scripts" / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


serve = serve_module()

MIGRATE_OUTPUT = """Operations to perform:
  Apply all migrations: auth, contenttypes, core, home, stories
Running migrations:
  Applying contenttypes.0001_initial... OK
  Applying auth.0001_initial... OK
  Applying stories.0001_initial... OK
"""
MIGRATE_NOTHING = """Operations to perform:
  Apply all migrations: auth, contenttypes, core, home, stories
Running migrations:
  No migrations to apply.
"""
LOAD_DEMO_OUTPUT = """Demo content created — images: 7, stories (en): 19.
Demo content already there — admin user: 1.
Demo admin: http://127.0.0.1:8000/admin/  user: admin  password: s3cret
Demo editor: http://127.0.0.1:8000/admin/  user: editor  password: t0p
"""


def test_migrations_are_counted_in_one_line():
    assert serve.summarise_migrate(MIGRATE_OUTPUT) == ["Database: 3 migrations applied."]
    assert serve.summarise_migrate(MIGRATE_OUTPUT.replace("Applying auth", "Skipping auth")) == [
        "Database: 2 migrations applied."
    ]
    assert serve.summarise_migrate(MIGRATE_NOTHING) == ["Database: up to date."]


def test_the_demo_says_what_it_made_and_keeps_the_login_for_the_end():
    assert serve.summarise_load_demo(LOAD_DEMO_OUTPUT) == [
        "Demo content created — images: 7, stories (en): 19.",
        "Demo content already there — admin user: 1.",
    ]
    assert serve.demo_logins(LOAD_DEMO_OUTPUT) == [
        "Demo admin: http://127.0.0.1:8000/admin/  user: admin  password: s3cret",
        "Demo editor: http://127.0.0.1:8000/admin/  user: editor  password: t0p",
    ]
    assert serve.demo_logins("Demo content: nothing to load.\n") == []


def test_static_files_are_summarised_by_what_was_copied():
    copied = "12 static files copied to '/srv/static_collected', 332 unmodified, 508 post-processed.\n"
    unchanged = "0 static files copied to '/srv/static_collected', 344 unmodified, 508 post-processed.\n"

    assert serve.summarise_collectstatic(copied) == ["Static files: 12 copied."]
    assert serve.summarise_collectstatic(unchanged) == ["Static files: up to date."]


def test_the_last_lines_are_the_address_and_the_demo_login(tmp_path):
    login = "Demo admin: http://127.0.0.1:8123/admin/  user: admin  password: s3cret"

    banner = serve.ready_banner("8123", [login], tmp_path)

    assert banner[-4:] == [
        "Solidarity is running at http://127.0.0.1:8123/",
        login,
        "Two-factor code for a demo login: .venv/bin/python manage.py two_factor_code USER",
        f"Ctrl-C stops the site, the worker and the scheduled publishing. Logs: {tmp_path}/",
    ]


def test_without_a_demo_login_there_is_no_two_factor_hint(tmp_path):
    assert not any("two_factor_code" in line for line in serve.ready_banner("8123", [], tmp_path))


def test_a_failing_step_stops_with_its_last_lines_and_the_log(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(serve, "VENV_BIN", Path(sys.executable).parent)  # this Python, wherever the tests run
    monkeypatch.setattr(serve, "STEPS", [("nonsense", ["no_such_command"], serve.summarise_migrate)])
    log = tmp_path / "setup.log"

    assert serve.prepare(log) is None

    printed = capsys.readouterr().out
    assert "✗ nonsense failed" in printed
    assert "Unknown command: 'no_such_command'" in printed
    assert "Unknown command: 'no_such_command'" in log.read_text(encoding="utf-8")
    assert log.stat().st_mode & 0o077 == 0  # it may hold the demo admin's password


def test_a_port_in_use_is_said_before_anything_starts():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])

        assert serve.port_is_free(port) is False
    assert serve.port_is_free(port) is True


def test_setup_site_says_it_in_its_own_line():
    text = "Site ready: home page “Solidarity” in every language.\n"

    assert serve.summarise_setup_site(text) == ["Site ready: home page “Solidarity” in every language."]


def test_the_banner_waits_for_the_site_to_answer():
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)  # answers 501: it answers
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert serve.wait_until_answering(str(server.server_port), {"web": sleeper}, timeout=10) is True
    finally:
        sleeper.kill()
        sleeper.wait()
        server.shutdown()
        server.server_close()


def test_no_banner_when_the_server_stops_before_it_answers():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])  # nothing listens there once the probe is closed
    stopped = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    stopped.wait()

    assert serve.wait_until_answering(port, {"web": stopped}, timeout=10) is False
