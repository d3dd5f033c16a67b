"""Template tags every public page uses: language links and share links."""

from __future__ import annotations

from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.encoding import escape_uri_path
from django.utils.text import get_text_list
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """For each language: where this page is in it, and whether that is a translated page (``exists``).

    ``exists`` is what earns an hreflang alternate. On a Wagtail page a missing translation
    leads to that language's home page, and only live translations exist. On other pages the
    same address is kept with another language prefix, keeping only the query parameters the
    view names in ``language_switch_keeps`` (the same in every language: search words); such a
    page exists in the languages whose interface is translated, unless the view says
    ``hreflang_alternates: False`` (a page of search results is no page to index).
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    if request is None:
        return links
    if context.get("minimal"):
        return [_link(code, name, f"/{code}/", current=current, exists=False) for code, name in settings.LANGUAGES]
    if isinstance(page, Page) and page.pk:
        from solidarity.stories.queries import home_pages_by_language

        translations = _live_translations_by_language(context, page)
        keeps = _kept_query(request, getattr(page.specific_class, "language_switch_keeps", ()))
        homes = None
        for code, name in settings.LANGUAGES:
            target = translations.get(code)
            exists = target is not None
            if target is None:
                homes = homes if homes is not None else home_pages_by_language()
                target = homes.get(code)
            url = target.get_url(request) if target is not None else f"/{code}/"
            links.append(_link(code, name, url + (keeps if exists else ""), current=current, exists=exists))
        return links
    keeps = _kept_query(request, context.get("language_switch_keeps", ()))
    indexable = context.get("hreflang_alternates", True)
    path = escape_uri_path(request.path)
    for code, name in settings.LANGUAGES:
        exists = indexable and code in settings.SOLIDARITY_READY_LANGUAGES
        links.append(_link(code, name, translate_url(path, code) + keeps, current=current, exists=exists))
    return links


@register.simple_tag
def x_default_url(languages: list[dict]) -> str:
    """The hreflang ``x-default`` address: the default language's version, when it exists; else ""."""
    for language in languages:
        if language["code"] == settings.LANGUAGE_CODE and language["exists"]:
            return language["url"]
    return ""


def _link(code: str, name: str, url: str, *, current: str, exists: bool) -> dict:
    return {"code": code, "name": name, "url": url, "current": code == current, "exists": exists}


def _live_translations_by_language(context, page: Page) -> dict[str, Page]:
    """The page and its live translations, by language code.

    A page whose ``get_context`` has looked its translations up already (a story, for "Also
    in") leaves them in ``context["translations"]``; they are not looked up a second time.
    """
    from solidarity.stories.queries import live_translations

    translations = context.get("translations")
    if translations is None:
        translations = live_translations(page)
    found = {translation.locale.language_code: translation for translation in translations}
    if page.live:
        found[page.locale.language_code] = page
    return found


@register.simple_tag(takes_context=True)
def absolute_url(context, page: Page) -> str:
    """The page's address on the host the reader used (checked against ALLOWED_HOSTS)."""
    return absolute(context, page.get_url(context["request"]))


@register.simple_tag(takes_context=True)
def absolute(context, url: str) -> str:
    """An address made absolute on the host the reader used; one that already is stays as it is."""
    return context["request"].build_absolute_uri(url)


def _kept_query(request, names) -> str:
    """The query parameters that mean the same in every language (a country, a kind, search words), as ``?a=b``."""
    kept = request.GET.copy()
    for name in list(kept):
        if name not in names:
            del kept[name]
    return f"?{kept.urlencode()}" if kept else ""


SHARE_TARGETS = [
    ("Telegram", "https://t.me/share/url?url={url}&text={title}"),
    ("WhatsApp", "https://wa.me/?text={title}%20{url}"),
    ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("X", "https://x.com/intent/post?url={url}&text={title}"),
    ("VK", "https://vk.com/share.php?url={url}&title={title}"),
    ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
]


@register.simple_tag(takes_context=True)
def share_links(context, page: Page) -> list[dict]:
    """Plain links to share a page: nothing is loaded from these services until a reader clicks."""
    url = quote(absolute_url(context, page), safe="")
    title = quote(page.title, safe="")
    links = [{"name": name, "href": pattern.format(url=url, title=title)} for name, pattern in SHARE_TARGETS]
    links.insert(0, {"name": _("Email"), "href": f"mailto:?subject={title}&body={url}"})
    return links


@register.filter
def filesize_of(document) -> int:
    """The size of a document's file in bytes, or 0 when the file is missing."""
    try:
        return document.file.size
    except (OSError, ValueError):
        return 0


@register.filter
def country_names(countries) -> str:
    """Country names in the visitor's language as one phrase: "Belarus and Russia"."""
    return get_text_list([country.name for country in countries], _("and"))
