"""The home page of each language, the pages an editor adds under it, and the site's navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from solidarity.core.pages import ReaderPage
from solidarity.home.blocks import MenuBlock, ProfilesBlock
from solidarity.stories.blocks import StoryBodyBlock

if TYPE_CHECKING:
    from django.http import HttpRequest


class HomePage(ReaderPage):
    """The front page of one language: latest stories and the current campaign (the live campaign page of its
    language that is on today or comes next, read from the campaigns themselves)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["stories.StoryIndexPage", "campaigns.CampaignIndexPage", "home.GenericPage", "home.MembersPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from solidarity.home import queries

        context = super().get_context(request, *args, **kwargs)
        context.update(queries.home_page_context(self, context["languages"]))
        return context


class GenericPage(ReaderPage):
    """A page of text an editor adds under a home page: About, Contact, Privacy, Imprint; pages may nest."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.GenericPage"]
    subpage_types = ["home.GenericPage"]

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from solidarity.home import queries

        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = queries.subpages(self)
        return context


class SiteNavigation(TranslatableMixin, models.Model):
    """The header menu and the footer of one language: one per language, translated like a page.

    Pages chosen here lead to their translation in the language being read when there is one
    (see ``home.queries.site_navigation``).
    """

    menu = StreamField(
        MenuBlock(),
        verbose_name=_("header menu"),
        blank=True,
        help_text=_("The links at the top of every page, in this order."),
    )
    footer_links = StreamField(MenuBlock(), verbose_name=_("footer links"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked at the foot of every page."),
    )
    footer_text = models.TextField(_("footer text"), blank=True, max_length=600)
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        max_length=400,
        help_text=_("The network's postal address, one line per line of the envelope."),
    )
    profiles = StreamField(
        ProfilesBlock(),
        verbose_name=_("profiles elsewhere"),
        blank=True,
        help_text=_("Plain links to the network's accounts on other services; nothing is loaded from them."),
    )

    panels = [
        FieldPanel("menu"),
        FieldPanel("footer_links"),
        FieldPanel("privacy_page"),
        FieldPanel("footer_text"),
        FieldPanel("postal_address"),
        FieldPanel("profiles"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation and footer")
        verbose_name_plural = _("navigation and footer")
        constraints = [models.UniqueConstraint(fields=["locale"], name="home_one_site_navigation_per_locale")]

    def __str__(self) -> str:
        return str(_("Navigation and footer (%(language)s)") % {"language": self.locale.get_display_name()})

    def clean(self) -> None:
        super().clean()
        errors = {}
        # The admin's form checks each block; this holds the services (and the demo) to the same rules.
        for name in ("menu", "footer_links", "profiles"):
            stream = getattr(self, name)
            try:
                stream.stream_block.clean(stream)
            except ValidationError as error:
                errors[name] = error
        if errors:
            raise ValidationError(errors)
        if self.locale_id and SiteNavigation.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk).exists():
            raise ValidationError(_("This language has its navigation already: change that one."))


class MembersPage(ReaderPage):
    """The network's member organisations, grouped by country, with a filter by country.

    The organisations themselves are core's records (``core.MemberOrganisation``), edited as
    snippets: this page only shows them, each with its description in the reader's language.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    language_switch_keeps = ("country",)
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("members page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from solidarity.core import queries
        from solidarity.home.forms import MemberFilterForm

        context = super().get_context(request, *args, **kwargs)
        filters = MemberFilterForm(request.GET)
        context.update(
            filters=filters,
            groups=queries.members_by_country(self.locale.language_code, country=filters.chosen_country),
        )
        return context
