"""Stories: the home page, the story index and the story pages editors write."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from solidarity.stories.blocks import StoryBodyBlock


class StoryKind(models.TextChoices):
    NEWS = "news", _("News")
    REPORT = "report", _("Report")
    STATEMENT = "statement", _("Statement")
    PUBLIC_CALL = "call", _("Public call")


class HomePage(Page):
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

    def clean(self):
        super().clean()
        if self.highlight_page and not self.highlight_title:
            raise ValidationError({"highlight_title": _("Give the campaign a title, or remove its page.")})

    def live_highlight_page(self) -> Page | None:
        """The campaign page to link to, only while it is published (a draft would be a 404 for readers)."""
        page = self.highlight_page
        return page if page is not None and page.live else None

    def get_context(self, request, *args, **kwargs):
        from solidarity.stories import queries, views

        context = super().get_context(request, *args, **kwargs)
        latest = queries.latest_stories(locale=self.locale, limit=7)
        context["latest_stories"] = latest
        # A language without stories of its own yet still gives readers the latest of every language.
        context["latest_in_all_languages"] = [] if latest else queries.latest_stories(locale=None, limit=7)
        context["other_languages"] = [] if latest else views.other_languages_of_page(request, self)
        context["story_index"] = queries.story_index_for(self.locale)
        context["countries_with_stories"] = queries.countries_with_most_stories(locale=self.locale, limit=12)
        context["highlight_page"] = self.live_highlight_page() if self.highlight_title else None
        return context


class StoryIndexPage(Page):
    """The list of all stories of one language, with filters by country, kind and topic."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # Filters that mean the same in every language; topics are words of one language.
    language_switch_keeps = ("country", "kind")
    parent_page_types = ["stories.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")

    def serve(self, request, *args, **kwargs):
        from solidarity.stories import views

        return views.story_index(request, self)


class StoryPageTopic(TaggedItemBase):
    content_object = ParentalKey("stories.StoryPage", on_delete=models.CASCADE, related_name="tagged_topics")


class StoryPage(Page):
    """A news item, report, statement or public call, tied to countries and topics."""

    kind = models.CharField(_("kind"), max_length=16, choices=StoryKind.choices, default=StoryKind.NEWS)
    date = models.DateField(_("publication date"), default=timezone.localdate)
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences shown in lists and when the story is shared.")
    )
    countries = CountryField(
        _("countries"),
        multiple=True,
        help_text=_("Tick every country this story is about; the network's countries come first."),
    )
    topics = ClusterTaggableManager(through=StoryPageTopic, blank=True, verbose_name=_("topics"))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Give the image a description (its alternative text) in the image library."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("date"),
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple, classname="countries-field"),
                FieldPanel("topics"),
            ],
            heading=_("About this story"),
        ),
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("search_stems"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [models.Index(fields=["date"])]

    def clean(self):
        super().clean()
        if not self.countries:
            raise ValidationError({"countries": _("Choose at least one country.")})

    def search_stems(self) -> str:
        """The stems of the story's words, indexed beside them so that other forms of a word find it."""
        from solidarity.stories.search_text import stems_of

        body_text = self.body.stream_block.get_searchable_content(self.body)
        topics = [topic.name for topic in self.topics.all()]
        return stems_of(" ".join([self.title, self.summary, *body_text, *topics]))

    def documents(self) -> list[dict]:
        """The files attached in the body (reports to download), in order, each once."""
        seen, found = set(), []
        for block in self.body:
            if block.block_type == "document" and block.value["document"]:
                document = block.value["document"]
                if document.pk not in seen:
                    seen.add(document.pk)
                    found.append({"document": document, "title": block.value["title"] or document.title})
        return found

    def get_context(self, request, *args, **kwargs):
        from solidarity.stories import queries

        context = super().get_context(request, *args, **kwargs)
        context["more_from"] = queries.more_from(self, limit=4)
        context["translations"] = queries.live_translations(self)
        return context
