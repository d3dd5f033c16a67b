"""Lockout after repeated failed staff logins, and the login entries of the audit log."""

from __future__ import annotations

import ipaddress
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import CommandError, call_command
from django.db.models import F
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext
from wagtail.models import ModelLogEntry

from solidarity.staff.lockout import address_key, client_address
from tests.staff.hashers import CountingHasher

PASSWORD = "the right password, long enough"
HERE = "203.0.113.7"
ELSEWHERE = "198.51.100.20"
LOCK_MESSAGE = (
    "Too many failed logins for this account or from this address. Logging in is locked for %(minutes)s minute.",
    "Too many failed logins for this account or from this address. Logging in is locked for %(minutes)s minutes.",
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _lockout_settings(settings):
    settings.PASSWORD_HASHERS = ["tests.staff.hashers.CountingHasher"]
    settings.STAFF_LOGIN_FAILURE_LIMIT = 5
    settings.STAFF_LOCKOUT_MINUTES = 30


@pytest.fixture
def ada(django_user_model):
    return django_user_model.objects.create_superuser("ada", "ada@example.org", PASSWORD)


def attempt(client, username: str, password: str, address: str = HERE, **extra):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def fail(client, username: str = "ada", times: int = 5, address: str = HERE) -> None:
    for _ in range(times):
        attempt(client, username, "a wrong password", address)


def logged_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def entries(user, action: str | None = None) -> list[ModelLogEntry]:
    found = ModelLogEntry.objects.for_instance(user).order_by("pk")
    return list(found.filter(action=action) if action else found)


def age_attempts(minutes: int) -> None:
    """Move every counted failure ``minutes`` into the past (instead of waiting)."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


# The lock ------------------------------------------------------------------------------------


def test_four_wrong_passwords_do_not_lock(client, ada):
    fail(client, times=4)

    assert logged_in(attempt(client, "ada", PASSWORD))


def test_a_login_clears_the_failures_before_it(client, ada):
    fail(client, times=4)
    attempt(client, "ada", PASSWORD)
    client.logout()
    fail(client, times=4)

    assert logged_in(attempt(client, "ada", PASSWORD))


def test_logging_in_with_ones_own_password_does_not_clear_the_guesses_at_another_account(
    client, ada, django_user_model
):
    """Else whoever knows one staff password could guess another's without limit, logging in between guesses."""
    django_user_model.objects.create_user("mallory", "m@example.org", PASSWORD)
    for _round in range(2):
        fail(client, times=2)
        assert logged_in(attempt(client, "mallory", PASSWORD))
        client.logout()
    fail(client, times=1)  # the fifth guess at ada's password

    assert attempt(client, "ada", PASSWORD, address="198.51.100.99").status_code == 429


def test_five_wrong_passwords_lock_the_account(client, ada):
    fail(client, times=4)
    fifth = attempt(client, "ada", "a wrong password")
    right = attempt(client, "ada", PASSWORD)

    assert fifth.status_code == 429
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Logging in is locked for 30 minutes" in right.content.decode()


def test_the_lock_expires_after_the_configured_time(client, ada):
    fail(client)
    age_attempts(29)
    still_locked = attempt(client, "ada", PASSWORD)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=2))  # 31 minutes in all

    assert still_locked.status_code == 429
    assert logged_in(attempt(client, "ada", PASSWORD))


def test_the_configured_limit_and_time_are_used(client, ada, settings):
    settings.STAFF_LOGIN_FAILURE_LIMIT = 3
    settings.STAFF_LOCKOUT_MINUTES = 10
    fail(client, times=3)
    locked = attempt(client, "ada", PASSWORD)
    age_attempts(11)

    assert locked.status_code == 429
    assert "locked for 10 minutes" in locked.content.decode()
    assert logged_in(attempt(client, "ada", PASSWORD))


def test_a_locked_username_is_locked_from_every_address(client, ada):
    for number in range(5):
        attempt(client, "ada", "a wrong password", f"203.0.113.{number + 10}")

    assert attempt(client, "ada", PASSWORD, ELSEWHERE).status_code == 429


def test_one_address_trying_many_usernames_is_locked(client, ada):
    for number in range(5):
        attempt(client, f"guess{number}", "a wrong password", HERE)

    assert attempt(client, "ada", PASSWORD, HERE).status_code == 429
    assert logged_in(attempt(client, "ada", PASSWORD, ELSEWHERE))


def test_an_unknown_address_counts_by_username_only(client, ada):
    """Behind the proxy without X-Forwarded-For (a Tor onion service) every client is 127.0.0.1: not one address."""
    for number in range(5):
        attempt(client, f"guess{number}", "a wrong password", "127.0.0.1")

    assert logged_in(attempt(client, "ada", PASSWORD, "127.0.0.1"))


def test_the_lockout_page_is_translated(client, ada):
    fail(client)
    with translation.override("ru"):
        expected = ngettext(*LOCK_MESSAGE, 30) % {"minutes": 30}
    page = attempt(client, "ada", PASSWORD, HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert '<html lang="ru"' in page
    assert expected in page


# No address kept -----------------------------------------------------------------------------


def test_no_plain_address_is_stored(client, ada):
    fail(client, times=5, address=HERE)
    fail(client, username="nobody", times=2, address="2001:db8::1")
    call_command("unlock_login", "ada")
    attempt(client, "ada", PASSWORD, HERE, HTTP_USER_AGENT="Mozilla/5.0 (a telling agent)")

    stored = list(AccessAttempt.objects.values_list("ip_address", "user_agent", "get_data", "post_data", "http_accept"))
    assert stored
    for ip_address, *texts in stored:
        assert ipaddress.ip_address(ip_address) in ipaddress.ip_network("fd00::/8")
        assert not any(address in text for text in texts for address in (HERE, "2001:db8::1", "telling", PASSWORD))
    assert {text for _, agent, *_ in stored for text in [agent]} == {""}
    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()
    for entry in entries(ada):
        assert HERE not in str(entry.data) and PASSWORD not in str(entry.data)


def test_the_address_key_is_a_keyed_hash_of_the_address():
    def key(address: str, **meta: str) -> str | None:
        return address_key(RequestFactory().get("/", REMOTE_ADDR=address, **meta))

    assert key(HERE) == key(HERE)
    assert key(HERE) != key(ELSEWHERE)
    assert key(HERE) == key(f"::ffff:{HERE}")
    assert key("2001:db8::1") == key("2001:db8::2")  # one /64
    assert key("2001:db8::1") != key("2001:db8:0:1::1")
    assert key("127.0.0.1") is None


def test_the_client_behind_the_proxy_is_the_last_forwarded_address(settings):
    def address(**meta: str):
        return client_address(RequestFactory().get("/", **meta))

    assert str(address(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"{ELSEWHERE}, {HERE}")) == HERE
    assert address(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="127.0.0.1") is None
    assert str(address(REMOTE_ADDR=HERE, HTTP_X_FORWARDED_FOR=ELSEWHERE)) == HERE  # only the proxy is believed
    settings.BEHIND_PROXY = False
    assert address(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=HERE) is None


# Unlocking -----------------------------------------------------------------------------------


def test_unlock_login_lifts_the_lock(client, ada):
    fail(client)
    call_command("unlock_login", "ada")

    assert logged_in(attempt(client, "ada", PASSWORD, ELSEWHERE))
    assert [entry.data["cleared"] for entry in entries(ada, "solidarity.unlocked")] == [1]


def test_unlock_login_all_lifts_address_locks(client, ada):
    for number in range(5):
        attempt(client, f"guess{number}", "a wrong password", HERE)
    call_command("unlock_login", "--all")

    assert logged_in(attempt(client, "ada", PASSWORD, HERE))


def test_unlock_login_needs_a_username():
    with pytest.raises(CommandError):
        call_command("unlock_login")


# The audit log -------------------------------------------------------------------------------


def test_a_login_is_audited(client, ada):
    """The password step of a staff member, whose login is audited once the two-factor code is given too."""
    attempt(client, "ada", PASSWORD)

    [entry] = entries(ada)
    assert (entry.action, entry.user_id) == ("solidarity.password_accepted", ada.pk)
    assert entry.timestamp is not None


def test_a_wrong_password_is_audited_once(client, ada):
    attempt(client, "ada", "a wrong password")

    [entry] = entries(ada)
    assert (entry.action, entry.user_id, entry.data) == ("solidarity.login_failed", None, {})


def test_a_lockout_is_audited_once(client, ada):
    fail(client)
    attempt(client, "ada", PASSWORD)
    attempt(client, "ada", "a wrong password")

    assert [entry.action for entry in entries(ada)] == ["solidarity.login_failed"] * 5 + ["solidarity.locked_out"]
    [lock] = entries(ada, "solidarity.locked_out")
    assert lock.data == {"locked": ["account", "address"], "minutes": 30, "failures": 5}


def test_a_lockout_from_many_addresses_locks_the_account_only(client, ada):
    for number in range(5):
        attempt(client, "ada", "a wrong password", f"203.0.113.{number + 10}")

    assert [entry.data["locked"] for entry in entries(ada, "solidarity.locked_out")] == [["account"]]


def test_an_address_lockout_is_audited_on_the_account_tried(client, ada, django_user_model):
    fail(client, username="nobody", times=4)
    attempt(client, "ada", "a wrong password")

    assert [entry.data["locked"] for entry in entries(ada, "solidarity.locked_out")] == [["address"]]


def test_an_unknown_username_leaves_nothing_in_the_audit_log(client, ada):
    before = ModelLogEntry.objects.count()
    fail(client, username="nobody", times=6)

    assert ModelLogEntry.objects.count() == before


# What a login costs --------------------------------------------------------------------------


def hashes(client, username: str, password: str) -> int:
    CountingHasher.calls = 0
    attempt(client, username, password, ELSEWHERE)
    return CountingHasher.calls


def test_a_locked_or_unknown_login_hashes_no_more_than_a_known_one(client, ada):
    known = hashes(client, "ada", "a wrong password")
    unknown = hashes(client, "nobody", "a wrong password")
    fail(client, times=5)
    locked = hashes(client, "ada", "a wrong password")

    assert known >= 1
    assert unknown <= known
    assert locked <= known
