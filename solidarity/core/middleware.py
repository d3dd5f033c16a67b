"""Security headers, the Content Security Policy, clear answers to a database outage and a too-long address, and
the admin addresses a country-scoped user may not open."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import Http404

from solidarity.core import access
from solidarity.core.database import is_database_outage
from solidarity.core.error_pages import address_too_long, database_unavailable

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse, HttpResponseBase

logger = logging.getLogger(__name__)


def is_admin_path(path: str) -> bool:
    return path.startswith(settings.ADMIN_URL_PREFIXES)


class SolidarityCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own looser policy under the admin prefixes.

    Public pages get the strict policy from ``CONTENT_SECURITY_POLICY``: no inline script
    or style, nothing from another host. The Wagtail admin needs inline script and style.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        elif getattr(request, "is_dummy", False):
            # Wagtail renders an editor's preview as a page request of its own ("dummy"), shown
            # in a frame of the admin: the public policy, but framed by this site.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts


class SecurityHeadersMiddleware:
    """Headers that Django's SecurityMiddleware does not set."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class DatabaseUnavailableMiddleware:
    """When the database does not answer, say so with a 503 page instead of a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_outage(exception):
            return None
        logger.error("Database unavailable while serving %s: %s", request.path, exception)
        return database_unavailable(request)


class AddressTooLongMiddleware:
    """An address longer than ``MAX_URL_LENGTH`` gets the site's own 414 page in the reader's language.

    gunicorn (and the reverse proxy) accept longer request lines than this (scripts/serve.py,
    docs/deploy.md), so a reader who pasted a link twice or a runaway search meets this page
    rather than the server's English "URI Too Long". After the locale middleware: the language
    in the address is known.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if len(request.get_full_path().encode()) > settings.MAX_URL_LENGTH:
            return address_too_long(request)
        return self.get_response(request)


class CountryScopeMiddleware:
    """Admin addresses a country-scoped user may not open answer 404 (``core.access.may_open_admin_view``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        match = request.resolver_match
        if match is None or not match.view_name or not is_admin_path(request.path):
            return None
        if not access.may_open_admin_view(request.user, match.view_name, args, kwargs, request.GET):
            raise Http404
        return None
