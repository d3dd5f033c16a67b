"""The campaigns' public forms and private links (the forms helper writes these)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def _not_yet(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    raise Http404


group_join = activity_add = sign_up_form = contact_write = sent = group_entry = activity_entry = sign_up = _not_yet
