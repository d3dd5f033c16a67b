"""What the site writes to its logs: no client address, no request line, no traceback for a refused request.

Two pieces, both plain ``logging`` (no Django import, settings.py names them):

* :class:`PrivateGunicornLogger`, gunicorn's ``--logger-class``: gunicorn's error log writes
  ``Invalid request from ip=ADDRESS: Invalid HTTP request line: 'GET /search?q=words HTTP/1.1'``
  for a malformed request, and the method and address of a request whose handling failed. Its
  filter rewrites those records to the kind of error alone. (The access log is kept free of
  addresses by its format, see scripts/serve.py.)
* :class:`WithoutTraceback`, a filter for the ``django.security`` handler: Django logs every
  ``DisallowedHost`` and other ``SuspiciousOperation`` with its traceback, some fifteen lines that
  anyone can make the site write by sending a bad ``Host``; one line says as much.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from gunicorn import glogging

_REFUSED = "Invalid request from ip="
_FAILED = "Error handling request"
# The kind of error is what comes before the first quote or colon: after it come the request's own bytes.
_KIND = re.compile(r"^[^'\":]*")


def refused_request_kind(error: str) -> str:
    """The kind of a gunicorn request error, without the request's text: 'Invalid HTTP request line'."""
    match = _KIND.match(error)
    kind = match.group(0).strip()[:80] if match else ""
    return kind or "malformed request"


class PrivateRequestFilter(logging.Filter):
    """Rewrite gunicorn's error-log records that would carry an address or a request line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.msg if isinstance(record.msg, str) else ""
        if message.startswith(_REFUSED):
            text = record.getMessage()
            error = text.split(": ", 1)[1] if ": " in text else ""
            record.msg, record.args = "Refused a malformed request: %s", (refused_request_kind(error),)
        elif message.startswith(_FAILED):
            record.msg, record.args = "Error handling a request", ()
        return True


class PrivateGunicornLogger(glogging.Logger):
    """gunicorn's logger whose error log names neither the client's address nor what it asked for."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        if not any(isinstance(existing, PrivateRequestFilter) for existing in self.error_log.filters):
            self.error_log.addFilter(PrivateRequestFilter())


class WithoutTraceback(logging.Filter):
    """Log a record as its one-line message: the traceback (and stack) is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
