"""What every page type readers see shares: ``objects.visible()`` and the page in every language."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, PageManager, PagePermissionTester

from solidarity.core import access, languages
from solidarity.core.countries import by_name
from solidarity.core.models import Country
from solidarity.core.visibility import ReaderPageQuerySet

P = TypeVar("P", bound=Page)


def country_names(codes: Any) -> list[str]:
    """The names of these countries (codes) in the active language, sorted."""
    return [country.name for country in by_name(Country(code=code) for code in codes)]


def translation_for(model: type[P], translation_key: Any, language: str, *, among: Any = None) -> P | None:
    """The page of ``model`` with this ``translation_key`` in ``language``, else in the site's default language,
    else the first made; published pages first (a published page in another language before a draft in the wanted
    one). ``among`` narrows the pages looked at (``visible_pages(model)``: only what readers may see)."""
    pages = among if among is not None else model._default_manager.all()
    pages = list(pages.filter(translation_key=translation_key).select_related("locale").order_by("pk"))
    for live in (True, False):
        for wanted in (language, settings.LANGUAGE_CODE):
            for page in pages:
                if page.live == live and page.locale.language_code == wanted:
                    return page
    return pages[0] if pages else None


class ReaderPageForm(WagtailAdminPageForm):
    """The admin's form of a reader page: the page's ``clean()`` sees what the editor ticked.

    Many-to-many fields of a page (its countries) are kept in memory and normally given to the
    page only when the form saves, after the page's own ``clean()`` has run: here they are
    given to it first (nothing is written), so a rule such as "at least one country" holds in
    the admin as it does everywhere else.
    """

    def clean(self) -> dict[str, Any]:
        cleaned_data: dict[str, Any] = super().clean()
        # Read before the ticked countries are given to the page (below), said after its own rules ran.
        self.country_scope_messages = self.country_scope_errors(cleaned_data)
        return cleaned_data

    def country_scope_errors(self, cleaned_data: dict[str, Any]) -> list[str]:
        """What ``core.access.countries_change_refused`` refuses of the ticked countries, said to the editor."""
        user = getattr(self, "for_user", None)
        if user is None or "countries" not in self.fields or "countries" not in cleaned_data:
            return []  # a form made outside the admin has no editor to hold to their countries
        ticked = {str(country.pk) for country in cleaned_data["countries"] or ()}
        before = access.record_countries(self.instance) if self.instance.pk else set()
        refused = access.countries_change_refused(user, before, ticked)
        if refused is None:
            return []
        errors = []
        if refused.none_of_theirs:
            errors.append(
                _("Tick at least one of the countries you answer for: %(countries)s.")
                % {"countries": ", ".join(country_names(refused.theirs))}
            )
        if refused.taken_off:
            errors.append(
                _("These countries stay ticked: only their coordinators may untick them: %(countries)s.")
                % {"countries": ", ".join(country_names(refused.taken_off))}
            )
        return errors

    def _post_clean(self) -> None:
        self.save_cluster_m2m()
        super()._post_clean()
        for message in getattr(self, "country_scope_messages", []):
            self.add_error("countries", message)


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

    def permissions_for_user(self, user: Any) -> PagePermissionTester:
        """Wagtail's page permissions, with the country scope of ``core.access`` on top."""
        return access.CountryPagePermissionTester(user, self)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["languages"] = languages.for_page(
            request, self, keep=self.language_switch_keeps, translated=self.language_switch_translates(request)
        )
        return context

    def language_switch_translates(self, request: HttpRequest) -> dict[str, dict[str, str]]:
        """Query parameters whose value differs by language (a topic's slug), by language code; none here."""
        return {}
