"""Pages of text (About, Contact, Privacy…): made in the admin under a home page or one another, in every language."""

from __future__ import annotations

import pytest
from wagtail.models import PageLogEntry
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from solidarity.home.models import GenericPage, HomePage
from solidarity.home.services import generic_page_create, generic_page_translate
from solidarity.stories.models import StoryIndexPage, StoryPage
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db


def page_form(title: str, **changes) -> dict:
    data = {
        "title": title,
        "intro": "Who we are and how we work.",
        "body": streamfield(
            [
                ("heading", "Our members"),
                ("paragraph", rich_text("<p>Groups from twelve countries.</p>")),
                ("quote", {"text": "Nobody is alone.", "attribution": "A member"}),
            ]
        ),
    }
    data.update(changes)
    return nested_form_data(data)


class TestEditorsAddPages(WagtailPageTestCase):
    def setUp(self) -> None:
        self.user = login_staff(self.client, self.create_test_user())
        self.home = HomePage.objects.get(locale__language_code="en")

    def test_an_editor_adds_a_page_under_a_home_page_and_another_under_it(self):
        self.assertCanCreate(self.home, GenericPage, page_form("About us", slug="about"))
        about = GenericPage.objects.get(slug="about")
        self.assertCanCreate(about, GenericPage, page_form("Our history", slug="history"))

        history = GenericPage.objects.get(slug="history")
        assert history.get_parent().pk == about.pk
        assert history.live
        assert [block.block_type for block in history.body] == ["heading", "paragraph", "quote"]

    def test_the_page_goes_under_a_home_page_or_another_page_only(self):
        self.assertAllowedParentPageTypes(GenericPage, {HomePage, GenericPage})
        self.assertAllowedSubpageTypes(GenericPage, {GenericPage})
        self.assertCanNotCreateAt(StoryIndexPage, GenericPage)
        self.assertCanNotCreateAt(StoryPage, GenericPage)


@pytest.fixture
def about(site_tree) -> GenericPage:
    return generic_page_create(
        parent=site_tree,
        title="About us",
        slug="about",
        intro="A network of human-rights groups.",
        body=[("heading", "How we work"), ("paragraph", "<p>Members decide together.</p>")],
    )


def test_a_page_shows_its_title_intro_and_body(client, about):
    response = client.get("/en/about/")

    assert response.status_code == 200
    html = response.text
    assert "<h1>About us</h1>" in html
    assert '<p class="lead">A network of human-rights groups.</p>' in html
    assert "How we work" in html
    assert "<p>Members decide together.</p>" in html
    assert response.templates[0].name == "home/generic_page.html"


def test_a_page_is_made_with_wagtails_log_entries(about):
    actions = set(PageLogEntry.objects.filter(page=about).values_list("action", flat=True))

    assert {"wagtail.create", "wagtail.publish"} <= actions


def test_the_language_switch_leads_to_the_translation_and_only_there(client, about):
    generic_page_translate(page=about, language="ru", title="О нас", slug="o-nas", intro="Сеть правозащитных групп.")

    html = client.get("/en/about/").text

    assert '<a href="/ru/o-nas/" lang="ru" hreflang="ru">Русский</a>' in html
    assert '<link rel="alternate" hreflang="ru" href="http://testserver/ru/o-nas/">' in html
    assert 'hreflang="de" href="http://testserver/de/o-nas/"' not in html  # no German translation: no alternate
    assert client.get("/ru/o-nas/").status_code == 200


def test_a_page_lists_the_pages_under_it_that_readers_may_see(client, about):
    generic_page_create(parent=about, title="Our history", slug="history")
    generic_page_create(parent=about, title="Unfinished draft", slug="draft", publish=False)

    html = client.get("/en/about/").text

    assert '<a href="/en/about/history/">Our history</a>' in html
    assert "Unfinished draft" not in html
    assert client.get("/en/about/history/").status_code == 200


def test_a_page_without_pages_under_it_has_no_empty_list(client, about):
    assert 'id="subpages-title"' not in client.get("/en/about/").text
