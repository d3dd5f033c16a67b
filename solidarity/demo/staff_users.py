"""Demo staff: one account per role (besides the demo admin), made through the staff services.

An editor, a country coordinator for Russia, one for Belarus, a moderator and a translator, each
with a random password kept in var/ (0600) like the demo admin's. An account that is already there
is left alone (its roles too), so loading the demo again makes nothing twice; its password is
shown only while it still matches the file. Each account has an authenticator set up already (nobody holds
it): `manage.py two_factor_code USERNAME` prints its current code, in development only.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from solidarity.core.private_files import write_private
from solidarity.core.roles import COORDINATORS, EDITORS, MODERATORS, TRANSLATORS, Role
from solidarity.staff import two_factor
from solidarity.staff.services import staff_access_set

if TYPE_CHECKING:
    from solidarity.demo.demo import Tally


@dataclass(frozen=True)
class DemoStaff:
    username: str
    first_name: str  # invented
    last_name: str
    role: Role
    countries: tuple[str, ...] = ()
    title: str = ""  # how load_demo names the login: "editor", "coordinator (Russia)", …


DEMO_STAFF = (
    DemoStaff("editor", "Mira", "Sokolova", EDITORS, title="editor"),
    DemoStaff("coordinator-ru", "Pavel", "Orlov", COORDINATORS, ("RU",), title="coordinator (Russia)"),
    DemoStaff("coordinator-by", "Alesia", "Kavalenka", COORDINATORS, ("BY",), title="coordinator (Belarus)"),
    DemoStaff("moderator", "Jonas", "Weber", MODERATORS, title="moderator"),
    DemoStaff("translator", "Iryna", "Melnyk", TRANSLATORS, title="translator"),
)


@dataclass(frozen=True)
class DemoLogin:
    """A demo account's login as load_demo prints it (no password when it is not load_demo's own)."""

    title: str
    username: str
    password: str | None
    created: bool
    note: str = ""


def password_file(var_dir: Path, username: str) -> Path:
    """Where a demo account's password is kept: ``var/demo_<username>_password`` (as the admin's)."""
    return var_dir / f"demo_{username.replace('-', '_')}_password"


def staff_user_ensure(spec: DemoStaff, *, var_dir: Path, by: Any, tally: Tally) -> DemoLogin:
    """The demo account of one role, made with its roles and countries on the first run; left alone after."""
    user_model = get_user_model()
    path = password_file(var_dir, spec.username)
    password = path.read_text(encoding="utf-8").strip() if path.exists() else None
    user = user_model.objects.filter(username=spec.username).first()
    if user is not None:
        tally.note("staff users", created=False)
        if password and user.check_password(password):
            return DemoLogin(spec.title, spec.username, password, created=False)
        note = f"password not shown: this account was not made by load_demo, or its password differs from {path}"
        return DemoLogin(spec.title, spec.username, None, created=False, note=note)
    if not password:
        password = secrets.token_urlsafe(18)
        write_private(path, password + "\n")
    with transaction.atomic():
        user = user_model.objects.create_user(
            username=spec.username,
            email=f"{spec.username}@demo.invalid",
            first_name=spec.first_name,
            last_name=spec.last_name,
            password=password,
        )
        staff_access_set(user, [Group.objects.get(name=spec.role.group)], False, spec.countries, by=by)
        two_factor.preenrol(user, by=by)
    tally.note("staff users", created=True)
    return DemoLogin(spec.title, spec.username, password, created=True)


def staff_users_ensure(*, var_dir: Path, by: Any, tally: Tally) -> list[DemoLogin]:
    """One demo account per role (``DEMO_STAFF``); ``by`` (the demo admin) is who the audit log says made them."""
    return [staff_user_ensure(spec, var_dir=var_dir, by=by, tally=tally) for spec in DEMO_STAFF]
