"""A story's countries are rows the database indexes, filters and counts; editors tick them by name."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from solidarity.core.countries import countries_from_codes
from solidarity.core.models import Country
from solidarity.stories import queries
from solidarity.stories.models import StoryIndexPage, StoryPage
from tests.factories import StoryPageFactory, translate_story

pytestmark = pytest.mark.django_db

THROUGH_TABLE = StoryPage.countries.through._meta.db_table


def test_every_country_django_countries_knows_is_a_row():
    assert Country.objects.filter(code__in=["RU", "BY", "UA", "KG", "FR"]).count() == 5
    assert Country.objects.count() >= 249


def test_country_codes_that_are_no_country_are_refused():
    with pytest.raises(ValueError, match="ZZ"):
        countries_from_codes(["ru", "zz"])


def test_a_story_keeps_its_countries_as_rows(site_tree):
    story = StoryPageFactory(countries=["ru", "BY"])

    rows = StoryPage.countries.through.objects.filter(storypage=story).values_list("country_id", flat=True)
    assert sorted(rows) == ["BY", "RU"]
    assert [country.name for country in story.country_list()] == ["Belarus", "Russia"]


def test_the_country_column_of_the_relation_is_indexed():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, THROUGH_TABLE)
    indexed = [info["columns"] for info in constraints.values() if info["index"] or info["unique"]]
    assert ["country_id"] in indexed


def test_the_country_filter_reads_the_relation_not_a_text_column(site_tree):
    StoryPageFactory(countries=["RU"])
    locale = Locale.objects.get(language_code="en")

    with CaptureQueriesContext(connection) as captured:
        list(queries.filtered_stories(locale, country=Country(code="RU")))

    listing = next(query["sql"] for query in captured.captured_queries if THROUGH_TABLE in query["sql"])
    assert re.search(rf'FROM "{THROUGH_TABLE}" (\w+) WHERE \1\."country_id" IN \(', listing), listing
    assert " LIKE " not in listing.upper()


def test_the_database_finds_the_stories_of_a_country_through_the_index(site_tree):
    StoryPageFactory(countries=["RU"])
    queryset = StoryPage.countries.through.objects.filter(country="RU").values("storypage")
    sql, params = queryset.query.sql_with_params()

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # a table this small is otherwise read whole
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())

    assert "INDEX" in plan.upper(), plan


def test_countries_are_counted_with_one_grouped_query(site_tree, django_assert_num_queries):
    StoryPageFactory(countries=["RU", "BY"])
    StoryPageFactory(countries=["RU"])
    locale = Locale.objects.get(language_code="en")

    with django_assert_num_queries(1) as captured:
        counts = queries.countries_with_stories(locale=locale)

    assert [(country.code, count) for country, count in counts] == [("BY", 1), ("RU", 2)]
    assert "GROUP BY" in captured.captured_queries[0]["sql"].upper()


def test_a_translation_keeps_the_countries_of_its_original(site_tree):
    story = StoryPageFactory(countries=["BY", "GE"])

    russian = translate_story(story, "ru", title="Суд в Минске")

    assert sorted(country.code for country in russian.countries.all()) == ["BY", "GE"]


def story_form(**changes) -> dict:
    data = {
        "title": "Trial in Minsk",
        "slug": "trial-in-minsk",
        "kind": "news",
        "date": "2026-11-01",
        "countries": ["BY", "RU"],
        "summary": "Three activists were sentenced.",
        "topics": "",
        "body-count": "0",
    }
    data.update(changes)
    return data


def test_an_editor_ticks_countries_the_networks_first(client, site_tree, editor):
    index = StoryIndexPage.objects.get(locale__language_code="en")

    response = client.get(f"/admin/pages/add/stories/storypage/{index.pk}/")

    assert response.status_code == 200
    boxes = re.findall(r'<input type="checkbox" name="countries" value="([A-Z]{2})"', response.text)
    assert boxes[:3] == ["RU", "BY", "UA"]  # COUNTRIES_FIRST
    assert len(boxes) >= 249


def test_an_editor_saves_a_story_with_its_countries(client, site_tree, editor):
    index = StoryIndexPage.objects.get(locale__language_code="en")

    form = {**story_form(), "action-publish": "action-publish"}
    response = client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", form)

    assert response.status_code == 302
    story = StoryPage.objects.get(slug="trial-in-minsk")
    assert story.live
    assert sorted(country.code for country in story.countries.all()) == ["BY", "RU"]


def test_an_editor_cannot_save_a_story_without_a_country(client, site_tree, editor):
    index = StoryIndexPage.objects.get(locale__language_code="en")

    response = client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", story_form(countries=[]))

    assert response.status_code == 200
    assert not StoryPage.objects.filter(slug="trial-in-minsk").exists()
    assert "countries" in response.context["form"].errors


def test_an_editor_cannot_tick_a_code_that_is_no_country(client, site_tree, editor):
    index = StoryIndexPage.objects.get(locale__language_code="en")

    response = client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", story_form(countries=["ZZ"]))

    assert response.status_code == 200
    assert not StoryPage.objects.filter(slug="trial-in-minsk").exists()
