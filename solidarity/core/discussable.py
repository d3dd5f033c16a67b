"""The switch that lets readers talk about a page ("Talk about this story"): a page type that takes comments
inherits :class:`DiscussablePage` (a ``ReaderPage``: stories, public calls, campaigns), so editors find it in the page's
settings; what comments are and how they are moderated is the discussion app's (``solidarity.discussion``).

Core holds only the two fields, so that stories and campaigns need not know the discussion app.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from solidarity.core.pages import ReaderPage


class CommentsMode(models.TextChoices):
    SITE = "", _("As the site's setting says")
    PRE = "pre", _("Pre-moderation: shown once a moderator approved them")
    POST = "post", _("Post-moderation: shown at once, moderated afterwards")
    OFF = "off", _("Off")


class DiscussablePage(ReaderPage):
    """A reader page readers may comment on, unless an editor switched comments off or they closed."""

    comments_mode = models.CharField(
        _("comments"), max_length=4, choices=CommentsMode.choices, default=CommentsMode.SITE, blank=True
    )
    comments_close_after_days = models.PositiveSmallIntegerField(
        _("close comments after (days)"),
        null=True,
        blank=True,
        help_text=_(
            "Days after the page was first published; empty: as the site's setting says. Comments already "
            "posted stay visible."
        ),
    )

    discussion_panels = [
        MultiFieldPanel(
            [FieldPanel("comments_mode"), FieldPanel("comments_close_after_days")], heading=_("Talk about this page")
        )
    ]

    class Meta:
        abstract = True
