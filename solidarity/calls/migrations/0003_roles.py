"""The roles' groups made again from core/roles.py for public calls: editors and country coordinators see and
check signatures (core.access cuts coordinators to their countries)."""

from django.db import migrations

from solidarity.core.roles import roles_ensure


def forwards(apps, schema_editor):
    roles_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [("calls", "0002_public_call_stories"), ("campaigns", "0004_contact_phone_encrypted")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
