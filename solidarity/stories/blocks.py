"""The blocks a story body is made of."""

from typing import Any

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


class StoryImageBlock(ImageBlock):
    """Wagtail's image with its alternative text and "decorative" box, the text written in the story's language.

    The alternative text is optional here: left empty, the image's description (or title) from
    the image library is read instead. Ticked "decorative", the image has ``alt=""``.
    """

    def __init__(self, required: bool = True, **kwargs: Any) -> None:
        super().__init__(required=required, **kwargs)
        alt_text = blocks.CharBlock(
            required=False,
            max_length=300,
            label=_("Alternative text"),
            help_text=_(
                "What the image shows, in the story's language, for readers who cannot see it. "
                "Left empty, the image's description in the image library is read."
            ),
        )
        alt_text.set_name("alt_text")
        self.child_blocks["alt_text"] = alt_text

    def clean(self, value: Any) -> Any:
        """Every child checked as a StructBlock checks it (the alt text's length too), but no alt text is required."""
        try:
            self.child_blocks["image"].clean(value)
        except ValidationError as error:
            raise blocks.StructBlockValidationError(block_errors={"image": error}) from error
        if not value:
            return value
        children = {"alt_text": value.contextual_alt_text, "decorative": value.decorative}
        errors = {}
        for name, child_value in children.items():
            try:
                self.child_blocks[name].clean(child_value)
            except ValidationError as error:
                errors[name] = error
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class FigureBlock(blocks.StructBlock):
    """An image in the body: its alternative text on the block wins over the image library's description."""

    image = StoryImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=200,
        help_text=_("Who made the image and under which licence, such as “Photo: A. Petrova, CC BY 4.0”."),
    )

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
