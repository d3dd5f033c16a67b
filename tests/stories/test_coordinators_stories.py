"""A country coordinator writes the stories of their countries through the admin's own form: drafts only,
at least one of their countries ticked, and no other coordinator's country taken off."""

from __future__ import annotations

import pytest

from solidarity.stories.models import StoryIndexPage, StoryPage
from tests.factories import StoryPageFactory, staff_member
from tests.staff_login import login_staff
from tests.stories.test_editors_rules import form_errors, story_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client, site_tree):
    return login_staff(client, staff_member("coordinator", "Country coordinators", ["BY"]))


@pytest.fixture
def index(site_tree) -> StoryIndexPage:
    return StoryIndexPage.objects.get(locale__language_code="en")


def add_draft(client, index, **changes):
    data = story_form(**changes)
    data.pop("action-publish")
    return client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", data)


def test_a_coordinator_saves_a_draft_of_their_country(client, coordinator, index):
    response = add_draft(client, index, countries=["BY"])

    assert response.status_code == 302
    story = StoryPage.objects.get(slug="trial-in-minsk")
    assert not story.live
    assert story.owner == coordinator


def test_a_coordinator_cannot_publish(client, coordinator, index):
    client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", story_form(countries=["BY"]))

    assert not StoryPage.objects.filter(slug="trial-in-minsk", live=True).exists()


def test_a_coordinator_cannot_make_a_story_of_another_country_only(client, coordinator, index):
    response = add_draft(client, index, countries=["RU"])

    assert response.status_code == 200
    assert form_errors(response)["countries"] == ["Tick at least one of the countries you answer for: Belarus."]
    assert not StoryPage.objects.filter(slug="trial-in-minsk").exists()


def test_a_coordinator_cannot_take_another_coordinators_country_off(client, coordinator, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY", "RU"], publish=False)
    data = story_form(countries=["BY"])
    data.pop("action-publish")

    response = client.post(f"/admin/pages/{story.pk}/edit/", data)

    assert response.status_code == 200
    assert form_errors(response)["countries"] == [
        "These countries stay ticked: only their coordinators may untick them: Russia."
    ]


def test_a_coordinator_cannot_post_to_another_countrys_story(client, coordinator, site_tree):
    story = StoryPageFactory(title="Trial in Moscow", countries=["RU"], publish=False)
    data = story_form(title="Taken over", countries=["RU", "BY"])
    data.pop("action-publish")

    response = client.post(f"/admin/pages/{story.pk}/edit/", data)

    assert response.status_code in (302, 403, 404)
    assert StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object().title == "Trial in Moscow"


def test_a_coordinator_cannot_start_a_translation_of_another_countrys_story(client, coordinator, site_tree):
    """The overview's form does not offer it: back to the overview with "choose a story" (no draft made)."""
    russian = StoryPageFactory(title="Trial in Moscow", countries=["RU"])

    response = client.post("/admin/translations/start/", {"story": russian.pk, "language": "de"})

    assert response.url == "/admin/translations/"
    assert not StoryPage.objects.filter(translation_key=russian.translation_key, locale__language_code="de").exists()
