"""The header menu and footer come from each language's navigation, with a minimal menu until editors set one."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, ModelLogEntry, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from solidarity.core.languages import gettext_in
from solidarity.home import queries
from solidarity.home.models import GenericPage, HomePage, SiteNavigation
from solidarity.home.services import generic_page_create, generic_page_translate, site_menu_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(site_tree) -> GenericPage:
    return generic_page_create(parent=site_tree, title="About us", slug="about")


@pytest.fixture
def about_in_russian(about) -> GenericPage:
    return generic_page_translate(page=about, language="ru", title="О сети", slug="o-seti")


def header_nav(html: str) -> str:
    start = html.index('<nav aria-label="Main"') if '<nav aria-label="Main"' in html else html.index("site-nav__links")
    return html[start : html.index("</nav>", start)]


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


# The minimal menu -------------------------------------------------------------------------------


def test_a_fresh_site_has_home_stories_countries_and_search_in_its_menu(client, site_tree):
    nav = header_nav(client.get("/en/countries/").text)

    assert '<a href="/en/">Home</a>' in nav
    assert '<a href="/en/stories/">Stories</a>' in nav
    assert '<a href="/en/countries/" aria-current="page">Countries</a>' in nav
    assert '<a href="/en/search/">Search</a>' in nav


def test_the_minimal_menu_speaks_the_language_being_read(client, site_tree):
    nav = header_nav(client.get("/ru/").text)

    assert f'<a href="/ru/" aria-current="page">{gettext_in("ru", "Home")}</a>' in nav
    assert f'<a href="/ru/stories/">{gettext_in("ru", "Stories")}</a>' in nav
    assert f'<a href="/ru/countries/">{gettext_in("ru", "Countries")}</a>' in nav


def test_a_language_without_its_own_navigation_keeps_the_minimal_menu(client, about):
    site_menu_set(language="en", menu=[{"page": about}])

    assert '<a href="/en/about/">About us</a>' in header_nav(client.get("/en/").text)
    assert '<a href="/de/stories/">' in header_nav(client.get("/de/").text)
    assert "About us" not in header_nav(client.get("/de/").text)


# A configured menu, per language ----------------------------------------------------------------


def test_each_language_shows_its_own_menu_labels(client, about, about_in_russian):
    site_menu_set(language="en", menu=[{"page": about}, {"url": "/en/countries/", "label": "Where we work"}])
    site_menu_set(
        language="ru", menu=[{"page": about_in_russian}, {"url": "/ru/countries/", "label": "Где мы работаем"}]
    )

    english, russian = header_nav(client.get("/en/").text), header_nav(client.get("/ru/").text)

    assert '<a href="/en/about/">About us</a>' in english
    assert '<a href="/en/countries/">Where we work</a>' in english
    assert '<a href="/ru/o-seti/">О сети</a>' in russian
    assert '<a href="/ru/countries/">Где мы работаем</a>' in russian
    assert "About us" not in russian
    assert "/en/" not in russian


def test_a_chosen_page_leads_to_its_translation_in_the_language_being_read(client, about, about_in_russian):
    # The Russian menu was copied from the English one and still names the English page.
    site_menu_set(language="ru", menu=[{"page": about}, {"page": about, "label": "Кто мы"}])

    nav = header_nav(client.get("/ru/").text)

    assert '<a href="/ru/o-seti/">О сети</a>' in nav
    assert '<a href="/ru/o-seti/">Кто мы</a>' in nav


def test_a_page_without_a_translation_leads_to_the_original_marked_with_its_language(client, about):
    """Decision: an editor put the page in this menu, so it stays, and says which language it is in."""
    site_menu_set(language="ru", menu=[{"page": about}, {"page": about, "label": "О нас (по-английски)"}])

    nav = header_nav(client.get("/ru/").text)

    assert '<a href="/en/about/" hreflang="en" lang="en">About us</a>' in nav
    assert '<a href="/en/about/" hreflang="en">О нас (по-английски)</a>' in nav


def test_a_page_readers_may_not_see_is_left_out_of_the_menu(client, site_tree):
    draft = generic_page_create(parent=site_tree, title="Not ready", slug="not-ready", publish=False)
    site_menu_set(language="en", menu=[{"page": draft}, {"url": "/en/countries/", "label": "Countries"}])

    nav = header_nav(client.get("/en/").text)

    assert "Not ready" not in nav
    assert '<a href="/en/countries/">Countries</a>' in nav


def test_the_page_being_read_and_its_section_are_marked_current(client, about):
    generic_page_create(parent=about, title="Our history", slug="history")
    site_menu_set(language="en", menu=[{"page": HomePage.objects.get(locale__language_code="en")}, {"page": about}])

    on_about = header_nav(client.get("/en/about/").text)
    on_history = header_nav(client.get("/en/about/history/").text)

    assert '<a href="/en/about/" aria-current="page">About us</a>' in on_about
    assert '<a href="/en/about/" aria-current="true">About us</a>' in on_history
    assert '<a href="/en/">' in on_history  # the home page is not the section of every page


# The footer -------------------------------------------------------------------------------------


def test_the_footer_shows_links_text_address_profiles_and_the_privacy_page(client, about, site_tree):
    privacy = generic_page_create(parent=site_tree, title="Privacy", slug="privacy")
    site_menu_set(
        language="en",
        footer_links=[{"page": about}],
        privacy_page=privacy,
        footer_text="Run by its members since 2009.",
        postal_address="Solidarity Network\nPostfach 12 34\n10999 Berlin",
        profiles=[("Mastodon", "https://social.example/@solidarity")],
    )

    html = footer(client.get("/en/").text)

    assert '<nav class="site-footer__nav" aria-label="About this site">' in html
    assert html.index('href="/en/about/"') < html.index('href="/en/privacy/"')
    assert "<p>Run by its members since 2009.</p>" in html
    assert "Solidarity Network<br>Postfach 12 34<br>10999 Berlin</address>" in html
    assert '<a href="https://social.example/@solidarity" rel="me noopener noreferrer">Mastodon</a>' in html
    assert "<script" not in html and "<img" not in html  # plain links: nothing loaded from the services


def test_the_privacy_page_is_linked_once_when_it_is_also_a_footer_link(client, site_tree):
    privacy = generic_page_create(parent=site_tree, title="Privacy", slug="privacy")
    site_menu_set(language="en", footer_links=[{"page": privacy}], privacy_page=privacy)

    assert footer(client.get("/en/").text).count('href="/en/privacy/"') == 1


def test_the_footer_has_no_empty_lists_until_editors_fill_it(client, site_tree):
    html = footer(client.get("/en/").text)

    assert "site-footer__nav" not in html
    assert "<address" not in html


# Rules of the navigation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"url": "/en/countries/"}, "label"),  # an address needs a label
        ({"url": "javascript:alert(1)", "label": "Bad"}, "url"),
        ({"url": "//elsewhere.example/", "label": "Bad"}, "url"),
        ({"label": "Neither page nor address"}, "url"),
    ],
)
def test_a_menu_item_is_a_page_or_a_usable_address(site_tree, item, field):
    with pytest.raises(ValidationError):
        site_menu_set(language="en", menu=[item])

    assert not SiteNavigation.objects.exists()


def test_a_menu_item_is_not_a_page_and_an_address_at_once(about):
    with pytest.raises(ValidationError):
        site_menu_set(language="en", menu=[{"page": about, "url": "/en/", "label": "Both"}])


@pytest.mark.parametrize("url", ["/en/countries/", "https://example.org/report"])
def test_an_address_on_this_site_or_on_the_web_is_accepted(site_tree, url):
    site_menu_set(language="en", menu=[{"url": url, "label": "Link"}])

    assert queries.site_navigation("en").menu == [queries.NavLink("Link", url)]


def test_one_navigation_per_language_shared_as_translations(site_tree):
    english = site_menu_set(language="en", footer_text="English")
    russian = site_menu_set(language="ru", footer_text="Русский")
    again = site_menu_set(language="ru", footer_text="Русский, исправлено")

    assert again.pk == russian.pk
    assert russian.translation_key == english.translation_key
    assert SiteNavigation.objects.count() == 2
    second = SiteNavigation(locale=Locale.objects.get(language_code="ru"))
    with pytest.raises(ValidationError):
        second.full_clean()


def test_setting_the_navigation_leaves_wagtails_log_entries(site_tree, editor):
    navigation = site_menu_set(language="en", footer_text="First", user=editor)
    site_menu_set(language="en", footer_text="Second", user=editor)

    entries = ModelLogEntry.objects.for_instance(navigation).order_by("timestamp")
    actions = list(entries.values_list("action", flat=True))
    assert actions == ["wagtail.create", "wagtail.edit"]


def navigation_form(menu: list) -> dict:
    return nested_form_data(
        {
            "menu": streamfield(menu),
            "footer_links": streamfield([]),
            "privacy_page": "",
            "footer_text": "Сеть правозащитных организаций.",
            "postal_address": "",
            "profiles": streamfield([]),
        }
    )


def test_an_editor_sets_the_russian_menu_in_the_admin(client, editor, site_tree):
    item = {"page": "", "url": "/ru/countries/", "label": "Где мы работаем"}
    response = client.post("/admin/snippets/home/sitenavigation/add/?locale=ru", navigation_form([("item", item)]))

    assert response.status_code == 302
    navigation = SiteNavigation.objects.get()
    assert navigation.locale.language_code == "ru"
    assert '<a href="/ru/countries/" aria-current="page">Где мы работаем</a>' in client.get("/ru/countries/").text


def test_the_admin_refuses_a_menu_item_without_a_label(client, editor, site_tree):
    item = {"page": "", "url": "/ru/countries/", "label": ""}
    response = client.post("/admin/snippets/home/sitenavigation/add/?locale=ru", navigation_form([("item", item)]))

    assert response.status_code == 200
    assert "menu" in response.context["form"].errors
    assert not SiteNavigation.objects.exists()


# Queries and the cache --------------------------------------------------------------------------


def test_the_navigation_takes_three_queries_once_then_none(django_assert_num_queries, about, about_in_russian):
    privacy = generic_page_create(parent=about.get_parent(), title="Privacy", slug="privacy")
    site_menu_set(
        language="ru",
        menu=[{"page": about}, {"url": "/ru/countries/", "label": "Страны"}],
        footer_links=[{"page": about_in_russian}],
        privacy_page=privacy,
    )

    Site.get_site_root_paths()  # Wagtail's own cache of where each site starts, shared by every page

    with django_assert_num_queries(3):  # the navigation, its pages' translation keys, the pages to link
        first = queries.site_navigation("ru")
    with django_assert_num_queries(0):
        again = queries.site_navigation("ru")

    assert again == first
    assert [link.url for link in first.menu] == ["/ru/o-seti/", "/ru/countries/"]


def test_the_minimal_menu_takes_two_queries_once_then_none(django_assert_num_queries, site_tree):
    Site.get_site_root_paths()

    with django_assert_num_queries(2):  # no navigation for this language; its story index
        queries.site_navigation("uk")
    with django_assert_num_queries(0):
        queries.site_navigation("uk")


def test_a_page_read_again_asks_the_database_nothing_about_the_navigation(client, about):
    site_menu_set(language="en", menu=[{"page": about}])
    client.get("/en/about/")

    with CaptureQueriesContext(connection) as captured:
        again = client.get("/en/about/")

    assert '<a href="/en/about/" aria-current="page">About us</a>' in again.text
    assert [query["sql"] for query in captured.captured_queries if "home_sitenavigation" in query["sql"]] == []


def test_saving_the_navigation_shows_at_once(client, about):
    site_menu_set(language="en", menu=[{"page": about, "label": "Who we are"}])
    assert "Who we are" in header_nav(client.get("/en/").text)

    site_menu_set(language="en", menu=[{"page": about, "label": "The network"}])

    nav = header_nav(client.get("/en/").text)
    assert "The network" in nav
    assert "Who we are" not in nav


def test_publishing_moving_or_unpublishing_a_page_in_the_menu_shows_at_once(client, about):
    site_menu_set(language="en", menu=[{"page": about}])
    assert "About us" in header_nav(client.get("/en/").text)

    about.title = "About the network"
    about.slug = "network"
    about.save_revision().publish()
    assert '<a href="/en/network/">About the network</a>' in header_nav(client.get("/en/").text)

    about.unpublish()
    assert "About the network" not in header_nav(client.get("/en/").text)


def test_without_a_database_the_menu_falls_back_to_what_needs_none(rf, monkeypatch, site_tree):
    from django.db import OperationalError

    from solidarity.home.context_processors import navigation

    def database_down(language_code: str) -> queries.Navigation:
        raise OperationalError("database is locked")

    monkeypatch.setattr(queries, "site_navigation", database_down)

    menu = navigation(rf.get("/en/search/"))["site_navigation"].menu

    assert [(item.label, item.url, item.current) for item in menu] == [
        ("Home", "/en/", ""),
        ("Countries", "/en/countries/", ""),
        ("Search", "/en/search/", "page"),
    ]


def test_editors_find_the_navigation_in_the_settings_menu(client, editor):
    response = client.get("/admin/")

    assert "/admin/snippets/home/sitenavigation/" in response.text.replace("\\u002F", "/").replace("\\/", "/")
