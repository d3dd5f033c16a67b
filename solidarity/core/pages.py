"""What every page type readers see shares: ``objects.visible()`` and the page in every language."""

from __future__ import annotations

from typing import Any, ClassVar

from django.http import HttpRequest
from wagtail.models import Page, PageManager

from solidarity.core import languages
from solidarity.core.visibility import ReaderPageQuerySet


class ReaderPage(Page):
    """A page readers see: ``objects.visible()``, and the page in every language in its context.

    ``language_switch_keeps`` names the query parameters that mean the same in every language
    (a country filter, say): the language switch carries them to the translation.
    """

    objects = PageManager.from_queryset(ReaderPageQuerySet)()
    language_switch_keeps: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["languages"] = languages.for_page(request, self, keep=self.language_switch_keeps)
        return context
