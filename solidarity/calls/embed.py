"""What a partner site embeds: a call's live counter (a page made to be framed) and its counts as JSON.

Both are at addresses that name the call by its key (``call_key``, the same in every language) and never change
with the page's slug, its place in the tree or its translations: ``/embed/calls/<key>/`` and
``/embed/calls/<key>/counts.json``. The partner chooses the language with ``?lang=ru`` (the site's default
language without it, or for a language the site does not have). ``embed_snippet`` is the HTML an editor copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

from solidarity.calls.models import PublicCallPage
from solidarity.core import outbox
from solidarity.core.pages import translation_for
from solidarity.core.visibility import visible_pages

if TYPE_CHECKING:
    from django.http import HttpRequest

    from solidarity.calls.queries import CallCounts

SNIPPET_WIDTH = 400  # the iframe's size in the snippet (the counter fits it; a partner may change it)
SNIPPET_HEIGHT = 220


def embed_language(code: str | None) -> str:
    """The language the partner asked for (``?lang=``) when the site has it, else the site's default."""
    code = (code or "").strip().lower()
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _query(language: str) -> str:
    return "" if language == settings.LANGUAGE_CODE else "?" + urlencode({"lang": language})


def embed_path(call_key: Any, language: str = "") -> str:
    """The counter page's address (path and query), in ``language`` (the default language: no query)."""
    return reverse("calls_embed:counter", kwargs={"call_key": call_key}) + _query(embed_language(language))


def counts_path(call_key: Any, language: str = "") -> str:
    """The JSON counter's address (path and query)."""
    return reverse("calls_embed:counts", kwargs={"call_key": call_key}) + _query(embed_language(language))


def _absolute(path: str, request: HttpRequest | None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    return outbox.site_address(path)


def embed_snippet(call: PublicCallPage, language: str = "", request: HttpRequest | None = None) -> str:
    """The HTML a partner site pastes to show the call's counter: an ``<iframe>``, its title in ``language``.

    For the admin or the call's page ("Embed this counter"); ``language`` defaults to the call's own.
    """
    language = embed_language(language or call.locale.language_code)
    with translation.override(language):
        title = _("Signatures for “%(title)s”") % {"title": call.title}
    return format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" loading="lazy"></iframe>',
        _absolute(embed_path(call.call_key, language), request),
        title,
        SNIPPET_WIDTH,
        SNIPPET_HEIGHT,
    )


FORM_SNIPPET_HEIGHT = 900  # the embedded sign form (a partner may change it)


def sign_form_snippet(call: PublicCallPage, request: HttpRequest | None = None) -> str:
    """The HTML a partner site pastes to show the call's sign form (in the call page's language)."""
    with translation.override(call.locale.language_code):
        path = reverse("calls:embed_sign", kwargs={"page_id": call.pk})
        title = _("Sign “%(title)s”") % {"title": call.title}
    return format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" loading="lazy"></iframe>',
        _absolute(path, request),
        title,
        SNIPPET_WIDTH,
        FORM_SNIPPET_HEIGHT,
    )


@dataclass(frozen=True)
class Embedding:
    """What the call's page offers partner sites: the snippets to paste and the JSON counter's address."""

    counter: str
    form: str
    counts_url: str


def embedding(call: PublicCallPage) -> Embedding:
    """The call's snippets and JSON address, absolute with the site's base address (the page stays cacheable)."""
    return Embedding(
        counter=embed_snippet(call),
        form=sign_form_snippet(call),
        counts_url=_absolute(counts_path(call.call_key, call.locale.language_code), None),
    )


def call_for_embed(call_key: Any, language: str) -> PublicCallPage | None:
    """The call readers may see, in ``language`` when translated, else in the default language, else any."""
    return translation_for(PublicCallPage, call_key, language, among=visible_pages(PublicCallPage))


def counts_payload(call: PublicCallPage, counts: CallCounts, url: str) -> dict[str, Any]:
    """The JSON counter's content (country names in the active language)."""
    return {
        "call": str(call.call_key),
        "title": call.title,
        "url": url,
        "language": call.locale.language_code,
        "total": counts.total,
        "people": counts.people,
        "organisations": counts.organisations,
        "goal": call.goal,
        "opens_on": call.opens_on.isoformat() if call.opens_on else None,
        "closes_on": call.closes_on.isoformat() if call.closes_on else None,
        "closed": call.has_closed(),
        "by_country": [
            {"code": country.code, "name": country.name, "count": count} for country, count in counts.by_country
        ],
    }
