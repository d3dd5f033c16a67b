"""The editorial workflow: every page goes through "Review by an editor" (one task, "Editor review", for Editors).

Wagtail's migration 0048 made a default workflow, "Moderators approval", whose one task waits for
the "Moderators" group, and assigned it to the root page. In our roles (core/roles.py) Moderators
keep the comment queue only, so that workflow becomes ours: its task is renamed "Editor review"
and waits for Editors, the workflow is renamed "Review by an editor".

It is assigned to the root page, so every page of every language (stories, and later campaign and
public-call pages) has it: a page without a workflow would give coordinators and translators,
who may not publish, no way to ask for publication. Editors keep their publish permission and may
publish directly (Wagtail shows "Publish" to whoever may publish; publishing cancels a review in
progress, WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH's default).

Running it again changes nothing. It does not need the default workflow: when that was deleted or
renamed it takes the root page's workflow, else makes a new one. Going back leaves the workflow
as it is (noop): Wagtail's default would make Moderators reviewers again, which our roles forbid.
"""

from django.db import migrations

from solidarity.core.workflow import editor_review_workflow_ensure


def forwards(apps, schema_editor):
    editor_review_workflow_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_roles"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
