"""The roles' groups made again from core/roles.py for the newsletter: editors compose, preview, schedule, send and
stop mailings; no other role sees the newsletter in the admin."""

from django.db import migrations

from solidarity.core.roles import roles_ensure


def forwards(apps, schema_editor):
    roles_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial"), ("discussion", "0003_roles"), ("calls", "0003_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
