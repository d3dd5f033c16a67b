"""Documents: the admin shows editors the metadata a PDF publishes about the people who made it."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from fpdf import FPDF
from wagtail.documents import get_document_model

from solidarity.core.documents import pdf_metadata

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
