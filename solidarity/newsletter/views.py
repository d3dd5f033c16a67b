"""The newsletter's public pages (built next)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def subscribe(request: HttpRequest) -> HttpResponse:
    raise Http404


def thanks(request: HttpRequest) -> HttpResponse:
    raise Http404


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404


def preferences(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404
