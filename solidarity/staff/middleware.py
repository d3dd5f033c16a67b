"""Staff sessions at each request: logged out everywhere, idle too long, or waiting for the two-factor code.

Comes after django-otp's ``OTPMiddleware`` (which tells whether the session's login was confirmed
with a code) and Django's message middleware. A request without a session cookie (every anonymous
reader) is passed on untouched: nothing here reads or writes a session that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from solidarity.core.middleware import is_admin_path
from solidarity.staff import sessions, two_factor

if TYPE_CHECKING:
    from django.http import HttpRequest

# Admin pages that a staff member still waiting for the code may open.
OPEN_BEFORE_CODE = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_password_reset",
        "staff_two_factor_verify",
        "staff_two_factor_setup",
    }
)


def _open_before_code(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.url_name in OPEN_BEFORE_CODE or (match.url_name or "").startswith("wagtailadmin_password_reset")


def _wants_json(request: HttpRequest) -> bool:
    """An htmx, fetch or JSON request: a redirect to a form page would mean nothing to it."""
    return (
        "HX-Request" in request.headers
        or request.headers.get("X-Requested-With") == "XMLHttpRequest"
        or "application/json" in request.headers.get("Accept", "")
    )


def _is_background(path: str) -> bool:
    """Requests the admin makes by itself while a page stays open: they are not the user's activity."""
    return "/editing-sessions/" in path


def _to_login(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return HttpResponseForbidden(_("Your session has ended. Please log in again."), content_type="text/plain")
    query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
    return HttpResponseRedirect(reverse("wagtailadmin_login") + (f"?{query}" if query else ""))


class StaffAccountMiddleware:
    """Ends staff sessions logged out everywhere or idle too long; holds the admin until the two-factor code."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)  # an anonymous reader: no session read, none made
        user = request.user
        if not two_factor.is_staff_member(user):
            return self.get_response(request)
        admin = is_admin_path(request.path_info)

        if sessions.is_cut_off(request.session, user):
            logout(request)
            if admin:
                messages.info(request, _("You logged out everywhere. Please log in again."))
                return _to_login(request)
            return self.get_response(request)

        if sessions.is_idle_too_long(request.session):
            logout(request)
            if admin:
                minutes = settings.STAFF_SESSION_IDLE_MINUTES
                messages.info(
                    request,
                    _("You were logged out after %(minutes)s minutes without activity. Please log in again.")
                    % {"minutes": minutes},
                )
                return _to_login(request)
            return self.get_response(request)
        if not _is_background(request.path_info):
            sessions.touch(request.session)

        if two_factor.required() and not two_factor.is_verified(request):
            if not admin:
                request.user = AnonymousUser()  # a password alone opens nothing, not even private media
                return self.get_response(request)
            if not _open_before_code(request.path_info):
                return self._ask_for_code(request)
        return self.get_response(request)

    def _ask_for_code(self, request: HttpRequest) -> HttpResponse:
        if _wants_json(request):
            return HttpResponseForbidden(
                _("Enter your two-factor code first: reload the page."), content_type="text/plain"
            )
        name = "staff_two_factor_verify" if two_factor.has_two_factor(request.user) else "staff_two_factor_setup"
        next_url = request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
        return HttpResponseRedirect(f"{reverse(name)}?{urlencode({'next': next_url})}")
