"""The staff roles' groups and their permissions (solidarity/core/roles.py is the table).

Wagtail's own first migration made "Editors" and "Moderators" groups with page permissions; they
become our editors (who publish) and our moderators (the comment queue only, no pages).
"""

from django.db import migrations

from solidarity.core.roles import roles_ensure


def forwards(apps, schema_editor):
    roles_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_staff_countries"),
        ("home", "0004_members_page"),
        ("stories", "0007_story_credit"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
