"""Private links (core/tokens.py) never reach a log: the access log, gunicorn's error log and the site's own keep
the address's prefix and lose the token (core/logs.py)."""

from __future__ import annotations

import logging
import sys
import time

from django.conf import settings

from solidarity.core.logs import PRIVATE_PATH_PREFIXES, PrivateGunicornLogger, PrivateLinks, without_private_links
from tests.core.test_gunicorn_log import ask, gunicorn  # noqa: F401  # the real server, as scripts/serve.py starts it

TOKEN = "q3Zk-8xV_secret-token-abc"


def test_the_token_after_each_private_prefix_is_left_out():
    for prefix in PRIVATE_PATH_PREFIXES:
        assert without_private_links(f"/ru{prefix}{TOKEN}/") == f"/ru{prefix}[private]/"
        assert (
            without_private_links(f'"GET {prefix}{TOKEN}/?edit=1 HTTP/1.1"')
            == f'"GET {prefix}[private]/?edit=1 HTTP/1.1"'
        )


def test_other_addresses_are_left_as_they_are():
    for path in ("/en/campaigns/", "/en/campaigns/activity/12/sign-up/", "/en/stories/group-action/", "/en/search/"):
        assert without_private_links(path) == path
    assert without_private_links("/en/campaigns/group/") == "/en/campaigns/group/"  # nothing private after it


def test_a_full_address_in_a_referer_loses_its_token():
    referer = f"https://example.org/de/campaigns/sign-up/{TOKEN}/"
    assert without_private_links(referer) == "https://example.org/de/campaigns/sign-up/[private]/"


def record(message: str, *args, exc_info=None) -> logging.LogRecord:
    return logging.LogRecord("django.request", logging.ERROR, __file__, 1, message, args, exc_info)


def test_the_sites_log_records_lose_the_token():
    entry = record("Internal Server Error: %s", f"/en/campaigns/activity-entry/{TOKEN}/")
    PrivateLinks().filter(entry)
    assert entry.getMessage() == "Internal Server Error: /en/campaigns/activity-entry/[private]/"
    try:
        raise ValueError(f"no entry at /en/campaigns/group/{TOKEN}/")
    except ValueError:
        failed = record("Failed", exc_info=sys.exc_info())
    PrivateLinks().filter(failed)
    assert TOKEN not in logging.Formatter().format(failed)
    assert "/en/campaigns/group/[private]/" in failed.exc_text


def test_every_handler_of_the_sites_logging_filters_private_links():
    handlers = settings.LOGGING["handlers"]
    assert all("private_links" in handler.get("filters", []) for handler in handlers.values())


def test_gunicorns_access_log_fields_lose_the_token():
    logger = object.__new__(PrivateGunicornLogger)
    response = type("Response", (), {"status": "200 OK", "sent": 10, "headers": []})()
    request = type("Request", (), {"headers": [("REFERER", f"https://example.org/en/campaigns/group/{TOKEN}/")]})()
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/en/campaigns/group/{TOKEN}/",
        "PATH_INFO": f"/en/campaigns/group/{TOKEN}/",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    elapsed = type("Elapsed", (), {"seconds": 0, "microseconds": 1000})()
    atoms = logger.atoms(response, request, environ, elapsed)
    assert TOKEN not in repr(atoms)
    assert atoms["U"] == "/en/campaigns/group/[private]/"


def test_a_real_gunicorn_logs_no_token(gunicorn):  # noqa: F811
    port, log_files = gunicorn
    answer = ask(
        port,
        f"GET /en/campaigns/sign-up/{TOKEN}/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode(),
        deadline=time.monotonic() + 30,
    )
    assert answer.startswith(b"HTTP/1.1 ")
    time.sleep(0.5)  # gunicorn writes the access line after the answer
    logs = "".join(path.read_text(encoding="utf-8", errors="replace") for path in log_files)
    assert "/en/campaigns/sign-up/[private]/" in logs
    assert TOKEN not in logs
