"""gunicorn, started as scripts/serve.py starts it, lets a request line longer than the site reads reach the
site, which answers with its own page (the rule itself: tests/core/test_address_too_long.py)."""

from __future__ import annotations

import time

from tests.core.test_address_too_long import search_url
from tests.core.test_gunicorn_log import ask, gunicorn  # noqa: F401 (gunicorn is a fixture)


def test_gunicorn_lets_a_long_request_line_through_to_the_site(gunicorn, settings):  # noqa: F811
    port, _log_files = gunicorn
    line = search_url("en", 6000)  # longer than gunicorn's default limit (4094), shorter than serve.py's
    assert settings.MAX_URL_LENGTH < len(line) < 8190

    answer = ask(
        port,
        f"GET {line} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode(),
        deadline=time.monotonic() + 30,
    )

    _head, _, body = answer.partition(b"\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 414")
    assert b'class="site-header"' in body and b"Address too long" in body
    assert b"Request Line is too large" not in body and b"URI Too Long" not in body
