"""The migration that makes topics per language (stories 0006): its steps, and the migration itself.

The first tests try its steps on a small set of tags; the others run it on a database, forwards
from stories 0005, backwards and forwards again, with an English story, its Russian translation
(whose first revision, as Wagtail's "Translate" saves it, holds the English story's tags) and a
Russian draft: made and migrated once for the module, which leaves the database migrated to the end,
with the rows it had before.
"""

from __future__ import annotations

import importlib
import uuid

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

MIGRATION = importlib.import_module("solidarity.stories.migrations.0006_topics_per_language")
EN, RU = 1, 2
PRISONS, COVID, DELETED = 10, 11, 12
TAGS = {PRISONS: ("Prisons", "prisons"), COVID: ("COVID-19", "covid-19")}


def test_each_tag_becomes_a_topic_in_each_language_whose_stories_use_it():
    linked, drafted = MIGRATION.topic_uses([(EN, PRISONS), (EN, COVID), (RU, COVID), (EN, PRISONS)], [])

    topics = MIGRATION.new_topics(linked, drafted, TAGS)

    assert sorted(topics) == [(EN, PRISONS), (EN, COVID), (RU, COVID)]
    assert {key: (fields["locale_id"], fields["name"], fields["slug"]) for key, fields in topics.items()} == {
        (EN, PRISONS): (EN, "Prisons", "prisons"),
        (EN, COVID): (EN, "COVID-19", "covid-19"),
        (RU, COVID): (RU, "COVID-19", "covid-19"),
    }


def test_one_tag_linked_in_two_languages_becomes_two_topics_that_are_translations_of_each_other():
    topics = MIGRATION.new_topics([(EN, COVID), (RU, COVID), (EN, PRISONS)], [], TAGS)

    assert topics[EN, COVID]["translation_key"] == topics[RU, COVID]["translation_key"]
    assert topics[EN, PRISONS]["translation_key"] != topics[EN, COVID]["translation_key"]


def test_a_tag_only_a_draft_uses_becomes_a_topic_of_its_language_that_translates_no_other():
    draft = {"title": "Черновик", "tagged_topics": [{"pk": None, "tag": COVID, "content_object": 5}]}

    linked, drafted = MIGRATION.topic_uses([(EN, COVID)], [(RU, draft), (RU, {"title": "Без тем"})])
    topics = MIGRATION.new_topics(linked, drafted, TAGS)

    assert (linked, drafted) == ([(EN, COVID)], [(RU, COVID)])
    assert topics[RU, COVID]["translation_key"] != topics[EN, COVID]["translation_key"]


def test_a_tag_a_draft_shares_with_a_link_of_its_language_is_one_topic():
    draft = {"title": "Черновик", "tagged_topics": [{"pk": 3, "tag": COVID, "content_object": 5}]}

    assert MIGRATION.topic_uses([(RU, COVID)], [(RU, draft)]) == ([(RU, COVID)], [])


def test_a_tag_deleted_since_a_draft_becomes_no_topic():
    assert MIGRATION.new_topics([], [(EN, DELETED)], TAGS) == {}


def test_a_revision_points_to_the_topics_of_its_language_and_drops_a_deleted_tag():
    content = {
        "title": "Суд",
        "tagged_topics": [
            {"pk": 7, "tag": COVID, "content_object": 5},
            {"pk": 8, "tag": DELETED, "content_object": 5},
        ],
    }

    retagged = MIGRATION.retagged(content, RU, {(EN, COVID): 100, (RU, COVID): 101})

    assert retagged == {"title": "Суд", "tagged_topics": [{"pk": 7, "tag": 101, "content_object": 5}]}
    assert content["tagged_topics"][0]["tag"] == COVID  # the original is left as it was


def test_a_revision_without_topics_is_left_as_it_is():
    content = {"title": "Суд", "tagged_topics": []}

    assert MIGRATION.retagged(content, RU, {}) is content


# The migration on a database. Its tests carry the django_db mark so that the test database is made;
# the migrating itself happens once, in the module's fixture, outside any test's transaction.

database = pytest.mark.django_db

BEFORE = ("stories", "0005_lead_image_alt_caption_credit")
AFTER = ("stories", "0006_topics_per_language")


def migrate(target: list[tuple[str, str]] | None = None):
    """Migrate the test database to ``target`` (the leaf nodes when None); the models of that state."""
    executor = MigrationExecutor(connection)
    targets = target or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def old_stories(apps) -> dict:
    """An English story, its Russian translation and a Russian draft, as stories 0005 kept them.

    The tags: "fair trial" (English links), «справедливый суд» (Russian links and the draft),
    "COVID-19" (links in both languages), "new law" (English links and the draft only),
    "forgotten" (an old revision of the draft only).
    """
    Locale = apps.get_model("wagtailcore", "Locale")
    ContentType = apps.get_model("contenttypes", "ContentType")
    StoryPage = apps.get_model("stories", "StoryPage")
    Through = apps.get_model("stories", "StoryPageTopic")
    Revision = apps.get_model("wagtailcore", "Revision")
    Tag = apps.get_model("taggit", "Tag")

    en = Locale.objects.get_or_create(language_code="en")[0]
    ru = Locale.objects.get_or_create(language_code="ru")[0]
    story_type = ContentType.objects.get_or_create(app_label="stories", model="storypage")[0]
    page_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")[0]
    tags = {
        name: Tag.objects.create(name=name, slug=slug).pk
        for name, slug in [
            ("fair trial", "fair-trial"),
            ("справедливый суд", "справедливый-суд"),
            ("COVID-19", "covid-19"),
            ("new law", "new-law"),
            ("forgotten", "forgotten"),
        ]
    }

    def story(path, locale, key, *, links, revisions, live=True):
        page = StoryPage.objects.create(
            title=path, draft_title=path, slug=path, path=path, depth=1, url_path=f"/{path}/",
            content_type=story_type, locale=locale, translation_key=key, summary="…", body="[]",
            live=live, has_unpublished_changes=not live,
        )  # fmt: skip
        for name in links:
            Through.objects.create(content_object_id=page.pk, tag_id=tags[name])
        saved = []
        for names in revisions:
            items = [{"pk": None, "tag": tags[name], "content_object": page.pk} for name in names]
            content = {"title": path, "locale": locale.pk, "tagged_topics": items}
            saved.append(
                Revision.objects.create(
                    content_type=story_type, base_content_type=page_type, object_id=str(page.pk),
                    object_str=path, content=content, created_at=timezone.now(),
                ).pk
            )  # fmt: skip
        StoryPage.objects.filter(pk=page.pk).update(latest_revision_id=saved[-1])
        return page.pk, saved

    key = uuid.uuid4()
    english, (english_latest,) = story("9001", en, key, links=["fair trial", "COVID-19", "new law"], revisions=[
        ["fair trial", "COVID-19", "new law"],
    ])  # fmt: skip
    russian, (translated, russian_latest) = story("9002", ru, key, links=["справедливый суд", "COVID-19"], revisions=[
        ["fair trial", "COVID-19", "new law"],  # what "Translate" saves: the English story's tags
        ["справедливый суд", "COVID-19"],
    ])  # fmt: skip
    draft, (draft_older, draft_latest) = story("9003", ru, uuid.uuid4(), links=[], live=False, revisions=[
        ["fair trial", "forgotten"],
        ["справедливый суд", "new law"],
    ])  # fmt: skip
    return {
        "ids": {"en": en.pk, "ru": ru.pk, **tags},
        "stories": {"english": english, "russian": russian, "draft": draft},
        "revisions": {
            "english": english_latest,
            "translated": translated,
            "russian": russian_latest,
            "draft older": draft_older,
            "draft": draft_latest,
        },
    }


def topics_of(apps) -> dict[tuple[str, str], object]:
    """Every topic by (language, name)."""
    Topic = apps.get_model("stories", "Topic")
    return {(topic.locale.language_code, topic.name): topic for topic in Topic.objects.select_related("locale")}


def linked_names(apps, model_name: str, story_id: int) -> list[str]:
    Through = apps.get_model("stories", "StoryPageTopic")
    Model = apps.get_model(*model_name.split("."))
    ids = Through.objects.filter(content_object_id=story_id).values_list("tag_id", flat=True)
    return sorted(Model.objects.filter(pk__in=ids).values_list("name", flat=True))


def revision_names(apps, model_name: str, revision_id: int) -> list[str]:
    Revision = apps.get_model("wagtailcore", "Revision")
    Model = apps.get_model(*model_name.split("."))
    ids = [item["tag"] for item in Revision.objects.get(pk=revision_id).content["tagged_topics"]]
    names = dict(Model.objects.filter(pk__in=ids).values_list("pk", "name"))
    return [names.get(pk, f"missing {pk}") for pk in ids]


def after_migrating(apps, old) -> dict:
    """What the tests read of the database migrated to 0006: its topics, links and revisions."""
    topics = topics_of(apps)
    by_id = {topic.pk: key for key, topic in topics.items()}
    Through = apps.get_model("stories", "StoryPageTopic")
    Revision = apps.get_model("wagtailcore", "Revision")
    return {
        "topics": topics,
        "links": [(link.tag.locale_id, link.content_object.locale_id) for link in Through.objects.all()],
        "linked": {name: linked_names(apps, "stories.Topic", pk) for name, pk in old["stories"].items()},
        "revision topics": {
            name: [by_id.get(item["tag"]) for item in Revision.objects.get(pk=pk).content["tagged_topics"]]
            for name, pk in old["revisions"].items()
        },
        "revision names": {name: revision_names(apps, "stories.Topic", pk) for name, pk in old["revisions"].items()},
    }


def after_going_back(apps, old) -> dict:
    """What the tests read of the database migrated back to 0005: links and revisions name tags again."""
    Tag = apps.get_model("taggit", "Tag")
    return {
        "linked": {name: linked_names(apps, "taggit.Tag", pk) for name, pk in old["stories"].items()},
        "revision names": {name: revision_names(apps, "taggit.Tag", pk) for name, pk in old["revisions"].items()},
        "tags kept": Tag.objects.filter(
            pk__in=[old["ids"][name] for name in ("fair trial", "COVID-19", "new law")]
        ).count(),
    }


@pytest.fixture(scope="module")
def migrations(django_db_setup, django_db_blocker) -> dict:
    """The migration run once for the module (going back to 0005 undoes every later migration: slow), as the
    tests read it: forwards from 0005 ("forwards"), back ("back") and forwards again ("forwards again").

    The migrations run on the test database itself, so what they write is committed: afterwards the
    database is migrated to the end, emptied and given back the rows it had (as a serialised rollback does).
    """
    with django_db_blocker.unblock():
        rows_before = connection.creation.serialize_db_to_string()
        try:
            old = old_stories(migrate([BEFORE]))
            read = {"old": old, "forwards": after_migrating(migrate([AFTER]), old)}
            read["back"] = after_going_back(migrate([BEFORE]), old)
            read["forwards again"] = after_migrating(migrate([AFTER]), old)
        finally:
            migrate()
            call_command("flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(rows_before)
    return read


@database
def test_topics_come_from_what_stories_use_and_are_translations_only_when_both_are_linked(migrations):
    topics = migrations["forwards"]["topics"]

    assert sorted(topics) == [
        ("en", "COVID-19"),
        ("en", "fair trial"),
        ("en", "new law"),
        ("ru", "COVID-19"),
        ("ru", "new law"),  # only the draft uses it
        ("ru", "справедливый суд"),
    ]  # no Russian "fair trial" from the revision "Translate" saved, no topic of a tag only an old revision has
    assert topics["en", "COVID-19"].translation_key == topics["ru", "COVID-19"].translation_key
    assert topics["en", "new law"].translation_key != topics["ru", "new law"].translation_key
    assert topics["en", "fair trial"].translation_key not in {
        topic.translation_key for (language, _name), topic in topics.items() if language == "ru"
    }


@database
def test_links_and_revisions_point_to_the_topics_of_their_language(migrations):
    old, forwards = migrations["old"], migrations["forwards"]
    topics, revision_topics = forwards["topics"], forwards["revision topics"]

    assert {topics[key].locale_id for key in topics if key[0] == "ru"} == {old["ids"]["ru"]}
    assert forwards["links"] and all(tag_locale == story_locale for tag_locale, story_locale in forwards["links"])
    assert forwards["linked"]["english"] == ["COVID-19", "fair trial", "new law"]
    assert forwards["linked"]["russian"] == ["COVID-19", "справедливый суд"]
    assert revision_topics["english"] == [("en", "fair trial"), ("en", "COVID-19"), ("en", "new law")]
    assert revision_topics["translated"] == [("ru", "COVID-19"), ("ru", "new law")]
    assert revision_topics["russian"] == [("ru", "справедливый суд"), ("ru", "COVID-19")]
    assert revision_topics["draft older"] == []
    assert revision_topics["draft"] == [("ru", "справедливый суд"), ("ru", "new law")]


@database
def test_going_back_points_links_and_revisions_to_the_tags_again_and_forward_again_works(migrations):
    back, again = migrations["back"], migrations["forwards again"]

    assert back["linked"]["english"] == ["COVID-19", "fair trial", "new law"]
    assert back["linked"]["russian"] == ["COVID-19", "справедливый суд"]
    assert back["revision names"]["english"] == ["fair trial", "COVID-19", "new law"]
    assert back["revision names"]["russian"] == ["справедливый суд", "COVID-19"]
    assert back["revision names"]["draft"] == ["справедливый суд", "new law"]
    assert back["tags kept"] == 3

    assert again["linked"]["russian"] == ["COVID-19", "справедливый суд"]
    assert again["revision names"]["draft"] == ["справедливый суд", "new law"]
    assert ("ru", "fair trial") not in again["topics"]
