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

import contextlib
import fcntl
import json
import os
import secrets
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
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


# --- One migration for the run's test databases -------------------------------------------------
#
# Migrating an empty database costs about 6 s of CPU, and each pytest process (each xdist worker,
# then `make test-postgres`'s serial run) made its own. Instead one template is migrated per run,
# and every process's test database is a copy of it, as Django's own parallel test runner clones
# its databases: on PostgreSQL, CREATE DATABASE ... TEMPLATE (a file copy of a fraction of a
# second); with SQLite in memory, the template is a file that each process copies into its
# database in memory with SQLite's backup. The xdist controller migrates it while its workers
# start and collect the tests (else the first process that needs it does); the processes take
# turns under a lock (PostgreSQL's advisory lock, a file lock for SQLite), so that a worker waits
# for the migration rather than copying half a template.
#
# The template's name is new for each run (`test_<name>_template_<random>`), so a template left by
# an interrupted run is never taken for this one's; it is dropped at the end of the session (by the
# controller, or by the only process). Unless the caller names a PostgreSQL one in
# CLAIMTRACK_TEST_TEMPLATE: `make test-postgres` does, for its serial run to copy the template of
# its parallel run, in a throwaway cluster that goes with it.

TEMPLATE_ENV = "CLAIMTRACK_TEST_TEMPLATE"
_template = {"name": "", "ours": False}


def name_the_template(controllers: str | None) -> None:
    """Called once per process, before the test databases are set up; an xdist worker gets its
    controller's name."""
    database, token = connections.settings[DEFAULT_DB_ALIAS], secrets.token_hex(4)
    if controllers:
        _template.update(name=controllers, ours=False)
    elif database["ENGINE"] == "django.db.backends.sqlite3":
        _template.update(name=os.path.join(tempfile.gettempdir(), f"test_template_{token}.sqlite3"), ours=True)
    elif os.environ.get(TEMPLATE_ENV):
        _template.update(name=os.environ[TEMPLATE_ENV], ours=False)
    else:
        _template.update(name=f"test_{database['NAME']}_template_{token}", ours=True)


def template_name() -> str:
    return _template["name"]


def copies_of_one_migration(aliases) -> bool:
    """Whether the test databases can be copies of the run's migrated template: one database,
    PostgreSQL or SQLite in memory."""
    return set(aliases) == {DEFAULT_DB_ALIAS} and _template_of(connections[DEFAULT_DB_ALIAS]) is not None


def setup_test_database_from_template(*, serialize: bool, verbosity: int) -> list[tuple]:
    """Make this process's test database (its name has pytest-django's xdist suffix) a copy of
    the run's migrated template, migrating the template first if no process has yet; point the
    connection at the copy. Returns what Django's setup_databases returns, for its
    teardown_databases."""
    connection = connections[DEFAULT_DB_ALIAS]
    creation, template = connection.creation, _template_of(connection)
    real_name, test_name = connection.settings_dict["NAME"], creation._get_test_db_name()
    with template.lock():
        if not template.exists():
            template.migrate(verbosity)
        if verbosity >= 1:
            creation.log(f"Copying the test database {test_name} from {template_name()}...")
        template.copy_to(test_name)
    if serialize:
        connection._test_serialized_contents = creation.serialize_db_to_string()
    connection.ensure_connection()
    return [(connection, real_name, True)]


def migrate_the_template_ahead(verbosity: int) -> None:
    """In the xdist controller, while its workers start and collect the tests: the template is
    ready, or nearly, when they need it, instead of one migrating it while the others wait."""
    template = _template_of(connections[DEFAULT_DB_ALIAS])
    if template is not None:
        with template.lock():
            if not template.exists():
                template.migrate(verbosity)


def drop_the_template() -> None:
    """At the end of the session, unless the caller named it (CLAIMTRACK_TEST_TEMPLATE)."""
    template = _template_of(connections[DEFAULT_DB_ALIAS])
    if _template["ours"] and template is not None:
        with template.lock():
            template.drop()


def _template_of(connection):
    if connection.vendor == "postgresql":
        return _PostgresTemplate(connection)
    if connection.vendor == "sqlite" and connection.creation.is_in_memory_db(connection.creation._get_test_db_name()):
        return _SqliteTemplate(connection)
    return None


def _create_test_db_for_the_template(connection, verbosity: int, name: str | None) -> None:
    """Django's test database set-up (create, migrate, the cache table), under the template's
    name (`None`: the test database's own); the settings keep naming the real database."""
    real_name, test_name = connection.settings_dict["NAME"], connection.settings_dict["TEST"]["NAME"]
    connection.settings_dict["TEST"]["NAME"] = name
    try:
        connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
    finally:
        connection.settings_dict["TEST"]["NAME"] = test_name
        settings.DATABASES[connection.alias]["NAME"] = real_name
        connection.settings_dict["NAME"] = real_name


def _point_at(connection, test_name: str) -> None:
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name


class _PostgresTemplate:
    LOCK = 5_102_026  # the key of the advisory lock, the same in every process of a run

    def __init__(self, connection):
        self.connection, self.quoted = connection, connection.ops.quote_name(template_name())

    @contextmanager
    def lock(self):
        """A cursor on the server's maintenance database, under the run's advisory lock."""
        with self.connection.creation._nodb_cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [self.LOCK])
            self.cursor = cursor
            try:
                yield
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [self.LOCK])

    def exists(self) -> bool:
        return self.connection.creation._database_exists(self.cursor, template_name())

    def migrate(self, verbosity: int) -> None:
        try:
            _create_test_db_for_the_template(self.connection, verbosity, template_name())
        except BaseException:
            self.connection.close()
            self.drop()  # half migrated, it is no template: the next process migrates it again
            raise
        finally:
            self.connection.close()  # PostgreSQL copies a database only while no one is connected to it

    def copy_to(self, test_name: str) -> None:
        quoted = self.connection.ops.quote_name(test_name)
        # (a test database an interrupted run left behind, as Django's create_test_db does)
        self.cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
        self.cursor.execute(f"CREATE DATABASE {quoted} TEMPLATE {self.quoted}")
        _point_at(self.connection, test_name)

    def drop(self) -> None:
        self.cursor.execute(f"DROP DATABASE IF EXISTS {self.quoted}")


class _SqliteTemplate:
    def __init__(self, connection):
        self.connection, self.path = connection, Path(template_name())

    @contextmanager
    def lock(self):
        with open(f"{self.path}.lock", "a") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            yield

    def exists(self) -> bool:
        return self.path.exists()

    def migrate(self, verbosity: int) -> None:
        """Migrated in memory (faster than in a file), then written to the file."""
        connection = self.connection
        _create_test_db_for_the_template(connection, verbosity, None)
        written = self.path.with_suffix(".partial")
        with contextlib.closing(sqlite3.connect(written)) as target:
            connection.connection.backup(target)
        written.replace(self.path)
        BaseDatabaseWrapper.close(connection)  # (SQLite's own close() keeps a database in memory)

    def copy_to(self, test_name: str) -> None:
        BaseDatabaseWrapper.close(self.connection)  # whatever database in memory it had open
        _point_at(self.connection, test_name)
        self.connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as source:
            source.backup(self.connection.connection)

    def drop(self) -> None:
        self.path.unlink(missing_ok=True)
        Path(f"{self.path}.lock").unlink(missing_ok=True)
