"""The newsletter: its subscribers, the mailings editors compose, and each recipient's delivery of a mailing.

A **subscriber** gives an email (encrypted, found through the keyed hash of its mailbox), the language to be
written in, and the countries and topics they care about (none ticked: all). They are mailed only once they
confirmed through the emailed link (double opt-in); unconfirmed ones are deleted after ``CONFIRM_LINK_DAYS``.
Unsubscribing deletes the subscriber: nothing of them is kept.

A **mailing** has a subject and an intro per language (``MailingText``; the site's default language is required,
and a subscriber whose language has none gets that one, told so), and either stories the editor chose
(``MailingStory``) or a digest of the latest stories, picked for each subscriber by their countries, topics and
language. Sending it makes one ``Delivery`` per confirmed subscriber, whose state records what happened to that
recipient, so a worker that crashes in the middle resumes without mailing anyone twice (``sending.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, PreviewableMixin

from solidarity.core.fields import EncryptedEmailField


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self) -> SubscriberQuerySet:
        return self.filter(confirmed_at__isnull=False)


class Subscriber(models.Model):
    """Someone who asked for the newsletter: what to send them, in which language; never more."""

    email = EncryptedEmailField(_("email"))
    # The keyed hash of the normalised mailbox (core.crypto.mailbox_lookup_hash): one subscription per mailbox.
    email_hash = models.CharField(max_length=64, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # None ticked: every country, every topic. Topics are matched across languages by their translation key.
    countries = models.ManyToManyField("core.Country", verbose_name=_("countries"), blank=True, related_name="+")
    topics = models.ManyToManyField("stories.Topic", verbose_name=_("topics"), blank=True, related_name="+")
    # The link to confirm (single use: emptied once confirmed), and the private link of the preferences page and
    # of unsubscribing, the same in every mailing (only their keyed hashes are stored, core.tokens).
    confirm_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    private_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    link_sent_at = models.DateTimeField(default=timezone.now, editable=False)
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(
                fields=["confirm_token_hash"],
                condition=~models.Q(confirm_token_hash=""),
                name="newsletter_confirm_token_unique",
            ),
            models.UniqueConstraint(
                fields=["private_token_hash"],
                condition=~models.Q(private_token_hash=""),
                name="newsletter_private_token_unique",
            ),
        ]

    def __str__(self) -> str:
        """By number only: no heading or log entry keeps an address."""
        return gettext("Subscriber %(number)s") % {"number": self.pk}

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class MailingKind(models.TextChoices):
    CHOSEN = "chosen", _("Stories I choose")
    DIGEST = "digest", _("Digest of the latest stories, picked for each subscriber")


class MailingState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    SENT = "sent", pgettext_lazy("mailing state", "Sent")
    CANCELLED = "cancelled", pgettext_lazy("mailing state", "Cancelled")


class Mailing(PreviewableMixin, ClusterableModel):
    """One sending of the newsletter, composed by an editor: texts per language, and chosen stories or a digest.

    Previewable in the admin's editor (Wagtail's preview panel): each language as HTML and as plain text, as a
    subscriber of that language who ticked no country and no topic gets it (``newsletter.previews``)."""

    kind = models.CharField(_("content"), max_length=12, choices=MailingKind.choices, default=MailingKind.CHOSEN)
    # A digest holds the stories published in this many days before it is sent.
    digest_days = models.PositiveSmallIntegerField(
        _("digest of the last days"),
        default=7,
        help_text=_("A digest holds the stories published in this many days before the mailing is sent."),
    )
    state = models.CharField(
        _("state"), max_length=12, choices=MailingState.choices, default=MailingState.DRAFT, editable=False
    )
    send_at = models.DateTimeField(_("send at"), null=True, blank=True, editable=False)
    started_at = models.DateTimeField(_("started"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True, editable=False)
    # When the scheduled job last resumed a stalled sending (a batch queued): counts as activity for the next pass.
    resumed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Progress, changed with F() in the transaction that changes the delivery it counts (read by the admin).
    total_count = models.PositiveIntegerField(_("recipients"), default=0, editable=False)
    sent_count = models.PositiveIntegerField(pgettext_lazy("newsletter", "sent"), default=0, editable=False)
    failed_count = models.PositiveIntegerField(_("failed"), default=0, editable=False)
    skipped_count = models.PositiveIntegerField(_("left out"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        text = self.text_in(settings.LANGUAGE_CODE)
        if text is not None and text.subject:
            return text.subject
        return gettext("Mailing %(number)s") % {"number": self.pk or ""}

    def text_in(self, language: str) -> MailingText | None:
        """The mailing's text in ``language``, or None (works on unsaved inline texts of the admin's form too)."""
        for text in self.texts.all():
            if text.language == language:
                return text
        return None

    @property
    def preview_modes(self) -> list[tuple[str, str]]:
        from solidarity.newsletter.previews import preview_modes

        return preview_modes()

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        from solidarity.newsletter.previews import preview_response

        return preview_response(self, mode_name)

    @property
    def is_editable(self) -> bool:
        """Drafts and scheduled mailings may still change; one that started sending may not."""
        return self.state in (MailingState.DRAFT, MailingState.SCHEDULED)


class MailingText(Orderable):
    """The subject and intro of a mailing in one language (plain text; blank lines make paragraphs)."""

    mailing = ParentalKey(Mailing, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(pgettext_lazy("newsletter", "subject"), max_length=200)
    intro = models.TextField(_("intro"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("text in a language")
        verbose_name_plural = _("texts in languages")
        constraints = [models.UniqueConstraint(fields=["mailing", "language"], name="newsletter_one_text_per_language")]

    def __str__(self) -> str:
        return f"{self.language}: {self.subject}"


class MailingStory(Orderable):
    """A story the editor chose for a mailing; each subscriber gets it in their language where it is translated."""

    mailing = ParentalKey(Mailing, on_delete=models.CASCADE, related_name="chosen_stories")
    story = models.ForeignKey("stories.StoryPage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+")

    class Meta(Orderable.Meta):
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def __str__(self) -> str:
        return str(self.story)


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Being sent")
    SENT = "sent", pgettext_lazy("delivery state", "Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Left out")


class Delivery(models.Model):
    """One recipient's copy of a mailing: what happened to it. Made for every confirmed subscriber when the
    mailing starts; a delivery found ``SENDING`` after a crash is never sent again (it may have gone)."""

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    # Emptied when the subscriber unsubscribes (deleted): a waiting delivery is then left out.
    subscriber = models.ForeignKey(Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries")
    state = models.CharField(max_length=12, choices=DeliveryState.choices, default=DeliveryState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The kind of error and the mail server's codes (core.outbox.error_summary), never an address.
    last_error = models.CharField(max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "subscriber"],
                condition=models.Q(subscriber__isnull=False),
                name="newsletter_one_delivery_per_subscriber",
            ),
        ]
        indexes = [models.Index(fields=["mailing", "state"])]

    def __str__(self) -> str:
        return f"{self.mailing_id}/{self.pk}: {self.state}"
