"""Pages of text and the menus editors set: nothing serious for axe at 1280 and 360 px, nothing from elsewhere."""

from __future__ import annotations

import pytest

from solidarity.core.languages import gettext_in
from solidarity.home.models import HomePage
from solidarity.home.services import generic_page_create, generic_page_translate, site_menu_set, site_tree_ensure
from tests.browser.conftest import PageProblems, serious_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = [
    ("heading", "What we keep"),
    ("paragraph", "<p>Nothing about readers. <a href='https://example.org/'>A link elsewhere</a>.</p>"),
    ("paragraph", "<ul><li>Signatures: one year after the call closes.</li><li>Newsletter: until you leave.</li></ul>"),
    ("quote", {"text": "Privacy is a human right.", "attribution": "A member"}),
]


@pytest.fixture
def pages_and_menus():
    site_tree_ensure()
    english_home = HomePage.objects.get(locale__language_code="en")
    about = generic_page_create(
        parent=english_home, title="About the network", slug="about", intro="Who we are.", body=BODY
    )
    generic_page_create(parent=about, title="Our history", slug="history", body=BODY)
    russian = generic_page_translate(
        page=about, language="ru", title="О сети", slug="about", intro="Кто мы.", body=[("paragraph", "<p>Текст.</p>")]
    )
    for language, page, label, address in (
        ("en", about, "Countries", "Postfach 36 02 14\n10972 Berlin\nGermany"),
        ("ru", russian, "Страны", "Postfach 36 02 14\n10972 Berlin\nГермания"),
    ):
        site_menu_set(
            language=language,
            menu=[{"page": page}, {"url": f"/{language}/countries/", "label": label}],
            footer_links=[{"page": page}],
            privacy_page=page,
            footer_text="Run by its members.",
            postal_address=address,
            profiles=[("Mastodon", "https://mastodon.example/@solidarity")],
        )


PAGES = ["/en/about/", "/en/about/history/", "/ru/about/", "/ru/", "/de/"]


@pytest.mark.parametrize("width", [1280, 360])
def test_pages_of_text_and_their_navigation_pass_axe(browser, live_server, pages_and_menus, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        for path in PAGES:
            page = context.new_page()
            problems = PageProblems(page, live_server.url)
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            assert serious_axe_violations(page) == [], path
            assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} scrolls sideways"
            problems.assert_clean()
            page.close()
    finally:
        context.close()


def test_the_menu_marks_the_page_being_read(browser_page, live_server, pages_and_menus):
    page = browser_page
    page.goto(f"{live_server.url}/ru/")
    main_menu = page.get_by_role("navigation", name=gettext_in("ru", "Main"))
    main_menu.get_by_role("link", name="О сети").click()
    page.wait_for_url(f"{live_server.url}/ru/about/")

    current = main_menu.locator("[aria-current=page]")
    assert current.inner_text() == "О сети"
    page.problems.assert_clean()
