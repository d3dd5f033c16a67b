"""/healthz, and what visitors see when the database is down."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.test import Client


def database_down():
    """Every new cursor fails, as when the database server is gone."""
    return mock.patch.object(
        connections["default"], "cursor", side_effect=OperationalError("could not connect to server")
    )


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_down(client):
    with database_down():
        response = client.get("/healthz")

    assert response.status_code == 503
    assert b"database unavailable" in response.content


@pytest.mark.django_db
def test_healthz_answers_503_when_the_query_fails():
    client = Client()
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("gone away")):
        response = client.get("/healthz")

    assert response.status_code == 503


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405


# The middleware closes and reopens the connection to see whether the database answers:
# inside the transaction every `db` test runs in that would end the test's own transaction.
outage = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@outage
def test_page_gives_the_503_page_when_the_database_is_down(site_tree):
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.get("/en/countries/")

    assert response.status_code == 503
    assert "503.html" in [template.name for template in response.templates]
    assert response["Retry-After"] == "60"
    assert "Temporarily unavailable" in response.text
    assert '<html lang="en">' in response.text


@outage
def test_outage_page_is_in_the_visitors_language(site_tree):
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.get("/ru/countries/")

    assert response.status_code == 503
    assert '<html lang="ru">' in response.text
    assert "Временно недоступно" in response.text


@outage
def test_outage_page_carries_the_security_headers(site_tree):
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.get("/en/countries/")

    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@outage
def test_database_error_while_the_database_answers_is_a_server_error_not_an_outage(site_tree):
    client = Client(raise_request_exception=False)

    with mock.patch(
        "solidarity.stories.queries.countries_with_stories", side_effect=OperationalError("database is locked")
    ):
        response = client.get("/en/countries/")

    assert response.status_code == 500
    assert "500.html" in [template.name for template in response.templates]


@outage
def test_other_exceptions_are_left_to_the_error_handler(site_tree):
    client = Client(raise_request_exception=False)

    with mock.patch("solidarity.stories.queries.countries_with_stories", side_effect=RuntimeError("bug")):
        response = client.get("/en/countries/")

    assert response.status_code == 500


class MiddlewareThatNeedsTheDatabase:
    """Stands for any middleware that reads the database before the view runs (sessions, redirects)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
        return self.get_response(request)


@outage
def test_outage_first_seen_in_a_middleware_also_gives_the_503_page(site_tree, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.MiddlewareThatNeedsTheDatabase"]
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.get("/ru/countries/")

    assert response.status_code == 503
    assert "Временно недоступно" in response.text
    assert response["Retry-After"] == "60"


class MiddlewareThatMeetsALockedTable:
    """A middleware whose query fails although the database itself answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("database table is locked")


@outage
def test_error_in_a_middleware_while_the_database_answers_is_a_500(site_tree, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.MiddlewareThatMeetsALockedTable"]
    client = Client(raise_request_exception=False)

    response = client.get("/en/countries/")

    assert response.status_code == 500
    assert "500.html" in [template.name for template in response.templates]


@outage
def test_error_page_that_cannot_render_falls_back_to_plain_html(site_tree, settings):
    # A static file missing from the manifest makes every {% static %} fail, the error page's too.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    client = Client(raise_request_exception=False)

    with mock.patch("solidarity.stories.queries.countries_with_stories", side_effect=RuntimeError("bug")):
        response = client.get("/en/countries/")

    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.text
