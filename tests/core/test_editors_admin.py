"""The editors' dashboard, the page tree in the editor's language, and the preview the checks panel reads."""

from __future__ import annotations

import json
import re

import pytest
from django.utils import translation
from wagtail.models import Page, Workflow, WorkflowPage
from wagtail.users.models import UserProfile

from solidarity.core.editors import editor_language, languages_editor_first
from solidarity.core.workflow import editor_review_workflow_ensure
from solidarity.home.models import HomePage
from solidarity.stories.models import StoryIndexPage
from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def in_russian(user) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ru"
    profile.save()


def test_the_dashboard_offers_a_new_story_in_each_language_the_editors_first(client, editor, site_tree):
    in_russian(editor)
    indexes = {index.locale.language_code: index for index in StoryIndexPage.objects.select_related("locale")}

    html = client.get("/admin/").text

    links = re.findall(r'href="/admin/pages/add/stories/storypage/(\d+)/"', html)
    assert [int(pk) for pk in links][:2] == [indexes["ru"].pk, indexes["en"].pk]
    assert sorted(int(pk) for pk in links) == sorted(index.pk for index in indexes.values())


def test_the_dashboard_shows_the_editors_drafts_and_not_others(client, editor, django_user_model, site_tree):
    other = django_user_model.objects.create_superuser("other", "o@example.org", "a long password 123")
    StoryPageFactory(title="My unfinished story", publish=False, user=editor)
    StoryPageFactory(title="Someone else's draft", publish=False, user=other)
    StoryPageFactory(title="My published story", user=editor)

    html = client.get("/admin/").text
    drafts = html.partition('id="your-drafts-section"')[2].partition('id="recent-changes-section"')[0]

    assert "My unfinished story" in drafts
    assert "Someone else" not in drafts
    assert "My published story" not in drafts


def test_the_dashboard_shows_recent_changes_by_everyone(client, editor, django_user_model, site_tree):
    other = django_user_model.objects.create_superuser("other", "o@example.org", "a long password 123")
    StoryPageFactory(title="Published by a colleague", user=other)

    html = client.get("/admin/").text
    changes = html.partition('id="recent-changes-section"')[2]

    assert "Published by a colleague" in changes
    assert "<td>other</td>" in changes


def test_pages_in_the_menu_open_on_the_home_of_the_editors_language(client, editor, site_tree):
    in_russian(editor)
    russian_home = HomePage.objects.get(locale__language_code="ru")

    html = client.get("/admin/").text
    props = json.loads(
        re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    explorer = next(item for item in json.dumps(props).split('"_type"') if "explorer" in item)

    assert f"/admin/pages/{russian_home.pk}/" in explorer


def test_the_page_tree_root_lists_the_home_of_the_editors_language_first(client, editor, site_tree):
    in_russian(editor)
    root = Page.get_first_root_node()

    html = client.get(f"/admin/pages/{root.pk}/").text
    homes = [int(pk) for pk in re.findall(r'href="/admin/pages/(\d+)/edit/"', html)]
    first = HomePage.objects.get(pk=homes[0])

    assert first.locale.language_code == "ru"
    assert len(set(homes)) == 6  # the other languages stay there


def test_an_editor_who_sorts_the_root_gets_their_sort(client, editor, site_tree):
    in_russian(editor)
    root = Page.get_first_root_node()
    for home in HomePage.objects.select_related("locale"):  # titles that sort one way only, Russian last
        code = home.locale.language_code
        Page.objects.filter(pk=home.pk).update(title={"en": "A home", "ru": "Z home"}.get(code, f"M home {code}"))

    html = client.get(f"/admin/pages/{root.pk}/?ordering=title").text
    homes = [int(pk) for pk in re.findall(r'href="/admin/pages/(\d+)/edit/"', html)]

    assert [HomePage.objects.get(pk=pk).locale.language_code for pk in (homes[0], homes[-1])] == ["en", "ru"]


def test_the_preview_carries_the_userbar_that_the_checks_panel_reads(client, editor, site_tree):
    story = StoryPageFactory(title="Trial in Minsk")

    preview = client.get(f"/admin/pages/{story.pk}/view_draft/")
    public = client.get(story.url)

    assert "<wagtail-userbar>" in preview.text
    assert "<wagtail-userbar>" not in public.text  # a page readers get names no editor, even for an editor


def test_the_countries_field_is_plain_checkboxes_with_the_filter_script_beside_them(client, editor, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])

    html = client.get(f"/admin/pages/{story.pk}/edit/").text

    assert html.count('type="checkbox" name="countries"') > 200  # every country, ticked without JavaScript
    assert re.search(r'<input type="checkbox" name="countries" value="BY"[^>]*checked', html)
    assert "data-countries-filter" in html
    assert re.search(r'<script src="/static/core/countries-filter\.js"', html)  # a file, no inline script


def test_the_slide_out_page_tree_lists_the_home_of_the_editors_language_first(client, editor, site_tree):
    in_russian(editor)
    root = Page.get_first_root_node()

    response = client.get(f"/admin/api/main/pages/?child_of={root.pk}&for_explorer=1")
    homes = [item["id"] for item in response.json()["items"]]

    assert HomePage.objects.get(pk=homes[0]).locale.language_code == "ru"
    assert len(homes) == 6


def review_workflow() -> Workflow:
    """The editors' review on the whole tree, as core's migration 0005 makes it (a test that empties the
    database with a flush removes migration data, so it is made here again when missing)."""
    if not WorkflowPage.objects.filter(page=Page.get_first_root_node()).exists():
        editor_review_workflow_ensure()
    return WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow


def test_a_story_submitted_for_review_waits_on_the_reviewers_dashboard(client, editor, django_user_model, site_tree):
    author = django_user_model.objects.create_user("author", "a@example.org", "a long password 123")
    story = StoryPageFactory(title="Needs a second pair of eyes", publish=False, user=author)
    workflow = review_workflow()
    assert story.get_workflow() == workflow

    workflow.start(story, author)
    html = client.get("/admin/").text

    assert 'id="waiting-for-you-section"' in html
    assert "Needs a second pair of eyes" in html.partition('id="waiting-for-you-section"')[2]
    assert 'id="awaiting-review-section"' not in html  # Wagtail's own panel: "Waiting for you" replaces it


@pytest.mark.parametrize(
    ("admin_language", "expected"), [("ru", "ru"), ("uk", "uk"), ("de-at", "de"), ("es", "en"), ("pt-br", "en")]
)
def test_the_editors_language_is_their_admin_language_when_the_site_has_it_else_english(admin_language, expected):
    with translation.override(admin_language):
        assert editor_language() == expected
        assert languages_editor_first()[0] == expected
        assert sorted(languages_editor_first()) == ["be", "de", "en", "fr", "ru", "uk"]
