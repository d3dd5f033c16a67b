"""The dashboard's "Waiting for you": an editor sees the pages waiting for their review, an author their
submissions in review (and the reviewer's comment when changes were requested); features add queues."""

from __future__ import annotations

import pytest
from django.test import Client

from solidarity.core import waiting
from solidarity.core.waiting import WaitingItem, WaitingQueue, register_queue, waiting_for
from tests.core.test_editorial_workflow import current_task_state, staff, submit
from tests.factories import StoryPageFactory
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_user(site_tree, django_user_model):
    return staff(django_user_model, "editor-anna", "Editors")


@pytest.fixture
def translator(site_tree, django_user_model):
    return staff(django_user_model, "translator-boris", "Translators")


@pytest.fixture
def submitted(client, translator):
    """A story about Belarus the translator submitted for review."""
    story = StoryPageFactory(title="Trial in Minsk", slug="trial-in-minsk", countries=["BY"], publish=False)
    login_staff(client, translator)
    assert submit(client, story).status_code == 302
    return story


def queue_names(user) -> list[str]:
    return [queue.name for queue, _items in waiting_for(user)]


def dashboard(client, user) -> str:
    login_staff(client, user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_an_editor_sees_the_story_to_review_with_who_submitted_it(client, editor_user, translator, submitted):
    [(queue, [item])] = waiting_for(editor_user)

    assert queue.name == "pages_to_review"
    assert item.title == "Trial in Minsk"
    assert item.url == f"/admin/pages/{submitted.pk}/edit/"
    assert item.detail == "Story in English, submitted by translator-boris for “Editor review”"
    assert item.compare_url.startswith(f"/admin/pages/{submitted.pk}/revisions/compare/")


def test_the_editors_dashboard_shows_waiting_for_you_instead_of_wagtails_review_panels(client, editor_user, submitted):
    page = dashboard(client, editor_user)

    assert "Waiting for you" in page
    assert "Pages to review" in page
    assert f'href="/admin/pages/{submitted.pk}/edit/">Trial in Minsk</a>' in page
    assert 'id="awaiting-review-section"' not in page  # Wagtail's "Awaiting your review", replaced
    assert "Your submissions in review" not in page


def test_a_translator_sees_their_submission_in_review_and_nothing_to_review(client, translator, submitted):
    [(queue, [item])] = waiting_for(translator)

    assert queue.name == "submissions_in_review"
    assert (item.title, item.detail, item.comment) == (
        "Trial in Minsk",
        "Story in English, waiting for “Editor review”",
        "",
    )
    page = dashboard(client, translator)
    assert "Your submissions in review" in page
    assert "Pages to review" not in page
    assert 'id="objects-in-workflow-section"' not in page  # Wagtail's "Your pages … in a workflow", replaced


def test_a_translator_sees_the_changes_an_editor_requested_with_the_comment(client, editor_user, translator, submitted):
    login_staff(client, editor_user)
    client.post(
        f"/admin/pages/workflow/action/{submitted.pk}/reject/{current_task_state(submitted).pk}/",
        {"comment": "Name the court, please."},
    )

    [(queue, [item])] = waiting_for(translator)

    assert queue.name == "submissions_in_review"
    assert item.detail == "Story in English, changes requested by editor-anna"
    assert item.comment == "Name the court, please."
    assert "Name the court, please." in dashboard(client, translator)
    assert queue_names(editor_user) == []  # nothing left for the editor


def test_an_approved_story_waits_for_nobody(client, editor_user, translator, submitted):
    login_staff(client, editor_user)
    client.post(f"/admin/pages/workflow/action/{submitted.pk}/approve/{current_task_state(submitted).pk}/", {})

    assert queue_names(editor_user) == []
    assert queue_names(translator) == []
    assert "Nothing waits for you." in dashboard(client, translator)


def test_a_feature_adds_its_own_queue_shown_in_its_order(client, editor_user, submitted, monkeypatch):
    monkeypatch.setattr(waiting, "_QUEUES", dict(waiting._QUEUES))

    def activities(user):
        return [WaitingItem(title="Rally in Vilnius", url="/admin/activities/1/", detail="Activity in Lithuania")]

    register_queue(WaitingQueue(name="activities", heading="Activities to approve", items=activities, order=15))

    assert queue_names(editor_user) == ["pages_to_review", "activities"]
    page = dashboard(client, editor_user)
    assert page.index("Pages to review") < page.index("Activities to approve") < page.index("Rally in Vilnius")


@pytest.fixture
def coordinators(site_tree, django_user_model):
    return {
        "BY": staff(django_user_model, "coordinator-by", "Country coordinators", ("BY",)),
        "RU": staff(django_user_model, "coordinator-ru", "Country coordinators", ("RU",)),
    }


def test_a_coordinator_sees_what_waits_for_review_in_their_countries_only(client, coordinators, submitted):
    russian = StoryPageFactory(title="Search in Moscow", slug="search-in-moscow", countries=["RU"], publish=False)
    assert submit(client, russian).status_code == 302  # by the translator, still logged in

    [(queue, [item])] = waiting_for(coordinators["BY"])
    assert queue.name == "in_review_in_your_countries"
    assert (item.title, item.url) == ("Trial in Minsk", f"/admin/pages/{submitted.pk}/edit/")
    assert item.detail == "Story in English, submitted by translator-boris for “Editor review”"
    [(_queue, [item])] = waiting_for(coordinators["RU"])
    assert item.title == "Search in Moscow"

    page = dashboard(Client(), coordinators["BY"])  # not the translator's browser, which still shows its messages
    assert "In review in your countries" in page
    assert "Trial in Minsk" in page and "Search in Moscow" not in page


def test_a_coordinators_own_submission_is_only_in_their_submissions(client, coordinators):
    story = StoryPageFactory(title="Vigil in Hrodna", slug="vigil-in-hrodna", countries=["BY"], publish=False)
    login_staff(client, coordinators["BY"])
    assert submit(client, story).status_code == 302
    assert queue_names(coordinators["BY"]) == ["submissions_in_review"]


def test_editors_and_translators_have_no_country_queue(editor_user, translator, submitted):
    assert waiting.in_review_in_your_countries(editor_user) == []
    assert waiting.in_review_in_your_countries(translator) == []
