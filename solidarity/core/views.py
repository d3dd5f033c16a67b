"""Health check and error pages."""

from __future__ import annotations

import logging
import sys

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from solidarity.core import languages
from solidarity.core.database import database_answers, is_database_outage
from solidarity.core.error_pages import database_unavailable, error_page

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not (for load balancers and monitors)."""
    if not database_answers():
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", {"languages": languages.for_error_page()}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, or the 503 page when the error came from a database that has stopped answering.

    Views' database errors are answered by DatabaseUnavailableMiddleware; this catches the ones
    raised outside views (in other middleware, such as the redirect lookup on a 404).
    """
    error = sys.exc_info()[1]
    if error is not None and is_database_outage(error):
        return database_unavailable(request)
    return error_page(
        request,
        "500.html",
        status=500,
        title="Something went wrong",
        text="An error on our side stopped this page from loading. Please try again in a few minutes.",
    )
