"""Error pages that must never fail: rendered by views, handlers and middleware alike."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from solidarity.core import languages

logger = logging.getLogger(__name__)

# What an error page says when even its template cannot be rendered (a missing static file, say).
PLAIN_ERROR_PAGE = (
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>{title}</title><h1>{title}</h1><p>{text}</p></html>'
)


def error_page(request: HttpRequest, template: str, *, status: int, title: str, text: str) -> HttpResponse:
    """The site's own error page, or a plain one when rendering fails: an error page must never fail."""
    try:
        return render(request, template, {"languages": languages.for_error_page()}, status=status)
    except Exception:
        logger.exception("The %s page could not be rendered", status)
        return HttpResponse(PLAIN_ERROR_PAGE.format(title=title, text=text), status=status)


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """The 503 page in the visitor's language, asking to retry in a minute."""
    response = error_page(
        request,
        "503.html",
        status=503,
        title="Temporarily unavailable",
        text="Our database is not answering right now. Please try again in a minute.",
    )
    response["Retry-After"] = "60"
    return response


def address_too_long(request: HttpRequest) -> HttpResponse:
    """The 414 page: the address is longer than the site accepts (core.middleware.AddressTooLongMiddleware)."""
    return error_page(
        request,
        "414.html",
        status=414,
        title="Address too long",
        text="This address is too long for the site to read. Go back and follow the link again.",
    )
