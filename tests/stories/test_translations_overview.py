"""The editors' translations overview: which stories exist in which language, what is missing or out of date."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from wagtail.models import GroupPagePermission

from solidarity.stories import admin_views, queries
from solidarity.stories.models import StoryPage
from solidarity.stories.services import story_publish, story_translate
from tests.factories import StoryPageFactory, translate_story
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db


def statuses(row: queries.StoryTranslations) -> dict[str, str]:
    return {cell.locale.language_code: cell.status for cell in row.cells}


def row_of(story: StoryPage, rows: list[queries.StoryTranslations]) -> queries.StoryTranslations:
    return next(row for row in rows if row.original.translation_key == story.translation_key)


def test_a_story_in_one_language_is_missing_in_the_others(site_tree):
    story = StoryPageFactory(title="Trial in Minsk")

    row = row_of(story, queries.story_translations())

    assert row.original.pk == story.pk
    assert statuses(row) == {
        "en": "original",
        "ru": "missing",
        "uk": "missing",
        "be": "missing",
        "de": "missing",
        "fr": "missing",
    }


def test_a_translation_published_after_the_original_is_up_to_date(site_tree):
    story = StoryPageFactory(title="Trial in Minsk")
    translate_story(story, "ru", title="Суд в Минске")

    assert statuses(row_of(story, queries.story_translations()))["ru"] == "current"


def test_a_translation_is_out_of_date_when_the_original_is_published_again(site_tree):
    story = StoryPageFactory(title="Trial in Minsk")
    translate_story(story, "ru", title="Суд в Минске")
    story.summary = "The court sat for an hour and sentenced three activists."
    story_publish(story=story)

    assert statuses(row_of(story, queries.story_translations()))["ru"] == "outdated"


def test_a_translation_never_published_is_a_draft(site_tree):
    story = StoryPageFactory(title="Trial in Minsk")
    translate_story(story, "de", title="Prozess in Minsk", publish=False)

    assert statuses(row_of(story, queries.story_translations()))["de"] == "draft"


def test_the_original_is_the_version_written_first_whatever_its_language(site_tree):
    story = StoryPageFactory(title="Суд в Минске", language="ru")
    translate_story(story, "en", title="Trial in Minsk")

    row = row_of(story, queries.story_translations())

    assert row.original.pk == story.pk
    assert row.original_locale.language_code == "ru"
    assert statuses(row)["ru"] == "original"
    assert statuses(row)["en"] == "current"


def test_the_filter_keeps_the_stories_that_need_work(site_tree):
    complete = StoryPageFactory(title="Everywhere")
    for language in ("ru", "uk", "be", "de", "fr"):
        translate_story(complete, language, title=f"Everywhere {language}")
    incomplete = StoryPageFactory(title="Only in English")

    missing = [row.original.pk for row in queries.story_translations(needs="missing")]
    outdated = [row.original.pk for row in queries.story_translations(needs="outdated")]

    assert incomplete.pk in missing
    assert complete.pk not in missing
    assert outdated == []


def test_the_overview_lists_stories_and_their_languages(client, editor, site_tree):
    story = StoryPageFactory(title="Trial in Minsk")
    translate_story(story, "ru", title="Суд в Минске")

    response = client.get("/admin/translations/")

    assert response.status_code == 200
    assert "Trial in Minsk" in response.text
    assert response.text.count('name="language" value="') == 4  # uk, be, de, fr are missing
    assert f'href="/admin/pages/{story.pk}/edit/"' in response.text


def test_someone_who_edits_no_page_may_not_see_the_overview(client, django_user_model, site_tree):
    reader = django_user_model.objects.create_user("moderator", "m@example.org", "a long password 123")
    reader.user_permissions.add(*Group.objects.get(name="Moderators").permissions.filter(codename="access_admin"))
    login_staff(client, reader)

    assert client.get("/admin/translations/").status_code in (302, 403)


def test_translate_makes_an_unpublished_draft_in_the_missing_language_and_opens_it(client, editor, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", topics=["courts"])

    response = client.post("/admin/translations/start/", {"story": story.pk, "language": "uk"})

    translation = StoryPage.objects.get(translation_key=story.translation_key, locale__language_code="uk")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{translation.pk}/edit/"
    assert not translation.live
    assert translation.title == "Trial in Minsk"
    assert list(translation.topics.all()) == []  # topics are words of one language
    assert translation.get_parent().locale.language_code == "uk"
    assert translation.slug == story.slug  # free in that language: the draft keeps it


def test_translate_picks_a_free_slug_when_that_language_has_a_story_of_the_same_slug(client, editor, site_tree):
    story = StoryPageFactory(title="Trial in Minsk")
    other = StoryPageFactory(title="Another trial", slug="trial-in-minsk", language="uk")

    response = client.post("/admin/translations/start/", {"story": story.pk, "language": "uk"})

    translation = StoryPage.objects.get(translation_key=story.translation_key, locale__language_code="uk")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{translation.pk}/edit/"
    assert translation.slug not in ("", story.slug)
    assert translation.slug.startswith(story.slug)
    assert StoryPage.objects.get(pk=other.pk).slug == "trial-in-minsk"


def test_a_translation_without_a_slug_gets_a_free_one_from_its_title(site_tree):
    story = StoryPageFactory(title="Trial in Minsk")
    StoryPageFactory(title="Prozess in Minsk", language="de")

    free = story_translate(story=story, language="fr", title="Procès à Minsk", summary="Le procès.", publish=False)
    taken = story_translate(story=story, language="de", title="Prozess in Minsk", summary="Der Prozess.", publish=False)

    assert free.slug == "proces-a-minsk"
    assert taken.slug == "prozess-in-minsk-1"


def test_translate_answers_a_draft_that_cannot_be_made_with_an_error_message(client, editor, site_tree, monkeypatch):
    story = StoryPageFactory(title="Trial in Minsk")

    def refuse(**kwargs):
        raise ValidationError({"slug": ["This slug is already in use."]})

    monkeypatch.setattr(admin_views, "story_translation_start", refuse)
    response = client.post("/admin/translations/start/", {"story": story.pk, "language": "uk"}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [("/admin/translations/", 302)]
    assert "This slug is already in use." in response.text
    assert not StoryPage.objects.filter(translation_key=story.translation_key, locale__language_code="uk").exists()


def test_translate_refuses_a_language_the_story_already_has(client, editor, site_tree):
    story = StoryPageFactory(title="Trial in Minsk")
    translate_story(story, "ru", title="Суд в Минске")

    response = client.post("/admin/translations/start/", {"story": story.pk, "language": "ru"}, follow=True)

    assert StoryPage.objects.filter(translation_key=story.translation_key).count() == 2
    assert "already in that language" in response.text


def test_translate_refuses_an_editor_who_may_not_add_stories_in_that_language(client, django_user_model, site_tree):
    story = StoryPageFactory(title="Trial in Minsk")
    editor = django_user_model.objects.create_user("limited", "l@example.org", "a long password 123")
    editor.groups.add(Group.objects.get(name="Editors"))
    GroupPagePermission.objects.filter(group__name="Editors").delete()
    limited = Group.objects.create(name="English desk")
    limited.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=limited, page=story.get_parent(), permission=Permission.objects.get(codename=codename)
        )
    editor.groups.add(limited)
    login_staff(client, editor)

    refused = client.post("/admin/translations/start/", {"story": story.pk, "language": "uk"}, follow=True)
    allowed = client.post("/admin/translations/start/", {"story": story.pk, "language": "en"}, follow=True)

    assert "You may not add stories in that language." in refused.text
    assert "already in that language" in allowed.text  # the same editor, in the language they may write
    assert not StoryPage.objects.filter(translation_key=story.translation_key, locale__language_code="uk").exists()


def test_translate_is_a_post_only(client, editor, site_tree):
    story = StoryPageFactory(title="Trial in Minsk")

    assert client.get(f"/admin/translations/start/?story={story.pk}&language=uk").status_code == 405


def test_the_summary_counts_what_is_missing_out_of_date_and_unpublished(site_tree):
    story = StoryPageFactory(title="Trial in Minsk")
    translate_story(story, "ru", title="Суд в Минске")
    translate_story(story, "de", title="Prozess in Minsk", publish=False)
    story_publish(story=story)  # the Russian one is now out of date

    summary = queries.translations_summary(queries.story_translations())

    assert summary == {"stories": 1, "missing": 3, "outdated": 1, "draft": 1}
