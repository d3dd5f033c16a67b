"""The staff roles: groups made by the migration from core/roles.py, each with exactly its permissions."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from solidarity.core import access
from solidarity.core.roles import COORDINATORS, EDITORS, MODERATORS, ROLES, TRANSLATORS, role_for_group, roles_ensure

pytestmark = pytest.mark.django_db


def page_codenames(group: Group) -> set[str]:
    return set(GroupPagePermission.objects.filter(group=group).values_list("permission__codename", flat=True))


def model_permissions(group: Group) -> set[str]:
    return {f"{app}.{code}" for app, code in group.permissions.values_list("content_type__app_label", "codename")}


def test_the_migration_made_one_group_per_role_with_exactly_its_permissions():
    for role in ROLES:
        group = Group.objects.get(name=role.group)
        assert model_permissions(group) == set(role.permissions)
        assert page_codenames(group) == set(role.page_permissions)
        collection = set(
            GroupCollectionPermission.objects.filter(group=group).values_list("permission__codename", flat=True)
        )
        assert collection == set(role.collection_permissions)


def test_page_permissions_are_given_on_the_root_so_on_every_page():
    root = Page.objects.get(depth=1)
    assert set(GroupPagePermission.objects.values_list("page", flat=True)) == {root.pk}
    assert set(GroupCollectionPermission.objects.values_list("collection", flat=True)) == {
        Collection.get_first_root_node().pk
    }


def test_only_editors_publish_and_only_editors_see_every_country():
    publishers = {group.name for group in Group.objects.filter(page_permissions__permission__codename="publish_page")}
    assert publishers == {EDITORS.group}
    every_country = Permission.objects.get(codename="all_countries")
    assert {group.name for group in every_country.group_set.all()} == {EDITORS.group}


def test_wagtails_moderators_keep_no_page_permissions_they_work_the_comment_queue():
    moderators = Group.objects.get(name=MODERATORS.group)
    assert page_codenames(moderators) == set()
    assert model_permissions(moderators) == {
        "wagtailadmin.access_admin",
        "discussion.view_comment",
        "discussion.change_comment",
    }


def test_translators_and_coordinators_write_drafts_but_never_publish():
    for role in (TRANSLATORS, COORDINATORS):
        assert page_codenames(Group.objects.get(name=role.group)) == {"add_page", "change_page"}
    assert COORDINATORS.country_scoped and not TRANSLATORS.country_scoped


def test_running_it_again_changes_nothing_and_takes_back_a_permission_added_by_hand():
    moderators = Group.objects.get(name=MODERATORS.group)
    moderators.permissions.add(Permission.objects.get(codename="publish_page"))
    before = {group.name: model_permissions(group) for group in Group.objects.all()}
    roles_ensure()
    roles_ensure()
    after = {group.name: model_permissions(group) for group in Group.objects.all()}
    assert "wagtailcore.publish_page" not in after[MODERATORS.group]
    assert after[MODERATORS.group] == {f"{name}" for name in MODERATORS.permissions}
    assert {name: perms for name, perms in after.items() if name != MODERATORS.group} == {
        name: perms for name, perms in before.items() if name != MODERATORS.group
    }
    assert Group.objects.filter(name__in=[role.group for role in ROLES]).count() == len(ROLES)


def test_a_group_that_is_no_role_is_left_alone():
    press = Group.objects.create(name="Press office")
    press.permissions.add(Permission.objects.get(codename="publish_page"))
    roles_ensure()
    assert model_permissions(press) == {"wagtailcore.publish_page"}
    assert role_for_group("Press office") is None
    assert role_for_group("Editors") is EDITORS


def test_an_editor_answers_for_every_country_a_coordinator_only_through_staff_countries(django_user_model):
    editor = django_user_model.objects.create_user("ed", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS.group))
    coordinator = django_user_model.objects.create_user("co", password="x")
    coordinator.groups.add(Group.objects.get(name=COORDINATORS.group))
    assert access.country_scope(editor) is access.ALL_COUNTRIES
    assert access.country_scope(coordinator) == frozenset()


def test_a_coordinator_changes_the_images_they_uploaded_not_those_of_others(client, django_user_model):
    """Else a Belarus coordinator could replace the lead image of a live Russian story, with no review."""
    from wagtail.images import get_image_model

    from tests.factories import ImageFactory, staff_member
    from tests.staff_login import login_staff

    coordinator = staff_member("coordinator", "Country coordinators", ["BY"])
    editor = staff_member("editor", "Editors")
    others = ImageFactory(title="Moscow court", uploaded_by_user=editor)
    own = ImageFactory(title="Minsk square", uploaded_by_user=coordinator)
    login_staff(client, coordinator)

    refused = client.post(f"/admin/images/{others.pk}/", {"title": "Replaced"})
    assert refused.status_code in {302, 403}
    assert get_image_model().objects.get(pk=others.pk).title == "Moscow court"
    assert client.get(f"/admin/images/{own.pk}/").status_code == 200


def test_running_it_at_run_time_leaves_the_projects_app_configs_as_they_were():
    """Django's post_migrate (after every flush) skips an app config without a models module."""
    from django.apps import apps

    before = {config.label: config.models_module for config in apps.get_app_configs()}
    roles_ensure()
    assert {config.label: config.models_module for config in apps.get_app_configs()} == before
