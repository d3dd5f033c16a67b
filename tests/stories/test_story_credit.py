"""A story's credit: an author and/or a member organisation, shown as a byline and kept by translations."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from solidarity.core.pages_services import translation_copy
from solidarity.core.services import organisation_create
from solidarity.home.services import members_page_ensure
from solidarity.stories.models import StoryIndexPage, StoryPage
from solidarity.stories.services import story_credit_set
from tests.factories import StoryPageFactory, translate_story
from tests.stories.test_editors_rules import add_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def circle(site_tree):
    return organisation_create(name="Minsk Observers’ Circle", country="BY", city="Minsk")


@pytest.fixture
def index(site_tree) -> StoryIndexPage:
    return StoryIndexPage.objects.get(locale__language_code="en")


def byline(response) -> str:
    found = response.text.split('<p class="story__byline">')
    return found[1].split("</p>")[0] if len(found) > 1 else ""


def test_a_story_by_an_author_shows_the_author(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", author="Anna Petrova")

    assert byline(client.get(story.url)) == "By Anna Petrova"


def test_a_story_of_an_organisation_links_its_entry_on_the_members_page(client, circle):
    members_page_ensure(language="en", title="Members")
    story = StoryPageFactory(title="Trial in Minsk", author="Anna Petrova", organisation=circle)

    response = client.get(story.url)

    assert byline(response) == (
        f'By Anna Petrova, <a href="/en/members/#member-{circle.pk}">Minsk Observers’ Circle</a>'
    )


def test_without_a_members_page_in_its_language_the_organisation_is_named_without_a_link(client, circle):
    story = StoryPageFactory(title="Trial in Minsk", organisation=circle)

    response = client.get(story.url)

    assert byline(response) == "By Minsk Observers’ Circle"
    assert response.context["byline"].organisation_url == ""


def test_a_story_that_credits_nobody_has_no_byline(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk")

    response = client.get(story.url)

    assert response.context["byline"] is None
    assert 'class="story__byline"' not in response.text


def test_a_translation_keeps_the_credit(circle):
    story = StoryPageFactory(title="Trial in Minsk", author="Anna Petrova", organisation=circle)

    russian = translate_story(story, "ru", title="Суд в Минске")
    german = translation_copy(page=story, locale=Locale.objects.get(language_code="de")).specific  # the admin's way

    assert (russian.author, russian.organisation_id) == ("Anna Petrova", circle.pk)
    assert (german.author, german.organisation_id) == ("Anna Petrova", circle.pk)


def test_a_translation_may_credit_someone_else(circle):
    story = StoryPageFactory(title="Trial in Minsk", author="Anna Petrova", organisation=circle)

    russian = translate_story(story, "ru", title="Суд в Минске", author="Анна Петрова")

    assert (russian.author, russian.organisation_id) == ("Анна Петрова", circle.pk)


def test_crediting_a_published_story_publishes_the_byline(client, circle):
    story = StoryPageFactory(title="Trial in Minsk")

    story_credit_set(story=story, author=" Anna Petrova ", organisation=circle)

    live = StoryPage.objects.get(pk=story.pk)
    assert (live.author, live.organisation_id) == ("Anna Petrova", circle.pk)
    assert "Minsk Observers’ Circle" in byline(client.get(story.url))


def test_removing_an_organisation_leaves_its_stories_without_it(client, circle):
    story = StoryPageFactory(title="Trial in Minsk", author="Anna Petrova", organisation=circle)

    circle.delete()

    story.refresh_from_db()
    assert story.organisation_id is None
    assert byline(client.get(story.url)) == "By Anna Petrova"


def test_the_credit_is_in_the_admins_about_this_story_panel(client, editor, circle, index):
    response = add_story(client, index, author="Anna Petrova", organisation=str(circle.pk))

    assert response.status_code == 302
    story = StoryPage.objects.get(slug="trial-in-minsk")
    assert (story.author, story.organisation_id) == ("Anna Petrova", circle.pk)
    form = client.get(f"/admin/pages/{story.pk}/edit/").text
    about = form.split("About this story")[1].split("Summary")[0]
    assert 'name="author"' in about
    assert 'name="organisation"' in about
