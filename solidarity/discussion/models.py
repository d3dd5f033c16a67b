"""Comments ("Talk about this story") and questions to coordinators ("Any questions can be sent to").

**Comments** belong to a page that takes them (``core.discussable.DiscussablePage``: stories, public calls,
campaigns), in that page's language. A comment is plain text as its author typed it (``text``), rendered with
paragraphs and automatic links when shown (``discussion.text``); its author's name and optional email (for reply
notifications only, never shown) are stored through core's encrypted fields. One level of replies: a reply
belongs to a top-level comment (``parent``). What readers see is ``Comment.objects.published()``; moderation
(``services``) moves comments between the states of :class:`CommentStatus`. ``source`` is a keyed hash of the
sender's address (``core.spam.source_fingerprint``), kept for ``services.SOURCE_KEPT_DAYS`` so that a moderator
can block the source for a time (:class:`BlockedSource`); no address is ever stored.

**Questions** are messages to the network through the question form: each is routed (``services.question_route``)
to an inbox: a country's (its coordinators, through the one access gate ``core.access``, and the campaign's country
contact, by email) or the editors' (``inbox_country`` empty). Name, email and text are encrypted.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from solidarity.core.discussable import CommentsMode
from solidarity.core.fields import EncryptedEmailField, EncryptedTextField

NAME_LENGTH = 80


# Settings ------------------------------------------------------------------------------------------------


@register_setting(icon="comment")
class DiscussionSettings(BaseGenericSetting):
    """How comments are moderated where a page does not say otherwise (Settings › Comments)."""

    moderation = models.CharField(
        _("moderation"),
        max_length=4,
        choices=[(CommentsMode.PRE, CommentsMode.PRE.label), (CommentsMode.POST, CommentsMode.POST.label)],
        default=CommentsMode.PRE,
        help_text=_("A page may say otherwise in its settings (or switch comments off)."),
    )
    close_after_days = models.PositiveSmallIntegerField(
        _("close comments after (days)"),
        null=True,
        blank=True,
        help_text=_("Days after a page was first published; empty: comments stay open. A page may say otherwise."),
    )

    panels = [FieldPanel("moderation"), FieldPanel("close_after_days")]

    class Meta:
        verbose_name = _("comments")


# Comments ------------------------------------------------------------------------------------------------


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    APPROVED = "approved", _("public")
    REJECTED = "rejected", _("rejected")
    SPAM = "spam", _("spam")
    DELETED = "deleted", _("deleted by its author")


# What waits for a moderator: new comments under pre-moderation, and reported ones still public (the queue,
# the admin's "Waiting" tab and the digest all read this one rule).
IN_QUEUE = models.Q(status=CommentStatus.PENDING) | models.Q(status=CommentStatus.APPROVED, reported_at__isnull=False)


class CommentQuerySet(models.QuerySet):
    def published(self) -> CommentQuerySet:
        """What readers see: approved comments (a reported one stays public until decided, under post-moderation)."""
        return self.filter(status=CommentStatus.APPROVED)

    def in_queue(self) -> CommentQuerySet:
        """What waits for a moderator (``IN_QUEUE``)."""
        return self.filter(IN_QUEUE)

    def top_level(self) -> CommentQuerySet:
        return self.filter(parent__isnull=True)


class Comment(models.Model):
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey(
        "self", verbose_name=_("reply to"), null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author_name = EncryptedTextField(_("name"))
    # For reply notifications only; never shown. Emptied (NULL) after services.EMAIL_KEPT_DAYS.
    email = EncryptedEmailField(_("email"), null=True, blank=True)
    text = models.TextField(_("comment"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("state"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    # Reports by readers since the last decision; reported_at is set while the comment waits for a moderator again.
    reports = models.PositiveIntegerField(_("reports"), default=0)
    reported_at = models.DateTimeField(_("reported"), null=True, blank=True)
    # A keyed hash of the sender's address (never the address), emptied after services.SOURCE_KEPT_DAYS.
    source = models.CharField(max_length=64, blank=True, editable=False)
    # The author's private link to change or delete the comment for services.EDIT_MINUTES.
    edit_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("posted"), default=timezone.now, editable=False, db_index=True)
    edited_at = models.DateTimeField(_("changed by its author"), null=True, blank=True, editable=False)
    # A reply: whether the parent's author was told of it (once, when it first became public).
    reply_notice_sent = models.BooleanField(default=False, editable=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["page", "status", "created_at"], name="discussion_page_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["edit_token_hash"], condition=~models.Q(edit_token_hash=""), name="discussion_edit_token_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id}/{self.pk}"

    @property
    def is_public(self) -> bool:
        return self.status == CommentStatus.APPROVED


class BlockedSource(models.Model):
    """A source (keyed hash of an address) whose comments are refused until ``until``."""

    source = models.CharField(max_length=64, unique=True, editable=False)
    until = models.DateTimeField(_("blocked until"))
    created_at = models.DateTimeField(_("blocked"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("blocked source")
        verbose_name_plural = _("blocked sources")

    def __str__(self) -> str:
        return f"{self.source[:8]}… → {self.until:%Y-%m-%d %H:%M}"


class DigestSent(models.Model):
    """When the moderators' digest of waiting comments last went out (one row)."""

    sent_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.sent_at:%Y-%m-%d %H:%M}"


# Questions -----------------------------------------------------------------------------------------------


class QuestionTopic(models.TextChoices):
    JOINING = "joining", _("Joining a campaign")
    PRESS = "press", _("Press")
    OTHER = "other", _("Something else")


class QuestionQuerySet(models.QuerySet):
    def waiting(self) -> QuestionQuerySet:
        return self.filter(answered_at__isnull=True)

    def to_editors(self) -> QuestionQuerySet:
        return self.filter(inbox_country__isnull=True)


class Question(models.Model):
    name = EncryptedTextField(_("name"))
    email = EncryptedEmailField(_("email"))
    # The country the question is about (empty: none in particular).
    country = models.ForeignKey(
        "core.Country", verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    topic = models.CharField(_("topic"), max_length=10, choices=QuestionTopic.choices, default=QuestionTopic.OTHER)
    text = EncryptedTextField(_("message"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # The campaign the question was asked from, and the country contact the sender chose, when so.
    campaign_key = models.UUIDField(_("campaign"), null=True, blank=True)
    contact = models.ForeignKey(
        "campaigns.CountryContact",
        verbose_name=_("to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    # Whose inbox it is in: a country's coordinators, or the editors' (empty). Set by services.question_route.
    inbox_country = models.ForeignKey(
        "core.Country",
        verbose_name=_("inbox"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False, db_index=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # core.access: a coordinator sees the questions in their countries' inboxes; the editors' inbox is theirs.
    country_lookup = "inbox_country"

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.pk}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    def inbox_label(self) -> Any:
        return self.inbox_country.name if self.inbox_country is not None else _("Editors")
