"""Visible to readers: the one definition, for every page type."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils import translation
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

P = TypeVar("P", bound=Page)


class ReaderPageQuerySet(PageQuerySet):
    def visible(self) -> ReaderPageQuerySet:
        """What a reader may see: published, and behind no view restriction (password, login, groups).

        The one definition of it: lists, country pages, search, "More from", translations, feeds
        and the home page all start here. It is Wagtail's ``.live().public()``, with the
        restrictions read in the same query (a page is restricted when a restriction sits on it or
        on an ancestor, whose tree path is a prefix of its own) rather than in one more per list.
        """
        restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
        return self.live().exclude(Exists(restricted))

    def visible_for_search(self) -> ReaderPageQuerySet:
        """The same pages as :meth:`visible`, written as Wagtail's search backends read filters.

        They accept only plain filters on indexed fields (``live``, ``path``), so the view
        restrictions are read first and excluded by path, as Wagtail's own ``public()`` does.
        """
        return self.live().public()


def visible_pages(model: type[Page] = Page) -> ReaderPageQuerySet:
    """Every page of a type (any page by default) that a reader may see."""
    return ReaderPageQuerySet(model).visible()


def in_active_language(page: P) -> P:
    """The visible translation of ``page`` in the request's language, else ``page`` itself."""
    translated = (
        visible_pages(type(page))
        .filter(translation_key=page.translation_key, locale__language_code=translation.get_language())
        .first()
    )
    return translated or page
