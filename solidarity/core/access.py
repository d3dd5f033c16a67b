"""The one gate: may this staff member see or change this record of this country?

Country coordinators answer for some countries (``core.StaffCountries``); editors, and
administrators (superusers), for every country (the ``core.all_countries`` permission). Every
place that shows or changes a record that belongs to countries — admin listings and forms,
exports, the API, tasks, the dashboard — asks here, and nothing else decides it:

* :func:`country_scope` — the codes a user answers for, or ``ALL_COUNTRIES``;
* :func:`visible_to` — a queryset cut to the records of those countries;
* :func:`may_see` / :func:`may_change` — one record, with the model's own view/change permission.

A record says which countries it belongs to through a field named ``countries`` (many, as
``CountriesField`` makes it) or ``country`` (one); a model that keeps them elsewhere sets
``country_lookup`` (the lookup path to ``core.Country``, e.g. ``"campaign_group__country"``).

Pages, and the admin around them:

* :func:`may_change_page` / :func:`may_add_below` / :func:`pages_visible_to` — a page of countries (a
  story) is a coordinator's when one of its countries is theirs; a page of no country (home, the story
  index) they may walk through and add a story below, never change;
* :class:`CountryPagePermissionTester` — Wagtail's page permissions with those rules on top (every
  ``ReaderPage`` answers ``permissions_for_user`` with it: edit, delete, revisions, lock, copy, move …);
* :class:`CountryPagePermissionPolicy` — Wagtail's one page policy, which every admin listing of pages
  reads (explorer, page search, reports, the admin API), cut the same way (given to Wagtail at start-up);
* :func:`may_open_admin_view` — the admin addresses a coordinator may not open (``CountryScopeMiddleware``):
  those naming another country's page, reports of every record, bulk actions on another country's records.

Snippets of countries use ``core.admin_views.CountryScopedSnippetViewSet`` (listing, exports, chooser, and
every view of one record), which asks here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet
from wagtail.models import Page, PagePermissionTester, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from solidarity.core.roles import ROLES

ALL_COUNTRIES: Final = None
ALL_COUNTRIES_PERMISSION = "core.all_countries"
_CACHE_ATTRIBUTE = "_solidarity_country_scope"
COUNTRY_SCOPED_GROUPS = frozenset(role.group for role in ROLES if role.country_scoped)
TRANSLATION_ONLY_GROUPS = frozenset(role.group for role in ROLES if role.translations_only)
ROLE_GROUPS = frozenset(role.group for role in ROLES)
_GROUPS_ATTRIBUTE = "_solidarity_role_groups"

M = TypeVar("M", bound=models.Model)
PageSet = TypeVar("PageSet", bound=QuerySet[Any])


def country_scope(user: Any) -> frozenset[str] | None:
    """The country codes this user answers for: ``ALL_COUNTRIES`` (None) for every country, else a set (maybe empty).

    Only a country-scoped role (a country coordinator, ``core.roles``) narrows a staff member to the
    countries of their ``StaffCountries`` (none without a row), unless another role of theirs gives
    every country (``core.all_countries``: editors; administrators are superusers). The other roles
    (translators, moderators) are not scoped by country: what they may see at all is their
    permissions' business. Nobody who is not an active user answers for any country. Read once per
    user object.
    """
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if hasattr(user, _CACHE_ATTRIBUTE):
        cached: frozenset[str] | None = getattr(user, _CACHE_ATTRIBUTE)
        return cached
    scope: frozenset[str] | None
    groups = role_groups(user)
    if user.is_superuser or user.has_perm(ALL_COUNTRIES_PERMISSION) or (groups and not groups & COUNTRY_SCOPED_GROUPS):
        scope = ALL_COUNTRIES
    else:
        scope = staff_country_codes(user)
    setattr(user, _CACHE_ATTRIBUTE, scope)
    return scope


def staff_country_codes(user: Any) -> frozenset[str]:
    """The codes of the countries in the user's ``core.StaffCountries`` (whatever their roles; none for a new user)."""
    if user.pk is None:
        return frozenset()
    from solidarity.core.models import StaffCountries

    through = StaffCountries.countries.through
    return frozenset(through.objects.filter(staffcountries__user=user).values_list("country_id", flat=True))


def role_groups(user: Any) -> frozenset[str]:
    """The names of the role groups (``core.roles``) the user is in; read once per user object."""
    if not hasattr(user, _GROUPS_ATTRIBUTE):
        names = user.groups.filter(name__in=ROLE_GROUPS).values_list("name", flat=True) if user.pk else []
        setattr(user, _GROUPS_ATTRIBUTE, frozenset(names))
    groups: frozenset[str] = getattr(user, _GROUPS_ATTRIBUTE)
    return groups


def writes_translations_only(user: Any) -> bool:
    """A translator with no other role: every change of theirs goes through review; they add and delete no page.

    (They add pages only through Wagtail's "Translate", which needs them to be able to edit the original.)
    """
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return False
    groups = role_groups(user)
    return bool(groups) and groups <= TRANSLATION_ONLY_GROUPS


def forget_scope(user: Any) -> None:
    """Read the scope again next time (after the user's countries or roles changed)."""
    for attribute in (_CACHE_ATTRIBUTE, _GROUPS_ATTRIBUTE):
        if hasattr(user, attribute):
            delattr(user, attribute)
    for cache in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        if hasattr(user, cache):
            delattr(user, cache)


def is_country_scoped(user: Any) -> bool:
    """True for a staff member who answers for some countries only."""
    return country_scope(user) is not ALL_COUNTRIES


def answers_for(user: Any, codes: Iterable[str]) -> bool:
    """Does the user answer for at least one of these countries? (Every user answers for all when scope is all.)"""
    scope = country_scope(user)
    if scope is ALL_COUNTRIES:
        return True
    return bool(scope & {code.upper() for code in codes})


def country_lookup(model: type[models.Model]) -> str:
    """The lookup path from a model to ``core.Country``: its ``country_lookup``, else ``countries`` or ``country``."""
    declared = getattr(model, "country_lookup", None)
    if declared:
        return str(declared)
    names = {field.name for field in model._meta.get_fields()}
    for name in ("countries", "country"):
        if name in names:
            return name
    raise TypeError(f"{model.__name__} does not say which countries its records belong to.")


def visible_to(user: Any, queryset: QuerySet[M]) -> QuerySet[M]:
    """The records of ``queryset`` that belong to a country the user answers for (all of them for editors).

    A record of no country is seen only by those who answer for every country.
    """
    scope = country_scope(user)
    if scope is ALL_COUNTRIES:
        return queryset
    if not scope:
        return queryset.none()
    lookup = country_lookup(queryset.model)
    matching = queryset.model._default_manager.filter(**{f"{lookup}__in": sorted(scope)}).values("pk")
    return queryset.filter(pk__in=matching)


def countries_visible_to(user: Any, countries: QuerySet[M]) -> QuerySet[M]:
    """Of these countries (``core.Country`` rows), those the user answers for: to offer as choices and filters."""
    scope = country_scope(user)
    if scope is ALL_COUNTRIES:
        return countries
    return countries.filter(pk__in=sorted(scope))


def record_countries(record: models.Model) -> set[str]:
    """The codes of the countries a record belongs to (unsaved many-to-many values included)."""
    lookup = country_lookup(type(record))
    if "__" not in lookup:
        value = getattr(record, lookup, None)
        if value is None:
            return set()
        if isinstance(value, models.Model):
            return {str(value.pk)}
        return {str(country.pk) for country in value.all()}
    if record.pk is None:
        return set()
    codes = type(record)._default_manager.filter(pk=record.pk).values_list(lookup, flat=True)
    return {str(code) for code in codes if code}


def may_see(user: Any, record: models.Model) -> bool:
    """May the user see this record: the model's view (or change) permission, and one of its countries in scope."""
    opts = record._meta
    if not (
        user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        or user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    ):
        return False
    return _in_scope(user, record)


def may_change(user: Any, record: models.Model) -> bool:
    """May the user change this record: the model's change permission, and one of its countries in scope."""
    opts = record._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return False
    return _in_scope(user, record)


def _in_scope(user: Any, record: models.Model) -> bool:
    scope = country_scope(user)
    if scope is ALL_COUNTRIES:
        return True
    return bool(scope & record_countries(record))


# Pages. A page belongs to countries when its type has them (a story's ``countries``); other pages (home,
# generic pages, the story index) belong to none: a country-scoped user may find them in the page tree,
# add a page of countries below them, and change nothing of them.


def has_countries(model: type[models.Model]) -> bool:
    """Does a record of this model say which countries it belongs to?"""
    try:
        country_lookup(model)
    except TypeError:
        return False
    return True


def country_page_models() -> list[type[Page]]:
    """The page types whose pages belong to countries."""
    return [model for model in get_page_models() if has_countries(model)]


def may_change_page(user: Any, page: Page) -> bool:
    """Beyond Wagtail's page permissions: may the user change this page (or see its drafts and history)?

    Whoever answers for every country: yes. A country-scoped user: only a page of countries, one of them theirs.
    """
    if not is_country_scoped(user):
        return True
    specific = page.specific_deferred if not has_countries(type(page)) else page
    if specific is None or not has_countries(type(specific)):
        return False
    return _in_scope(user, specific)


@dataclass(frozen=True)
class CountriesRefused:
    """Why a country-scoped user may not give a record these countries: ``none_of_theirs`` (then ``theirs``
    says which they answer for), and the countries of others they would take off (``taken_off``)."""

    theirs: frozenset[str]
    none_of_theirs: bool
    taken_off: frozenset[str]


def countries_change_refused(user: Any, before: set[str], ticked: set[str]) -> CountriesRefused | None:
    """May ``user`` change a record's countries from ``before`` to ``ticked``? None when they may.

    A country-scoped user (a coordinator) keeps the record among their own countries and takes no
    other coordinator's country off it: at least one ticked country is theirs, and every country
    they do not answer for that it had stays ticked. Adding another country is allowed (a story may
    concern a neighbour too); the record then shows to that country's coordinator as well.
    """
    scope = country_scope(user)
    if scope is ALL_COUNTRIES:
        return None
    none_of_theirs = not scope & ticked
    taken_off = frozenset((before - scope) - ticked)
    if not none_of_theirs and not taken_off:
        return None
    return CountriesRefused(theirs=scope, none_of_theirs=none_of_theirs, taken_off=taken_off)


def may_add_below(user: Any, page: Page) -> bool:
    """Beyond Wagtail's page permissions: may the user add a page below this one?

    A country-scoped user adds only pages of countries (a story under a story index).
    """
    if not is_country_scoped(user):
        return True
    specific_class = page.specific_class
    if specific_class is None:
        return False
    return any(has_countries(model) for model in specific_class.creatable_subpage_models())


def pages_visible_to(user: Any, pages: PageSet) -> PageSet:
    """The pages without the pages of countries the user does not answer for (pages of no country stay).

    The pages of no country are the tree a coordinator walks through to their own stories.
    """
    scope = country_scope(user)
    if scope is ALL_COUNTRIES:
        return pages
    hidden = Q(pk__in=[])
    for model in country_page_models():
        mine = visible_to(user, model._default_manager.all()).values("pk")
        hidden |= Q(content_type=ContentType.objects.get_for_model(model)) & ~Q(pk__in=mine)
    visible: PageSet = pages.exclude(hidden)
    return visible


class CountryPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, and a country-scoped user's countries (:func:`may_change_page`) on top."""

    def _mine(self) -> bool:
        if not hasattr(self, "_is_mine"):  # asked for each button of a listing's row: read once
            self._is_mine = may_change_page(self.user, self.page)
        return self._is_mine

    def can_add_subpage(self) -> bool:
        if writes_translations_only(self.user):
            return False
        return may_add_below(self.user, self.page) and bool(super().can_add_subpage())

    def can_publish_subpage(self) -> bool:
        return may_add_below(self.user, self.page) and bool(super().can_publish_subpage())

    def can_edit(self) -> bool:
        return self._mine() and bool(super().can_edit())

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        if writes_translations_only(self.user):
            return False
        return self._mine() and bool(super().can_delete(ignore_bulk=ignore_bulk))

    def can_unpublish(self) -> bool:
        return self._mine() and bool(super().can_unpublish())

    def can_publish(self) -> bool:
        return self._mine() and bool(super().can_publish())

    def can_submit_for_moderation(self) -> bool:
        return self._mine() and bool(super().can_submit_for_moderation())

    def can_lock(self) -> bool:
        return self._mine() and bool(super().can_lock())

    def can_unlock(self) -> bool:
        return self._mine() and bool(super().can_unlock())

    def can_reorder_children(self) -> bool:
        return not is_country_scoped(self.user) and bool(super().can_reorder_children())

    def can_view_revisions(self) -> bool:
        return self._mine() and bool(super().can_view_revisions())


class CountryPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy with the country scope: what lists pages (the explorer, the admin's
    page search, reports, the admin API) leaves out the pages of countries the user does not answer for."""

    def user_has_any_permission_for_instance(self, user: Any, actions: Iterable[str], instance: Any) -> bool:
        if is_country_scoped(user) and not set(actions) <= {"add"} and not may_change_page(user, instance):
            return False
        return bool(super().user_has_any_permission_for_instance(user, actions, instance))

    def instances_user_has_any_permission_for(self, user: Any, actions: Iterable[str]) -> QuerySet[Page]:
        return pages_visible_to(user, super().instances_user_has_any_permission_for(user, actions))

    def explorable_instances(self, user: Any) -> QuerySet[Page]:
        return pages_visible_to(user, super().explorable_instances(user))


def scope_wagtails_page_policy() -> None:
    """Give Wagtail's one page permission policy (every admin view reads it) the country scope; at start-up."""
    from wagtail import permissions

    permissions.page_permission_policy.__class__ = CountryPagePermissionPolicy


# Admin addresses. Wagtail's views ask the page permission tester and the policy above; some of its
# views that only read (exploring below a page, the page chooser, the admin API, moving's confirmation)
# do not, and the site history lists the log of every record. A country-scoped user is refused those here.

PAGE_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
# The admin's reports of every record (their rows name records of every country): refused to a country-scoped user.
REFUSED_TO_COUNTRY_SCOPED = frozenset(
    {
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:site_history_results",
        "wagtailadmin_reports:page_types_usage",  # names the page of each type edited last, of any country
        "wagtailadmin_reports:page_types_usage_results",
        # Wagtail's admin API builds a page policy of its own: "find" would tell whether any page id exists.
        "wagtailadmin_api:pages:find",
    }
)


def pages_named(view_name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> set[int]:
    """The ids of the pages an admin address names (its page arguments)."""
    named = {kwargs[name] for name in PAGE_ARGUMENTS if name in kwargs}
    if view_name.startswith("wagtailadmin_api:pages:") and "pk" in kwargs:
        named.add(kwargs["pk"])
    if view_name == "wagtailadmin_pages:revisions_compare" and args:
        named.add(args[0])
    return {int(pk) for pk in named if _is_id(pk)}


def may_open_admin_view(
    user: Any, view_name: str, args: tuple[Any, ...], kwargs: dict[str, Any], query: Any = None
) -> bool:
    """May this (logged-in) user open this admin address? Only country-scoped users are ever refused here:
    a report of every record, the admin API's list of every page, any address naming a page of a country
    they do not answer for, and a bulk action on a record of such a country."""
    if not getattr(user, "is_authenticated", False) or not is_country_scoped(user):
        return True
    if view_name in REFUSED_TO_COUNTRY_SCOPED:
        return False
    if view_name == "wagtailadmin_api:pages:listing" and not _api_listing_allowed(user, query or {}):
        return False
    if view_name == "wagtail_bulk_action":
        return _may_act_on(user, kwargs, query.getlist("id") if query is not None else [])
    named = pages_named(view_name, args, kwargs)
    if not named:
        return True
    return pages_visible_to(user, Page.objects.filter(pk__in=named)).count() == len(named)


def _api_listing_allowed(user: Any, query: Any) -> bool:
    """The admin API's page list, which Wagtail does not cut by country: only as the sidebar's page tree asks it
    (the children of a page, ``for_explorer``) or for the translations of a page the user may see (the tree's
    language switch)."""
    if query.get("for_explorer"):
        return True
    translation_of = query.get("translation_of")
    if not translation_of or not _is_id(translation_of):
        return False
    return pages_visible_to(user, Page.objects.filter(pk=int(translation_of))).exists()


def _is_id(value: Any) -> bool:
    """A record id as an address carries it: ASCII digits only ("²" is a digit to Python, not to ``int``)."""
    text = str(value)
    return text.isascii() and text.isdigit()


def _may_act_on(user: Any, kwargs: dict[str, Any], chosen: list[str]) -> bool:
    """A bulk action (its confirmation lists the chosen records by name): only on records the user may see."""
    from django.apps import apps

    try:
        model = apps.get_model(kwargs.get("app_label", ""), kwargs.get("model_name", ""))
    except (LookupError, ValueError):
        return True  # Wagtail answers 404 itself
    is_page = issubclass(model, Page)
    if not is_page and not has_countries(model):
        return True
    if "all" in chosen:  # "every row of the listing": the listing is cut, this is not
        return False
    if not all(_is_id(pk) for pk in chosen):
        return False
    pks = {int(pk) for pk in chosen}
    if is_page:
        return pages_visible_to(user, Page.objects.filter(pk__in=pks)).count() == len(pks)
    return visible_to(user, model._default_manager.filter(pk__in=pks)).count() == len(pks)


# Who answers: the staff a message for a country goes to ----------------------------------------------------


def staff_answering_for(code: str | None) -> list[Any]:
    """The active staff members with an email who answer for the country ``code`` in their own right: its
    country coordinators (``core.roles``: a country-scoped role with the country in their ``StaffCountries``).
    ``None``: the editors (the role that answers for every country). Superusers are not written to as such."""
    from solidarity.core.roles import COORDINATORS, EDITORS

    if code is None:
        return staff_in_role(EDITORS.group)
    return staff_in_role(COORDINATORS.group, staff_countries__countries=code.upper())


def staff_in_role(group: str, **lookups: Any) -> list[Any]:
    """The active staff members with an email in a role's group (``core.roles``), narrowed by ``lookups``."""
    from django.contrib.auth import get_user_model

    users = get_user_model()._default_manager.filter(is_active=True, groups__name=group, **lookups).exclude(email="")
    return list(users.distinct().order_by("pk"))
