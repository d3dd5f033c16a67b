"""An address too long to read gets the site's own page in the reader's language, not the server's."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def search_url(language: str, length: int) -> str:
    """A search address of exactly ``length`` bytes (path and query)."""
    start = f"/{language}/search/?q="
    return start + "a" * (length - len(start))


def test_an_address_longer_than_the_limit_gets_the_sites_414_page_in_its_language(client, site_tree, settings):
    response = client.get(search_url("ru", settings.MAX_URL_LENGTH + 1))

    assert response.status_code == 414
    assert [template.name for template in response.templates][:2] == ["414.html", "base.html"]
    assert '<html lang="ru">' in response.text
    assert 'class="site-header"' in response.text


def test_an_address_as_long_as_the_limit_is_read(client, site_tree, settings):
    response = client.get(search_url("ru", settings.MAX_URL_LENGTH))

    assert response.status_code == 200
    assert response.templates[0].name == "stories/search.html"


def test_a_long_path_counts_as_much_as_a_long_query(client, site_tree, settings):
    response = client.get("/en/" + "x" * settings.MAX_URL_LENGTH + "/")

    assert response.status_code == 414
    assert '<html lang="en">' in response.text
