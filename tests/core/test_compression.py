"""Compression and caching of what does not change (docs/deploy.md, "Compression and caching").

Static files: collectstatic writes a Brotli and a gzip copy beside each hashed file, WhiteNoise sends the copy a
browser accepts and marks hashed names as never changing. Pages: gzipped by the site only when they carry no secret
(``core.middleware.carries_no_secret``), so that their compressed size can never give a secret away (BREACH).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from solidarity.core.middleware import PublicPageCompressionMiddleware

ONE_YEAR = 365 * 24 * 60 * 60
PAGE = "<!doctype html><title>Story</title>" + "<p>Candles were lit at dusk in six cities.</p>" * 40


@pytest.fixture(scope="module")
def collected(tmp_path_factory) -> str:
    """The site's own static files collected as in production (hashed names, compressed copies)."""
    return str(tmp_path_factory.mktemp("static"))


@pytest.fixture
def production_static(settings, collected):
    settings.STATIC_ROOT = collected
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]  # the site's own only
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    staticfiles_storage._setup()  # the storage named by the settings just changed
    call_command("collectstatic", interactive=False, verbosity=0)
    yield staticfiles_storage
    staticfiles_storage._setup()


def static_get(path: str, encodings: str):
    return Client(headers={"accept-encoding": encodings}).get(path)


def test_a_hashed_stylesheet_is_sent_as_brotli_to_browsers_that_take_it_and_cached_for_good(production_static):
    url = production_static.url("css/site.css")
    assert re.search(r"/css/site\.[0-9a-f]{12}\.css$", url)

    response = static_get(url, "gzip, deflate, br")

    assert response["Content-Encoding"] == "br"
    assert "Accept-Encoding" in response["Vary"]
    cache_control = response["Cache-Control"]
    assert "immutable" in cache_control and "public" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= ONE_YEAR
    assert int(response["Content-Length"]) < Path(finders.find("css/site.css")).stat().st_size / 3


def test_browsers_without_brotli_get_gzip_and_others_the_file_as_it_is(production_static):
    url = production_static.url("css/site.css")

    assert static_get(url, "gzip")["Content-Encoding"] == "gzip"
    assert static_get(url, "identity").get("Content-Encoding") is None


def test_fonts_are_sent_as_they_are_woff2_is_compressed_already(production_static):
    response = static_get(production_static.url("fonts/solidarity-serif-bold-latin.woff2"), "gzip, br")

    assert response.get("Content-Encoding") is None
    assert "immutable" in response["Cache-Control"]


def test_a_name_without_its_hash_may_change_so_it_is_cached_briefly(production_static):
    response = static_get("/static/css/site.css", "br")

    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1)) < ONE_YEAR


# --- pages ----------------------------------------------------------------------------------------------------------


def compressed(response: HttpResponse) -> bool:
    return response.get("Content-Encoding") == "gzip"


def through_the_middleware(make_response, *, method: str = "get", cookies: dict | None = None, path: str = "/en/"):
    request = getattr(RequestFactory(headers={"accept-encoding": "gzip, br"}), method)(path)
    request.COOKIES.update(cookies or {})
    return PublicPageCompressionMiddleware(lambda request: make_response(request))(request)


def plain_page(request) -> HttpResponse:
    return HttpResponse(PAGE)


def test_a_public_page_is_gzipped_and_says_it_varies_by_accepted_encoding(client, site_tree):
    plain = client.get("/en/")
    response = Client(headers={"accept-encoding": "gzip, deflate, br"}).get("/en/")

    assert compressed(response) and not compressed(plain)
    assert gzip.decompress(response.content) == plain.content
    assert len(response.content) < len(plain.content) / 2
    assert "Accept-Encoding" in response["Vary"]


def test_a_private_links_page_is_never_compressed(site_tree):
    response = Client(headers={"accept-encoding": "gzip"}).get("/en/calls/signature/no-such-token/")

    assert "no-store" in response["Cache-Control"]
    assert not compressed(response)


def test_the_rule_on_ordinary_responses():
    assert compressed(through_the_middleware(plain_page))


def test_a_page_that_renders_a_csrf_token_is_not_compressed():
    def form_page(request):
        return HttpResponse(PAGE + f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    assert not compressed(through_the_middleware(form_page))


def test_a_logged_in_readers_page_is_not_compressed(settings):
    assert not compressed(through_the_middleware(plain_page, cookies={settings.SESSION_COOKIE_NAME: "abc"}))


def test_a_page_that_sets_a_cookie_or_varies_by_one_is_not_compressed():
    def with_cookie(request):
        response = plain_page(request)
        response.set_cookie("seen", "1")
        return response

    def varies_by_cookie(request):
        response = plain_page(request)
        response["Vary"] = "Cookie"
        return response

    assert not compressed(through_the_middleware(with_cookie))
    assert not compressed(through_the_middleware(varies_by_cookie))


@pytest.mark.parametrize("cache_control", ["no-store, private", "private", "no-cache"])
def test_a_page_not_to_be_stored_by_others_is_not_compressed(cache_control):
    def private_page(request):
        response = plain_page(request)
        response["Cache-Control"] = cache_control
        return response

    assert not compressed(through_the_middleware(private_page))


def test_an_answer_to_a_post_is_not_compressed():
    """It may show back what the sender typed (their address) beside an error."""
    assert not compressed(through_the_middleware(plain_page, method="post"))


def test_the_admin_is_not_compressed(settings):
    assert not compressed(through_the_middleware(plain_page, path=settings.ADMIN_URL_PREFIXES[0]))


def test_only_text_is_compressed():
    def picture(request):
        return HttpResponse(b"\x89PNG" + b"\0" * 2000, content_type="image/png")

    def feed(request):
        return HttpResponse(PAGE, content_type="application/atom+xml; charset=utf-8")

    assert not compressed(through_the_middleware(picture))
    assert compressed(through_the_middleware(feed))
