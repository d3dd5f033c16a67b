#!/usr/bin/env python3
"""Serve the site with gunicorn and run the background worker beside it.

Ctrl-C (or SIGTERM) stops both; if either stops on its own, the other is stopped too, and the
exit status says which failed. Only the standard library, so it runs before anything else.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
# Access log without the client's address: the site keeps no record of who visited (DESIGN.md).
ACCESS_LOG_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# Error log without the client's address or the text of a malformed request (solidarity/core/logs.py).
LOGGER_CLASS = "solidarity.core.logs.PrivateGunicornLogger"


def commands(port: str) -> dict[str, list[str]]:
    return {
        "worker": [str(VENV_BIN / "python"), "manage.py", "db_worker", "--queue-name", "*", "--interval", "2"],
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


def main() -> int:
    port = os.environ.get("PORT", "8000")
    processes = {name: subprocess.Popen(command, cwd=ROOT) for name, command in commands(port).items()}
    stopping = False

    def on_signal(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    print(f"Solidarity is running at http://127.0.0.1:{port}/ (Ctrl-C stops the site and the worker)", flush=True)
    exited = None
    while not stopping and exited is None:
        exited = next((name for name, process in processes.items() if process.poll() is not None), None)
        time.sleep(0.3)
    stop(processes)
    if exited is not None:
        print(f"The {exited} stopped (exit status {processes[exited].returncode}); the rest was stopped too.")
        return processes[exited].returncode or 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
