"""Two-factor login of staff: an authenticator app (TOTP) and ten recovery codes, each kept by django-otp.

Every staff member (anyone who may open the Wagtail admin) confirms a password login with a code
before the admin opens (``middleware.StaffAccountMiddleware``). The services here are the only
writers of the devices: enrol (a new, unconfirmed authenticator), confirm it with a first code,
verify a login, make new recovery codes, remove everything (an administrator's reset). Each change
is audited on the user account. Wrong guesses are slowed down by django-otp's throttling: after
the n-th wrong code in a row a device refuses every code for 2**(n-1) seconds.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from solidarity.staff.audit import audit, real_object
from solidarity.staff.sessions import cut_off_sessions

RECOVERY_CODE_COUNT = 10
TOTP_DIGITS = 6
AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"


account = real_object  # the user record itself, not the request's lazy stand-in for it


def is_staff_member(user: Any) -> bool:
    """Whether ``user`` may open the Wagtail admin, and so needs two-factor login."""
    return bool(user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin"))


def required() -> bool:
    """Whether staff must confirm each login with a code (always in production; see settings.py)."""
    return bool(getattr(settings, "SOLIDARITY_STAFF_TWO_FACTOR", True))


def authenticator(user: Any) -> TOTPDevice | None:
    """The user's confirmed authenticator, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_two_factor(user: Any) -> bool:
    return authenticator(user) is not None


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def is_verified(request: HttpRequest) -> bool:
    """Whether this session's login was confirmed with a code (django-otp's middleware reads the session)."""
    verified = getattr(request.user, "is_verified", None)
    return bool(verified and verified())


# -- enrolment ------------------------------------------------------------------------------------


PENDING_DEVICE = "staff_two_factor_pending"  # the session's own authenticator waiting for its first code


def enrol(request: HttpRequest) -> TOTPDevice:
    """This session's authenticator waiting for its first code: the one it made earlier, or a new secret.

    The secret belongs to one session: another session of the same account (someone else who has
    the password) gets its own, so nobody can note the secret the real person will confirm.
    """
    user = account(request.user)
    pending_id = request.session.get(PENDING_DEVICE)
    pending = TOTPDevice.objects.filter(user=user, confirmed=False, pk=pending_id).first() if pending_id else None
    if pending is not None:
        return pending
    device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    request.session[PENDING_DEVICE] = device.pk
    return device


def preenrol(user: Any, *, by: Any) -> TOTPDevice:
    """A confirmed authenticator that ``by`` set up for ``user`` (the demo's accounts): logging in asks its code.

    Nobody sees its secret but through :func:`current_code` (``manage.py two_factor_code``, development only).
    """
    user, by = account(user), account(by)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=True)
        _new_recovery_codes(user)
        audit(user, "solidarity.two_factor_enabled", user=by, data={"replaced": False, "preenrolled": True})
    return device


def current_code(device: TOTPDevice) -> str:
    """The code the device's authenticator app shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def secret(device: TOTPDevice) -> str:
    """The secret as an authenticator app takes it when typed: base32, in groups of four."""
    encoded = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(encoded[index : index + 4] for index in range(0, len(encoded), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as a QR code, an SVG ``data:`` URI (the admin's CSP allows data: images)."""
    return str(segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2))


@dataclass(frozen=True)
class Outcome:
    """What a code did: ``device`` accepted it, or ``wait_seconds`` say that guesses are being slowed down."""

    device: TOTPDevice | StaticDevice | None = None
    wait_seconds: int = 0
    recovery_code: bool = False

    @property
    def ok(self) -> bool:
        return self.device is not None


def _wait_seconds(device: Any) -> int:
    allowed, details = device.verify_is_allowed()
    if allowed or not details or "locked_until" not in details:
        return 0
    return max(1, int((details["locked_until"] - timezone.now()).total_seconds() + 0.999))


def _check(device: Any, token: str) -> Outcome:
    wait = _wait_seconds(device)
    if wait:
        return Outcome(wait_seconds=wait)
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        if locked.verify_token(token):
            return Outcome(device=locked, recovery_code=isinstance(locked, StaticDevice))
    return Outcome()


def confirm(request: HttpRequest, device: TOTPDevice, code: str) -> tuple[Outcome, list[str]]:
    """Confirm a new authenticator with its first code; on success it replaces any earlier one.

    Returns the outcome and, on success, the new recovery codes (to be shown once). The session
    counts as verified from then on.
    """
    user = account(request.user)
    outcome = _check(device, normalise_code(code))
    if not outcome.ok:
        return outcome, []
    with transaction.atomic():
        replaced = TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk)
        was_replaced = replaced.exists()
        replaced.delete()
        TOTPDevice.objects.filter(user=user, confirmed=False).exclude(pk=device.pk).delete()
        request.session.pop(PENDING_DEVICE, None)
        device.refresh_from_db()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(user)
        audit(user, "solidarity.two_factor_enabled", user=user, data={"replaced": was_replaced})
    mark_verified(request, device)
    return outcome, codes


def mark_verified(request: HttpRequest, device: TOTPDevice | StaticDevice) -> None:
    """This session's login is confirmed by ``device`` (audited as the login); the session gets a new key."""
    request.session.cycle_key()
    otp_login(request, device)
    user = account(request.user)
    audit(
        user,
        "solidarity.login",
        user=user,
        data={"with": "recovery code" if isinstance(device, StaticDevice) else "authenticator"},
    )


# -- logging in -----------------------------------------------------------------------------------


def normalise_code(code: str) -> str:
    """A code as typed: spaces and dashes dropped, recovery codes in lower case."""
    return "".join(code.split()).replace("-", "").lower()


def verify(request: HttpRequest, code: str) -> Outcome:
    """Check a code from the authenticator, or a recovery code (which then stops working).

    Six digits are an authenticator code, anything else a recovery code (those have eight characters). On success the
    session is verified; a recovery code used is audited.
    """
    user = account(request.user)
    token = normalise_code(code)
    if token.isdigit() and len(token) == TOTP_DIGITS:
        device: Any = authenticator(user)
    else:
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None or not token:
        return Outcome()
    outcome = _check(device, token)
    if outcome.ok and outcome.device is not None:
        mark_verified(request, outcome.device)
        if outcome.recovery_code:
            audit(user, "solidarity.recovery_code_used", user=user, data={"left": recovery_codes_left(user)})
    return outcome


def check_current_code(user: Any, code: str) -> Outcome:
    """Check a code from the user's current authenticator (before replacing it), without touching the session."""
    device = authenticator(user)
    if device is None:
        return Outcome()
    return _check(device, normalise_code(code))


# -- recovery codes and removal -------------------------------------------------------------------


def _new_recovery_codes(user: Any) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def new_recovery_codes(user: Any) -> list[str]:
    """Ten new recovery codes; the earlier ones stop working. Shown once: only the codes' owner sees them."""
    user = account(user)
    with transaction.atomic():
        codes = _new_recovery_codes(user)
        audit(user, "solidarity.recovery_codes", user=user, data={"count": len(codes)})
    return codes


def remove(user: Any, *, by: Any) -> None:
    """Remove the user's authenticator and recovery codes (lost phone): they set up a new one at the next login."""
    user, by = account(user), account(by)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        # A session that passed the password step must not set up a new authenticator before its owner does.
        cut_off_sessions(user)
        audit(user, "solidarity.two_factor_removed", user=by)
