"""Which language a visitor gets when the address does not say."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header


def ready_language_for(accept_language: str) -> str:
    """The first language the browser accepts whose interface is translated; else the default.

    A Belarusian reader whose browser says ``be, ru`` gets Russian while Belarusian is left out of
    ``SOLIDARITY_READY_LANGUAGES`` (a language whose interface is still being translated); a reader
    who accepts none of the ready languages gets the default.
    """
    ready = settings.SOLIDARITY_READY_LANGUAGES
    for code, _quality in parse_accept_lang_header(accept_language[:1000]):
        base = code.lower().split("-")[0]
        if base in ready:
            return base
    return settings.LANGUAGE_CODE


class ReadyLanguageLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware: the language in the address wins; without one, a ready language."""

    def process_request(self, request: HttpRequest) -> None:
        language = translation.get_language_from_path(request.path_info)
        if not language:
            language = ready_language_for(request.headers.get("accept-language", ""))
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        """Django's, except that a 404 from a view outside the language-prefixed addresses stays that view's answer.

        Django redirects any 404 without a language in the address to the same address with one,
        when that one exists: with Wagtail's catch-all page route it always does, so a mistyped
        admin address (``/admin/settings/``) became the readers' 404 page at ``/en/admin/settings/``.
        An address that matched a view (the admin, documents, media) keeps that view's 404.
        """
        if (
            response.status_code == 404
            and request.resolver_match is not None
            and not translation.get_language_from_path(request.path_info)
        ):
            patch_vary_headers(response, ("Accept-Language",))
            return response
        return super().process_response(request, response)
