"""The roles' groups made again from core/roles.py: country coordinators add and choose images and documents,
and no longer change those of others (the lead image of another country's story, say)."""

from django.db import migrations

from solidarity.core.roles import roles_ensure


def forwards(apps, schema_editor):
    roles_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_editor_review_workflow")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
