"""No link of the editors' admin leads to a 404: the menu (every submenu), the dashboard, a mistyped address.

Generic on purpose: whatever an app adds to the menu or the dashboard is followed too.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import SubmenuMenuItem, admin_menu

from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def local_links(html: str) -> list[str]:
    """The site's own addresses among the page's links (no other host, no fragment-only link)."""
    parser = Links()
    parser.feed(html)
    found = []
    for href in parser.hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return sorted(set(found))


def menu_links(user) -> list[str]:
    """Every address of the admin menu as this user gets it, submenus (Settings, Reports, Help) included."""
    request = RequestFactory().get("/admin/")
    request.user = user

    def walk(items) -> list[str]:
        urls = []
        for item in items:
            if isinstance(item, SubmenuMenuItem):
                urls += walk(item.menu.menu_items_for_request(request))
            elif item.url.startswith("/"):
                urls.append(item.url)
        return urls

    return sorted(set(walk(admin_menu.menu_items_for_request(request))))


def assert_found(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code != 404, url
    assert "404.html" not in [template.name for template in response.templates], url
    if response.status_code in (301, 302):
        assert not response["Location"].startswith(("/en/admin", "/ru/admin")), url


@pytest.fixture
def with_content(site_tree, editor):
    StoryPageFactory(title="Trial in Minsk", countries=["BY"], user=editor)
    StoryPageFactory(title="A draft about Tbilisi", countries=["GE"], publish=False, user=editor)


def test_the_menu_has_the_links_this_test_follows(editor):
    """The walk reaches into submenus: Settings holds Users, Groups, Sites, Locales."""
    links = menu_links(editor)

    assert "/admin/pages/" in links or any(link.startswith("/admin/pages/") for link in links)
    assert "/admin/users/" in links
    assert "/admin/locales/" in links
    assert "/admin/translations/" in links


def test_every_link_of_the_admin_menu_answers(client, editor, with_content):
    for url in menu_links(editor):
        assert_found(client, url)


def test_every_link_of_the_dashboard_answers(client, editor, with_content):
    response = client.get("/admin/")
    links = [url for url in local_links(response.text) if url != "/admin/logout/"]

    assert "/admin/translations/" in links  # the dashboard's own panels are there
    for url in links:
        assert_found(client, url)


def test_the_settings_address_lists_the_settings_menu(client, editor, site_tree):
    response = client.get("/admin/settings/")
    links = local_links(response.text)

    assert response.status_code == 200
    assert {"/admin/users/", "/admin/locales/", "/admin/sites/"} <= set(links)
    for url in links:
        assert_found(client, url)


def test_a_mistyped_admin_address_gets_the_admins_404_not_the_readers(client, editor, site_tree):
    response = client.get("/admin/no-such-page/")

    assert response.status_code == 404
    assert "wagtailadmin/404.html" in [template.name for template in response.templates]
    assert "404.html" not in [template.name for template in response.templates]


def test_a_public_address_without_a_language_is_still_sent_to_one(client, site_tree):
    response = client.get("/countries/")

    assert response.status_code == 302
    assert response["Location"] == "/en/countries/"
