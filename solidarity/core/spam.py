"""The spam guard every public form uses (joining a campaign, adding an activity, signing up, signing a call,
commenting, asking a question): a form mixin and one check.

A form ``class JoinForm(SpamGuardMixin, forms.Form)`` gets the guard's fields (their names start with
``guard_``; templates render them with ``{% include "core/spam_guard_fields.html" %}`` and the form's
other fields as usual, ``form.visible_fields`` leaving the guard's out). A view calls
``spam.passes(request, form, scope="campaigns.join")`` before ``form.is_valid()``'s result is used:
False means refused, with the reason added to the form's errors in the reader's language (what they
typed is kept) and ``form.guard_status`` set to the HTTP status to answer with.

The forms carry no per-visitor token (public pages stay cacheable, docs/security.md): the checks are
the request's origin, a honeypot field, a minimum time between the form's rendering (a signed
timestamp, the same for every reader of that moment) and its sending, a rate limit per keyed hash of
the client's address, and a proof of work (altcha) once that rate rises.
"""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.core import signing
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SALT = "solidarity.core.spam.started"
MIN_FILL_SECONDS = 3  # a person needs longer than this to fill any of our forms
MAX_FORM_AGE_SECONDS = 24 * 60 * 60  # a form older than this is sent again with a fresh timestamp


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


def _same_origin(request: HttpRequest) -> bool:
    """A browser says where a form was sent from (``Sec-Fetch-Site``, ``Origin``): it must be this site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in {"same-origin", "none"}:
        return False
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin == f"{request.scheme}://{request.get_host()}"
    return True


def passes(request: HttpRequest, form: SpamGuardMixin, *, scope: str) -> bool:
    """Does this sending of ``form`` pass the guard? When not, the form says why and ``form.guard_status``
    holds the status to answer with. ``scope`` names the form for the rate limit ("campaigns.join")."""
    if not _same_origin(request):
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
    if age is not None and age < MIN_FILL_SECONDS:
        return form.refuse(_("That was very fast. Check what you wrote and send the form again."), 400)
    return True


def _age(token: str) -> float | None:
    """Seconds since the form was rendered, from its (already checked) signed timestamp."""
    try:
        return time.time() - signing.b62_decode(token.rsplit(signing.TimestampSigner(salt=SALT).sep, 2)[1])
    except (IndexError, ValueError):
        return None
