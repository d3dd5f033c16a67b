"""The demo's About, Contact and Privacy pages and its menus and footers, in all six languages."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils.html import strip_tags

from solidarity.demo import pages
from solidarity.demo.demo import Tally
from solidarity.demo.pages_text import ADDRESS_LINES, PAGE_SLUGS, page_text
from solidarity.home.models import GenericPage, HomePage, SiteNavigation
from solidarity.home.services import generic_page_create
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def quiet(message: str) -> None:
    pass


@pytest.fixture(scope="module", autouse=True)
def demo_pages(request, django_db_setup, django_db_blocker) -> Tally:
    """The demo's pages, a stand-in Members page in German (another branch makes the real one), the menus."""
    with shared_data(request, django_db_blocker):
        tally = Tally()
        pages.pages_load(tally=tally, log=quiet)
        german_home = HomePage.objects.get(locale__language_code="de")
        generic_page_create(parent=german_home, title="Mitglieder", slug="members")
        pages.navigation_load(tally=tally, log=quiet)
        yield tally


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", PAGE_SLUGS)
def test_each_demo_page_is_there_in_every_language(client, language, slug):
    response = client.get(f"/{language}/{slug}/")

    assert response.status_code == 200
    text = page_text(slug, language)
    assert f"<h1>{text.title}</h1>" in response.text
    assert response.context["page"].locale.language_code == language


def test_the_pages_are_translations_of_each_other(demo_pages):
    for slug in PAGE_SLUGS:
        keys = set(GenericPage.objects.filter(slug=slug).values_list("translation_key", flat=True))
        assert len(keys) == 1, slug
        assert GenericPage.objects.filter(slug=slug).count() == len(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contact_page_gives_the_postal_address_and_no_email_address(client, language):
    html = client.get(f"/{language}/contact/").text
    body = html[html.index("<main") : html.index("</main>")]

    assert "<br/>".join(ADDRESS_LINES) in body.replace("<br>", "<br/>")
    assert "@" not in strip_tags(body)
    assert "mailto:" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_privacy_page_says_what_is_kept_and_for_how_long(client, language):
    body = strip_tags(client.get(f"/{language}/privacy/").text)

    assert "IP" in body
    assert "7" in body and "30" in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_its_own_menu_and_footer(client, language):
    html = client.get(f"/{language}/").text
    about, contact = page_text("about", language), page_text("contact", language)
    nav = html[html.index('<ul class="site-nav__links">') : html.index("</ul>", html.index("site-nav__links"))]

    assert f'<a href="/{language}/about/">{about.title}</a>' in nav
    assert f'<a href="/{language}/contact/">{contact.title}</a>' in nav
    assert f'href="/{language}/stories/"' in nav
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'<a href="/{language}/privacy/">{page_text("privacy", language).title}</a>' in footer
    assert "<br>".join(ADDRESS_LINES) in footer
    assert 'rel="me noopener noreferrer">Mastodon</a>' in footer


def test_the_footer_lists_about_members_contact_and_privacy_in_this_order(client):
    footer = client.get("/de/").text.split('<footer class="site-footer">')[1]

    positions = [footer.index(f'href="/de/{slug}/"') for slug in ("about", "members", "contact", "privacy")]
    assert positions == sorted(positions)
    assert 'href="/en/members/"' not in client.get("/en/").text  # no Members page in English here


def test_loading_again_adds_nothing_and_keeps_what_editors_changed(demo_pages):
    navigation = SiteNavigation.objects.get(locale__language_code="ru")
    navigation.footer_text = "Изменено редактором"
    navigation.save()
    before = (GenericPage.objects.count(), SiteNavigation.objects.count())

    again = Tally()
    pages.pages_load(tally=again, log=quiet)
    pages.navigation_load(tally=again, log=quiet)

    assert (GenericPage.objects.count(), SiteNavigation.objects.count()) == before
    assert not any(again.created.values())
    assert SiteNavigation.objects.get(locale__language_code="ru").footer_text == "Изменено редактором"
    assert demo_pages.created["menus and footers"] == len(LANGUAGES)
