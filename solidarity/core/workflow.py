"""The editorial workflow: every page goes through "Review by an editor" (one task, "Editor review", for Editors).

It is assigned to the root page, so every page of every language (stories, and later campaign and
public-call pages) has it: a page without a workflow would give coordinators and translators,
who may not publish, no way to ask for publication. Editors keep their publish permission and may
publish directly (Wagtail shows "Publish" to whoever may publish; publishing cancels a review in
progress, WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH's default). Made by migration core 0005, from
Wagtail's default workflow when there is one.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps

EDITORS = "Editors"
TASK_NAME = "Editor review"
WORKFLOW_NAME = "Review by an editor"
DEFAULT_NAME = "Moderators approval"  # Wagtail's 0048: the name of its default workflow and of its task


def editor_review_workflow_ensure(apps: Any = global_apps) -> None:
    """Make the workflow, or turn the default (or the root page's) into it; running it again changes nothing."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root = Page.objects.filter(depth=1).order_by("path").first()
    editors, _created = Group.objects.get_or_create(name=EDITORS)

    task = (
        GroupApprovalTask.objects.filter(name=TASK_NAME).first()
        or GroupApprovalTask.objects.filter(name=DEFAULT_NAME).first()
        or GroupApprovalTask(name=TASK_NAME)
    )
    if task.pk is None:
        task.content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
    task.name = TASK_NAME
    task.active = True
    task.save()
    task.groups.set([editors])

    root_link = WorkflowPage.objects.filter(page=root).select_related("workflow").first() if root else None
    workflow = (
        Workflow.objects.filter(name=WORKFLOW_NAME).first()
        or Workflow.objects.filter(name=DEFAULT_NAME).first()
        or (root_link.workflow if root_link else None)
        or Workflow(name=WORKFLOW_NAME)
    )
    workflow.name = WORKFLOW_NAME
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
