"""``manage.py two_factor_code``: the demo's pre-enrolled accounts log in with the code it prints (development)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import ModelLogEntry

from solidarity.staff import two_factor

pytestmark = pytest.mark.django_db


def code_of(username: str) -> str:
    out = StringIO()
    call_command("two_factor_code", username, stdout=out)
    return out.getvalue().strip()


def test_a_preenrolled_account_has_a_confirmed_authenticator_recovery_codes_and_an_audit_entry(django_user_model):
    admin = django_user_model.objects.create_superuser("boss", password="a long password 123")
    user = django_user_model.objects.create_user("coordinator", password="a long password 123")
    device = two_factor.preenrol(user, by=admin)
    assert device.confirmed and two_factor.authenticator(user) == device
    assert two_factor.recovery_codes_left(user) == two_factor.RECOVERY_CODE_COUNT
    entry = ModelLogEntry.objects.get(action="solidarity.two_factor_enabled", object_id=str(user.pk))
    assert entry.user_id == admin.pk and entry.data["preenrolled"] is True


def test_the_printed_code_is_the_one_the_authenticator_accepts(django_user_model):
    user = django_user_model.objects.create_user("editor", password="a long password 123")
    device = two_factor.preenrol(user, by=None)
    code = code_of("editor")
    assert len(code) == 6 and code.isdigit()
    assert device.verify_token(code)


def test_production_refuses_it(django_user_model, settings):
    user = django_user_model.objects.create_user("editor", password="a long password 123")
    two_factor.preenrol(user, by=None)
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="development only"):
        code_of("editor")


def test_an_unknown_user_or_one_without_an_authenticator_gets_a_clear_message(django_user_model):
    django_user_model.objects.create_user("new", password="a long password 123")
    with pytest.raises(CommandError, match="No user"):
        code_of("nobody")
    with pytest.raises(CommandError, match="no authenticator yet"):
        code_of("new")
