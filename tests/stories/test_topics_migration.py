"""The migration that makes topics per language (stories 0006): its steps, on a small set of tags.

(The whole migration was also run forwards, backwards and forwards again on a copy of a database.)
"""

from __future__ import annotations

import importlib

MIGRATION = importlib.import_module("solidarity.stories.migrations.0006_topics_per_language")
EN, RU = 1, 2
PRISONS, COVID, DELETED = 10, 11, 12
TAGS = {PRISONS: ("Prisons", "prisons"), COVID: ("COVID-19", "covid-19")}


def test_each_tag_becomes_a_topic_in_each_language_whose_stories_use_it():
    uses = MIGRATION.topic_uses([(EN, PRISONS), (EN, COVID), (RU, COVID), (EN, PRISONS)], [])

    topics = MIGRATION.new_topics(uses, TAGS)

    assert sorted(topics) == [(EN, PRISONS), (EN, COVID), (RU, COVID)]
    assert {key: (fields["locale_id"], fields["name"], fields["slug"]) for key, fields in topics.items()} == {
        (EN, PRISONS): (EN, "Prisons", "prisons"),
        (EN, COVID): (EN, "COVID-19", "covid-19"),
        (RU, COVID): (RU, "COVID-19", "covid-19"),
    }


def test_one_tag_in_two_languages_becomes_two_topics_that_are_translations_of_each_other():
    topics = MIGRATION.new_topics([(EN, COVID), (RU, COVID), (EN, PRISONS)], TAGS)

    assert topics[EN, COVID]["translation_key"] == topics[RU, COVID]["translation_key"]
    assert topics[EN, PRISONS]["translation_key"] != topics[EN, COVID]["translation_key"]


def test_a_tag_only_a_saved_revision_uses_becomes_a_topic_of_that_revisions_language():
    revision = {"title": "Черновик", "tagged_topics": [{"pk": None, "tag": PRISONS, "content_object": 5}]}

    uses = MIGRATION.topic_uses([(EN, COVID)], [(RU, revision), (RU, {"title": "Без тем"})])

    assert uses == [(EN, COVID), (RU, PRISONS)]


def test_a_tag_deleted_since_a_revision_becomes_no_topic():
    assert MIGRATION.new_topics([(EN, DELETED)], TAGS) == {}


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
