"""Every write to a staff member's roles and countries: each change leaves one audit entry and resets the access cache.

A staff member's roles are their groups (``core.roles``) and the "Administrator" box (a superuser);
a country coordinator answers for the countries in ``core.StaffCountries``. The rule kept here:
only a country coordinator has countries; a coordinator has at least one (:func:`staff_access_set`
refuses one without); anyone who stops being a coordinator loses their countries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from solidarity.core.access import forget_scope, staff_country_codes
from solidarity.core.countries import countries_from_codes
from solidarity.core.models import StaffCountries
from solidarity.core.roles import COORDINATORS
from solidarity.staff.audit import audit

# Set while a service below changes groups, so that the group signal (staff.signals) does not log it twice.
_writing_roles: ContextVar[bool] = ContextVar("staff_writing_roles", default=False)

COORDINATOR_NEEDS_A_COUNTRY = _("A country coordinator needs at least one country.")


def roles_writing() -> bool:
    """True while a service of this module is changing someone's groups (it logs the change itself)."""
    return _writing_roles.get()


@contextmanager
def _roles_write() -> Iterator[None]:
    token = _writing_roles.set(True)
    try:
        yield
    finally:
        _writing_roles.reset(token)


def group_names(user: Any) -> list[str]:
    """The names of the user's groups, sorted (read from the database, not from a cache)."""
    if user.pk is None:
        return []
    return sorted(Group.objects.filter(user=user).values_list("name", flat=True))


def country_codes(user: Any) -> list[str]:
    """The codes of the countries the user answers for (``core.StaffCountries``), sorted."""
    return sorted(staff_country_codes(user))


def roles_snapshot(user: Any, *, groups: list[str] | None = None) -> dict[str, Any]:
    """What the audit log keeps of someone's roles: administrator or not, and the group names."""
    return {"administrator": bool(user.is_superuser), "groups": group_names(user) if groups is None else groups}


def staff_roles_set(user: Any, groups: Iterable[Group], is_superuser: bool, *, by: Any) -> bool:
    """Give ``user`` exactly these groups and this administrator flag; True when something changed.

    Logs one ``solidarity.roles_changed`` entry (before and after) when something changed. Someone
    who is no longer a country coordinator loses their countries (a ``countries_changed`` entry).
    """
    wanted = list(groups)
    with transaction.atomic():
        before = roles_snapshot(user)
        after_groups = sorted(group.name for group in wanted)
        after = {"administrator": bool(is_superuser), "groups": after_groups}
        if before == after:
            return False
        if bool(user.is_superuser) != bool(is_superuser):
            user.is_superuser = bool(is_superuser)
            user.save(update_fields=["is_superuser"])
        with _roles_write():
            user.groups.set(wanted)
        audit(user, "solidarity.roles_changed", user=by, data={"before": before, "after": after})
        forget_scope(user)
        if COORDINATORS.group not in after_groups:
            staff_countries_set(user, [], by=by)
    return True


def staff_countries_set(user: Any, codes: Iterable[str], *, by: Any) -> bool:
    """Make ``user`` answer for exactly the countries with these codes; True when something changed.

    Logs one ``solidarity.countries_changed`` entry (the codes before and after) when something changed.
    A code that is no country raises ValueError.
    """
    countries = countries_from_codes(codes)
    after = sorted(country.code for country in countries)
    with transaction.atomic():
        before = country_codes(user)
        if before == after:
            return False
        record, _created = StaffCountries.objects.get_or_create(user=user)
        record.countries.set(countries)
        record.save()
        audit(user, "solidarity.countries_changed", user=by, data={"before": before, "after": after})
        forget_scope(user)
    return True


def staff_access_set(user: Any, groups: Iterable[Group], is_superuser: bool, codes: Iterable[str], *, by: Any) -> None:
    """Set roles and countries together, as the user admin does: a coordinator must have a country.

    The countries of anyone who is not a coordinator are ignored (and cleared). Raises ValidationError
    (nothing changed) for a coordinator without a country.
    """
    wanted = list(groups)
    coordinator = any(group.name == COORDINATORS.group for group in wanted)
    wanted_codes = list(codes) if coordinator else []
    if coordinator and not wanted_codes:
        raise ValidationError(COORDINATOR_NEEDS_A_COUNTRY, code="coordinator_without_country")
    with transaction.atomic():
        if coordinator:
            staff_countries_set(user, wanted_codes, by=by)
        staff_roles_set(user, wanted, is_superuser, by=by)
