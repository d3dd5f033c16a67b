"""Roles and countries of staff: written through the services (one audit entry per change), set in the user admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from solidarity.core.access import ALL_COUNTRIES, country_scope
from solidarity.core.roles import COORDINATORS, EDITORS, MODERATORS
from solidarity.staff.services import country_codes, staff_access_set, staff_countries_set, staff_roles_set
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db


def group(name: str) -> Group:
    return Group.objects.get(name=name)


def entries(user, action: str) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(object_id=str(user.pk), action=action).order_by("timestamp", "pk"))


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser(username="root", email="root@example.org", password="x")


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user(username="anna", email="anna@example.org", password="x")


def test_setting_roles_writes_one_entry_with_before_and_after(admin, person):
    assert staff_roles_set(person, [group(EDITORS.group)], False, by=admin)

    [entry] = entries(person, "solidarity.roles_changed")
    assert entry.user == admin
    assert entry.data == {
        "before": {"administrator": False, "groups": []},
        "after": {"administrator": False, "groups": ["Editors"]},
    }
    assert country_scope(person) is ALL_COUNTRIES


def test_setting_the_same_roles_again_writes_nothing(admin, person):
    staff_roles_set(person, [group(EDITORS.group)], False, by=admin)

    assert not staff_roles_set(person, [group(EDITORS.group)], False, by=admin)
    assert len(entries(person, "solidarity.roles_changed")) == 1


def test_the_administrator_box_is_a_role(admin, person):
    staff_roles_set(person, [], True, by=admin)

    person.refresh_from_db()
    assert person.is_superuser
    [entry] = entries(person, "solidarity.roles_changed")
    assert entry.data["after"] == {"administrator": True, "groups": []}


def test_setting_countries_writes_one_entry_and_narrows_the_scope(admin, person):
    staff_roles_set(person, [group(COORDINATORS.group)], False, by=admin)
    assert country_scope(person) == frozenset()

    assert staff_countries_set(person, ["ru", "BY"], by=admin)
    assert not staff_countries_set(person, ["BY", "RU"], by=admin)

    [entry] = entries(person, "solidarity.countries_changed")
    assert entry.data == {"before": [], "after": ["BY", "RU"]}
    assert country_scope(person) == frozenset({"BY", "RU"})


def test_a_coordinator_needs_a_country(admin, person):
    with pytest.raises(ValidationError):
        staff_access_set(person, [group(COORDINATORS.group)], False, [], by=admin)

    assert person.groups.count() == 0
    assert entries(person, "solidarity.roles_changed") == []


def test_countries_of_someone_who_is_no_coordinator_are_ignored_and_cleared(admin, person):
    staff_access_set(person, [group(COORDINATORS.group)], False, ["RU"], by=admin)

    staff_access_set(person, [group(EDITORS.group)], False, ["RU", "BY"], by=admin)

    assert country_codes(person) == []
    assert [entry.data["after"] for entry in entries(person, "solidarity.countries_changed")] == [["RU"], []]


def test_a_group_change_made_elsewhere_is_audited_once(admin, person):
    group(MODERATORS.group).user_set.add(person)  # as Wagtail's "Assign role" bulk action does
    person.groups.remove(group(MODERATORS.group))

    changes = [entry.data for entry in entries(person, "solidarity.roles_changed")]
    assert changes == [
        {"before": {"administrator": False, "groups": []}, "after": {"administrator": False, "groups": ["Moderators"]}},
        {"before": {"administrator": False, "groups": ["Moderators"]}, "after": {"administrator": False, "groups": []}},
    ]


# --- the user admin -----------------------------------------------------------------------------------------


def form_data(**overrides) -> dict:
    data = {
        "username": "boris",
        "email": "boris@example.org",
        "first_name": "Boris",
        "last_name": "Example",
        "password1": "a long and unusual password 7",
        "password2": "a long and unusual password 7",
    }
    data.update(overrides)
    return data


def test_an_administrator_adds_a_coordinator_with_countries(client, admin, django_user_model):
    login_staff(client, admin)

    response = client.post(
        "/admin/users/new/", form_data(groups=[group(COORDINATORS.group).pk], countries=["RU", "BY"])
    )

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    boris = django_user_model.objects.get(username="boris")
    assert [g.name for g in boris.groups.all()] == [COORDINATORS.group]
    assert country_codes(boris) == ["BY", "RU"]
    assert len(entries(boris, "solidarity.roles_changed")) == 1
    assert len(entries(boris, "solidarity.countries_changed")) == 1
    assert entries(boris, "solidarity.roles_changed")[0].user == admin


def test_a_coordinator_without_a_country_is_refused_with_a_message(client, admin, django_user_model):
    login_staff(client, admin)

    response = client.post("/admin/users/new/", form_data(groups=[group(COORDINATORS.group).pk]))

    assert response.status_code == 200
    assert response.context["form"].errors["countries"] == ["A country coordinator needs at least one country."]
    assert not django_user_model.objects.filter(username="boris").exists()


def test_the_edit_form_shows_and_changes_the_countries(client, admin, person):
    staff_access_set(person, [group(COORDINATORS.group)], False, ["RU"], by=admin)
    login_staff(client, admin)
    url = f"/admin/users/edit/{person.pk}/"

    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["countries"] == ["RU"]
    assert b'name="countries"' in page.content

    response = client.post(
        url,
        form_data(
            username="anna",
            email="anna@example.org",
            password1="",
            password2="",
            is_active="on",
            groups=[group(COORDINATORS.group).pk],
            countries=["BY"],
        ),
    )

    assert response.status_code == 302
    assert country_codes(person) == ["BY"]
    assert len(entries(person, "solidarity.roles_changed")) == 1  # unchanged roles: no second entry


def test_ticking_countries_for_an_editor_saves_none(client, admin, django_user_model):
    login_staff(client, admin)

    client.post("/admin/users/new/", form_data(groups=[group(EDITORS.group).pk], countries=["RU"]))

    boris = django_user_model.objects.get(username="boris")
    assert country_codes(boris) == []
    assert entries(boris, "solidarity.countries_changed") == []


@pytest.mark.parametrize("role", [EDITORS, COORDINATORS, MODERATORS])
@pytest.mark.parametrize("url", ["/admin/users/", "/admin/users/new/", "/admin/groups/", "/admin/groups/new/"])
def test_no_role_manages_users_or_groups(client, admin, person, role, url):
    staff_access_set(person, [group(role.group)], False, ["RU"], by=admin)
    login_staff(client, person)

    response = client.get(url)

    assert response.status_code in (302, 403)
    assert response.status_code != 302 or "/admin/users" not in response["Location"]


def test_no_role_holds_a_user_permission():
    for role_group in Group.objects.all():
        assert not role_group.permissions.filter(content_type__app_label="auth").exists(), role_group.name


def test_the_users_list_says_each_persons_roles_and_a_coordinators_countries(client, django_user_model):
    from tests.factories import staff_member
    from tests.staff_login import login_staff

    administrator = django_user_model.objects.create_superuser("boss", "boss@example.org", "a long password 123")
    staff_member("mira", "Editors")
    staff_member("alesia", "Country coordinators", ["BY", "RU"])
    staff_member("iryna", "Translators")
    login_staff(client, administrator)

    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get("/admin/users/").text, "html.parser")
    roles = {
        row.select_one("td.username").get_text(strip=True): row.select_one("td.level").get_text(strip=True)
        for row in page.select("tbody tr")
    }

    assert roles == {
        "boss": "Administrator",
        "mira": "Editor",
        "alesia": "Country coordinator (Belarus, Russia)",
        "iryna": "Translator",
    }
