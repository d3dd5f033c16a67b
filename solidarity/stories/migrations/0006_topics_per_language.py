"""Topics belong to a language: taggit's global tags become ``stories.Topic`` rows, one per language.

Each tag a story uses becomes a topic in that story's language (a tag used in two languages
becomes two topics with the same name and slug, translations of each other). The stories' links
and their saved revisions (drafts included) point to the new topics, so editors open them as
they were. The taggit tags themselves stay where they are.
"""

import uuid
from collections.abc import Iterable

import django.db.models.deletion
from django.db import migrations, models

import solidarity.stories.models

Use = tuple[int, int]  # (locale id, tag id)


def topic_uses(links: Iterable[Use], revisions: Iterable[tuple[int, dict]]) -> list[Use]:
    """Every (language, tag) that a story link or a saved revision uses, each once, in order."""
    uses = set(links)
    for locale_id, content in revisions:
        uses.update((locale_id, item["tag"]) for item in tagged_items(content))
    return sorted(uses)


def tagged_items(content: dict) -> list[dict]:
    items = (content or {}).get("tagged_topics") or []
    return [item for item in items if isinstance(item, dict) and item.get("tag") is not None]


def new_topics(uses: Iterable[Use], tags: dict[int, tuple[str, str]]) -> dict[Use, dict]:
    """The topic each (language, tag) becomes: the tag's name and slug, one translation key per tag."""
    keys: dict[int, uuid.UUID] = {}
    topics = {}
    for locale_id, tag_id in uses:
        if tag_id not in tags:
            continue  # a revision may name a tag deleted since; it is dropped from the revision
        name, slug = tags[tag_id]
        key = keys.setdefault(tag_id, uuid.uuid4())
        topics[locale_id, tag_id] = {"locale_id": locale_id, "name": name, "slug": slug, "translation_key": key}
    return topics


def retagged(content: dict, locale_id: int, topic_ids: dict[Use, int]) -> dict:
    """A revision's content with its topic links pointing to the topics of its language."""
    if not (content or {}).get("tagged_topics"):
        return content
    items = []
    for item in tagged_items(content):
        topic_id = topic_ids.get((locale_id, item["tag"]))
        if topic_id is not None:
            items.append({**item, "tag": topic_id})
    return {**content, "tagged_topics": items}


def move_tags_to_topics(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    Topic = apps.get_model("stories", "Topic")
    StoryPage = apps.get_model("stories", "StoryPage")
    Through = apps.get_model("stories", "StoryPageTopic")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    story_locales = dict(StoryPage.objects.values_list("pk", "locale_id"))
    links = list(Through.objects.values_list("pk", "content_object_id", "tag_id"))
    content_types = ContentType.objects.filter(app_label="stories", model="storypage")
    revisions = []
    for revision in Revision.objects.filter(content_type__in=content_types).iterator():
        content = revision.content or {}
        locale_id = story_locales.get(int(revision.object_id)) or content.get("locale")
        if locale_id is not None and content.get("tagged_topics"):
            revisions.append((revision, locale_id))

    uses = topic_uses(
        [(story_locales[story_id], tag_id) for _pk, story_id, tag_id in links],
        [(locale_id, revision.content) for revision, locale_id in revisions],
    )
    tags = {pk: (name, slug) for pk, name, slug in Tag.objects.values_list("pk", "name", "slug")}
    topic_ids = {use: Topic.objects.create(**fields).pk for use, fields in new_topics(uses, tags).items()}

    for pk, story_id, tag_id in links:
        Through.objects.filter(pk=pk).update(topic_id=topic_ids[story_locales[story_id], tag_id])
    for revision, locale_id in revisions:
        revision.content = retagged(revision.content, locale_id, topic_ids)
        revision.save(update_fields=["content"])


def move_topics_to_tags(apps, schema_editor):
    """Back: each topic's links point to the taggit tag of its name (made when missing)."""
    Tag = apps.get_model("taggit", "Tag")
    Through = apps.get_model("stories", "StoryPageTopic")
    for link in Through.objects.select_related("topic"):
        tag = Tag.objects.filter(name=link.topic.name).first() or Tag.objects.create(
            name=link.topic.name, slug=f"{link.topic.slug}-{link.topic.locale_id}"
        )
        link.tag_id = tag.pk
        link.save(update_fields=["tag"])


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0005_lead_image_alt_caption_credit"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Topic",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                ("slug", models.SlugField(allow_unicode=True, max_length=100, verbose_name="slug")),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "topic",
                "verbose_name_plural": "topics",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
                "constraints": [
                    models.UniqueConstraint(fields=("locale", "slug"), name="stories_topic_slug_unique_per_locale"),
                    models.UniqueConstraint(fields=("locale", "name"), name="stories_topic_name_unique_per_locale"),
                ],
            },
        ),
        migrations.AddField(
            model_name="storypagetopic",
            name="topic",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="stories.topic"
            ),
        ),
        migrations.AlterField(
            model_name="storypagetopic",
            name="tag",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="taggit.tag"
            ),
        ),
        migrations.RunPython(move_tags_to_topics, move_topics_to_tags),
        migrations.RemoveField(model_name="storypagetopic", name="tag"),
        migrations.RenameField(model_name="storypagetopic", old_name="topic", new_name="tag"),
        migrations.AlterField(
            model_name="storypagetopic",
            name="tag",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="tagged_stories", to="stories.topic"
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="topics",
            field=solidarity.stories.models.TopicsField(
                blank=True,
                help_text="Topics in the story's language; a new one is added to this language's topics.",
                through="stories.StoryPageTopic",
                to="stories.Topic",
                verbose_name="topics",
            ),
        ),
    ]
