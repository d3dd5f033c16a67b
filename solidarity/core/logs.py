"""What the site writes to its logs: no client address, no request line, no traceback for a refused request,
no private link.

Three pieces, all plain ``logging`` (no Django import, settings.py names them):

* :class:`PrivateGunicornLogger`, gunicorn's ``--logger-class``: gunicorn's error log writes
  ``Invalid request from ip=ADDRESS: Invalid HTTP request line: 'GET /search?q=words HTTP/1.1'``
  for a malformed request, and the method and address of a request whose handling failed. Its
  filter rewrites those records to the kind of error alone. (The access log is kept free of
  addresses by its format, see scripts/serve.py.)
* :class:`WithoutTraceback`, a filter for the ``django.security`` handler: Django logs every
  ``DisallowedHost`` and other ``SuspiciousOperation`` with its traceback, some fifteen lines that
  anyone can make the site write by sending a bad ``Host``; one line says as much.
* :func:`without_private_links`: the token of a private link (``core.tokens``) is the key to someone's
  entry; an address under one of ``PRIVATE_PATH_PREFIXES`` keeps its prefix and loses the rest, in
  gunicorn's access and error logs (:class:`PrivateGunicornLogger`) and in the site's own
  (:class:`PrivateLinks`, on every handler of settings.LOGGING).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from gunicorn import glogging

# Addresses whose next path segments are a private link's token: a feature with private links adds its own.
# They are found anywhere in a line (after a language prefix, in a full URL, in a Referer).
PRIVATE_PATH_PREFIXES = [
    "/campaigns/group/",
    "/campaigns/activity-entry/",
    "/campaigns/sign-up/",
    "/calls/confirm/",
    "/calls/signature/",
    "/comments/yours/",
    "/newsletter/confirm/",
    "/newsletter/preferences/",
    "/newsletter/unsubscribe/",
]
PRIVATE_MARK = "[private]"


def _private_paths() -> re.Pattern[str]:
    prefixes = "|".join(re.escape(prefix) for prefix in PRIVATE_PATH_PREFIXES)
    return re.compile(rf"({prefixes})[^/\s\"'?#&<>]+")


def without_private_links(text: str) -> str:
    """The text with every private link's token replaced: ``/ru/campaigns/group/[private]``."""
    if not any(prefix in text for prefix in PRIVATE_PATH_PREFIXES):
        return text
    return _private_paths().sub(rf"\1{PRIVATE_MARK}", text)


class PrivateLinks(logging.Filter):
    """Rewrite a record whose message or traceback names a private link (``without_private_links``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        private = without_private_links(message)
        if private != message:
            record.msg, record.args = private, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = without_private_links(record.exc_text)
        return True


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
    """gunicorn's logger whose error log names neither the client's address nor what it asked for, and whose
    access log names no private link."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        if not any(isinstance(existing, PrivateRequestFilter) for existing in self.error_log.filters):
            self.error_log.addFilter(PrivateRequestFilter())
        if not any(isinstance(existing, PrivateLinks) for existing in self.error_log.filters):
            self.error_log.addFilter(PrivateLinks())

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> dict[str, Any]:
        """The access log's fields (path, request line, referer …), each without a private link's token."""
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        return {key: without_private_links(value) if isinstance(value, str) else value for key, value in atoms.items()}


class WithoutTraceback(logging.Filter):
    """Log a record as its one-line message: the traceback (and stack) is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
