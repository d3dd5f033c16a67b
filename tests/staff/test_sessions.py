"""Staff sessions end after inactivity and with "log out everywhere"; anonymous readers get no session at all."""

from __future__ import annotations

import pytest
from wagtail.models import ModelLogEntry

from solidarity.staff import sessions
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "a long password 123")


def last_active(client, seconds_ago: float) -> None:
    """Move the session's last activity into the past (instead of waiting)."""
    session = client.session
    session[sessions.LAST_ACTIVITY] = sessions.now() - seconds_ago
    session.save()


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_login_notes_its_time_in_the_session(client, staff):
    login_staff(client, staff)

    assert client.session[sessions.LOGIN_AT] == client.session[sessions.LAST_ACTIVITY]
    assert abs(client.session[sessions.LOGIN_AT] - sessions.now()) < 60


def test_an_admin_session_idle_too_long_is_logged_out(client, staff, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 60
    login_staff(client, staff)
    last_active(client, 61 * 60)

    response = client.get("/admin/pages/", follow=True)

    assert response.redirect_chain[0] == ("/admin/login/?next=%2Fadmin%2Fpages%2F", 302)
    assert "logged out after 60 minutes without activity" in response.text
    assert not is_logged_in(client)


def test_a_session_active_within_the_limit_stays(client, staff, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 60
    login_staff(client, staff)
    last_active(client, 59 * 60)

    assert client.get("/admin/").status_code == 200
    assert is_logged_in(client)


def test_an_idle_session_ends_on_a_public_page_too(client, staff, site_tree):
    login_staff(client, staff)
    last_active(client, 24 * 60 * 60)

    assert client.get("/en/").status_code == 200
    assert not is_logged_in(client)


def test_the_last_activity_is_written_at_most_once_a_minute(client, staff):
    login_staff(client, staff)
    last_active(client, 30)
    noted = client.session[sessions.LAST_ACTIVITY]

    client.get("/admin/")
    assert client.session[sessions.LAST_ACTIVITY] == noted

    last_active(client, 90)
    client.get("/admin/")
    assert sessions.now() - client.session[sessions.LAST_ACTIVITY] < 60


def test_the_editors_background_pings_are_not_activity(client, staff):
    login_staff(client, staff)
    last_active(client, 90)
    noted = client.session[sessions.LAST_ACTIVITY]

    client.post("/admin/editing-sessions/ping/wagtailcore/page/1/0/")

    assert client.session[sessions.LAST_ACTIVITY] == noted


def test_log_out_everywhere_ends_the_other_browsers_sessions_too(client, staff, django_user_model):
    other_browser = type(client)()
    login_staff(other_browser, staff)
    login_staff(client, staff)
    assert other_browser.get("/admin/").status_code == 200

    response = client.post("/admin/security/log-out-everywhere/", follow=True)

    assert response.redirect_chain == [("/admin/login/", 302)]
    assert "You were logged out everywhere" in response.text
    assert not is_logged_in(client)
    elsewhere = other_browser.get("/admin/")
    assert elsewhere.status_code == 302
    assert elsewhere["Location"].startswith("/admin/login/")
    assert not is_logged_in(other_browser)
    [entry] = ModelLogEntry.objects.filter(action="solidarity.logout_everywhere", object_id=str(staff.pk))
    assert entry.user_id == staff.pk


def test_a_login_after_logging_out_everywhere_works(client, staff):
    login_staff(client, staff)
    client.post("/admin/security/log-out-everywhere/")

    login_staff(client, staff)

    assert client.get("/admin/").status_code == 200


def test_log_out_everywhere_leaves_other_users_logged_in(client, staff, django_user_model):
    colleague = django_user_model.objects.create_superuser("colleague", "c@example.org", "a long password 123")
    colleagues_browser = type(client)()
    login_staff(colleagues_browser, colleague)
    login_staff(client, staff)

    client.post("/admin/security/log-out-everywhere/")

    assert colleagues_browser.get("/admin/").status_code == 200


def test_log_out_everywhere_is_a_post(client, staff):
    login_staff(client, staff)

    assert client.get("/admin/security/log-out-everywhere/").status_code == 405
    assert is_logged_in(client)


def test_anonymous_readers_get_no_session_and_no_cookie(client, site_tree):
    response = client.get("/en/")

    assert response.status_code == 200
    assert response.cookies == {}
    assert "Cookie" not in response.get("Vary", "")
