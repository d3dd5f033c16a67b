"""Pages a partner site may show in a frame: the only ones. Every other page sends ``frame-ancestors 'none'``
(``CONTENT_SECURITY_POLICY``) and ``X-Frame-Options: DENY``.

``EMBED_FRAME_ANCESTORS`` (settings, from the environment) says which sites may frame them: every site by default
(``*``: a counter and a form are made to be embedded anywhere), or a list of origins.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def embeddable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view's pages may be framed by the sites ``EMBED_FRAME_ANCESTORS`` allows (and nothing else changes)."""

    @wraps(view)
    def framed(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response._csp_replace = {"frame-ancestors": list(settings.EMBED_FRAME_ANCESTORS)}  # type: ignore[attr-defined]
        response.xframe_options_exempt = True
        return response

    return framed
