"""Topics belong to a language: slugs per language, the filter per language, translations linked."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from solidarity.stories import queries
from solidarity.stories.models import StoryIndexPage, StoryPage, Topic
from solidarity.stories.services import topic_translation_ensure
from tests.factories import StoryPageFactory, days_ago
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [story.title for story in response.context["stories"]]


def topic(name: str, language: str) -> Topic:
    return Topic.objects.get(name=name, locale__language_code=language)


def switcher(response) -> dict[str, str]:
    return {link.code: link.url for link in response.context["languages"].links}


def test_the_same_topic_slug_in_two_languages_names_two_topics(site_tree):
    english = StoryPageFactory(title="Arrests in Moscow", topics=["Arrests"])
    russian = StoryPageFactory(title="Задержания", slug="zaderzhaniya", language="ru", topics=["Arrests"])

    topics = Topic.objects.filter(slug="arrests").select_related("locale")

    assert sorted(found.locale.language_code for found in topics) == ["en", "ru"]
    assert [found.locale.language_code for found in english.topics.all()] == ["en"]
    assert [found.locale.language_code for found in russian.topics.all()] == ["ru"]


def test_a_topic_named_again_in_its_language_is_the_same_topic(site_tree):
    StoryPageFactory(title="One", topics=["Prisons"])
    StoryPageFactory(title="Two", topics=["Prisons"])

    assert Topic.objects.filter(name="Prisons").count() == 1


def test_a_story_refuses_a_topic_of_another_language(site_tree):
    english = topic_of_a_new_story("Prisons", "en")
    russian = StoryPageFactory(title="Тюрьмы", slug="tyurmy", language="ru")

    with pytest.raises(ValueError, match="another language"):
        russian.topics.add(english)


def topic_of_a_new_story(name: str, language: str) -> Topic:
    StoryPageFactory(title=f"About {name} in {language}", language=language, topics=[name])
    return topic(name, language)


def test_the_topic_filter_finds_only_stories_of_its_language(client, site_tree):
    StoryPageFactory(title="Arrests in Moscow", topics=["Arrests"], date=days_ago(1))
    StoryPageFactory(title="Задержания", slug="zaderzhaniya", language="ru", topics=["Arrests"], date=days_ago(2))
    StoryPageFactory(title="Суд в Минске", slug="sud", language="ru", topics=["Суды"], date=days_ago(3))

    english = client.get("/en/stories/?topic=arrests")
    russian = client.get("/ru/stories/?topic=arrests")

    assert titles(english) == ["Arrests in Moscow"]
    assert titles(russian) == ["Задержания"]
    assert russian.context["filters"].chosen_topic == topic("Arrests", "ru")
    assert [option.name for option in russian.context["filters"].topic_options] == ["Arrests", "Суды"]


def test_a_topic_a_visible_story_has_is_chosen_and_selected(client, site_tree):
    StoryPageFactory(title="Тюрьмы", slug="tyurmy", language="ru", topics=["Тюрьмы"])

    response = client.get("/ru/stories/?topic=тюрьмы")

    assert response.context["filters"].chosen_topic == topic("Тюрьмы", "ru")
    assert '<option value="тюрьмы" selected>Тюрьмы</option>' in response.text


@pytest.mark.parametrize("hidden", ["draft", "private"])
def test_a_topic_only_hidden_stories_have_is_not_found_nor_named(client, site_tree, hidden):
    story = StoryPageFactory(title="Raid", slug="raid", topics=["Secret raid plans"], publish=hidden != "draft")
    if hidden == "private":
        PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="x")

    response = client.get("/en/stories/?topic=secret-raid-plans")

    assert response.context["filters"].chosen_topic is None
    assert response.context["filters"].topic_options == []
    assert "Secret raid plans" not in response.text


def test_the_language_switch_carries_a_topic_to_its_translation(client, site_tree):
    english = topic_of_a_new_story("Prisons", "en")
    russian = topic_translation_ensure(topic=english, language="ru", name="Тюрьмы")
    StoryPageFactory(title="Тюрьмы", slug="tyurmy", language="ru", topics=[russian])

    response = client.get("/en/stories/?country=ru&topic=prisons")

    assert switcher(response)["ru"] == f"/ru/stories/?country=ru&topic={quote('тюрьмы')}"
    assert switcher(response)["de"] == "/de/stories/?country=ru"  # no German translation: the topic is left out


@pytest.mark.parametrize("hidden", ["draft", "private"])
def test_the_language_switch_leaves_out_a_translation_only_hidden_stories_have(client, site_tree, hidden):
    english = topic_of_a_new_story("Prisons", "en")
    russian = topic_translation_ensure(topic=english, language="ru", name="Тайные тюрьмы")
    story = StoryPageFactory(title="Тюрьмы", slug="tyurmy", language="ru", topics=[russian], publish=hidden != "draft")
    if hidden == "private":
        PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="x")

    response = client.get("/en/stories/?topic=prisons")

    assert switcher(response)["ru"] == "/ru/stories/"
    assert quote("тайные-тюрьмы") not in response.text


def test_the_language_switch_carries_no_topic_that_only_hidden_stories_of_its_language_have(client, site_tree):
    StoryPageFactory(title="Prisons", slug="prisons", topics=["Prisons"], publish=False)
    russian = topic_translation_ensure(topic=topic("Prisons", "en"), language="ru", name="Тюрьмы")
    StoryPageFactory(title="Тюрьмы", slug="tyurmy", language="ru", topics=[russian])

    response = client.get("/en/stories/?topic=prisons")

    assert switcher(response)["ru"] == "/ru/stories/"


def test_the_language_switch_leaves_out_a_topic_without_translation(client, site_tree):
    topic_of_a_new_story("Prisons", "en")

    response = client.get("/en/stories/?topic=prisons")

    assert switcher(response)["ru"] == "/ru/stories/"


def test_a_story_page_links_its_topics_to_the_list_of_its_language(client, site_tree):
    story = StoryPageFactory(title="Тюрьмы", slug="tyurmy", language="ru", topics=["Тюрьмы"])

    response = client.get(story.url)

    assert f'<a href="/ru/stories/?topic={quote("тюрьмы")}">Тюрьмы</a>' in response.text


def test_a_topic_translation_links_an_existing_topic_of_that_name(site_tree):
    english = topic_of_a_new_story("Prisons", "en")
    russian = topic_of_a_new_story("Тюрьмы", "ru")

    translation = topic_translation_ensure(topic=english, language="ru", name="Тюрьмы")

    assert translation.pk == russian.pk
    assert english.get_translation(Locale.objects.get(language_code="ru")) == russian
    assert topic_translation_ensure(topic=english, language="ru", name="Другое") == russian  # it has one already


def test_a_topic_translation_refuses_a_topic_already_translating_another(site_tree):
    prisons, courts = topic_of_a_new_story("Prisons", "en"), topic_of_a_new_story("Courts", "en")
    topic_translation_ensure(topic=prisons, language="ru", name="Тюрьмы")

    with pytest.raises(ValueError, match="already the translation"):
        topic_translation_ensure(topic=courts, language="ru", name="Тюрьмы")

    assert courts.get_translation_or_none(Locale.objects.get(language_code="ru")) is None


class TestAnEditorAddsTopics(WagtailPageTestCase):
    """Topics an editor types in the admin are found, or made, in the page's language."""

    def setUp(self):
        user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a long password 123")
        login_staff(self.client, user)

    def story_data(self, topics: str) -> dict:
        data = nested_form_data(
            {
                "title": "Суд в Минске",
                "slug": "sud-v-minske",
                "kind": "news",
                "date": "2026-11-01",
                "summary": "Трое активистов осуждены.",
                "topics": topics,
                "lead_image_alt": "",
                "body": streamfield([("paragraph", rich_text("<p>Заседание длилось час.</p>"))]),
            }
        )
        return {**data, "countries": ["BY"]}

    def test_a_russian_story_gets_russian_topics_even_when_english_ones_share_the_name(self):
        StoryPageFactory(title="Arrests in Minsk", topics=["Arrests"])
        russian_index = StoryIndexPage.objects.get(locale__language_code="ru")

        self.assertCanCreate(russian_index, StoryPage, self.story_data("Arrests, Суды"))

        story = StoryPage.objects.get(slug="sud-v-minske")
        assert story.live
        assert sorted((found.name, found.locale.language_code) for found in story.topics.all()) == [
            ("Arrests", "ru"),
            ("Суды", "ru"),
        ]
        assert Topic.objects.filter(name="Arrests").count() == 2


def test_an_editor_lists_the_topics_of_a_language_under_snippets(client, editor, site_tree):
    topic_of_a_new_story("Prisons", "en")
    topic_of_a_new_story("Тюрьмы", "ru")

    response = client.get("/admin/snippets/stories/topic/?locale=ru")

    assert response.status_code == 200
    assert "Тюрьмы" in response.text
    assert "Prisons" not in response.text


def test_an_editor_adds_a_topic_whose_slug_another_language_has(client, editor, site_tree):
    topic_of_a_new_story("Prisons", "en")

    response = client.post("/admin/snippets/stories/topic/add/?locale=ru", {"name": "Prisons", "slug": "prisons"})

    assert response.status_code == 302
    assert Topic.objects.filter(slug="prisons", locale__language_code="ru").exists()


def test_an_editor_cannot_add_a_topic_whose_slug_its_language_has(client, editor, site_tree):
    topic_of_a_new_story("Prisons", "en")

    response = client.post("/admin/snippets/stories/topic/add/?locale=en", {"name": "Prisons again", "slug": "prisons"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["slug"]
    assert Topic.objects.filter(slug="prisons").count() == 1


def test_an_editor_translates_a_topic_and_the_translation_is_linked(client, editor, site_tree):
    english = topic_of_a_new_story("Prisons", "en")
    russian_locale = Locale.objects.get(language_code="ru")

    response = client.post(
        f"/admin/translation/submit/snippet/stories/topic/{english.pk}/", {"locales": [russian_locale.pk]}
    )

    assert response.status_code == 302
    translation = english.get_translation(russian_locale)
    assert (translation.name, translation.slug) == ("Prisons", "prisons")  # the editor then renames it


def test_a_topic_and_its_translations_are_read_in_one_query_each(site_tree, django_assert_num_queries):
    english = topic_of_a_new_story("Prisons", "en")
    russian = topic_translation_ensure(topic=english, language="ru", name="Тюрьмы")
    StoryPageFactory(title="Тюрьмы", slug="tyurmy", language="ru", topics=[russian])
    locale = Locale.objects.get(language_code="en")

    with django_assert_num_queries(1):
        found = queries.topic_by_slug("prisons", locale=locale)
    with django_assert_num_queries(1):
        translations = queries.topic_slugs_by_language("prisons", locale=locale)

    assert found == english
    assert translations == {"ru": "тюрьмы"}
