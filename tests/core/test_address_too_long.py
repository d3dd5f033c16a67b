"""An address too long to read gets the site's own page in the reader's language, not the server's."""

from __future__ import annotations

import time

import pytest

from tests.core.test_logs import ask, gunicorn  # noqa: F401 (gunicorn is a fixture)

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


def test_gunicorn_lets_a_long_request_line_through_to_the_site(gunicorn, settings):  # noqa: F811
    port, _log_files = gunicorn
    line = search_url("en", 6000)  # longer than gunicorn's default limit (4094), shorter than serve.py's
    assert settings.MAX_URL_LENGTH < len(line) < 8190

    answer = ask(
        port,
        f"GET {line} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode(),
        deadline=time.monotonic() + 30,
    )

    _head, _, body = answer.partition(b"\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 414")
    assert b'class="site-header"' in body and b"Address too long" in body
    assert b"Request Line is too large" not in body and b"URI Too Long" not in body
