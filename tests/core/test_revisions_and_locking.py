"""Revisions and locks, Wagtail's own, as editors use them: compare two revisions of a story, revert to an
earlier one (a new revision, logged as a revert); lock a story so that another editor cannot save it
until it is unlocked, both steps in the page's history."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry

from solidarity.stories.models import StoryPage
from tests.core.test_editorial_workflow import story_form
from tests.factories import StoryPageFactory
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db


def editor_named(django_user_model, username: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "a long password 123")
    Group.objects.get(name="Editors").user_set.add(user)
    return user


@pytest.fixture
def anna(site_tree, django_user_model):
    return editor_named(django_user_model, "editor-anna")


@pytest.fixture
def boris(site_tree, django_user_model):
    return editor_named(django_user_model, "editor-boris")


@pytest.fixture
def story(site_tree) -> StoryPage:
    """A published story whose summary was then changed: two revisions."""
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"], summary="Three activists were sentenced.")
    story.summary = "Three activists were sentenced to five years."
    story.save_revision(log_action=True)
    return story


def test_an_editor_compares_two_revisions_and_sees_both_texts(client, anna, story):
    first, second = story.revisions.order_by("created_at", "pk")
    login_staff(client, anna)

    response = client.get(f"/admin/pages/{story.pk}/revisions/compare/{first.pk}...{second.pk}/")

    assert response.status_code == 200
    text = response.content.decode()
    # Wagtail shows one text with what the second revision took out and what it added, word by word.
    assert "Three activists were sentenced" in text
    assert '<span class="deletion">.</span>' in text
    assert '<span class="addition"> to five years.</span>' in text


def test_an_editor_reverts_to_an_earlier_revision_as_a_new_revision_logged_as_a_revert(client, anna, story):
    first = story.revisions.order_by("created_at", "pk").first()
    revisions_before = story.revisions.count()
    login_staff(client, anna)

    assert client.get(f"/admin/pages/{story.pk}/revisions/{first.pk}/revert/").status_code == 200
    response = client.post(
        f"/admin/pages/{story.pk}/revisions/{first.pk}/revert/",
        story_form(story, action="action-save", summary="Three activists were sentenced."),
    )

    assert response.status_code == 302
    assert story.revisions.count() == revisions_before + 1
    story.refresh_from_db()
    latest = story.get_latest_revision()
    assert latest.as_object().summary == "Three activists were sentenced."
    entry = PageLogEntry.objects.get(page=story, action="wagtail.revert")
    assert (entry.user, entry.revision_id) == (anna, latest.pk)


def test_a_story_locked_by_one_editor_cannot_be_saved_by_another(client, anna, boris, story):
    login_staff(client, anna)
    assert client.post(f"/admin/pages/{story.pk}/lock/").status_code == 302
    story.refresh_from_db()
    assert (story.locked, story.locked_by) == (True, anna)
    revisions_before = story.revisions.count()
    login_staff(client, boris)

    response = client.post(
        f"/admin/pages/{story.pk}/edit/", story_form(story, action="action-save", summary="Overwritten.")
    )

    assert response.status_code == 200
    assert "The page could not be saved as it is locked." in response.content.decode()
    assert story.revisions.count() == revisions_before
    story.refresh_from_db()
    assert story.get_latest_revision().as_object().summary != "Overwritten."


def test_the_editor_who_locked_a_story_may_still_save_it(client, anna, story):
    login_staff(client, anna)
    client.post(f"/admin/pages/{story.pk}/lock/")

    response = client.post(
        f"/admin/pages/{story.pk}/edit/", story_form(story, action="action-save", summary="Her own change.")
    )

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.get_latest_revision().as_object().summary == "Her own change."


def test_once_unlocked_another_editor_saves_and_the_history_shows_the_lock_and_the_unlock(client, anna, boris, story):
    login_staff(client, anna)
    client.post(f"/admin/pages/{story.pk}/lock/")
    client.post(f"/admin/pages/{story.pk}/unlock/")
    login_staff(client, boris)

    response = client.post(
        f"/admin/pages/{story.pk}/edit/", story_form(story, action="action-save", summary="His change.")
    )

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.get_latest_revision().as_object().summary == "His change."
    logged = list(
        PageLogEntry.objects.filter(page=story, action__in=["wagtail.lock", "wagtail.unlock"])
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert logged == [("wagtail.lock", "editor-anna"), ("wagtail.unlock", "editor-anna")]
    history = client.get(f"/admin/pages/{story.pk}/history/")
    assert history.status_code == 200
    assert "Locked" in history.content.decode()
    assert "Unlocked" in history.content.decode()
