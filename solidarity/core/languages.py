"""This page in other languages: the one place that answers it, for pages and for plain views.

Every template that extends ``base.html`` reads one context key, ``languages``, a
:class:`LanguageVersions`:

- ``languages.links``: one :class:`LanguageLink` per site language, for the language switch;
- ``languages.alternates``: the links that earn an ``hreflang`` alternate; ``languages.x_default``;
- ``languages.translations``: the page's other live translations, for "Also in" (pages only).

Wagtail pages get it from :class:`solidarity.core.pages.ReaderPage`; views call
:func:`for_view`; error pages :func:`for_error_page`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language, gettext, override
from wagtail.models import Page

from solidarity.core.visibility import visible_pages


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    available: bool  # this page exists in that language (a translation, or a view every language has)
    hreflang: bool  # and search engines may index it as this page's version in that language


@dataclass(frozen=True)
class LanguageVersions:
    links: list[LanguageLink]
    translations: list[Page] = field(default_factory=list)

    @property
    def alternates(self) -> list[LanguageLink]:
        return [link for link in self.links if link.hreflang]

    @property
    def x_default(self) -> str:
        """The hreflang ``x-default`` address: the default language's version when it is indexable."""
        return next((link.url for link in self.alternates if link.code == settings.LANGUAGE_CODE), "")

    @property
    def canonical(self) -> str:
        """This page's own address for search engines (the current language's, with only the parameters that
        matter), or "" when it has none (an error page, a draft's preview)."""
        return next((link.url for link in self.links if link.current and link.available), "")

    def elsewhere(self, counts: Mapping[str, int]) -> list[dict]:
        """The other languages where this page exists and that have something (``counts``), with the count.

        For "In other languages: Русский (13)" on a page whose own language has nothing yet.
        """
        return [
            {"code": link.code, "name": link.name, "url": link.url, "count": counts[link.code]}
            for link in self.links
            if link.available and not link.current and counts.get(link.code)
        ]


def gettext_in(language_code: str, message_id: str) -> str:
    """A message of the interface in a given language (a page title made for that language, say)."""
    with override(language_code):
        return gettext(message_id)


# Languages that write the name of a language in lower case inside a sentence («на английском», "en anglais").
NAMES_IN_LOWER_CASE = frozenset({"ru", "uk", "be", "fr"})


def language_name(code: str, *, in_sentence: bool = False) -> str:
    """The name of a language in the active language ("Russian" in English, «Английский» in Russian); inside a
    sentence (``in_sentence``), in lower case where the active language writes it so («английский»)."""
    from django.utils.translation import get_language_info

    try:
        name = str(get_language_info(code)["name_translated"])
    except KeyError:
        name = dict(settings.LANGUAGES).get(code, code)
    if in_sentence and (get_language() or "") in NAMES_IN_LOWER_CASE:
        return name[:1].lower() + name[1:]
    return name


def site_languages() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


def language_order(code: str) -> int:
    codes = [language for language, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)


def live_translations(page: Page) -> list[Page]:
    """The page's translations that readers may see, other than itself, in the order of the site's languages."""
    translations = (
        visible_pages().filter(translation_key=page.translation_key).exclude(pk=page.pk).select_related("locale")
    )
    return sorted(translations, key=lambda translation: language_order(translation.locale.language_code))


def kept_query(request: HttpRequest, names: Iterable[str], *, also: Mapping[str, str] | None = None) -> str:
    """The query parameters named (those that mean the same in every language), and ``also``, as ``?a=b``, or ""."""
    kept = request.GET.copy()
    for name in list(kept):
        if name not in names:
            del kept[name]
    for name, value in (also or {}).items():
        kept[name] = value
    return f"?{kept.urlencode()}" if kept else ""


def home_url(code: str) -> str:
    """The home page of a language: the site's root page in that language."""
    return f"/{code}/"


def for_page(
    request: HttpRequest,
    page: Page,
    *,
    keep: Iterable[str] = (),
    translated: Mapping[str, Mapping[str, str]] | None = None,
) -> LanguageVersions:
    """A Wagtail page in every language: its live translation, or that language's home page.

    Only a live translation is ``available`` and earns an hreflang alternate; the query
    parameters named in ``keep`` travel to it, and so do those of ``translated`` (by language
    code: a parameter whose value differs by language, such as a topic's slug).
    """
    current = get_language()
    translations = live_translations(page)
    found = {translation.locale.language_code: translation for translation in translations}
    if page.live:
        found[page.locale.language_code] = page
    links = []
    for code, name in site_languages():
        target = found.get(code)
        query = kept_query(request, keep, also=(translated or {}).get(code, {}))
        # A page with no address (an old revision's, from before the site's tree was set up) counts as missing.
        target_url = target.get_url(request) if target is not None else None
        url = target_url + query if target_url is not None else home_url(code)
        available = target_url is not None
        links.append(LanguageLink(code, name, url, current=code == current, available=available, hreflang=available))
    return LanguageVersions(links=links, translations=translations)


def for_view(request: HttpRequest, *, keep: Iterable[str] = (), indexable: bool = True) -> LanguageVersions:
    """A view that every language has (a country's page, search): the same address under each prefix.

    Such a page is indexable in the languages whose interface is translated
    (``SOLIDARITY_READY_LANGUAGES``), unless ``indexable`` is False (a page of search results).
    """
    current = get_language()
    path = escape_uri_path(request.path)
    query = kept_query(request, keep)
    links = [
        LanguageLink(
            code,
            name,
            translate_url(path, code) + query,
            current=code == current,
            available=True,
            hreflang=indexable and code in settings.SOLIDARITY_READY_LANGUAGES,
        )
        for code, name in site_languages()
    ]
    return LanguageVersions(links=links)


def for_error_page() -> LanguageVersions:
    """An error page: each language's home page, nothing to index (it needs no database)."""
    current = get_language()
    return LanguageVersions(
        links=[
            LanguageLink(code, name, home_url(code), current=code == current, available=False, hreflang=False)
            for code, name in site_languages()
        ]
    )
