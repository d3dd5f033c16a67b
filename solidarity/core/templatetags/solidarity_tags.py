"""Template tags every public page uses: language links and share links."""

from __future__ import annotations

from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.text import get_text_list
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """For each language: where this page is in it, and whether a translation really exists.

    On a Wagtail page a missing translation leads to that language's home page; on other
    pages the same address is kept with another language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    if request is None:
        return links
    if isinstance(page, Page) and page.pk and not context.get("minimal"):
        from solidarity.stories.queries import home_pages_by_language

        translations = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().public().select_related("locale")
        }
        homes = None
        for code, name in settings.LANGUAGES:
            target = translations.get(code)
            exists = target is not None
            if target is None:
                homes = homes if homes is not None else home_pages_by_language()
                target = homes.get(code)
            url = target.get_url(request) if target is not None else f"/{code}/"
            if exists:
                url += _kept_query(request, getattr(page.specific_class, "language_switch_keeps", ()))
            links.append({"code": code, "name": name, "url": url, "current": code == current, "exists": exists})
        return links
    for code, name in settings.LANGUAGES:
        if context.get("minimal"):
            url, exists = f"/{code}/", False
        else:
            url, exists = translate_url(request.get_full_path(), code), True
        links.append({"code": code, "name": name, "url": url, "current": code == current, "exists": exists})
    return links


@register.simple_tag(takes_context=True)
def absolute_url(context, page: Page) -> str:
    """The page's address on the host the reader used (checked against ALLOWED_HOSTS)."""
    request = context["request"]
    return request.build_absolute_uri(page.get_url(request))


def _kept_query(request, names) -> str:
    """The query parameters that mean the same in every language (a country, a kind), as ``?a=b``."""
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
