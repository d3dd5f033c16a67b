"""What every page type readers see shares: ``objects.visible()`` and the page in every language."""

from __future__ import annotations

from typing import Any, ClassVar

from django.http import HttpRequest
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, PageManager

from solidarity.core import languages
from solidarity.core.visibility import ReaderPageQuerySet


class ReaderPageForm(WagtailAdminPageForm):
    """The admin's form of a reader page: the page's ``clean()`` sees what the editor ticked.

    Many-to-many fields of a page (its countries) are kept in memory and normally given to the
    page only when the form saves, after the page's own ``clean()`` has run: here they are
    given to it first (nothing is written), so a rule such as "at least one country" holds in
    the admin as it does everywhere else.
    """

    def _post_clean(self) -> None:
        self.save_cluster_m2m()
        super()._post_clean()


class ReaderPage(Page):
    """A page readers see: ``objects.visible()``, and the page in every language in its context.

    ``language_switch_keeps`` names the query parameters that mean the same in every language
    (a country filter, say): the language switch carries them to the translation;
    ``language_switch_translates`` gives those that travel translated (a topic).
    """

    objects = PageManager.from_queryset(ReaderPageQuerySet)()
    base_form_class = ReaderPageForm
    language_switch_keeps: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["languages"] = languages.for_page(
            request, self, keep=self.language_switch_keeps, translated=self.language_switch_translates(request)
        )
        return context

    def language_switch_translates(self, request: HttpRequest) -> dict[str, dict[str, str]]:
        """Query parameters whose value differs by language (a topic's slug), by language code; none here."""
        return {}
