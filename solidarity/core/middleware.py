"""Security headers, the Content Security Policy, clear answers to a database outage and a too-long address, the
admin addresses a country-scoped user may not open, and compression of the pages that carry no secret."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import Http404
from django.middleware.gzip import GZipMiddleware

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


# What is worth compressing: text, feeds, sitemaps, JSON. Images, fonts and downloads are compressed already or
# streamed (WhiteNoise answers static files above this middleware, from files compressed by collectstatic).
COMPRESSIBLE_TYPES = ("text/", "application/xml", "application/rss+xml", "application/atom+xml", "application/json")
UNCACHEABLE = {"private", "no-store", "no-cache"}


def carries_no_secret(request: HttpRequest, response: HttpResponseBase) -> bool:
    """The response is the same for every reader: the pages anonymous readers see (they are cacheable, see
    tests/core/test_cacheable_pages.py), never a staff member's page, a form answer or a private link's page.

    Compressing a page that holds a secret (a CSRF token, a private link's token, someone's data) next to text an
    attacker chooses (a search word) would let the compressed size give the secret away (BREACH). So only GET and
    HEAD; no session cookie sent (not logged in); nothing that sets a cookie or varies by one (a page that renders
    a CSRF token does both); nothing marked private or not to be stored (``core.views.private_response``).
    """
    if request.method not in ("GET", "HEAD") or response.streaming:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or is_admin_path(request.path_info):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
        return False
    if "cookie" in response.get("Vary", "").lower():
        return False
    cache_control = {part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")}
    if cache_control & UNCACHEABLE:
        return False
    return response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES)


class PublicPageCompressionMiddleware(GZipMiddleware):
    """gzip for the pages that carry no secret (``carries_no_secret``), and only for them.

    The proxy in front cannot tell which pages those are, so the site compresses them itself (docs/deploy.md):
    about a third of the bytes of a page for a reader on a slow connection. Django's middleware adds
    ``Vary: Accept-Encoding`` and leaves responses that are already encoded or too short alone.
    """

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if not carries_no_secret(request, response):
            return response
        return super().process_response(request, response)
