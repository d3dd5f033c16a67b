"""Public calls: a call to someone (a government, a court, an organisation) that people and organisations sign.

A ``PublicCallPage`` is a story (it has the story's countries, topics, summary, lead image and text) of
its own type, so story lists, country pages, search and the home page show it beside stories with the
"Public call" badge; its ``kind`` is always ``call`` and no other story has that kind.

Signatures belong to the call itself: they carry the page's ``translation_key`` (``call_key``), so every
language of the call shows one count and one list of organisations. A signature's name, email and city are
stored through core's encrypted fields; the email is found through a keyed hash of its mailbox (case, plus
tags and invisible characters do not make another address), unique per call in the database. A signature
counts once its email link was opened (``confirmed_at``); an organisation's is listed once an editor or the
country's coordinator approved it. ``SignatureCount`` keeps the counts per country, changed in the same
transaction as the rows they count (``services``); ``manage.py call_counts_verify`` checks and repairs them.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from solidarity.calls.blocks import CallUpdatesBlock
from solidarity.core.fields import EncryptedEmailField, EncryptedTextField
from solidarity.stories.models import StoryKind, StoryPage

if TYPE_CHECKING:
    from django.http import HttpRequest

NAME_LENGTH = 200
CITY_LENGTH = 100


class PublicCallPage(StoryPage):
    """A public call that gathers signatures: its text (the story's body), to whom, from when until when, a goal."""

    addressed_to = models.CharField(
        _("addressed to"),
        max_length=300,
        help_text=_("To whom the call is addressed, such as “the Parliament of Georgia”."),
    )
    opens_on = models.DateField(_("signatures from"), default=timezone.localdate)
    closes_on = models.DateField(
        _("last day to sign"),
        null=True,
        blank=True,
        help_text=_("After this day the form gives way to the final count. Empty: open until changed."),
    )
    goal = models.PositiveIntegerField(
        _("goal"), null=True, blank=True, help_text=_("How many signatures the call aims for; a progress bar shows it.")
    )
    accepts_organisations = models.BooleanField(
        _("organisations may sign"), default=True, help_text=_("Offers signing in the name of an organisation.")
    )
    updates = StreamField(
        CallUpdatesBlock(),
        verbose_name=_("updates"),
        blank=True,
        help_text=_("What happened with the call since: “handed over to … on …”. The newest first."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("addressed_to"),
                FieldPanel("date"),
                FieldPanel("countries", classname="countries-field"),
                FieldPanel("topics"),
                FieldPanel("author"),
                FieldPanel("organisation"),
            ],
            heading=_("About this call"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("opens_on"), FieldPanel("closes_on"), FieldPanel("goal"), FieldPanel("accepts_organisations")],
            heading=_("Signatures"),
            help_text=_(
                "The same in every language: what the call in the site's default language says when it is "
                "published applies to all its translations."
            ),
        ),
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
        FieldPanel("body", heading=_("text of the call")),
        FieldPanel("updates"),
        InlinePanel("linked_stories", heading=_("Stories of the call"), label=_("story")),
    ]
    search_fields = [*StoryPage.search_fields, index.SearchField("addressed_to")]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []
    template = "calls/public_call_page.html"

    class Meta:
        verbose_name = _("public call")
        verbose_name_plural = _("public calls")

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.kind = StoryKind.PUBLIC_CALL  # what lists filter and badge on; no other story has it
        super().save(*args, **kwargs)

    @property
    def call_key(self) -> Any:
        """What the call's signatures carry: the same in every language."""
        return self.translation_key

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        self.kind = StoryKind.PUBLIC_CALL
        super().clean()
        if self.closes_on and self.opens_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The last day to sign cannot come before the first.")})

    def has_opened(self, today: datetime.date | None = None) -> bool:
        return (today or timezone.localdate()) >= self.opens_on

    def has_closed(self, today: datetime.date | None = None) -> bool:
        return self.closes_on is not None and (today or timezone.localdate()) > self.closes_on

    def takes_signatures(self, today: datetime.date | None = None) -> bool:
        """Open for signing (and confirming) today: live, opened, not closed."""
        return self.live and self.has_opened(today) and not self.has_closed(today)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from solidarity.calls import queries

        context = super().get_context(request, *args, **kwargs)
        context.update(queries.call_page_context(self, request))
        return context


class PublicCallStory(Orderable):
    """A story the call belongs to (the news that led to it, a report on it)."""

    call = ParentalKey(PublicCallPage, on_delete=models.CASCADE, related_name="linked_stories")
    story = models.ForeignKey("stories.StoryPage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("story of the call")


class SignerKind(models.TextChoices):
    PERSON = "person", _("A person")
    ORGANISATION = "organisation", _("An organisation")


class Review(models.TextChoices):
    """An organisation's signature is listed once an editor or the country's coordinator checked it."""

    PENDING = "pending", _("Waiting for a check")
    APPROVED = "approved", _("Checked and listed")
    DECLINED = "declined", _("Declined")


class SignatureQuerySet(models.QuerySet):
    def of_call(self, call_key: Any) -> SignatureQuerySet:
        return self.filter(call_key=call_key)

    def confirmed(self) -> SignatureQuerySet:
        return self.filter(confirmed_at__isnull=False)

    def counted(self) -> SignatureQuerySet:
        """What the count counts: confirmed people, and confirmed organisations that were checked."""
        return self.confirmed().filter(models.Q(kind=SignerKind.PERSON) | models.Q(review=Review.APPROVED))

    def people(self) -> SignatureQuerySet:
        return self.filter(kind=SignerKind.PERSON)

    def organisations(self) -> SignatureQuerySet:
        return self.filter(kind=SignerKind.ORGANISATION)


class Signature(models.Model):
    """One signature of a call: a person's, or an organisation's through its contact person."""

    call_key = models.UUIDField(_("public call"), db_index=True, editable=False)
    kind = models.CharField(_("signed as"), max_length=12, choices=SignerKind.choices, default=SignerKind.PERSON)
    # A person's name, or an organisation's contact person; shown only for a person who chose ``show_name``.
    name = EncryptedTextField(_("name"))
    # Emptied (NULL) with the city when kept no longer (services.personal_data_purge); the hash stays.
    email = EncryptedEmailField(_("email"), null=True)
    # The keyed hash of the normalised mailbox (core.crypto.mailbox_lookup_hash): one signature per call and address.
    email_hash = models.CharField(max_length=64, editable=False)
    country = models.ForeignKey("core.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    city = EncryptedTextField(_("city"), blank=True, null=True)
    show_name = models.BooleanField(_("name shown publicly"), default=False)
    keep_informed = models.BooleanField(_("keep informed"), default=False)
    # An organisation: a member of the network (from the directory), or any other by name and website.
    member = models.ForeignKey(
        "core.MemberOrganisation",
        verbose_name=_("member organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(_("organisation"), max_length=NAME_LENGTH, blank=True)
    organisation_website = models.URLField(_("website"), blank=True)
    review = models.CharField(_("check"), max_length=12, choices=Review.choices, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("checked"), null=True, blank=True)
    # The language the signer used: emails to them are written in it.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # The link to confirm (single use: emptied once confirmed) and the private link to see or withdraw.
    confirm_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    private_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    link_sent_at = models.DateTimeField(default=timezone.now, editable=False)
    created_at = models.DateTimeField(_("signed"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["call_key", "email_hash"], name="calls_one_signature_per_email"),
            models.UniqueConstraint(
                fields=["confirm_token_hash"],
                condition=~models.Q(confirm_token_hash=""),
                name="calls_confirm_token_unique",
            ),
            models.UniqueConstraint(
                fields=["private_token_hash"],
                condition=~models.Q(private_token_hash=""),
                name="calls_private_token_unique",
            ),
        ]
        indexes = [models.Index(fields=["call_key", "kind", "confirmed_at"])]

    def __str__(self) -> str:
        """An organisation's (public) name; a person's signature only by its number, so that no heading or history
        entry keeps a person's name (personal data) after the signature is gone."""
        if self.is_organisation:
            return self.display_name
        return gettext("Signature %(number)s") % {"number": self.pk}

    def clean(self) -> None:
        """What the columns cannot say: an address that is one, a name and a city of a sensible length (the
        encrypted text columns have no length of their own)."""
        from django.core.exceptions import ValidationError
        from django.core.validators import validate_email

        errors: dict[str, Any] = {}
        if self.email:
            try:
                validate_email(self.email)
            except ValidationError:
                errors["email"] = _("Enter a valid email address.")
        if len(self.name or "") > NAME_LENGTH:
            errors["name"] = _("A name of at most %(length)d characters, please.") % {"length": NAME_LENGTH}
        if "\x00" in self.organisation_name:  # a plain column: PostgreSQL refuses the character outright
            errors["organisation_name"] = _("Null characters are not allowed.")
        if len(self.city or "") > CITY_LENGTH:
            errors["city"] = _("A city of at most %(length)d characters, please.") % {"length": CITY_LENGTH}
        if errors:
            raise ValidationError(errors)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def is_organisation(self) -> bool:
        return self.kind == SignerKind.ORGANISATION

    @property
    def is_counted(self) -> bool:
        return self.is_confirmed and (not self.is_organisation or self.review == Review.APPROVED)

    @property
    def display_name(self) -> str:
        """An organisation's name (a member's from the directory), else the person's name."""
        if self.is_organisation:
            if self.member_id and self.member is not None:
                return str(self.member.name)
            return self.organisation_name
        return str(self.name)


class SignatureCount(models.Model):
    """How many signatures of a call come from one country: confirmed people, checked organisations.

    Changed with ``F()`` in the transaction that changes the signatures it counts; never edited by hand.
    """

    call_key = models.UUIDField(editable=False)
    country = models.ForeignKey("core.Country", on_delete=models.PROTECT, related_name="+")
    people = models.PositiveIntegerField(default=0)
    organisations = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call_key", "country"], name="calls_one_count_per_country"),
        ]

    def __str__(self) -> str:
        return f"{self.call_key}/{self.country_id}: {self.people}+{self.organisations}"
