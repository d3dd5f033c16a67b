"""The spam guard every public form uses (joining a campaign, adding an activity, signing up, signing a call,
commenting, asking a question): a form mixin and one check.

A form ``class JoinForm(SpamGuardMixin, forms.Form)`` gets the guard's fields (their names start with
``guard_``; templates render them with ``{% include "core/spam_guard_fields.html" %}`` and the form's
other fields as usual, ``form.visible_fields`` leaving the guard's out). A view calls
``spam.passes(request, form, scope="campaigns.join")`` before ``form.is_valid()``'s result is used:
False means refused, with the reason added to the form's errors in the reader's language (what they
typed is kept) and ``form.guard_status`` set to the HTTP status to answer with.

The forms carry no per-visitor token (public pages stay cacheable, docs/security.md): the checks are

* the request's origin (``Sec-Fetch-Site``, ``Origin``): a form sent from another site is refused (403);
* a honeypot field people never see (400 when filled);
* a minimum time between the form's rendering (a signed timestamp, the same for every reader of that
  moment) and its sending, ``SPAM_MIN_FILL_SECONDS``, and a maximum age (400);
* a rate limit per form (``scope``) and per source: every sending counts, passed or not, in Django's
  cache for ``SPAM_RATE_WINDOW_MINUTES``, under a keyed hash of the client's address (``core.clients``;
  never the address itself). Up to ``SPAM_SOFT_LIMIT`` sendings pass as they are; beyond it a sending
  needs a proof of work (altcha: the widget solves a challenge from ``/altcha/challenge/`` in the
  browser when the form is sent; each solution is accepted once). Beyond ``SPAM_HARD_LIMIT`` a known
  address is refused (429) even with a proof of work.

A source whose address is unknown (a Tor onion service, where every visitor comes from the loopback
address) is many people at once: it has one count, and a proof of work lets its sendings through at
any count, so that a real Tor reader with JavaScript always gets through; one without JavaScript
beyond the soft limit is asked to wait a few minutes, with what they typed kept.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

import altcha
from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from solidarity.core.clients import client_network
from solidarity.core.crypto import keyed_hash

SALT = "solidarity.core.spam.started"
MAX_FORM_AGE_SECONDS = 24 * 60 * 60  # a form older than this is sent again with a fresh timestamp
ALTCHA_ALGORITHM = "PBKDF2/SHA-256"  # the widget's worker for it is vendored (core/static/core/vendor/altcha/)
RATE_KEY_PREFIX = "spam rate:"  # what keyed_hash gets before the scope and the source: no other hash shares it
CACHE_PREFIX = "solidarity.spam"


def min_fill_seconds() -> float:
    """A person needs longer than this to fill any of our forms (``SPAM_MIN_FILL_SECONDS``)."""
    return float(settings.SPAM_MIN_FILL_SECONDS)


def form_started_token() -> str:
    """The signed time the form was rendered (the same for every reader rendering it in that second)."""
    return signing.TimestampSigner(salt=SALT).sign("form")


class SpamGuardMixin(forms.Form):
    """The guard's fields: a honeypot people never see, the signed time the form was rendered, the proof of work."""

    guard_homepage = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    guard_started = forms.CharField(required=False, widget=forms.HiddenInput)
    guard_altcha = forms.CharField(required=False, widget=forms.HiddenInput)

    guard_status = 200

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Bound or not, the next rendering carries a fresh timestamp: a form sent back with errors is not
        # refused as "too fast" when it is sent again at once.
        self.fields["guard_started"].initial = form_started_token()
        if self.is_bound:
            data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict or a dict
            self.submitted_started = data.get(self.add_prefix("guard_started"), "")
            data[self.add_prefix("guard_started")] = form_started_token()
            data[self.add_prefix("guard_altcha")] = ""  # a proof of work is used once: never rendered back
            self.submitted_altcha = self.data.get(self.add_prefix("guard_altcha"), "") or ""
            self.data = data

    @property
    def guard_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("guard_")]

    def visible_fields(self) -> list[forms.BoundField]:
        return [field for field in super().visible_fields() if not field.name.startswith("guard_")]

    def refuse(self, message: str, status: int) -> bool:
        self.add_error(None, message)
        self.guard_status = status
        return False


def same_origin(request: HttpRequest) -> bool:
    """A browser says where a form was sent from (``Sec-Fetch-Site``, ``Origin``): it must be this site, as the
    request names it or as ``CSRF_TRUSTED_ORIGINS`` does (an onion service's ``http://…onion``, whose proxy
    says https)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in {"same-origin", "none"}:
        return False
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin == f"{request.scheme}://{request.get_host()}" or origin in settings.CSRF_TRUSTED_ORIGINS
    return True


# The rate of sendings ----------------------------------------------------------------------------------


def window_seconds() -> int:
    return max(1, int(settings.SPAM_RATE_WINDOW_MINUTES * 60))


def source_key(request: HttpRequest, scope: str) -> str:
    """The cache key counting this form's sendings from this source: a keyed hash of the scope and of the
    client's address (its /64 for IPv6; "unknown" when the address is not known), never the address."""
    source = client_network(request) or "unknown"
    return f"{CACHE_PREFIX}.rate.{keyed_hash(RATE_KEY_PREFIX + scope + '|' + source)}"


def count_sending(request: HttpRequest, scope: str) -> int:
    """Count one more sending of the form ``scope`` from this request's source; how many there were in the
    window, this one included. The count lives in Django's cache and is forgotten after the window."""
    key = source_key(request, scope)
    cache.add(key, 0, timeout=window_seconds())
    try:
        return int(cache.incr(key))
    except ValueError:  # the count expired between add and incr
        cache.set(key, 1, timeout=window_seconds())
        return 1


# The proof of work (altcha) -----------------------------------------------------------------------------


def _altcha_key() -> str:
    """The HMAC key that signs challenges: derived from SECRET_KEY for this use alone."""
    return salted_hmac("solidarity.core.spam.altcha", "challenge signing key").hexdigest()


def challenge_new() -> dict[str, Any]:
    """A new proof-of-work challenge, as the widget reads it (JSON), valid ``SPAM_CHALLENGE_MINUTES``."""
    challenge = altcha.create_challenge(
        ALTCHA_ALGORITHM,
        int(settings.SPAM_ALTCHA_COST),
        expires_at=int(time.time() + settings.SPAM_CHALLENGE_MINUTES * 60),
        hmac_secret=_altcha_key(),
    )
    return challenge.to_dict()


def proof_of_work_valid(payload: str) -> bool:
    """Is this a solved challenge of ours, unexpired, and not used before? Marks it used (once and for all)."""
    if not payload or len(payload) > 4000:
        return False
    try:
        result = altcha.verify_solution(payload, _altcha_key())
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError):  # a malformed payload
        return False
    if not result.verified:
        return False
    signature = altcha.Payload.from_base64(payload).challenge.signature or ""
    used_key = f"{CACHE_PREFIX}.altcha-used.{hashlib.sha256(signature.encode()).hexdigest()}"
    # Remembered until every challenge issued with it has expired; add() is False when it is already there.
    return bool(cache.add(used_key, 1, timeout=int(settings.SPAM_CHALLENGE_MINUTES * 60) + 60))


# The check -----------------------------------------------------------------------------------------------


def passes(request: HttpRequest, form: SpamGuardMixin, *, scope: str) -> bool:
    """Does this sending of ``form`` pass the guard? When not, the form says why and ``form.guard_status``
    holds the status to answer with. ``scope`` names the form for the rate limit ("campaigns.join")."""
    sendings = count_sending(request, scope)
    known_source = client_network(request) is not None
    if not same_origin(request):
        return form.refuse(_("This form can only be sent from this site's own page."), 403)
    if form.data.get(form.add_prefix("guard_homepage")):
        return form.refuse(_("The form could not be sent. Leave the last field empty and send it again."), 400)
    try:
        signing.TimestampSigner(salt=SALT).unsign(getattr(form, "submitted_started", ""), max_age=MAX_FORM_AGE_SECONDS)
    except signing.SignatureExpired:
        return form.refuse(_("This form was open for too long. Check what you wrote and send it again."), 400)
    except signing.BadSignature:
        return form.refuse(_("The form could not be sent. Check what you wrote and send it again."), 400)
    age = _age(getattr(form, "submitted_started", ""))
    if age is not None and age < min_fill_seconds():
        return form.refuse(_("That was very fast. Check what you wrote and send the form again."), 400)
    if sendings <= settings.SPAM_SOFT_LIMIT:
        return True
    minutes = int(settings.SPAM_RATE_WINDOW_MINUTES)
    wait = ngettext(
        "Wait %(minutes)d minute and send it again: what you wrote is kept below.",
        "Wait %(minutes)d minutes and send it again: what you wrote is kept below.",
        minutes,
    ) % {"minutes": minutes}
    if sendings > settings.SPAM_HARD_LIMIT and known_source:
        return form.refuse(_("This form was sent too many times from your connection.") + " " + wait, 429)
    payload = getattr(form, "submitted_altcha", "")
    if not payload:
        return form.refuse(
            _(
                "Many forms were sent from your connection in the last minutes, so this one needs a check that "
                "your browser does with JavaScript. Switch JavaScript on for this site, or wait."
            )
            + " "
            + wait,
            429,
        )
    if not proof_of_work_valid(payload):
        return form.refuse(_("The check that this form was sent by a person failed. Send the form again."), 400)
    return True


def _age(token: str) -> float | None:
    """Seconds since the form was rendered, from its (already checked) signed timestamp."""
    try:
        return time.time() - signing.b62_decode(token.rsplit(signing.TimestampSigner(salt=SALT).sep, 2)[1])
    except (IndexError, ValueError):
        return None


# A source that staff may block ----------------------------------------------------------------------------

SOURCE_KEY_PREFIX = "spam source:"  # what keyed_hash gets before the client's network for source_fingerprint


def source_fingerprint(request: HttpRequest) -> str:
    """A keyed hash of the client's address (its /64 for IPv6), the same for every form, that a record may keep
    for a short time so that a moderator can block the source of spam; never the address itself. Empty when
    the address is not known (a Tor onion service's visitors, who must not be blocked all at once)."""
    network = client_network(request)
    return keyed_hash(SOURCE_KEY_PREFIX + network) if network else ""
