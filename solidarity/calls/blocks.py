"""The blocks of a public call page: its updates ("handed over to … on …")."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class CallUpdateBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("date"))
    text = blocks.RichTextBlock(label=_("what happened"), features=["bold", "italic", "link"], max_length=2000)

    class Meta:
        icon = "date"
        label = _("update")


class CallUpdatesBlock(blocks.StreamBlock):
    update = CallUpdateBlock()
