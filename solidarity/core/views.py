"""Health check, the spam guard's proof-of-work challenge, uploaded media in development, error pages, and what
every private link's page shares (its headers, its 404, its guard against other sites' POSTs)."""

from __future__ import annotations

import logging
import posixpath
import sys
from collections.abc import Callable

from csp.decorators import csp_update
from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseRedirect, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from django.views.static import serve

from solidarity.core import languages, sharing, sitemaps, spam
from solidarity.core.database import database_answers, is_database_outage
from solidarity.core.error_pages import database_unavailable, error_page
from solidarity.core.forms import MastodonShareForm
from solidarity.core.logs import PRIVATE_PATH_PREFIXES
from solidarity.core.middleware import is_admin_path

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not (for load balancers and monitors)."""
    if not database_answers():
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
@require_safe
def altcha_challenge(request: HttpRequest) -> JsonResponse:
    """A new proof-of-work challenge for the altcha widget of a public form (``core.spam``); each one differs."""
    return JsonResponse(spam.challenge_new())


# How long browsers and caches keep the sitemap and robots.txt (seconds): a new story is listed within the hour.
SITEMAP_MAX_AGE = 3600


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """/sitemap.xml: the index of the sitemap's sections (core/sitemaps.py), on the host the request reached."""
    response = sitemap_views.index(
        request,
        sitemaps.section_sitemaps(request),
        template_name="core/sitemap_index.xml",
        sitemap_url_name="sitemap_section",
    )
    patch_cache_control(response, public=True, max_age=SITEMAP_MAX_AGE)
    return response


@require_safe
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """/sitemap-<section>.xml: one section's addresses in every language, with their alternates (?p=2 … beyond
    ``sitemaps.SECTION_LIMIT``); an unknown section or page is a 404."""
    response = sitemap_views.sitemap(
        request, sitemaps.section_sitemaps(request), section=section, template_name="core/sitemap.xml"
    )
    patch_cache_control(response, public=True, max_age=SITEMAP_MAX_AGE)
    return response


def robots_lines(request: HttpRequest) -> list[str]:
    """Readers' pages open to robots; the admin, each language's search results and private links closed."""
    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
        lines.extend(f"Disallow: /{code}{prefix}" for prefix in PRIVATE_PATH_PREFIXES)
    return [*lines, "", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """/robots.txt: plain text, the same for every visitor, with the sitemap's address on the host reached."""
    response = HttpResponse("\n".join(robots_lines(request)) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=SITEMAP_MAX_AGE)
    return response


# Folders of MEDIA_ROOT never served from /media/: documents are served by Wagtail at /documents/,
# which respects their privacy settings; wagtail_uploads/ holds uploads not yet made into images.
MEDIA_NEVER_SERVED = ("documents", "wagtail_uploads")
# Image originals: only renditions are published (docs/deploy.md); editors may see an original.
MEDIA_ADMIN_ONLY = ("original_images",)


def _in_folder(path: str, folders: tuple[str, ...]) -> bool:
    return any(path == folder or path.startswith(folder + "/") for folder in folders)


@require_safe
def media(request: HttpRequest, path: str) -> HttpResponseBase:
    """Uploaded media in development; in production the reverse proxy serves /media/ by the same rules."""
    normalised = posixpath.normpath(path).lstrip("/")  # as django.views.static.serve resolves it
    if _in_folder(normalised, MEDIA_NEVER_SERVED):
        raise Http404
    if _in_folder(normalised, MEDIA_ADMIN_ONLY):
        if not request.user.has_perm("wagtailadmin.access_admin"):
            raise Http404
        response = serve(request, normalised, document_root=str(settings.MEDIA_ROOT))
        patch_cache_control(response, private=True)
        return response
    return serve(request, normalised, document_root=str(settings.MEDIA_ROOT))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The site's 404 page; in the admin, the admin's own (staff stay in the admin, in their language)."""
    if is_admin_path(request.path):
        return render(request, "wagtailadmin/404.html", status=404)
    return render(request, "404.html", {"languages": languages.for_error_page()}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, or the 503 page when the error came from a database that has stopped answering.

    Views' database errors are answered by DatabaseUnavailableMiddleware; this catches the ones
    raised outside views (in other middleware, such as the redirect lookup on a 404).
    """
    error = sys.exc_info()[1]
    if error is not None and is_database_outage(error):
        return database_unavailable(request)
    return error_page(
        request,
        "500.html",
        status=500,
        title="Something went wrong",
        text="An error on our side stopped this page from loading. Please try again in a few minutes.",
    )


# Private links: pages whose address carries a token (a signer's, a group's …)


def private_response(response: HttpResponse) -> HttpResponse:
    """Headers of a page that shows something private: never stored, no referrer, not indexed."""
    response["Cache-Control"] = "no-store, private"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def private_not_found(request: HttpRequest) -> HttpResponse:
    """A private link whose token is unknown: the site's 404 page in the visitor's language, never stored."""
    return private_response(page_not_found(request))


def _private(view: Callable[..., HttpResponse], *, other_sites_may_post: bool) -> Callable[..., HttpResponse]:
    def wrapped(request: HttpRequest, token: str) -> HttpResponse:
        if request.method not in ("GET", "HEAD", "POST"):
            return private_response(HttpResponse(status=405))
        if request.method == "POST" and not other_sites_may_post and not spam.same_origin(request):
            return private_response(HttpResponseForbidden())
        return private_response(view(request, token))

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return csrf_exempt(wrapped)


def private_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A private link's page: no CSRF cookie (the token is the key), other sites' POSTs refused, private headers."""
    return _private(view, other_sites_may_post=False)


def one_click_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A private link whose POST may come from anywhere: RFC 8058's one-click unsubscribing, which mail providers
    POST from their own servers (no cookie, no Origin, or their own). The token is the only key, as for a GET;
    the rest is ``private_view``'s (no CSRF cookie, private headers)."""
    return _private(view, other_sites_may_post=True)


# Sharing (core/sharing.py)


@csrf_exempt
@require_safe
@csp_update({"form-action": ["https:"]})  # the form's answer sends the reader on to their own server
def mastodon_share(request: HttpRequest) -> HttpResponse:
    """Ask for the reader's Mastodon instance, then send them to its share page with this site's address.

    Only an address on this site is shared (never an open redirect). The empty form is the same for
    every reader (cacheable); an answer with an error is a private response.
    """
    url = request.GET.get("url", "")
    text = request.GET.get("text", "")[: sharing.TEXT_MAX_LENGTH]
    context: dict[str, object] = {"languages": languages.for_view(request, keep=("url", "text"), indexable=False)}
    if not sharing.is_own_url(request, url):
        context["refused"] = True
        return render(request, "core/mastodon_share.html", context, status=400)
    form = MastodonShareForm(request.GET if "instance" in request.GET else None, initial={"instance": ""})
    if form.is_valid():
        return HttpResponseRedirect(sharing.mastodon_share_url(form.cleaned_data["instance"], url=url, text=text))
    context.update(form=form, url=url, text=text)
    response = render(request, "core/mastodon_share.html", context)
    return private_response(response) if form.is_bound else response
