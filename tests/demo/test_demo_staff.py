"""The demo's staff: one account per role, made through the staff services, never twice."""

from __future__ import annotations

import stat

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from solidarity.core.access import ALL_COUNTRIES, country_scope
from solidarity.demo.demo import Tally
from solidarity.demo.staff_users import DEMO_STAFF, password_file, staff_users_ensure
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hashing(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser(username="admin", email="", password="x")


def load(tmp_path, admin):
    return staff_users_ensure(var_dir=tmp_path, by=admin, tally=Tally())


def test_one_account_per_role_with_its_countries(tmp_path, admin):
    logins = load(tmp_path, admin)

    users = {user.username: user for user in get_user_model().objects.exclude(pk=admin.pk)}
    assert [login.username for login in logins] == [
        "editor",
        "coordinator-ru",
        "coordinator-by",
        "moderator",
        "translator",
    ]
    assert {name: [group.name for group in user.groups.all()] for name, user in users.items()} == {
        "editor": ["Editors"],
        "coordinator-ru": ["Country coordinators"],
        "coordinator-by": ["Country coordinators"],
        "moderator": ["Moderators"],
        "translator": ["Translators"],
    }
    assert country_scope(users["editor"]) is ALL_COUNTRIES
    assert country_scope(users["coordinator-ru"]) == frozenset({"RU"})
    assert country_scope(users["coordinator-by"]) == frozenset({"BY"})
    assert not any(user.is_superuser for user in users.values())


def test_the_roles_are_set_through_the_services(tmp_path, admin):
    load(tmp_path, admin)

    entries = ModelLogEntry.objects.filter(action__in=["solidarity.roles_changed", "solidarity.countries_changed"])
    assert entries.filter(action="solidarity.roles_changed").count() == len(DEMO_STAFF)
    assert entries.filter(action="solidarity.countries_changed").count() == 2
    assert {entry.user for entry in entries} == {admin}


def test_loading_again_makes_nothing_twice_and_shows_the_same_logins(tmp_path, admin):
    first = load(tmp_path, admin)
    entries = ModelLogEntry.objects.count()

    again = load(tmp_path, admin)

    assert get_user_model().objects.count() == 1 + len(DEMO_STAFF)
    assert ModelLogEntry.objects.count() == entries
    assert [(login.username, login.password, login.created) for login in again] == [
        (login.username, login.password, False) for login in first
    ]


def test_passwords_are_kept_private_and_work(tmp_path, admin):
    logins = load(tmp_path, admin)

    for login in logins:
        path = password_file(tmp_path, login.username)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_text(encoding="utf-8").strip() == login.password
        assert get_user_model().objects.get(username=login.username).check_password(login.password)


def test_a_changed_password_is_not_shown(tmp_path, admin):
    load(tmp_path, admin)
    editor = get_user_model().objects.get(username="editor")
    editor.set_password("someone changed it")
    editor.save()

    [login] = [login for login in load(tmp_path, admin) if login.username == "editor"]

    assert login.password is None
    assert "password not shown" in login.note


@pytest.mark.parametrize("username", [spec.username for spec in DEMO_STAFF])
def test_each_demo_account_reaches_the_admin_but_not_the_users(client, tmp_path, admin, username):
    load(tmp_path, admin)
    login_staff(client, get_user_model().objects.get(username=username))

    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/users/").status_code in (302, 403)
