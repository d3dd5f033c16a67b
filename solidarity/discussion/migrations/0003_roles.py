"""The roles' groups made again from core/roles.py for the discussion: moderators and editors work the comment
queue; country coordinators read and answer the questions of their countries' inboxes, editors every inbox.
(Messages to contacts, which these questions replace, are no permission any longer.)"""

from django.db import migrations

from solidarity.core.roles import roles_ensure


def forwards(apps, schema_editor):
    roles_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [("discussion", "0002_contact_messages"), ("campaigns", "0006_contact_messages_become_questions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
