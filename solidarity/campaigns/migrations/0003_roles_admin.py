"""The roles' groups made again from core/roles.py for the campaigns' admin: editors delete sign-ups; editors and
country coordinators read the messages written to country contacts, and coordinators delete their countries'
contacts (core.access cuts both to their countries)."""

from django.db import migrations

from solidarity.core.roles import roles_ensure


def forwards(apps, schema_editor):
    roles_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
