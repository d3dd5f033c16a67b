"""Documents: editors see what a PDF tells about who made it before readers download it.

A PDF carries its own metadata (author, the software and computer account that made it, dates,
often the title of the draft it came from), and Wagtail publishes the file as it was uploaded.
The document forms of the admin (``WAGTAILDOCS_DOCUMENT_FORM_BASE``) say so, and on a stored PDF
list what it carries, read with pypdf. Nothing is rewritten: a PDF is cleaned by exporting it
again without the metadata and uploading that file instead.
"""

from __future__ import annotations

import logging
from typing import IO, Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from wagtail.documents.forms import BaseDocumentForm

logger = logging.getLogger(__name__)

# The PDF document-information entries an editor should see, in the order they are shown.
PDF_FIELDS = {
    "/Title": _("Title"),
    "/Author": _("Author"),
    "/Subject": _("Subject"),
    "/Keywords": _("Keywords"),
    "/Creator": _("Made with"),
    "/Producer": _("Converted with"),
    "/CreationDate": _("Created"),
    "/ModDate": _("Changed"),
}
XMP = _("XMP metadata")
NOTICE = _(
    "A PDF is published with its metadata: the author, the program and computer account that made it, "
    "dates and the title it had as a draft. Check it here after uploading; to remove it, export the PDF "
    "again without it (or print it to a new PDF) and replace the file."
)


def pdf_metadata(*, source: IO[bytes]) -> dict[str, str] | None:
    """What a PDF says about itself (label → text), or None when it is no PDF or cannot be read."""
    source.seek(0)
    if source.read(5) != b"%PDF-":
        return None
    source.seek(0)
    try:
        reader = PdfReader(source, strict=False)
        info: Any = reader.metadata or {}
        found = {
            str(label): str(info[key]).strip() for key, label in PDF_FIELDS.items() if str(info.get(key, "")).strip()
        }
        root: Any = reader.trailer["/Root"]
        if "/Metadata" in root:
            found[str(XMP)] = str(_("yes: it can hold all of the above and more"))
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        logger.info("The metadata of a PDF could not be read: %s", type(error).__name__)
        return None
    finally:
        source.seek(0)
    return found


def document_pdf_metadata(*, document: Any) -> dict[str, str] | None:
    """The metadata of a stored document's PDF file; None when it is not a PDF or is unreadable."""
    if not document.pk or not document.file or document.file_extension.lower() != "pdf":
        return None
    try:
        with document.open_file() as stored:
            return pdf_metadata(source=stored)
    except OSError:
        return None


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, telling editors what a PDF publishes about its makers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("file") or self.fields.get("title")
        if field is None:
            return
        metadata = document_pdf_metadata(document=self.instance)
        if metadata:
            listing = format_html_join("", "<li>{}: {}</li>", metadata.items())
            shown = format_html("<br>{}<ul>{}</ul>", _("This PDF publishes:"), listing)
        elif metadata == {}:
            shown = format_html("<br>{}", _("This PDF carries none of this metadata."))
        else:
            shown = mark_safe("")
        field.help_text = format_html("{}{}", NOTICE, shown)
