"""The staff roles: which group may do what. A data migration makes the groups from this table.

| role | group | may |
| --- | --- | --- |
| administrator | (a superuser: Wagtail's "Administrator" box) | everything, including users and roles |
| editor | Editors | write, translate, submit and publish every page; moderate; export; the newsletter; every country |
| country coordinator | Country coordinators | their countries' records only (``core.access``); draft pages |
| moderator | Moderators | the comment queue only |
| translator | Translators | create and edit translations, submit them for review; never publish |

The table is the truth: :func:`roles_ensure` gives each group exactly these permissions (a later
feature adds its own to the table and runs it again from a migration of its own). Which records
of which country a coordinator sees is not a permission: ``core.access`` decides it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps as global_apps
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Role:
    group: str  # the group's name (data, in English; the admin shows it as it is)
    label: Any  # the role's name in the interface
    permissions: tuple[str, ...] = ()  # "app_label.codename"
    page_permissions: tuple[str, ...] = ()  # on the root page, so on every page: "add_page", "publish_page", …
    collection_permissions: tuple[str, ...] = ()  # on the root collection: "add_image", "choose_document", …
    country_scoped: bool = field(default=False)  # sees the records of their countries only (core.access)
    translations_only: bool = field(default=False)  # changes pages through review only; adds and deletes none


ADMIN_ACCESS = "wagtailadmin.access_admin"
IMAGES_AND_DOCUMENTS = (
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
)

EDITORS = Role(
    group="Editors",
    label=_("Editor"),
    permissions=(
        ADMIN_ACCESS,
        "core.all_countries",
        "core.add_memberorganisation",
        "core.change_memberorganisation",
        "core.delete_memberorganisation",
        "core.view_memberorganisation",
        "core.add_countryintroduction",
        "core.change_countryintroduction",
        "core.delete_countryintroduction",
        "core.view_countryintroduction",
        "home.add_sitenavigation",
        "home.change_sitenavigation",
        "home.view_sitenavigation",
        "campaigns.view_participatinggroup",
        "campaigns.change_participatinggroup",
        "campaigns.view_activity",
        "campaigns.change_activity",
        "campaigns.view_signup",
        "campaigns.delete_signup",
        "campaigns.add_countrycontact",
        "campaigns.change_countrycontact",
        "campaigns.delete_countrycontact",
        "campaigns.view_countrycontact",
        "calls.view_signature",
        "calls.change_signature",
        # The comment queue, the comments' settings, and the editors' inbox of questions (and every other).
        "discussion.view_comment",
        "discussion.change_comment",
        "discussion.change_discussionsettings",
        "discussion.view_question",
        "discussion.change_question",
        "core.view_outgoingemail",
        # The newsletter's mailings: compose, preview, test, schedule, send, stop (subscribers are counted only).
        "newsletter.add_mailing",
        "newsletter.change_mailing",
        "newsletter.delete_mailing",
        "newsletter.view_mailing",
        "stories.add_topic",
        "stories.change_topic",
        "stories.delete_topic",
        "stories.view_topic",
        "simple_translation.submit_translation",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ),
    page_permissions=("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
    collection_permissions=(*IMAGES_AND_DOCUMENTS, "delete_image", "delete_document"),
)

COORDINATORS = Role(
    group="Country coordinators",
    label=_("Country coordinator"),
    permissions=(
        ADMIN_ACCESS,
        "core.view_memberorganisation",
        "core.view_countryintroduction",
        # Their countries' groups, activities, sign-ups and contacts (core.access cuts them to those).
        "campaigns.view_participatinggroup",
        "campaigns.change_participatinggroup",
        "campaigns.view_activity",
        "campaigns.change_activity",
        "campaigns.view_signup",
        "campaigns.add_countrycontact",
        "campaigns.change_countrycontact",
        "campaigns.delete_countrycontact",
        "campaigns.view_countrycontact",
        # Their countries' signatures of public calls: organisations to check, the CSV export.
        "calls.view_signature",
        "calls.change_signature",
        # Their countries' inboxes of questions: read, mark answered.
        "discussion.view_question",
        "discussion.change_question",
    ),
    page_permissions=("add_page", "change_page"),
    # Add and choose only: Wagtail lets them change what they uploaded, not the images of other countries' stories.
    collection_permissions=("add_image", "choose_image", "add_document", "choose_document"),
    country_scoped=True,
)

MODERATORS = Role(
    group="Moderators",
    label=_("Moderator"),
    permissions=(ADMIN_ACCESS, "discussion.view_comment", "discussion.change_comment"),
)

TRANSLATORS = Role(
    group="Translators",
    label=_("Translator"),
    permissions=(ADMIN_ACCESS, "simple_translation.submit_translation", "stories.view_topic"),
    page_permissions=("add_page", "change_page"),
    collection_permissions=("choose_image", "choose_document"),
    translations_only=True,
)

ROLES = (EDITORS, COORDINATORS, MODERATORS, TRANSLATORS)


def role_for_group(name: str) -> Role | None:
    return next((role for role in ROLES if role.group == name), None)


def roles_ensure(apps: Any = global_apps) -> None:
    """Make each role's group and give it exactly the table's permissions (in a migration, pass its ``apps``).

    Django makes permissions after migrations run; they are made here first when missing.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # A migration's app configs have no models module, which create_permissions() skips; the
        # project's own keep theirs (post_migrate reads it after every flush).
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(name: str) -> Any:
        """The permission, or None while its model is not made yet (an earlier migration runs this too: the
        feature's own migration gives it; test_roles checks that the table names no permission that is not)."""
        app_label, codename = name.split(".", 1)
        return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.group)
        group.permissions.set([found for name in role.permissions if (found := permission(name)) is not None])
        GroupPagePermission.objects.filter(group=group).delete()
        if root_page is not None:
            for codename in role.page_permissions:
                GroupPagePermission.objects.create(
                    group=group, page=root_page, permission=permission(f"wagtailcore.{codename}")
                )
        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection is not None:
            for codename in role.collection_permissions:
                app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission=permission(f"{app_label}.{codename}")
                )
