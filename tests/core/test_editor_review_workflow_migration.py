"""The migration that makes the editorial workflow (core 0005): every page is reviewed by Editors, not by
Wagtail's default Moderators; running it again changes nothing; it copes with the default workflow
deleted or renamed."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Task, Workflow, WorkflowPage, WorkflowTask

from solidarity.core.workflow import editor_review_workflow_ensure

pytestmark = pytest.mark.django_db


def migrate_again() -> None:
    editor_review_workflow_ensure(apps)


def root_workflow() -> Workflow:
    return WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow


def tasks_and_groups(workflow: Workflow) -> list[tuple[str, list[str]]]:
    return [(task.name, [group.name for group in task.specific.groups.all()]) for task in workflow.tasks]


def state() -> dict[str, list]:
    return {
        "workflows": list(Workflow.objects.order_by("pk").values_list("pk", "name", "active")),
        "tasks": list(Task.objects.order_by("pk").values_list("pk", "name", "active")),
        "workflow_tasks": list(WorkflowTask.objects.order_by("pk").values_list("workflow_id", "task_id", "sort_order")),
        "workflow_pages": list(WorkflowPage.objects.order_by("page_id").values_list("page_id", "workflow_id")),
    }


def test_the_root_page_has_the_editors_review_and_moderators_review_nothing():
    workflow = root_workflow()

    assert (workflow.name, workflow.active) == ("Review by an editor", True)
    assert tasks_and_groups(workflow) == [("Editor review", ["Editors"])]
    assert not GroupApprovalTask.objects.filter(active=True, groups__name="Moderators").exists()


def test_running_it_again_changes_nothing():
    before = state()

    migrate_again()

    assert state() == before


def test_without_any_workflow_it_makes_the_editors_review():
    WorkflowPage.objects.all().delete()
    WorkflowTask.objects.all().delete()
    Workflow.objects.all().delete()
    Task.objects.all().delete()

    migrate_again()

    assert root_workflow().name == "Review by an editor"
    assert tasks_and_groups(root_workflow()) == [("Editor review", ["Editors"])]


def test_a_renamed_default_workflow_on_the_root_becomes_the_editors_review():
    workflow = root_workflow()
    Workflow.objects.filter(pk=workflow.pk).update(name="Our own review")
    Task.objects.all().update(name="Reviewers")
    GroupApprovalTask.objects.get().groups.set([Group.objects.get(name="Moderators")])

    migrate_again()

    assert root_workflow().pk == workflow.pk
    assert root_workflow().name == "Review by an editor"
    assert tasks_and_groups(root_workflow()) == [("Editor review", ["Editors"])]
