"""The rows the migrations created (the roles and their permissions, the rating scale), for
tests on a live server.

A live server needs a transactional test database, which Django empties after each test, and
those rows go with it. Asking for serialized rollback (`django_db_serialized_rollback`, or
`serialized_rollback=True`) makes the test database set-up keep a serialized copy of them on its
connection objects. But while Playwright's loop runs (the browser tests, from the first to the
end of the session), Django's connections (an asgiref Local) hand this thread other connection
objects, without that copy, so Django's own serialized rollback restores nothing. Tests on a
live server therefore restore the rows themselves, from a copy taken while it could be.

And no test ever opens the database the settings name (DATABASE_URL) instead of its test database:
`refuse_the_real_databases()` (conftest.py) makes such a connection fail as it opens."""

import json

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from django.db.backends.signals import connection_created

_MIGRATED_ROWS: dict[str, str] = {}  # database alias -> serialized rows
# The databases the settings name (DATABASE_URL), as they were before the test databases were set
# up (refuse_the_real_databases): none of them is ever opened by a test.
REAL_DATABASE_NAMES: set[str] = set()


class RealDatabaseRefused(RuntimeError):
    pass


def refuse_the_real_databases() -> None:
    """From now on, a connection to a database the settings name is closed as soon as it opens,
    with an error: the tests use the test databases made from them. (Django names them again when
    it has dropped the test databases at the end of the session, so a fixture or hook that runs
    after that would otherwise write into the real database.) Databases in memory are exempt:
    nothing outlives them. Call it before the test databases are set up."""
    for database in connections.settings.values():
        if not _in_memory(database["NAME"]):
            REAL_DATABASE_NAMES.add(database["NAME"])
    connection_created.connect(_refuse_a_real_database, dispatch_uid="tests.database.refuse_the_real_databases")


def _in_memory(name) -> bool:
    return not name or name == ":memory:" or "mode=memory" in str(name)


def _refuse_a_real_database(sender, connection, **kwargs) -> None:
    name = connection.settings_dict["NAME"]
    if name in REAL_DATABASE_NAMES:
        connection.close()
        raise RealDatabaseRefused(
            f"A test opened the database {name!r} that the settings (DATABASE_URL) name, not its test "
            "database: it exists only while the session's tests run (tests/database.py)."
        )


def remember_migrated_rows() -> None:
    """Keep the serialized copy the test database set-up made (if this thread still sees it)."""
    for alias in connections:
        rows = getattr(connections[alias], "_test_serialized_contents", None)
        if rows:
            _MIGRATED_ROWS[alias] = rows


def reset_to_migrated_rows() -> None:
    """Empty the database but for the rows the migrations created."""
    for alias, rows in _MIGRATED_ROWS.items():
        # Without post_migrate, which would add content types and permissions with new ids.
        call_command("flush", database=alias, interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection = connections[alias]
        connection.creation.deserialize_db_from_string(rows)
        # flush restarted the id sequences (PostgreSQL) and the rows come back with their ids: a
        # sequence left at 1 would give the next rating or permission made an id already taken.
        models = {apps.get_model(row["model"]) for row in json.loads(rows)}
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
