#!/usr/bin/env python3
"""Serve the site with gunicorn and run the background worker and the scheduled publishing beside it.

``--prepare`` first brings the database up to date, sets up the site and loads the demo content
(what `make run` does), each step summarised in one line; what the commands print goes to
var/log/setup.log. The server's, the worker's and the scheduler's own output go to var/log/web.log,
var/log/worker.log and var/log/schedules.log, so the last lines on the screen are the site's
address and the demo login.

Ctrl-C (or SIGTERM) stops them all; if one stops on its own, the others are stopped too, and the
exit status says which failed. Only the standard library, so it runs before anything else.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
# Access log without the client's address: the site keeps no record of who visited (DESIGN.md).
ACCESS_LOG_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# Error log without the client's address or the text of a malformed request (solidarity/core/logs.py).
LOGGER_CLASS = "solidarity.core.logs.PrivateGunicornLogger"
# How many lines of a failed step's log to show.
TAIL_LINES = 15


def commands(port: str) -> dict[str, list[str]]:
    return {
        "worker": [str(VENV_BIN / "python"), "manage.py", "db_worker", "--queue-name", "*", "--interval", "2"],
        # Scheduled publishing and unpublishing, every minute (production: a timer, docs/deploy.md).
        "schedules": [str(VENV_BIN / "python"), "manage.py", "run_schedules"],
        "web": [
            str(VENV_BIN / "gunicorn"),
            "solidarity.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            os.environ.get("WEB_CONCURRENCY", "2"),
            "--access-logfile",
            "-",
            "--access-logformat",
            ACCESS_LOG_FORMAT,
            "--error-logfile",
            "-",
            "--logger-class",
            LOGGER_CLASS,
            "--forwarded-allow-ips",
            "127.0.0.1",
            # gunicorn's largest limit (its default is 4094): longer than the address the site
            # reads (MAX_URL_LENGTH), so that the site answers a too-long one with its own page.
            "--limit-request-line",
            "8190",
            # gunicorn's control socket is one per user (~/.gunicorn): a second `make run` on
            # another port would take the first one's.
            "--no-control-socket",
        ],
    }


# ---------------------------------------------------------------------------------------------
# Preparing the site: each step's output goes to the log, one line of it to the screen
# ---------------------------------------------------------------------------------------------


def summarise_migrate(output: str) -> list[str]:
    applied = len(re.findall(r"^\s*Applying \S+\.\.\. OK", output, flags=re.MULTILINE))
    if applied:
        return [f"Database: {applied} migration{'s' if applied != 1 else ''} applied."]
    return ["Database: up to date."]


def summarise_setup_site(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.startswith("Site ready")] or ["Site ready."]


def summarise_load_demo(output: str) -> list[str]:
    """The demo's one or two lines of what it made or found; the admin's login is kept for the end."""
    return [line.strip() for line in output.splitlines() if line.startswith("Demo content")]


def summarise_collectstatic(output: str) -> list[str]:
    found = re.search(r"(\d+) static files? copied", output)
    copied = int(found.group(1)) if found else 0
    return [f"Static files: {copied} copied." if copied else "Static files: up to date."]


def demo_logins(output: str) -> list[str]:
    """load_demo's lines with the demo accounts' address, user and password (or why it is not shown), admin first."""
    return [line.strip() for line in output.splitlines() if line.startswith("Demo ") and "  user: " in line]


STEPS = [
    ("migrate", ["migrate", "--noinput"], summarise_migrate),
    ("setup_site", ["setup_site"], summarise_setup_site),
    ("load_demo", ["load_demo"], summarise_load_demo),
    ("collectstatic", ["collectstatic", "--noinput"], summarise_collectstatic),
]


def var_dir() -> Path:
    """Where the site keeps its files: the same rule as settings.VAR_DIR."""
    return Path(os.environ.get("SOLIDARITY_VAR_DIR") or ROOT / "var")


def log_dir() -> Path:
    path = var_dir() / "log"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def open_log(path: Path) -> IO[str]:
    """A log file to append to, readable by its owner only (setup.log holds the demo admin's password)."""
    return open(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "a", encoding="utf-8")


def shown(path: Path) -> str:
    """A path as short as it can be said: relative to the project when it is inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def tail(text: str, lines: int = TAIL_LINES) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def served_environment(port: str) -> dict[str, str]:
    """The environment of the preparation and of every process: links in emails and calendar files lead to where
    this serves (PORT=8041 make run), unless BASE_URL says otherwise (the demo's mailing goes out while it loads)."""
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}  # the logs as they happen, for `tail -f`
    environment.setdefault("BASE_URL", f"http://127.0.0.1:{port}")
    return environment


def prepare(log_path: Path, environment: dict[str, str] | None = None) -> list[str] | None:
    """Run every step, print its summary, return the demo logins; None (after saying why) when a step failed."""
    print(f"Preparing Solidarity (every detail in {shown(log_path)})", flush=True)
    logins: list[str] = []
    with open_log(log_path) as log:
        for name, arguments, summarise in STEPS:
            command = [str(VENV_BIN / "python"), "manage.py", *arguments]
            log.write(f"\n$ {' '.join(command[1:])}   ({time.strftime('%Y-%m-%d %H:%M:%S')})\n")
            log.flush()
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, env=environment)
            output = result.stdout + result.stderr
            log.write(output)
            log.flush()
            if result.returncode != 0:
                print(f"  ✗ {name} failed (exit status {result.returncode}); its last lines:", flush=True)
                print(tail(output), flush=True)
                print(f"The whole output is in {shown(log_path)}.", flush=True)
                return None
            for line in summarise(output):
                print(f"  ✓ {line}", flush=True)
            if name == "load_demo":
                logins = demo_logins(output)
    return logins


# ---------------------------------------------------------------------------------------------
# Serving
# ---------------------------------------------------------------------------------------------


# The demo's accounts have an authenticator set up already; this prints the code it shows now.
TWO_FACTOR_HINT = "Two-factor code for a demo login: .venv/bin/python manage.py two_factor_code USER"


def ready_banner(port: str, logins: list[str], logs: Path) -> list[str]:
    """The last lines `make run` prints: the address first, the demo login, how to stop, where the logs are."""
    return [
        "",
        f"Solidarity is running at http://127.0.0.1:{port}/",
        *logins,
        *([TWO_FACTOR_HINT] if logins else []),
        f"Ctrl-C stops the site, the worker and the scheduled publishing. Logs: {shown(logs)}/",
    ]


def wait_until_answering(port: str, processes: dict[str, subprocess.Popen], *, timeout: float = 60) -> bool:
    """True once the site answers its health check; False if a process stops or time runs out first.

    The banner waits for this, so the address is printed once it works (and after gunicorn's start-up).
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(process.poll() is not None for process in processes.values()):
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return True
        except urllib.error.HTTPError:
            return True  # it answers, if not with 200 (the database may be down): say where it is
        except OSError:
            time.sleep(0.3)
    return False


def port_is_free(port: str) -> bool:
    """Whether this machine's 127.0.0.1:port is free to listen on (another site may answer there already)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", int(port)))
        except OSError:
            return False
    return True


def stop(processes: dict[str, subprocess.Popen]) -> None:
    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 15
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prepare", action="store_true", help="migrate, set up the site and load the demo first")
    options = parser.parse_args(argv)
    port = os.environ.get("PORT", "8000")
    logs = log_dir()
    if not port_is_free(port):
        print(f"Port {port} is taken by another program: choose another one, e.g. PORT=8001 make run")
        return 1
    logins: list[str] = []
    if options.prepare:
        prepared = prepare(logs / "setup.log", served_environment(port))
        if prepared is None:
            return 1
        logins = prepared

    log_files = {name: open_log(logs / f"{name}.log") for name in commands(port)}
    unbuffered = served_environment(port)
    processes = {
        name: subprocess.Popen(command, cwd=ROOT, stdout=log_files[name], stderr=subprocess.STDOUT, env=unbuffered)
        for name, command in commands(port).items()
    }
    stopping = False

    def on_signal(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    wait_until_answering(port, processes)
    if all(process.poll() is None for process in processes.values()):  # a slow start gets the banner too
        print("\n".join(ready_banner(port, logins, logs)), flush=True)
    exited = None
    while not stopping and exited is None:
        exited = next((name for name, process in processes.items() if process.poll() is not None), None)
        time.sleep(0.3)
    stop(processes)
    for log_file in log_files.values():
        log_file.close()
    if exited is not None:
        log_path = logs / f"{exited}.log"
        print(f"The {exited} stopped (exit status {processes[exited].returncode}); the rest was stopped too.")
        print(f"Its last lines ({shown(log_path)}):\n{tail(log_path.read_text(encoding='utf-8', errors='replace'))}")
        return processes[exited].returncode or 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
