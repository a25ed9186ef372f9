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
import os
import secrets
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections
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


# --- One migration for the run's PostgreSQL test databases --------------------------------------
#
# Migrating an empty PostgreSQL database costs about 6 s of CPU, and each pytest process (each
# xdist worker, then `make test-postgres`'s serial run) made its own. Instead one template is
# migrated per run, and every process's test database is a copy of it (CREATE DATABASE ...
# TEMPLATE, a file copy of a fraction of a second, as Django's own parallel test runner clones its
# databases). The xdist controller migrates it while its workers start and collect the tests
# (else the first process that needs it does); the processes take turns under an advisory lock of
# the server, so that a worker waits for the migration rather than copying half a template.
#
# The template's name is new for each run (`test_<name>_template_<random>`), so a template left by
# an interrupted run is never taken for this one's; it is dropped at the end of the session (by the
# controller, or by the only process). Unless the caller names it in CLAIMTRACK_TEST_TEMPLATE:
# `make test-postgres` does, for its serial run to copy the template of its parallel run, in a
# throwaway cluster that goes with it.

_TEMPLATE_LOCK = 5_102_026  # the key of the advisory lock, the same in every process of a run
TEMPLATE_ENV = "CLAIMTRACK_TEST_TEMPLATE"
_template = {"name": "", "ours": False}


def name_the_template(controllers: str | None) -> None:
    """Called once per process, before the test databases are set up; an xdist worker gets its
    controller's name."""
    if controllers or os.environ.get(TEMPLATE_ENV):
        _template.update(name=controllers or os.environ[TEMPLATE_ENV], ours=False)
    else:
        real_name = connections.settings[DEFAULT_DB_ALIAS]["NAME"]
        _template.update(name=f"test_{real_name}_template_{secrets.token_hex(4)}", ours=True)


def template_name() -> str:
    return _template["name"]


def copies_of_one_migration(aliases) -> bool:
    """Whether the test databases can be copies of the run's migrated template (one PostgreSQL
    database)."""
    return set(aliases) == {DEFAULT_DB_ALIAS} and connections[DEFAULT_DB_ALIAS].vendor == "postgresql"


def setup_test_database_from_template(*, serialize: bool, verbosity: int) -> list[tuple]:
    """Make this process's test database (its name has pytest-django's xdist suffix) a copy of
    the run's migrated template, migrating the template first if no process has yet; point the
    connection at the copy. Returns what Django's setup_databases returns, for its
    teardown_databases."""
    connection = connections[DEFAULT_DB_ALIAS]
    creation = connection.creation
    real_name, test_name = connection.settings_dict["NAME"], creation._get_test_db_name()
    quote = connection.ops.quote_name
    with _template_lock(connection) as cursor:
        _migrate_the_template(connection, cursor, verbosity)
        if verbosity >= 1:
            creation.log(f"Copying the test database {test_name} from {template_name()}...")
        # (a test database an interrupted run left behind, as Django's create_test_db does)
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
        cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template_name())}")
    connection.close()
    settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    if serialize:
        connection._test_serialized_contents = creation.serialize_db_to_string()
    connection.ensure_connection()
    return [(connection, real_name, True)]


def migrate_the_template_ahead(verbosity: int) -> None:
    """In the xdist controller, while its workers start and collect the tests: the template is
    ready, or nearly, when they need it, instead of one migrating it while the others wait."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "postgresql":
        with _template_lock(connection) as cursor:
            _migrate_the_template(connection, cursor, verbosity)


def drop_the_template() -> None:
    """At the end of the session, unless the caller named it (CLAIMTRACK_TEST_TEMPLATE)."""
    connection = connections[DEFAULT_DB_ALIAS]
    if _template["ours"] and connection.vendor == "postgresql":
        with _template_lock(connection) as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(template_name())}")


@contextmanager
def _template_lock(connection):
    """A cursor on the server's maintenance database, under the run's advisory lock."""
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [_TEMPLATE_LOCK])
        try:
            yield cursor
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_TEMPLATE_LOCK])


def _migrate_the_template(connection, cursor, verbosity: int) -> None:
    """Django's test database set-up (create, migrate, the cache table) under the template's
    name, unless a process of the run did it already."""
    if connection.creation._database_exists(cursor, template_name()):
        return
    real_name, test_name = connection.settings_dict["NAME"], connection.settings_dict["TEST"]["NAME"]
    connection.settings_dict["TEST"]["NAME"] = template_name()
    try:
        connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
    finally:
        connection.close()  # PostgreSQL copies a database only while no one is connected to it
        connection.settings_dict["TEST"]["NAME"] = test_name
        settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"] = real_name
        connection.settings_dict["NAME"] = real_name
