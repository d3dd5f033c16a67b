"""The editorial workflow, per role: coordinators and translators submit a story for review, an editor
approves it (it goes live) or requests changes (it goes back to its author with the comment);
editors publish directly. Walked through the admin's own views, as staff use them.
"""

from __future__ import annotations

import pytest
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from solidarity.stories.models import StoryPage
from tests.factories import StoryPageFactory, staff_member
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

WORKFLOW = "Review by an editor"
TASK = "Editor review"


def staff(django_user_model, username: str, role: str, countries: tuple[str, ...] = ()):
    return staff_member(username, role, list(countries) if countries else None)


@pytest.fixture
def editor_user(site_tree, django_user_model):
    return staff(django_user_model, "editor-anna", "Editors")


@pytest.fixture(params=["Country coordinators", "Translators"])
def author(request, site_tree, django_user_model):
    """A staff member who may write but not publish: a coordinator of Belarus, or a translator."""
    countries = ("BY",) if request.param == "Country coordinators" else ()
    return staff(django_user_model, "author-boris", request.param, countries)


@pytest.fixture
def draft(site_tree) -> StoryPage:
    """A story about Belarus never published: the author's to write (a coordinator answers for Belarus)."""
    return StoryPageFactory(title="Trial in Minsk", slug="trial-in-minsk", countries=["BY"], publish=False)


def story_form(story: StoryPage, *, action: str, **changes) -> dict:
    data = {
        "title": story.title,
        "slug": story.slug,
        "kind": "news",
        "date": story.date.isoformat(),
        "countries": sorted(story.countries.values_list("code", flat=True)) or ["BY"],
        "summary": story.summary,
        "topics": "",
        "body": streamfield([("paragraph", rich_text("<p>The court sat for an hour.</p>"))]),
        action: action,
    }
    data.update(changes)
    countries = data.pop("countries")
    return {**nested_form_data(data), "countries": countries}


def edit(client, story: StoryPage, *, action: str, **changes):
    return client.post(f"/admin/pages/{story.pk}/edit/", story_form(story, action=action, **changes))


def submit(client, story: StoryPage, **changes):
    return edit(client, story, action="action-submit", **changes)


def current_task_state(story: StoryPage) -> TaskState:
    return TaskState.objects.get(workflow_state__object_id=str(story.pk), status=TaskState.STATUS_IN_PROGRESS)


def test_every_page_has_the_editors_review_with_one_task_for_editors(site_tree):
    story = StoryPageFactory(countries=["BY"])

    workflow = story.get_workflow()

    assert workflow.name == WORKFLOW
    assert [(task.name, [group.name for group in task.specific.groups.all()]) for task in workflow.tasks] == [
        (TASK, ["Editors"])
    ]


def test_an_author_submits_a_story_for_review_and_it_is_in_moderation_not_live(client, author, draft):
    login_staff(client, author)

    response = submit(client, draft, title="Trial in Minsk: the verdict")

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live is False
    assert draft.workflow_in_progress
    state = draft.current_workflow_state
    assert (state.requested_by, state.current_task_state.task.name) == (author, TASK)
    assert draft.get_latest_revision_as_object().title == "Trial in Minsk: the verdict"
    assert PageLogEntry.objects.filter(page=draft, action="wagtail.workflow.start", user=author).exists()


def test_an_author_sees_no_publish_button(client, author, draft):
    login_staff(client, author)

    response = client.get(f"/admin/pages/{draft.pk}/edit/")

    assert response.status_code == 200
    assert b'name="action-publish"' not in response.content
    assert b'name="action-submit"' in response.content


def test_an_author_posting_publish_only_saves_a_draft(client, author, draft):
    login_staff(client, author)

    response = edit(client, draft, action="action-publish", title="Published by hand")

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live is False
    assert draft.get_latest_revision_as_object().title == "Published by hand"
    assert not PageLogEntry.objects.filter(page=draft, action="wagtail.publish").exists()


def test_an_author_cannot_approve_their_own_submission(client, author, draft):
    login_staff(client, author)
    submit(client, draft)
    task_state = current_task_state(draft)

    response = client.post(f"/admin/pages/workflow/action/{draft.pk}/approve/{task_state.pk}/", {"comment": ""})

    assert response.status_code in (302, 403)  # Wagtail's "permission denied": back to the dashboard
    assert response.status_code == 403 or response.url == "/admin/"
    draft.refresh_from_db()
    assert draft.live is False
    assert draft.workflow_in_progress


def test_an_editor_approves_a_submission_and_the_story_goes_live(client, author, editor_user, draft):
    login_staff(client, author)
    submit(client, draft, title="Trial in Minsk: the verdict")
    task_state = current_task_state(draft)
    login_staff(client, editor_user)

    response = client.post(f"/admin/pages/workflow/action/{draft.pk}/approve/{task_state.pk}/", {"comment": ""})

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live is True
    assert draft.title == "Trial in Minsk: the verdict"
    assert draft.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(draft.pk)).status == WorkflowState.STATUS_APPROVED
    assert PageLogEntry.objects.filter(page=draft, action="wagtail.publish", user=editor_user).exists()


def test_an_editor_requests_changes_and_the_story_goes_back_to_its_author_with_the_comment(
    client, author, editor_user, draft
):
    login_staff(client, author)
    submit(client, draft)
    task_state = current_task_state(draft)
    login_staff(client, editor_user)

    response = client.post(
        f"/admin/pages/workflow/action/{draft.pk}/reject/{task_state.pk}/", {"comment": "Name the court, please."}
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live is False
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert (state.status, state.requested_by) == (WorkflowState.STATUS_NEEDS_CHANGES, author)
    assert state.current_task_state.comment == "Name the court, please."
    login_staff(client, author)
    page = client.get(f"/admin/pages/{draft.pk}/edit/")
    assert page.status_code == 200
    assert "Name the court, please." in page.content.decode()


def test_an_author_resubmits_after_changes_were_requested(client, author, editor_user, draft):
    login_staff(client, author)
    submit(client, draft)
    login_staff(client, editor_user)
    client.post(
        f"/admin/pages/workflow/action/{draft.pk}/reject/{current_task_state(draft).pk}/",
        {"comment": "Name the court."},
    )
    login_staff(client, author)

    response = edit(client, draft, action="action-restart-workflow", title="Trial at the Minsk city court")

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert current_task_state(draft).revision.as_object().title == "Trial at the Minsk city court"


def test_an_editor_publishes_directly_without_review(client, editor_user, draft):
    login_staff(client, editor_user)

    response = edit(client, draft, action="action-publish", title="Trial in Minsk, published")

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live is True
    assert draft.title == "Trial in Minsk, published"
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()


def test_a_moderator_may_not_open_a_story_in_the_editor(client, site_tree, django_user_model, draft):
    moderator = staff(django_user_model, "moderator-vera", "Moderators")
    login_staff(client, moderator)

    response = client.get(f"/admin/pages/{draft.pk}/edit/")

    assert response.status_code in (302, 403)
    assert Page.objects.get(pk=draft.pk).live is False


def test_an_author_cannot_publish_through_the_bulk_publish_action(client, author, draft):
    login_staff(client, author)

    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}&next=/admin/", {"include_descendants": ""}
    )

    assert response.status_code in (200, 302, 403)
    draft.refresh_from_db()
    assert draft.live is False
    assert not PageLogEntry.objects.filter(page=draft, action="wagtail.publish").exists()


def test_an_editor_publishes_through_the_bulk_publish_action(client, editor_user, draft):
    login_staff(client, editor_user)

    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}&next=/admin/", {"include_descendants": ""}
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live is True
