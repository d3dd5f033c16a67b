"""The home page, moved here from the stories app: the table was renamed there; here it enters this app's state."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="stories", model="homepage").first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label="home", model="homepage").first()
    if new is not None:
        # Made by an earlier run of post_migrate: the pages and revisions point at the old one.
        new.delete()
    old.app_label = "home"
    old.save(update_fields=["app_label"])


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="home", model="homepage").update(app_label="stories")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("stories", "0004_homepage_moves_to_home"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HomePage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.page",
                            ),
                        ),
                        ("intro", models.TextField(blank=True, max_length=500, verbose_name="introduction")),
                        (
                            "highlight_title",
                            models.CharField(blank=True, max_length=200, verbose_name="current campaign: title"),
                        ),
                        (
                            "highlight_text",
                            models.TextField(blank=True, max_length=600, verbose_name="current campaign: text"),
                        ),
                        (
                            "highlight_page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.page",
                                verbose_name="current campaign: page",
                            ),
                        ),
                    ],
                    options={"verbose_name": "home page"},
                    bases=("wagtailcore.page",),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
