"""Stories: the story index and the story pages editors write."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, TranslatableMixin
from wagtail.search import index

from solidarity.core import previews
from solidarity.core.countries import CountriesField, by_name
from solidarity.core.discussable import DiscussablePage
from solidarity.core.models import Country
from solidarity.core.pages import ReaderPage, ReaderPageForm
from solidarity.core.visibility import ReaderPageQuerySet
from solidarity.stories.blocks import StoryBodyBlock
from solidarity.stories.panels import TopicsToTranslatePanel

if TYPE_CHECKING:
    from django.http import HttpRequest


class StoryKind(models.TextChoices):
    """What lists filter and badge on. ``call`` is the kind of every public call (``calls.PublicCallPage``, a
    story of its own type) and of nothing else: an editor chooses among the others (``STORY_KINDS``)."""

    NEWS = "news", _("News")
    REPORT = "report", _("Report")
    STATEMENT = "statement", _("Statement")
    PUBLIC_CALL = "call", _("Public call")


STORY_KINDS = [(value, label) for value, label in StoryKind.choices if value != StoryKind.PUBLIC_CALL]


class StoryPageForm(ReaderPageForm):
    """A story's admin form: its kinds are the story kinds; a public call is a page type of its own."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            self.fields["kind"].choices = STORY_KINDS


class StoryQuerySet(ReaderPageQuerySet):
    def for_cards(self) -> StoryQuerySet:
        """What a story card shows, fetched up front: image and its renditions, language, countries."""
        return self.select_related("lead_image", "locale").prefetch_related("lead_image__renditions", "countries")

    def newest_first(self) -> StoryQuerySet:
        return self.order_by("-date", "-first_published_at", "-pk")

    def in_countries(self, codes: Iterable[str]) -> StoryQuerySet:
        """Stories tied to any of these countries (by the indexed country column of the relation)."""
        return self.filter(pk__in=StoryPage.countries.through.objects.filter(country__in=codes).values("storypage"))


StoryManager = PageManager.from_queryset(StoryQuerySet)


class StoryIndexPage(ReaderPage):
    """The list of all stories of one language, with filters by country, kind and topic."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # Filters that mean the same in every language; a topic travels as its translation (language_switch_translates).
    language_switch_keeps = ("country", "kind")
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage", "calls.PublicCallPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")

    def language_switch_translates(self, request: HttpRequest) -> dict[str, dict[str, str]]:
        """The chosen topic, to the languages where it has a translation; elsewhere the topic is left out."""
        from solidarity.stories import queries

        slug = request.GET.get("topic", "").strip()
        if not slug:
            return {}
        translations = queries.topic_slugs_by_language(slug, locale=self.locale)
        return {code: {"topic": translated} for code, translated in translations.items()}

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from solidarity.stories import queries
        from solidarity.stories.forms import StoryFilterForm

        context = super().get_context(request, *args, **kwargs)
        filters = StoryFilterForm(request.GET, locale=self.locale)
        stories = queries.paginate(queries.filtered_stories(self.locale, **filters.chosen()), filters.page_number)
        context.update(
            filters=filters,
            stories=stories,
            # A language without any story of its own yet points to the languages that have some.
            other_languages=[]
            if filters.filtered or stories
            else context["languages"].elsewhere(queries.story_counts_by_language()),
        )
        return context


class Topic(TranslatableMixin, TagBase):
    """A topic of stories: words of one language, so its slug is unique within its language only.

    "Prisons" (en) and «Тюрьмы» (ru) are two topics; as translations of each other they share a
    ``translation_key``, which lets the language switch and a new translation of a story carry a
    topic over. The same slug in two languages names two topics that do not collide.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="stories_topic_slug_unique_per_locale"),
            models.UniqueConstraint(fields=["locale", "name"], name="stories_topic_name_unique_per_locale"),
        ]

    def clean(self) -> None:
        """A name and a slug are each once in a language (the admin's form has no language field to check it)."""
        super().clean()
        if self.locale_id is None:
            return
        same_language = Topic.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        errors = {}
        if self.name and same_language.filter(name=self.name).exists():
            errors["name"] = _("This language has a topic of this name already.")
        if self.slug and same_language.filter(slug=self.slug).exists():
            errors["slug"] = _("This language has a topic with this slug already.")
        if errors:
            raise ValidationError(errors)


class StoryPageTopic(TaggedItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tagged_stories")
    content_object = ParentalKey("stories.StoryPage", on_delete=models.CASCADE, related_name="tagged_topics")


class _TopicsOfOneLanguage(_ClusterTaggableManager):
    """A story's topics: a topic given by its name is found, or made, in the story's language.

    A topic of another language is refused: an English topic on a Russian story would show in
    the Russian topic filter.
    """

    def _to_tag_model_instances(self, tags: Any, tag_kwargs: dict) -> list[Topic]:
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id is None:
            return super()._to_tag_model_instances(tags, tag_kwargs)
        for tag in tags:
            if isinstance(tag, Topic) and tag.locale_id != locale_id:
                raise ValueError(f"The topic “{tag.name}” is of another language than the story.")
        return super()._to_tag_model_instances(tags, {**tag_kwargs, "locale_id": locale_id})


class TopicsField(ClusterTaggableManager):
    """``ClusterTaggableManager`` whose topics belong to the page's language."""

    def __get__(self, instance: Any, model: Any) -> _TopicsOfOneLanguage:
        return _TopicsOfOneLanguage(through=self.through, model=model, instance=instance, prefetch_cache_name=self.name)


class StoryPage(DiscussablePage):
    """A news item, report, statement or public call, tied to countries and topics."""

    kind = models.CharField(_("kind"), max_length=16, choices=StoryKind.choices, default=StoryKind.NEWS)
    date = models.DateField(_("publication date"), default=timezone.localdate)
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences shown in lists and when the story is shared.")
    )
    countries = CountriesField(
        _("countries"),
        help_text=_("Tick every country this story is about; the network's countries come first."),
    )
    topics = TopicsField(
        through=StoryPageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics in the story's language; a new one is added to this language's topics."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Give the image a description (its alternative text) in the image library."),
    )
    lead_image_alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the image shows, in the story's language, for readers who cannot see it. "
            "Left empty, the image's description in the image library is read."
        ),
    )
    lead_image_decorative = models.BooleanField(
        _("the image is decorative"),
        default=False,
        help_text=_("Tick when the image says nothing the text does not: screen readers then skip it."),
    )
    lead_image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    lead_image_credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("Who made the image and under which licence, such as “Photo: A. Petrova, CC BY 4.0”."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)
    author = models.CharField(
        _("author"), max_length=200, blank=True, help_text=_("Who wrote it, as the byline shows it; may stay empty.")
    )
    organisation = models.ForeignKey(
        "core.MemberOrganisation",
        verbose_name=_("member organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        help_text=_("The member organisation the story comes from, if any; the byline links to its entry."),
    )

    objects = StoryManager()
    base_form_class = StoryPageForm

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("date"),
                FieldPanel("countries", classname="countries-field"),
                FieldPanel("topics"),
                TopicsToTranslatePanel(),
                FieldPanel("author"),
                FieldPanel("organisation"),
            ],
            heading=_("About this story"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_decorative"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
    ]
    settings_panels = [*Page.settings_panels, *DiscussablePage.discussion_panels]
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

    def clean(self) -> None:
        super().clean()
        if not self.countries.exists():
            raise ValidationError({"countries": _("Choose at least one country.")})

    def country_list(self) -> list[Country]:
        """The story's countries by name in the reader's language (prefetched on cards)."""
        return by_name(self.countries.all())

    def search_stems(self) -> str:
        """The stems of the story's words, indexed beside them so that other forms of a word find it."""
        from solidarity.stories.search_text import stems_of

        body_text = self.body.stream_block.get_searchable_content(self.body)
        topics = [topic.name for topic in self.topics.all()]
        return stems_of(" ".join([self.title, self.summary, *body_text, *topics]))

    @property
    def lead_image_alt_text(self) -> str:
        """The lead image's alternative text: "" when decorative, the story's own, else the image library's."""
        if self.lead_image is None or self.lead_image_decorative:
            return ""
        return self.lead_image_alt.strip() or self.lead_image.default_alt_text

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

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from solidarity.stories import queries

        context = super().get_context(request, *args, **kwargs)
        context["countries"] = countries = self.country_list()
        context["more_from"] = queries.more_from(self, countries=countries, limit=4)
        context["byline"] = byline = queries.byline(self, request)
        context["structured_data"] = self.news_article(request, byline)
        return context

    def news_article(self, request: HttpRequest, byline: Any) -> dict[str, Any]:
        """The story as a schema.org NewsArticle for search engines (core/previews.py)."""
        authors = []
        if byline is not None and byline.author:
            authors.append({"@type": "Person", "name": byline.author})
        if byline is not None and byline.organisation is not None:
            authors.append(previews.organization(byline.organisation.name, byline.organisation.website or ""))
        home = request.build_absolute_uri(f"/{self.locale.language_code}/")
        return previews.news_article(
            headline=self.title,
            description=self.search_description or self.summary,
            url=request.build_absolute_uri(self.get_url(request)),
            language=self.locale.language_code,
            published=self.date,
            modified=self.last_published_at,
            image_url=previews.preview_image_url(request, self.lead_image),
            authors=authors or [previews.organization(settings.SOLIDARITY_SITE_NAME, home)],
            publisher=previews.organization(settings.SOLIDARITY_SITE_NAME, home),
        )
