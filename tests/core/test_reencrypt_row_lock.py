"""Key rotation and concurrent edits: while a batch is rewritten, no other connection can change its rows.

Two real connections (a second one opened beside the test's), so the test commits for real
(``transaction=True``). Every wait is bounded: PostgreSQL is asked with ``NOWAIT``, SQLite with a
busy timeout of a tenth of a second. What each database promises differs, and each is asserted:

* PostgreSQL: the batch's rows are locked (``select_for_update``), the other rows stay writable;
* SQLite: it serialises writers, so the whole database refuses a second writer during the batch.

CI runs the suite on both (.ci/run).
"""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection, connections
from django.db.models.query import QuerySet

from solidarity.core.services import personal_data_reencrypt
from tests.core.test_reencrypt import NEW_KEY, records_under_old_key
from tests.testapp.models import PersonalRecord

pytestmark = pytest.mark.django_db(transaction=True)

TABLE = PersonalRecord._meta.db_table


@pytest.fixture
def second_connection():
    """Another connection to the test database, as a second app server would have."""
    default = connections["default"]
    settings_dict = {**default.settings_dict}
    if default.vendor == "sqlite":
        settings_dict["OPTIONS"] = {**settings_dict.get("OPTIONS", {}), "timeout": 0.1}
    other = default.__class__(settings_dict, alias="default")  # a connection of its own all the same
    yield other
    other.close()


def locked_for(other, pk: int) -> bool:
    """Whether the other connection is refused a write lock on one row right now (it never waits long)."""
    quote = other.ops.quote_name
    try:
        with other.cursor() as cursor:
            if other.vendor == "postgresql":
                cursor.execute(f"SELECT id FROM {quote(TABLE)} WHERE id = %s FOR UPDATE NOWAIT", [pk])
            else:
                cursor.execute(f"UPDATE {quote(TABLE)} SET email_hash = email_hash WHERE id = %s", [pk])
    except OperationalError:
        return True
    return False


def test_while_a_batch_is_rewritten_no_other_connection_can_change_its_rows(settings, monkeypatch, second_connection):
    first, second = records_under_old_key(settings, 2)
    seen: dict[str, bool] = {}
    real_bulk_update = QuerySet.bulk_update

    def bulk_update_after_probing(queryset, objs, fields, **kwargs):
        if not seen:  # during the first batch, which holds only the first record
            assert [obj.pk for obj in objs] == [first.pk]
            seen["row in the batch"] = locked_for(second_connection, first.pk)
            seen["row of a later batch"] = locked_for(second_connection, second.pk)
        return real_bulk_update(queryset, objs, fields, **kwargs)

    monkeypatch.setattr(QuerySet, "bulk_update", bulk_update_after_probing)

    assert personal_data_reencrypt(batch_size=1) == 3  # two emails, one note

    if connection.vendor == "postgresql":
        assert seen == {"row in the batch": True, "row of a later batch": False}
    else:
        assert connection.vendor == "sqlite"
        assert seen == {"row in the batch": True, "row of a later batch": True}  # SQLite serialises writers
    # Once the batch is committed, the rows are free again, and rewritten with the new key.
    assert not locked_for(second_connection, first.pk)
    settings.SOLIDARITY_DATA_KEY = NEW_KEY
    assert sorted(PersonalRecord.objects.values_list("email", flat=True)) == [
        "person0@example.org",
        "person1@example.org",
    ]
