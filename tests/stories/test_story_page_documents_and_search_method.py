"""A story's downloads when an editor gave no title or the file went missing; search answers only GET and HEAD."""

from __future__ import annotations

import pytest

from tests.factories import DocumentFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def downloads(response) -> str:
    return response.text.split('<section class="downloads ')[1].split("</section>")[0]


def test_a_document_without_a_title_of_its_own_is_listed_under_its_library_title(client, site_tree):
    report = DocumentFactory(title="Annual report 2026")
    story = StoryPageFactory(
        title="Our year", body=[("document", {"document": report, "title": "", "description": ""})]
    )

    response = client.get(story.url)

    assert [item["title"] for item in story.documents()] == ["Annual report 2026"]
    assert f'<a href="{report.url}" download>Annual report 2026</a>' in downloads(response)


def test_a_story_whose_document_file_is_missing_still_renders_with_the_link_and_no_size(client, site_tree):
    report = DocumentFactory(title="Lost report")
    story = StoryPageFactory(
        title="Our year", body=[("document", {"document": report, "title": "The report", "description": ""})]
    )
    report.file.storage.delete(report.file.name)  # the row is there, the file is not (a restore without media)

    response = client.get(story.url)

    assert response.status_code == 200
    listed = downloads(response)
    assert "The report" in listed
    assert "PDF" in listed
    assert "KB" not in listed and "bytes" not in listed


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_search_refuses_every_method_but_get_and_head(client, site_tree, method):
    response = getattr(client, method)("/en/search/?q=minsk", {"q": "minsk"})

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_search_answers_get_and_head(client, site_tree):
    assert client.get("/en/search/?q=minsk").status_code == 200
    assert client.head("/en/search/?q=minsk").status_code == 200
