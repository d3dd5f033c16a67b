"""The home page of each language: what every feature (stories, later campaigns and calls) feeds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from solidarity.core.pages import ReaderPage

if TYPE_CHECKING:
    from django.http import HttpRequest


class HomePage(ReaderPage):
    """The front page of one language: latest stories and the current campaign."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    highlight_title = models.CharField(_("current campaign: title"), max_length=200, blank=True)
    highlight_text = models.TextField(_("current campaign: text"), blank=True, max_length=600)
    highlight_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("current campaign: page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("highlight_title"), FieldPanel("highlight_text"), FieldPanel("highlight_page")],
            heading=_("Current campaign"),
            help_text=_("Shown at the top of the home page while a title is set."),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["stories.StoryIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def clean(self) -> None:
        super().clean()
        if self.highlight_page and not self.highlight_title:
            raise ValidationError({"highlight_title": _("Give the campaign a title, or remove its page.")})

    def live_highlight_page(self) -> Page | None:
        """The campaign page to link to, only while it is published (a draft would be a 404 for readers)."""
        page = self.highlight_page
        return page if page is not None and page.live else None

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from solidarity.home import queries

        context = super().get_context(request, *args, **kwargs)
        context.update(queries.home_page_context(self, context["languages"]))
        return context
