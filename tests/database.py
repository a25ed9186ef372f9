"""The rows the migrations created (the roles and their permissions, the rating scale), for
tests on a live server.

A live server needs a transactional test database, which Django empties after each test, and
those rows go with it. Asking for serialized rollback (`django_db_serialized_rollback`, or
`serialized_rollback=True`) makes the test database set-up keep a serialized copy of them on its
connection objects. But while Playwright's loop runs (the browser tests, from the first to the
end of the session), Django's connections (an asgiref Local) hand this thread other connection
objects, without that copy, so Django's own serialized rollback restores nothing. Tests on a
live server therefore restore the rows themselves, from a copy taken while it could be."""

import json

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections

_MIGRATED_ROWS: dict[str, str] = {}  # database alias -> serialized rows


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
