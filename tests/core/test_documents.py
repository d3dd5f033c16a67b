"""Documents: the admin shows editors the metadata a PDF publishes about the people who made it."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from fpdf import FPDF
from pypdf import PdfWriter
from wagtail.documents import get_document_model

from solidarity.core.documents import document_pdf_metadata, pdf_metadata

Document = get_document_model()
AUTHOR = "Alesia Ivanova"


def pdf_bytes(*, author: str | None = AUTHOR) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    if author:
        pdf.set_author(author)
        pdf.set_creator("Writer on LAPTOP-ALESIA")
        pdf.set_title("Draft: list of detainees")
    return bytes(pdf.output())


def test_pdf_metadata_lists_author_software_and_title():
    found = pdf_metadata(source=io.BytesIO(pdf_bytes()))

    assert found["Author"] == AUTHOR
    assert found["Made with"] == "Writer on LAPTOP-ALESIA"
    assert found["Title"] == "Draft: list of detainees"


def test_pdf_metadata_of_a_pdf_without_an_author_lists_no_author():
    found = pdf_metadata(source=io.BytesIO(pdf_bytes(author=None)))

    assert "Author" not in found


@pytest.mark.parametrize("data", [b"plain text, not a PDF", b"%PDF-1.4\n% broken\n" + b"x" * 100])
def test_pdf_metadata_of_something_else_or_a_broken_pdf_is_none(data):
    assert pdf_metadata(source=io.BytesIO(data)) is None


@pytest.mark.django_db
def test_the_document_edit_page_shows_the_pdf_metadata_to_editors(admin_client):
    document = Document.objects.create(title="Report", file=ContentFile(pdf_bytes(), name="report.pdf"))

    page = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).text

    assert "A PDF is published with its metadata" in page
    assert f"<li>Author: {AUTHOR}</li>" in page
    assert "LAPTOP-ALESIA" in page


@pytest.mark.django_db
def test_the_document_upload_page_warns_that_pdf_metadata_is_published(admin_client):
    page = admin_client.get(reverse("wagtaildocs:add")).text

    assert "A PDF is published with its metadata" in page


XMP_PACKET = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Alesia</dc:creator>'
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def test_pdf_metadata_names_an_xmp_packet_which_can_hold_anything():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_xmp_metadata(XMP_PACKET)

    found = pdf_metadata(source=io.BytesIO(bytes(pdf.output())))

    assert found["XMP metadata"].startswith("yes")


def clean_pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(72, 72)
    writer.metadata = None
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def test_pdf_metadata_of_a_clean_pdf_is_empty_not_unknown():
    assert pdf_metadata(source=io.BytesIO(clean_pdf_bytes())) == {}


def test_pdf_metadata_leaves_the_file_at_its_start_for_whoever_reads_it_next():
    source = io.BytesIO(pdf_bytes())
    source.seek(7)

    pdf_metadata(source=source)

    assert source.tell() == 0


@pytest.mark.django_db
def test_a_document_not_saved_yet_has_no_pdf_metadata():
    assert document_pdf_metadata(document=Document(title="New", file=ContentFile(pdf_bytes(), name="a.pdf"))) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "expected"), [("notes.txt", b"%PDF- not really", None), ("R.PDF", None, True)]
)
def test_document_pdf_metadata_goes_by_the_file_extension(name, data, expected):
    document = Document.objects.create(title="File", file=ContentFile(data or pdf_bytes(), name=name))

    found = document_pdf_metadata(document=document)

    assert (found["Author"] == AUTHOR) if expected else found is None


@pytest.mark.django_db
def test_a_document_whose_file_is_gone_shows_no_metadata_and_no_error(admin_client):
    document = Document.objects.create(title="Report", file=ContentFile(pdf_bytes(), name="report.pdf"))
    document.file.storage.delete(document.file.name)

    assert document_pdf_metadata(document=document) is None
    assert admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).status_code == 200


@pytest.mark.django_db
def test_the_edit_page_of_a_clean_pdf_says_it_carries_none(admin_client):
    document = Document.objects.create(title="Clean", file=ContentFile(clean_pdf_bytes(), name="clean.pdf"))

    page = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).text

    assert "This PDF carries none of this metadata." in page
    assert "This PDF publishes:" not in page


@pytest.mark.django_db
def test_the_edit_page_lists_each_entry_as_an_item_under_its_heading(admin_client):
    document = Document.objects.create(title="Report", file=ContentFile(pdf_bytes(), name="report.pdf"))

    page = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).text

    assert "<br>This PDF publishes:<ul><li>Title: Draft: list of detainees</li><li>Author: Alesia Ivanova</li>" in page
