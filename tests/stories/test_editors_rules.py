"""Editors' rules, walked through the admin's own forms (good and bad) and through the services.

A story needs a country; a link in a story's body is a page or an address, never both nor
neither; the home page's campaign box needs a title when it links a page.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from solidarity.stories.models import StoryIndexPage, StoryPage
from solidarity.stories.services import story_create
from tests.factories import StoryPageFactory, translate_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(site_tree) -> StoryIndexPage:
    return StoryIndexPage.objects.get(locale__language_code="en")


def story_form(**changes) -> dict:
    data = {
        "title": "Trial in Minsk",
        "slug": "trial-in-minsk",
        "kind": "news",
        "date": "2026-11-01",
        "countries": ["BY"],
        "summary": "Three activists were sentenced.",
        "topics": "",
        "body": streamfield([("paragraph", rich_text("<p>The court sat for an hour.</p>"))]),
        "action-publish": "action-publish",
    }
    data.update(changes)
    countries = data.pop("countries")
    return {**nested_form_data(data), "countries": countries}  # ticked boxes: one value each


def add_story(client, index, **changes):
    return client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", story_form(**changes))


def form_errors(response) -> dict:
    return response.context["form"].errors


def test_an_editor_publishes_a_story_with_a_country_and_a_body(client, editor, index):
    response = add_story(client, index)

    assert response.status_code == 302
    story = StoryPage.objects.get(slug="trial-in-minsk")
    assert story.live
    assert [country.code for country in story.countries.all()] == ["BY"]
    assert story.body[0].block_type == "paragraph"


def test_an_editor_cannot_save_a_story_without_a_country(client, editor, index):
    response = add_story(client, index, countries=[])

    assert response.status_code == 200
    assert "countries" in form_errors(response)
    assert not StoryPage.objects.filter(slug="trial-in-minsk").exists()


def test_a_story_without_a_country_is_refused_by_its_own_rule_not_only_by_the_form(index):
    with pytest.raises(ValidationError) as error:
        story_create(index=index, title="Nowhere", summary="No country.", countries=[])

    assert error.value.message_dict["countries"] == ["Choose at least one country."]
    assert not StoryPage.objects.filter(slug="nowhere").exists()


def test_a_translation_cannot_drop_every_country(site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])

    with pytest.raises(ValidationError) as error:
        translate_story(story, "ru", title="Суд в Минске", countries=[])

    assert "countries" in error.value.message_dict


def test_an_editor_unticking_every_country_of_a_story_is_refused(client, editor, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY", "RU"])

    response = client.post(f"/admin/pages/{story.pk}/edit/", story_form(countries=[]))

    assert response.status_code == 200
    assert "countries" in form_errors(response)
    assert sorted(country.code for country in StoryPage.objects.get(pk=story.pk).countries.all()) == ["BY", "RU"]


def link(**value) -> dict:
    return streamfield([("link", {"page": "", "url": "", "text": "Read more", **value})])


def test_an_editor_links_either_a_page_or_an_address(client, editor, index, site_tree):
    to_page = add_story(client, index, slug="to-page", body=link(page=str(site_tree.pk)))
    to_address = add_story(client, index, slug="to-address", body=link(url="https://example.org/report"))

    assert to_page.status_code == 302
    assert to_address.status_code == 302
    assert StoryPage.objects.get(slug="to-page").body[0].value["page"].pk == site_tree.pk
    assert StoryPage.objects.get(slug="to-address").body[0].value["url"] == "https://example.org/report"


@pytest.mark.parametrize("value", [{}, {"url": "https://example.org/report", "page": "PAGE"}], ids=["neither", "both"])
def test_an_editor_cannot_save_a_link_to_neither_or_both(client, editor, index, site_tree, value):
    if value.get("page") == "PAGE":
        value = {**value, "page": str(site_tree.pk)}

    response = add_story(client, index, body=link(**value))

    assert response.status_code == 200
    assert "body" in form_errors(response)
    assert "Choose a page or give an address, not both." in response.text
    assert not StoryPage.objects.filter(slug="trial-in-minsk").exists()
