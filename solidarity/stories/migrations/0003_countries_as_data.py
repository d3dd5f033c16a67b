"""A story's countries move from a comma-separated column to rows that the database can index and count.

The saved revisions (drafts included) get the same change, so editors open them as they were.
"""

from django.db import migrations

import solidarity.core.countries

REVISION_MODELS = ("storypage",)


def codes_of(value) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(code).upper() for code in value if code]
    return [code.strip().upper() for code in str(value or "").split(",") if code.strip()]


def copy_countries(apps, schema_editor):
    Country = apps.get_model("core", "Country")
    StoryPage = apps.get_model("stories", "StoryPage")
    Through = StoryPage.countries.through
    known = set(Country.objects.values_list("code", flat=True))
    rows = []
    for story_id, legacy in StoryPage.objects.values_list("pk", "countries_legacy"):
        for code in codes_of(legacy):
            if code not in known:
                Country.objects.create(code=code)
                known.add(code)
            rows.append(Through(storypage_id=story_id, country_id=code))
    Through.objects.bulk_create(rows, ignore_conflicts=True)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_types = ContentType.objects.filter(app_label="stories", model__in=REVISION_MODELS)
    for revision in Revision.objects.filter(content_type__in=content_types).iterator():
        content = revision.content or {}
        if isinstance(content.get("countries"), str):
            content["countries"] = codes_of(content["countries"])
            revision.content = content
            revision.save(update_fields=["content"])


def copy_countries_back(apps, schema_editor):
    StoryPage = apps.get_model("stories", "StoryPage")
    for story in StoryPage.objects.all():
        story.countries_legacy = ",".join(sorted(story.countries.values_list("code", flat=True)))
        story.save(update_fields=["countries_legacy"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_country"),
        ("stories", "0002_countries_help_text"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameField(model_name="storypage", old_name="countries", new_name="countries_legacy"),
        migrations.AddField(
            model_name="storypage",
            name="countries",
            field=solidarity.core.countries.CountriesField(
                help_text="Tick every country this story is about; the network's countries come first.",
                related_name="+",
                to="core.country",
                verbose_name="countries",
            ),
        ),
        migrations.RunPython(copy_countries, copy_countries_back),
        migrations.RemoveField(model_name="storypage", name="countries_legacy"),
    ]
