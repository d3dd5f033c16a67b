"""The header menu and footer of the language being read, for base.html."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db import DatabaseError
from django.http import HttpRequest
from django.utils.translation import get_language

from solidarity.core.languages import home_url
from solidarity.home import queries
from solidarity.home.queries import Navigation, NavLink


@dataclass(frozen=True)
class CurrentLink:
    link: NavLink
    # "page" for the page being read, "true" for a link to the section it is in, "" otherwise.
    current: str

    @property
    def label(self) -> str:
        return self.link.label

    @property
    def url(self) -> str:
        return self.link.url

    @property
    def hreflang(self) -> str:
        return self.link.hreflang

    @property
    def label_lang(self) -> str:
        return self.link.label_lang


class SiteNavigationForRequest:
    """Read only when a template shows it (an error page without a database still renders)."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.language_code = get_language() or ""

    @cached_property
    def navigation(self) -> Navigation:
        try:
            return queries.site_navigation(self.language_code)
        except DatabaseError:
            return queries.minimal_navigation(self.language_code, story_index_url=None)

    @property
    def configured(self) -> bool:
        return self.navigation.configured

    @cached_property
    def menu(self) -> list[CurrentLink]:
        return [CurrentLink(link, self.current(link.url)) for link in self.navigation.menu]

    @cached_property
    def footer_links(self) -> list[CurrentLink]:
        return [CurrentLink(link, self.current(link.url)) for link in self.navigation.footer_links]

    def current(self, url: str) -> str:
        path = self.request.path
        if url == path:
            return "page"
        home = home_url(self.language_code)
        if url.startswith("/") and url != home and path.startswith(url) and url.endswith("/"):
            return "true"
        return ""

    @property
    def footer_text(self) -> str:
        return self.navigation.footer_text

    @property
    def postal_address(self) -> list[str]:
        return self.navigation.postal_address

    @property
    def profiles(self) -> list[NavLink]:
        return self.navigation.profiles


def navigation(request: HttpRequest) -> dict[str, SiteNavigationForRequest]:
    return {"site_navigation": SiteNavigationForRequest(request)}
