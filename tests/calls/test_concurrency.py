"""Signing and confirming at the same moment, from many connections, as a surge of visitors does.

Each thread is a request of its own with its own database connection (closed at its end); they all start
together (a barrier), so the writes really race. The test commits for real (``transaction=True``). CI runs the
suite on SQLite and on PostgreSQL (.ci/run): the database's unique constraint is what keeps one signature per
mailbox, and the counts change in the transaction of the signature they count.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from solidarity.calls import queries, services
from solidarity.calls.models import Signature
from solidarity.core.models import OutgoingEmail
from solidarity.home.services import site_tree_ensure
from tests.calls import factories

# serialized_rollback: the test database is given back its rows (content types with their ids) for the tests
# that run after it, whichever order they come in.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 20


def all_at_once(work: Callable[[int], Any], count: int = THREADS) -> list[Any]:
    """``work(0)`` … ``work(count - 1)``, each in a thread of its own, started together; their results in order.

    An exception in a thread is its result (the test then shows it)."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(number: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[number] = work(number)
        except Exception as error:  # reported by the test that reads the results
            results[number] = error
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return results


@pytest.fixture
def database(tmp_path):
    """The test database as a site has it: PostgreSQL as it is; SQLite in a file.

    The suite's SQLite database lives in memory, shared between threads through SQLite's shared cache, whose
    table locks fail at once ("database table is locked") where a site's file waits its turn (WAL, a busy
    timeout, ``BEGIN IMMEDIATE``: settings.py). So on SQLite this test runs on a copy of it in a file, with those
    settings; the in-memory one is back afterwards, untouched.
    """
    site_tree_ensure()
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    connection.ensure_connection()
    copy = sqlite3.connect(tmp_path / "concurrency.sqlite3")
    connection.connection.backup(copy)
    copy.close()
    in_memory, name = connection.connection, connection.settings_dict["NAME"]
    connection.connection = None  # not closed: that would drop the in-memory database
    connection.settings_dict["NAME"] = str(tmp_path / "concurrency.sqlite3")  # every thread's connection reads it
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = in_memory


@pytest.fixture
def call(database):
    return factories.public_call(goal=100)


def test_twenty_identical_submissions_at_once_make_one_signature_and_one_email(call):
    def sign(number: int) -> str:
        # The same mailbox, written as people and browsers do: case and plus tags make no other address.
        email = ["Anna@Example.org", "anna@example.org", "anna+calls@example.org", " ANNA@example.org "][number % 4]
        return services.signature_sign(call=call, name="Anna", email=email, country="BY", language="en")

    outcomes = all_at_once(sign)

    assert [outcome for outcome in outcomes if isinstance(outcome, Exception)] == []
    assert Counter(outcomes) == {services.SignOutcome.NEW: 1, services.SignOutcome.QUIET: THREADS - 1}
    assert Signature.objects.of_call(call.call_key).count() == 1
    assert OutgoingEmail.objects.filter(purpose="calls.signature_confirm").count() == 1  # one per quiet time
    assert queries.call_total(call.call_key) == 0  # counted once confirmed


def test_confirmations_and_withdrawals_at_once_leave_the_counts_equal_to_the_rows(call):
    # Belarus has no count yet (the first confirmations race to make it), Georgia has one.
    waiting = [factories.signature(call, country="BY" if n % 2 else "GE", confirmed=False) for n in range(12)]
    confirmed = [factories.signature(call, country="GE") for _n in range(10)]
    withdrawn = confirmed[:8]

    def act(number: int) -> Any:
        if number < len(waiting):
            return services.signature_confirm(waiting[number])
        return services.signature_withdraw(withdrawn[number - len(waiting)])

    results = all_at_once(act, len(waiting) + len(withdrawn))

    assert [result for result in results if isinstance(result, Exception)] == []
    assert services.counts_verify() == []
    counts = queries.call_counts(call.call_key)
    assert (counts.people, counts.total) == (12 + 10 - 8, 14)
    assert Signature.objects.of_call(call.call_key).counted().count() == 14
    assert {country.code: n for country, n in counts.by_country} == {"BY": 6, "GE": 8}
