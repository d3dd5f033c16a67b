"""The blocks of the site's navigation: menu items and the network's profiles elsewhere."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

_web_address = URLValidator(schemes=["http", "https"])


def validate_link(value: str) -> None:
    """An address on this site (``/ru/countries/``) or a web address elsewhere (``https://…``)."""
    if value.startswith("/") and not value.startswith("//"):
        return
    _web_address(value)


class MenuItemBlock(blocks.StructBlock):
    """One link of a menu: a page of this site (in the reader's language when translated) or an address."""

    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.CharBlock(
        label=_("Or an address"),
        required=False,
        max_length=500,
        help_text=_("An address on this site such as /en/countries/, or a full address starting with https://"),
    )
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        max_length=60,
        help_text=_("Shown in the menu; a page's title when left empty."),
    )

    class Meta:
        icon = "link"
        label = _("Menu item")

    def clean(self, value: blocks.StructValue) -> blocks.StructValue:
        value = super().clean(value)
        errors = {}
        if bool(value.get("page")) == bool(value.get("url")):
            errors["url"] = ValidationError(_("Choose a page or give an address, not both."))
        elif value.get("url"):
            try:
                validate_link(value["url"])
            except ValidationError:
                errors["url"] = ValidationError(_("Give an address on this site (/…) or one starting with https://"))
            if not value.get("label"):
                errors["label"] = ValidationError(_("An address needs a label."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class ProfileLinkBlock(blocks.StructBlock):
    """The network's profile on another service: a plain link, nothing loaded from there."""

    label = blocks.CharBlock(label=_("Service"), max_length=60, help_text=_("Such as Mastodon or Telegram."))
    url = blocks.URLBlock(label=_("Address of the profile"))

    class Meta:
        icon = "site"
        label = _("Profile elsewhere")


class MenuBlock(blocks.StreamBlock):
    item = MenuItemBlock()


class ProfilesBlock(blocks.StreamBlock):
    profile = ProfileLinkBlock()
