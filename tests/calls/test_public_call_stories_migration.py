"""The migration that makes stories of kind "Public call" public call pages (calls 0002), and its reverse.

Its two steps run here on today's models (the shape they touch has not changed since): a story of kind
"call" and its Russian translation become ``PublicCallPage`` rows that keep their page, address,
translations, countries, text and revisions; reversed, they are stories of kind "call" again.
"""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import connection
from wagtail.models import Page

from solidarity.calls.models import PublicCallPage
from solidarity.stories.models import StoryKind, StoryPage
from tests.factories import StoryPageFactory, translate_story

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("solidarity.calls.migrations.0002_public_call_stories")


class SchemaEditor:
    """What the migration's steps use of a schema editor (SQLite's cannot open inside a test's transaction)."""

    def execute(self, sql: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql)


@pytest.fixture
def old_call(site_tree):
    """A story of kind "call" in English with its Russian translation, as editors made them before calls."""
    english = StoryPageFactory(title="Free the journalists", countries=["BY", "GE"], body=[])
    russian = translate_story(english, "ru", title="Свободу журналистам")
    plain = StoryPageFactory(title="Plain news", countries=["BY"])
    StoryPage.objects.filter(pk__in=[english.pk, russian.pk]).update(kind=StoryKind.PUBLIC_CALL)
    return english, russian, plain


def test_stories_of_kind_call_become_public_calls_keeping_page_translations_and_countries(old_call, client):
    english, russian, plain = old_call
    urls = {english.pk: english.url, russian.pk: russian.url}

    MIGRATION.stories_to_calls(apps, SchemaEditor())

    calls = {call.pk: call for call in PublicCallPage.objects.all()}
    assert sorted(calls) == sorted([english.pk, russian.pk])
    for pk, call in calls.items():
        assert Page.objects.get(pk=pk).specific_class is PublicCallPage
        assert call.url == urls[pk] and call.kind == StoryKind.PUBLIC_CALL
        assert call.translation_key == english.translation_key
        assert sorted(country.code for country in call.country_list()) == ["BY", "GE"]
        assert call.opens_on == english.date and call.addressed_to == ""
        assert call.get_latest_revision().as_object().__class__ is PublicCallPage
        assert client.get(call.url).status_code == 200
    assert calls[russian.pk].title == "Свободу журналистам"
    assert Page.objects.get(pk=plain.pk).specific_class is StoryPage


def test_reversed_the_public_calls_are_stories_of_kind_call_again(old_call):
    english, russian, _plain = old_call
    MIGRATION.stories_to_calls(apps, SchemaEditor())

    MIGRATION.calls_to_stories(apps, SchemaEditor())

    assert not PublicCallPage.objects.exists()
    for story in (english, russian):
        page = Page.objects.get(pk=story.pk)
        assert page.specific_class is StoryPage
        assert page.specific.kind == StoryKind.PUBLIC_CALL
        assert sorted(country.code for country in page.specific.country_list()) == ["BY", "GE"]
        assert page.get_latest_revision().as_object().__class__ is StoryPage


def test_without_stories_of_kind_call_it_does_nothing(site_tree):
    StoryPageFactory(title="Plain news")

    MIGRATION.stories_to_calls(apps, SchemaEditor())

    assert not PublicCallPage.objects.exists()
