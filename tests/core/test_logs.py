"""Logs: the two filters that keep addresses, request lines and tracebacks out of them, on their own.

tests/core/test_gunicorn_log.py checks them against a real gunicorn.
"""

from __future__ import annotations

import logging

import pytest
from gunicorn.config import Config

from solidarity.core.logs import (
    PrivateGunicornLogger,
    PrivateLinks,
    PrivateRequestFilter,
    WithoutTraceback,
    refused_request_kind,
)

# Words a reader searched for: they must not reach a log.
SEARCH_WORDS = "banned-rally-minsk"

# The two filters on their own, with the records gunicorn and Django really write.


def record(message: str, *args, exc_info=None) -> logging.LogRecord:
    return logging.LogRecord("gunicorn.error", logging.WARNING, __file__, 1, message, args, exc_info)


@pytest.mark.parametrize(
    ("gunicorn_message", "kept"),
    [
        (f"Invalid request from ip=10.1.2.3: Invalid HTTP request line: 'GET /?q={SEARCH_WORDS}'", "request line"),
        (f"Invalid request from ip=2001:db8::1: Invalid HTTP Version: 'HTTP/9 {SEARCH_WORDS}'", "HTTP Version"),
        (f"Invalid request from ip=10.1.2.3: '{SEARCH_WORDS}'", "malformed request"),
    ],
)
def test_the_gunicorn_filter_keeps_the_kind_of_error_and_drops_address_and_request(gunicorn_message, kept):
    rewritten = record(gunicorn_message)

    assert PrivateRequestFilter().filter(rewritten)

    message = rewritten.getMessage()
    assert kept in message
    assert "10.1.2.3" not in message and "2001:db8" not in message and SEARCH_WORDS not in message


def test_the_gunicorn_filter_drops_the_address_of_a_failed_request():
    rewritten = record("Error handling request %s %s", "GET", f"/en/search/?q={SEARCH_WORDS}")

    PrivateRequestFilter().filter(rewritten)

    assert rewritten.getMessage() == "Error handling a request"


def test_the_gunicorn_filter_leaves_other_messages_alone():
    untouched = record("Booting worker with pid: %s", 42)

    PrivateRequestFilter().filter(untouched)

    assert untouched.getMessage() == "Booting worker with pid: 42"


def test_security_records_lose_their_traceback():
    try:
        raise ValueError("bad host")
    except ValueError as error:
        security = record("Invalid HTTP_HOST header", exc_info=(type(error), error, error.__traceback__))

    assert WithoutTraceback().filter(security)

    assert security.exc_info is None
    assert "Traceback" not in logging.Formatter().format(security)


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        ("Invalid HTTP request line: 'GET /?q=x'", "Invalid HTTP request line"),
        ("'GET /?q=x'", "malformed request"),  # nothing before the request's own text
        ("", "malformed request"),
        ("A" * 200 + ": 'x'", "A" * 80),  # a kind is never longer than 80 characters
    ],
)
def test_the_kind_of_a_refused_request_is_what_comes_before_its_text(error, kind):
    assert refused_request_kind(error) == kind


def test_a_refused_request_without_a_colon_is_logged_as_malformed():
    rewritten = record("Invalid request from ip=10.1.2.3")

    PrivateRequestFilter().filter(rewritten)

    assert rewritten.getMessage() == "Refused a malformed request: malformed request"


def test_the_kind_comes_from_after_the_first_colon_only():
    rewritten = record("Invalid request from ip=2001:db8::1: Bad header: 'X: secret'")

    PrivateRequestFilter().filter(rewritten)

    assert rewritten.getMessage() == "Refused a malformed request: Bad header"


def test_a_record_whose_message_is_no_text_is_left_alone():
    message = ValueError("Invalid request from ip=10.1.2.3: x")
    rewritten = record(message)

    assert PrivateRequestFilter().filter(rewritten) is True
    assert rewritten.msg is message


def test_gunicorns_logger_gets_the_filter_once_however_often_it_is_set_up():
    logger = PrivateGunicornLogger(Config())

    logger.setup(Config())

    assert [type(found) for found in logger.error_log.filters] == [PrivateRequestFilter, PrivateLinks]
