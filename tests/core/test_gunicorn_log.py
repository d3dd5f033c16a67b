"""Logs of a real gunicorn, started the way scripts/serve.py starts it: a malformed request, a bad Host or a
path-traversal attempt leaves no address, no request line and no traceback."""

from __future__ import annotations

import importlib.util
import os
import secrets
import socket
import subprocess
import time

import pytest
from cryptography.fernet import Fernet
from django.conf import settings

# The requests come from this address (the server listens on 127.0.0.1): it must appear nowhere.
CLIENT_ADDRESS = "127.0.0.3"
SEARCH_WORDS = "banned-rally-minsk"


def serve_module():
    spec = importlib.util.spec_from_file_location("serve", settings.BASE_DIR / "scripts" / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ask(port: int, raw: bytes, *, deadline: float) -> bytes:
    """Send raw bytes from CLIENT_ADDRESS and read the answer, retrying until the server listens."""
    while True:
        try:
            with socket.socket() as client:
                client.settimeout(max(1.0, deadline - time.monotonic()))
                client.bind((CLIENT_ADDRESS, 0))
                client.connect(("127.0.0.1", port))
                client.sendall(raw)
                answer = b""
                while chunk := client.recv(65536):
                    answer += chunk
                return answer
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.fixture
def gunicorn(tmp_path, monkeypatch):
    """scripts/serve.py's web command on a free port, in development mode; yields (port, log files)."""
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "solidarity.settings",
        "SOLIDARITY_VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SOLIDARITY_DATA_KEY": Fernet.generate_key().decode(),
        "SOLIDARITY_LOOKUP_KEY": secrets.token_urlsafe(32),
        "STATIC_MANIFEST": "false",
        "LOG_LEVEL": "INFO",
    }
    monkeypatch.setenv("WEB_CONCURRENCY", "1")
    command = serve_module().commands(str(port))["web"]  # without a control socket (serve.py says why)
    (tmp_path / "media" / "images").mkdir(parents=True)
    stdout, stderr = tmp_path / "stdout.log", tmp_path / "stderr.log"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=out, stderr=err)
    try:
        yield port, (stdout, stderr)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_gunicorn_logs_no_address_no_request_line_and_no_traceback(gunicorn):
    port, log_files = gunicorn
    deadline = time.monotonic() + 30

    malformed = ask(port, f"GET /en/search/?q={SEARCH_WORDS}\r\n\r\n".encode(), deadline=deadline)
    bad_host = ask(
        port,
        f"GET /en/search/?q={SEARCH_WORDS} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n".encode(),
        deadline=deadline,
    )
    traversal = ask(
        port,
        b"GET /media/../var/secret_key HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
        deadline=deadline,
    )

    assert malformed.startswith(b"HTTP/1.1 400")
    assert bad_host.startswith(b"HTTP/1.1 400")
    assert traversal.startswith(b"HTTP/1.1 400")
    logs = "".join(path.read_text(encoding="utf-8", errors="replace") for path in log_files)
    assert "Refused a malformed request: Invalid HTTP request line" in logs
    assert len([line for line in logs.splitlines() if "django.security.DisallowedHost" in line]) == 1
    assert len([line for line in logs.splitlines() if "django.security.SuspiciousFileOperation" in line]) == 1
    assert CLIENT_ADDRESS not in logs
    assert SEARCH_WORDS not in logs
    assert "Traceback" not in logs
