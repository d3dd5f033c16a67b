"""Is the database there? One answer for the health check and the outage pages."""

from __future__ import annotations

from django.db import DatabaseError, InterfaceError, OperationalError, connection


def database_answers(*, reconnect: bool = False) -> bool:
    """True when the database answers ``SELECT 1``; with ``reconnect``, on a fresh connection."""
    try:
        if reconnect:
            connection.close()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def is_database_outage(exception: BaseException) -> bool:
    """A connection-level error while the database does not answer, not a locked table or a bad query."""
    return isinstance(exception, (OperationalError, InterfaceError)) and not database_answers(reconnect=True)
