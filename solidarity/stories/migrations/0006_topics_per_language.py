"""Topics belong to a language: taggit's global tags become ``stories.Topic`` rows, one per language.

Topics are made from what stories really use: the links of their pages and, for a page with
unpublished changes, its latest revision (the draft an editor is working on). A tag used in two
languages by links becomes two topics with the same name and slug, translations of each other; a
topic that only a draft uses is linked to no other (the first revision Wagtail's "Translate" saves
holds the original's tags, which are no topics of the new language). Older revisions point each
tag to the topic of their language made from it, or drop it when there is none. The taggit tags
themselves stay where they are; going back points links and revisions to them again.
"""

import uuid
from collections.abc import Iterable

import django.db.models.deletion
from django.db import migrations, models

import solidarity.stories.models

Use = tuple[int, int]  # (locale id, tag id)


def topic_uses(links: Iterable[Use], drafts: Iterable[tuple[int, dict]]) -> tuple[list[Use], list[Use]]:
    """The (language, tag) pairs that links use, and those only the drafts use; each once, in order."""
    linked = set(links)
    drafted = {(locale_id, item["tag"]) for locale_id, content in drafts for item in tagged_items(content)}
    return sorted(linked), sorted(drafted - linked)


def tagged_items(content: dict) -> list[dict]:
    items = (content or {}).get("tagged_topics") or []
    return [item for item in items if isinstance(item, dict) and item.get("tag") is not None]


def new_topics(linked: Iterable[Use], drafted: Iterable[Use], tags: dict[int, tuple[str, str]]) -> dict[Use, dict]:
    """The topic each (language, tag) becomes: the tag's name and slug.

    The topics that links make of one tag share a translation key; a topic only a draft uses has a
    key of its own.
    """
    keys: dict[int, uuid.UUID] = {}
    topics = {}
    for uses, shared in ((linked, True), (drafted, False)):
        for locale_id, tag_id in uses:
            if tag_id not in tags:
                continue  # a draft may name a tag deleted since; it is dropped from the draft
            name, slug = tags[tag_id]
            key = keys.setdefault(tag_id, uuid.uuid4()) if shared else uuid.uuid4()
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


def story_revisions(apps):
    """The stories' saved revisions that name topics (tags), each with the page it belongs to."""
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.filter(app_label="stories", model="storypage")
    for revision in Revision.objects.filter(content_type__in=content_types).iterator():
        if (revision.content or {}).get("tagged_topics"):
            yield revision


def move_tags_to_topics(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    Topic = apps.get_model("stories", "Topic")
    StoryPage = apps.get_model("stories", "StoryPage")
    Through = apps.get_model("stories", "StoryPageTopic")

    stories = {
        pk: (locale_id, latest_revision_id if has_unpublished_changes else None)
        for pk, locale_id, has_unpublished_changes, latest_revision_id in StoryPage.objects.values_list(
            "pk", "locale_id", "has_unpublished_changes", "latest_revision_id"
        )
    }
    drafts = {draft_id for _locale_id, draft_id in stories.values() if draft_id is not None}
    links = list(Through.objects.values_list("pk", "content_object_id", "tag_id"))
    revisions = []
    for revision in story_revisions(apps):
        locale_id = stories.get(int(revision.object_id), (revision.content.get("locale"), None))[0]
        if locale_id is not None:
            revisions.append((revision, locale_id))

    linked, drafted = topic_uses(
        [(stories[story_id][0], tag_id) for _pk, story_id, tag_id in links],
        [(locale_id, revision.content) for revision, locale_id in revisions if revision.pk in drafts],
    )
    tags = {pk: (name, slug) for pk, name, slug in Tag.objects.values_list("pk", "name", "slug")}
    topic_ids = {use: Topic.objects.create(**fields).pk for use, fields in new_topics(linked, drafted, tags).items()}

    for pk, story_id, tag_id in links:
        Through.objects.filter(pk=pk).update(topic_id=topic_ids[stories[story_id][0], tag_id])
    for revision, locale_id in revisions:
        revision.content = retagged(revision.content, locale_id, topic_ids)
        revision.save(update_fields=["content"])


def move_topics_to_tags(apps, schema_editor):
    """Back: links and revisions point to the taggit tag of each topic's name (made when missing)."""
    Tag = apps.get_model("taggit", "Tag")
    Topic = apps.get_model("stories", "Topic")
    Through = apps.get_model("stories", "StoryPageTopic")
    tag_ids = {}
    for topic in Topic.objects.all():
        tag = Tag.objects.filter(name=topic.name).first() or Tag.objects.create(
            name=topic.name, slug=f"{topic.slug}-{topic.locale_id}"
        )
        tag_ids[topic.pk] = tag.pk
    for link in Through.objects.all():
        link.tag_id = tag_ids[link.topic_id]
        link.save(update_fields=["tag"])
    for revision in story_revisions(apps):
        items = [
            {**item, "tag": tag_ids[item["tag"]]} for item in tagged_items(revision.content) if item["tag"] in tag_ids
        ]
        revision.content = {**revision.content, "tagged_topics": items}
        revision.save(update_fields=["content"])


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
