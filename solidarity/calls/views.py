"""The public calls' forms and private links (being built: the helper of the signing journey owns this file)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404


def signature(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404
