"""Lockout after repeated failed staff logins: django-axes, told to keep no address and no user agent.

Failures are counted by username and, separately, by the client's address; either reaching
``STAFF_LOGIN_FAILURE_LIMIT`` refuses logins for ``STAFF_LOCKOUT_MINUTES`` (settings.py, the
lockout block). The address axes stores is :func:`address_key`: a keyed hash (HMAC with
``SOLIDARITY_LOOKUP_KEY``, ``core.crypto.keyed_hash``) of the client's address as ``core.clients`` reads it (behind
``TRUSTED_PROXIES`` proxies), written as an IPv6 unique-local address
(``fd00::/8``), so the inet column holds it and nobody can read the address back. A refused login
costs no password hashing (:class:`LockoutBackend` runs before Django's ``ModelBackend``).
"""

from __future__ import annotations

import base64
import ipaddress
from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from solidarity.core.clients import client_address, client_network
from solidarity.core.crypto import keyed_hash
from solidarity.staff.lockout_rules import REFUSED, lockout_minutes
from solidarity.staff.logins import login_failure_recorded


def address_key(request: HttpRequest) -> str | None:
    """What axes stores as the client's address: a keyed hash of it, as an ``fd00::/8`` IPv6 address.

    An IPv6 client is counted by its /64 network (one household or server holds a whole /64).
    120 bits of the HMAC follow the ``fd`` byte. None when the address is not known.
    """
    name = client_network(request)
    if name is None:
        return None
    digest = base64.urlsafe_b64decode(keyed_hash("staff login address:" + name) + "=")
    return str(ipaddress.IPv6Address(b"\xfd" + digest[:15]))


def lockout_parameters(request_or_attempt: Any, credentials: dict[str, Any] | None = None) -> list[str]:
    """What failures are counted by (``AXES_LOCKOUT_PARAMETERS``): the username, and the address when known.

    Each is a separate count, and either one reaching the limit locks (axes takes the larger).
    """
    address = getattr(request_or_attempt, "axes_ip_address", None) or getattr(request_or_attempt, "ip_address", None)
    return ["username", "ip_address"] if address else ["username"]


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """The page a locked login gets (``AXES_LOCKOUT_CALLABLE``): 429, in the look of the admin's login page."""
    return render(request, "staff/locked_out.html", {"minutes": lockout_minutes()}, status=429)


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a login that is locked out, before any backend hashes a password; marks the request it refused.

    It authenticates nobody itself: Django's ``ModelBackend`` comes next in ``AUTHENTICATION_BACKENDS``.
    """

    def authenticate(
        self, request: HttpRequest, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> None:
        try:
            super().authenticate(request, username, password, **kwargs)
        except AxesBackendPermissionDenied:
            setattr(request, REFUSED, True)
            raise


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, storing no user agent (locks never depend on it: see ``lockout_parameters``).

    It also puts a failed login into the audit log, just before axes counts it (and perhaps locks).
    """

    def user_login_failed(self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
        if request is not None:
            request.axes_user_agent = ""
            request.axes_http_accept = ""
        # The failure goes into the audit log before the lock it may cause (axes signals that one).
        login_failure_recorded(request, credentials.get("username"))
        super().user_login_failed(sender, credentials, request, **kwargs)

    def reset_user_attempts(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """A successful login clears the failures of its own username only (``AXES_RESET_ON_SUCCESS``).

        Never those of other usernames tried from the same address: else whoever knows one staff
        password could guess another's without limit, logging in with their own between guesses.
        """
        username = get_client_username(request, credentials)
        if not username:
            return 0
        deleted, _by_model = AccessAttempt.objects.filter(username=username).delete()
        return int(deleted)

    def user_logged_in(self, sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
        request.axes_user_agent = ""
        request.axes_http_accept = ""
        super().user_logged_in(sender, request, user, **kwargs)


__all__ = ["LockoutBackend", "LockoutHandler", "address_key", "client_address", "lockout_parameters"]
