"""The blocks of a campaign page: the ways to take part, each with its own call to action."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class JoinAction:
    JOIN = "join"  # the "Join the campaign" form
    ADD_ACTIVITY = "add_activity"  # the "Add your activity" form
    ACTIVITIES = "activities"  # the list of activities
    CONTACTS = "contacts"  # the country contacts on the page
    LINK = "link"  # a page of the site or an address

    CHOICES = [
        (JOIN, _("Join the campaign (the form for groups)")),
        (ADD_ACTIVITY, _("Add your activity (the form)")),
        (ACTIVITIES, _("The list of activities")),
        (CONTACTS, _("The country contacts")),
        (LINK, _("A page or an address")),
    ]


class WayToJoinBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), max_length=800)
    action = blocks.ChoiceBlock(choices=JoinAction.CHOICES, label=_("call to action"), default=JoinAction.JOIN)
    button_label = blocks.CharBlock(label=_("button text"), max_length=60, required=False)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("address"), required=False)

    class Meta:
        icon = "group"
        label = _("way to take part")

    def clean(self, value: blocks.StructValue) -> blocks.StructValue:
        value = super().clean(value)
        if value.get("action") == JoinAction.LINK and not (value.get("page") or value.get("url")):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give an address for this call to action."))}
            )
        if value.get("url") and not str(value["url"]).lower().startswith(("https://", "http://")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Give an address starting with https://."))}
            )
        return value


class WaysToJoinBlock(blocks.StreamBlock):
    way = WayToJoinBlock()
