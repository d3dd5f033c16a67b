"""The roles' groups made again from core/roles.py: editors and country coordinators decide on the groups and
activities of campaigns (coordinators for their countries, core.access), see sign-ups and keep country contacts;
editors see the outgoing email's states."""

from django.db import migrations

from solidarity.core.roles import roles_ensure


def forwards(apps, schema_editor):
    roles_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0001_initial"), ("core", "0007_outgoingemail")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
