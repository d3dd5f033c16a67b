"""The blocks a story body is made of."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "stories/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "stories/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "stories/blocks/figure.html"


class DocumentBlock(blocks.StructBlock):
    """A file to download, such as the PDF of a report; also listed beside the story."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title shown to readers"), required=False, max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "stories/blocks/document.html"


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Or an address elsewhere"), required=False)
    text = blocks.CharBlock(label=_("Link text"), max_length=200)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "stories/blocks/link.html"

    def clean(self, value: blocks.StructValue) -> blocks.StructValue:
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or give an address, not both."))}
            )
        return value


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    document = DocumentBlock()
    link = LinkBlock()
