"""Campaigns: a day of action (a page per year, translated), and what the public brings to it.

A campaign page has a translation per language; everything the public submits — groups that join,
their activities, sign-ups for an activity — and the country contacts belong to the campaign
itself: they carry the page's ``translation_key`` (``campaign_key``), not one language's page, so
an activity added from the Russian page shows on the English one and every count is one total.

Personal data (contact names and emails, sign-ups' names and emails, messages) is stored through
core's encrypted fields; emails are found through their keyed hash. The private links people get
by email carry a random token whose keyed hash alone is stored (``core.tokens``).
"""

from __future__ import annotations

import datetime
import zoneinfo
from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from solidarity.campaigns.blocks import WaysToJoinBlock
from solidarity.campaigns.routes import CampaignRoutes
from solidarity.core import previews
from solidarity.core.discussable import DiscussablePage
from solidarity.core.fields import EncryptedEmailField, EncryptedTextField
from solidarity.core.pages import ReaderPage
from solidarity.stories.blocks import StoryBodyBlock

if TYPE_CHECKING:
    from django.http import HttpRequest

    from solidarity.campaigns.queries import ActivityPlaces

NAME_LENGTH = 200
DESCRIPTION_LENGTH = 2000  # a group's short description
ACTIVITY_DESCRIPTION_LENGTH = 5000
MAX_PEOPLE_PER_SIGN_UP = 20


class CampaignIndexPage(ReaderPage):
    """A recurring campaign ("International Day of Solidarity"): its page per year below it, the earlier ones
    as its archive."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]

    class Meta:
        verbose_name = _("campaign series")
        verbose_name_plural = _("campaign series")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from solidarity.campaigns import queries

        context = super().get_context(request, *args, **kwargs)
        context["coming"], context["archive"] = queries.series_pages(self)
        return context


class CampaignPage(RoutablePageMixin, CampaignRoutes, DiscussablePage):
    """One campaign (one year of a recurring one): the day, why that day, how to join, and what is computed from
    approved groups and activities. Its routes (activities, calendar, map, iCal) are in ``campaigns.routes``."""

    starts_on = models.DateField(_("day"), help_text=_("The day of action, or the first day of several."))
    ends_on = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Only for a campaign of several days: its last day.")
    )
    intro = models.TextField(_("introduction"), max_length=600, help_text=_("One or two sentences: what and why."))
    date_history = RichTextField(
        _("why this date"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("The history of the day: why the campaign is held on this date."),
    )
    ways_to_join = StreamField(
        WaysToJoinBlock(),
        verbose_name=_("how to join"),
        blank=True,
        help_text=_("The ways to take part, each with its own call to action."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, in the page's language. Left empty, the image library's description."),
    )
    organisers = ParentalManyToManyField(
        "core.MemberOrganisation",
        verbose_name=_("coordinated by"),
        blank=True,
        related_name="+",
        help_text=_("The member organisations that coordinate the campaign."),
    )
    accepts_groups = models.BooleanField(
        _("groups may join"), default=True, help_text=_("Shows the “Join the campaign” form.")
    )
    accepts_activities = models.BooleanField(
        _("activities may be added"), default=True, help_text=_("Shows the “Add your activity” form.")
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Date")),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Lead image")),
        FieldPanel("date_history"),
        FieldPanel("ways_to_join"),
        FieldPanel("body"),
        FieldPanel("organisers"),
        InlinePanel("linked_stories", heading=_("Stories of the campaign"), label=_("story")),
        MultiFieldPanel([FieldPanel("accepts_groups"), FieldPanel("accepts_activities")], heading=_("Forms")),
    ]
    settings_panels = [*Page.settings_panels, *DiscussablePage.discussion_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("date_history"),
        index.SearchField("body"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    @property
    def campaign_key(self) -> Any:
        """What groups, activities and contacts of this campaign carry: the same in every language."""
        return self.translation_key

    @property
    def lead_image_alt_text(self) -> str:
        """The lead image's alternative text: the page's own, else the image library's; "" without an image."""
        if self.lead_image is None:
            return ""
        return self.lead_image_alt.strip() or self.lead_image.default_alt_text

    @property
    def last_day(self) -> datetime.date:
        return self.ends_on or self.starts_on

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot come before the first.")})

    def days_to_go(self, today: datetime.date | None = None) -> int:
        """Days until the campaign starts: 0 on its day(s), negative once it is over."""
        today = today or timezone.localdate()
        if self.starts_on <= today <= self.last_day:
            return 0
        return (self.starts_on - today).days if today < self.starts_on else (self.last_day - today).days

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from solidarity.campaigns import queries

        context = super().get_context(request, *args, **kwargs)
        context.update(queries.campaign_page_context(self, request))
        context["structured_data"] = self.day_of_action(request, context["activity_places"])
        return context

    def day_of_action(self, request: HttpRequest, places: ActivityPlaces) -> dict[str, Any]:
        """The campaign as a schema.org Event (core/previews.py): its days, held where its activities are, by the
        network."""
        page_url = request.build_absolute_uri(self.get_url(request))
        home = request.build_absolute_uri(f"/{self.locale.language_code}/")
        return previews.day_of_action(
            name=self.title,
            description=self.search_description or self.intro,
            url=page_url,
            language=self.locale.language_code,
            first_day=self.starts_on,
            last_day=self.last_day,
            places=[previews.postal_place(name=country.name, country=country.code) for country in places.countries],
            online_url=page_url + "activities/?where=online" if places.online else "",
            organizer=previews.organization(settings.SOLIDARITY_SITE_NAME, home),
            image_url=previews.preview_image_url(request, self.lead_image),
        )


class CampaignStory(Orderable):
    """A story of the campaign: an announcement before the day, a report after it (by the story's date)."""

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="linked_stories")
    story = models.ForeignKey("stories.StoryPage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("story of the campaign")


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SubmissionQuerySet(models.QuerySet):
    def approved(self) -> SubmissionQuerySet:
        return self.filter(status=Status.APPROVED)

    def pending(self) -> SubmissionQuerySet:
        return self.filter(status=Status.PENDING)

    def of_campaign(self, campaign_key: Any) -> SubmissionQuerySet:
        return self.filter(campaign_key=campaign_key)


class Submission(models.Model):
    """What a group or an activity's organiser sends: approved or declined by the country's coordinator or an
    editor; its sender sees and edits it through the private link mailed to them."""

    campaign_key = models.UUIDField(_("campaign"), db_index=True, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    # The language the sender used: emails to them are written in it.
    sender_language = models.CharField(_("language of the sender"), max_length=8, choices=settings.LANGUAGES)
    contact_name = EncryptedTextField(_("contact person"))
    contact_email = EncryptedEmailField(_("contact email"))
    contact_email_hash = models.CharField(max_length=64, db_index=True, editable=False)
    private_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # A keyed hash of what was sent: the same form sent twice (a double click, a retry) makes one record.
    fingerprint = models.CharField(max_length=64, editable=False)
    decision_message = models.TextField(
        _("message to the sender"), blank=True, max_length=2000, help_text=_("Sent with the decision; optional.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("changed"), default=timezone.now, editable=False)

    objects = SubmissionQuerySet.as_manager()
    entry_kind: ClassVar[str]  # "group" or "activity": its private link's route and its emails' names

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        return self.status == Status.APPROVED


class ParticipatingGroup(Submission):
    """An organisation or informal group taking part in a campaign: a member of the network, or any other."""

    member = models.ForeignKey(
        "core.MemberOrganisation",
        verbose_name=_("member organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=NAME_LENGTH)
    country = models.ForeignKey("core.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("short description"), max_length=DESCRIPTION_LENGTH, blank=True)

    entry_kind = "group"

    class Meta:
        verbose_name = _("participating group")
        verbose_name_plural = _("participating groups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["campaign_key", "fingerprint"], name="campaigns_group_sent_once")
        ]
        indexes = [models.Index(fields=["campaign_key", "status", "country"])]

    def __str__(self) -> str:
        return self.name


class ActivityKind(models.TextChoices):
    STREET_ACTION = "street", _("Street action")
    PICKET = "picket", _("Picket")
    EXHIBITION = "exhibition", _("Exhibition")
    SCREENING = "screening", _("Screening")
    CONCERT = "concert", _("Concert")
    LECTURE = "lecture", _("Lecture or discussion")
    LETTERS = "letters", _("Letter-writing")
    ONLINE = "online", _("Online event")
    OTHER = "other", _("Other")


def time_zone_names() -> list[str]:
    return sorted(zoneinfo.available_timezones())


class Activity(Submission):
    """An event of a campaign, online or in a city, at a time in its organiser's time zone."""

    title = models.CharField(_("title"), max_length=NAME_LENGTH)
    description = models.TextField(_("description"), max_length=ACTIVITY_DESCRIPTION_LENGTH)
    kind = models.CharField(_("kind"), max_length=12, choices=ActivityKind.choices)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64, help_text=_("The organiser's, such as Asia/Tbilisi."))
    country = models.ForeignKey("core.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    city = models.CharField(_("city"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True, max_length=500)
    # The language the activity is held and written in (any language, not only the site's).
    language = models.CharField(_("language"), max_length=8)
    organiser_group = models.ForeignKey(
        ParticipatingGroup,
        verbose_name=_("organising group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    organiser_name = models.CharField(_("organiser"), max_length=NAME_LENGTH, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("Empty: no limit.")
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=False)

    entry_kind = "activity"

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign_key", "fingerprint"], name="campaigns_activity_sent_once"),
            models.CheckConstraint(condition=models.Q(ends_at__gte=models.F("starts_at")), name="activity_ends_after"),
        ]
        indexes = [models.Index(fields=["campaign_key", "status", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def is_over(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def zone_city(self) -> str:
        """The time zone's city, as a reader knows it: "Tbilisi" for Asia/Tbilisi."""
        return self.time_zone.rsplit("/", 1)[-1].replace("_", " ")

    @property
    def local_start(self) -> datetime.datetime:
        """The start in the organiser's time zone (18:00 in Tbilisi is 18:00, whatever the reader's zone)."""
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_end(self) -> datetime.datetime:
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def organiser(self) -> str:
        if self.organiser_group is not None and self.organiser_group.status == Status.APPROVED:
            return self.organiser_group.name
        return self.organiser_name


class SignUpStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Not yet confirmed")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class SignUp(models.Model):
    """A person coming to an activity (with others, ``people``): counted once confirmed through the mailed link."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="sign_ups"
    )
    name = EncryptedTextField(_("name or pseudonym"))
    email = EncryptedEmailField(_("email"))
    email_hash = models.CharField(max_length=64, editable=False)
    people = models.PositiveSmallIntegerField(
        _("number of people"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_PEOPLE_PER_SIGN_UP)]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=SignUpStatus.choices, default=SignUpStatus.UNCONFIRMED
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    private_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    country_lookup = "activity__country"

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "email_hash"], name="campaigns_one_sign_up_per_email")
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}/{self.pk}"


class CountryContact(models.Model):
    """A person to contact about a campaign in one country: public role, public phone if the editor chooses,
    and a private email that only the "write to" form uses."""

    campaign_key = models.UUIDField(_("campaign"), db_index=True)
    country = models.ForeignKey("core.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=NAME_LENGTH)
    role = models.CharField(_("role"), max_length=200, blank=True, help_text=_("Such as “Coordinator for Armenia”."))
    # Encrypted like every personal datum: it is public only while show_phone is ticked.
    phone = EncryptedTextField(_("phone"), blank=True)
    show_phone = models.BooleanField(_("show the phone number"), default=False)
    email = EncryptedEmailField(_("email (never shown)"), blank=True)
    accepts_messages = models.BooleanField(
        _("“write to” link"), default=True, help_text=_("Readers write through a form; the address is never shown.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("country contact")
        verbose_name_plural = _("country contacts")
        ordering = ["country", "sort_order", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.country_id})"
