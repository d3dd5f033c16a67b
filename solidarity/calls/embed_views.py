"""The pages a partner site embeds: a call's counter (framed) and its counts as JSON (read by a script).

Both are public and the same for every visitor, so caches keep them for a minute (``EMBED_MAX_AGE``): nothing
per visitor, no cookie. The counter is the one kind of page other sites may frame (``core.frames.embeddable``:
``frame-ancestors`` from ``EMBED_FRAME_ANCESTORS``, no ``X-Frame-Options``); the JSON may be read by a script of
any site (``Access-Control-Allow-Origin: *``). Both may be loaded by another site (``Cross-Origin-Resource-Policy:
cross-origin``). The language is the partner's choice (``?lang=``, see ``calls.embed``), not the visitor's browser.
"""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from solidarity.calls import embed, queries
from solidarity.core.frames import embeddable

EMBED_MAX_AGE = 60  # seconds a cache may keep the counter and the counts


def _shared(response: HttpResponse, language: str) -> HttpResponse:
    """Headers of an answer other sites load: cacheable by anyone for a minute, loadable from another origin."""
    patch_cache_control(response, public=True, max_age=EMBED_MAX_AGE)
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Content-Language"] = language
    return response


@embeddable
@require_safe
def counter(request: HttpRequest, call_key: uuid.UUID) -> HttpResponse:
    """The call's title, its count, the progress toward its goal and a link to sign it on its page (a new tab)."""
    language = embed.embed_language(request.GET.get("lang"))
    with translation.override(language):
        call = embed.call_for_embed(call_key, language)
        if call is None:
            return _shared(render(request, "calls/embed/not_found.html", status=404), language)
        counts = queries.call_counts(call.call_key)
        context = {
            "call": call,
            "call_language": call.locale.language_code,
            "call_url": request.build_absolute_uri(call.get_url(request)),
            "counts": counts,
            "progress": counts.progress(call.goal),
            "takes_signatures": call.takes_signatures(),
            "closed": call.has_closed(),
        }
        return _shared(render(request, "calls/embed/counter.html", context), language)


@require_safe
def counts(request: HttpRequest, call_key: uuid.UUID) -> HttpResponse:
    """The call's counts for a partner's own script: in all, people, organisations, by country; goal, dates."""
    language = embed.embed_language(request.GET.get("lang"))
    with translation.override(language):
        call = embed.call_for_embed(call_key, language)
        if call is None:
            response = JsonResponse({"error": "not found"}, status=404)
        else:
            url = request.build_absolute_uri(call.get_url(request))
            payload = embed.counts_payload(call, queries.call_counts(call.call_key), url)
            response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return _shared(response, language)
