from fnmatch import fnmatch
from pathlib import Path

import pytest

from apps.accounts.roles import EDITORS, FACT_CHECKERS
from tests.factories import make_user
from tests.matching import lexical_matching_only


def pytest_configure(config):
    """No test, fixture or hook ever opens the database DATABASE_URL names, only the test
    database made from it, a copy of the run's migrated template (tests/database.py)."""
    from tests.database import name_the_template, refuse_the_real_databases

    refuse_the_real_databases()
    name_the_template(getattr(config, "workerinput", {}).get("claimtrack_test_template"))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """(xdist's controller) Each worker copies its controller's template."""
    from tests.database import template_name

    node.workerinput["claimtrack_test_template"] = template_name()


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_use_migrations,
    django_db_modify_db_settings,  # the xdist worker's suffix to the test database's name
):
    """pytest-django's, but each process's test database (PostgreSQL, or SQLite in memory) is a
    copy of one migrated for the whole run (tests/database.py) instead of a database the process
    migrates itself."""
    from django.test.utils import teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    from tests.database import copies_of_one_migration, setup_test_database_from_template

    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    if django_db_keepdb or not django_db_use_migrations or not copies_of_one_migration(aliases):
        request.getfixturevalue("django_db_setup")  # pytest-django's own (the fixture this overrides)
        yield
        return
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        databases = setup_test_database_from_template(serialize=bool(serialized_aliases), verbosity=verbosity)
    yield
    with django_db_blocker.unblock():
        try:
            teardown_databases(databases, verbosity=verbosity)
        except Exception as error:  # noqa: BLE001 - as pytest-django: a warning, not a failure
            request.node.warn(pytest.PytestWarning(f"Error when trying to teardown test databases: {error!r}"))


@pytest.hookimpl(wrapper=True)
def pytest_sessionstart(session):
    """The xdist controller migrates the run's template while its workers start and collect
    (tests/database.py)."""
    result = yield  # the xdist controller has started its workers
    config = session.config
    if config.pluginmanager.has_plugin("dsession") and not (config.option.reuse_db or config.option.nomigrations):
        from pytest_django.plugin import blocking_manager_key

        from tests.database import migrate_the_template_ahead

        try:
            with config.stash[blocking_manager_key].unblock():
                migrate_the_template_ahead(verbosity=config.option.verbose)
        except Exception:  # noqa: BLE001 - a worker then migrates it, and its tests report the error
            pass
    return result


def pytest_sessionfinish(session):
    """The template of the test databases goes at the end of the run: in the xdist controller once
    its workers are done, or in the only process (tests/database.py)."""
    if hasattr(session.config, "workerinput"):
        return
    from pytest_django.plugin import blocking_manager_key

    from tests.database import drop_the_template

    with session.config.stash[blocking_manager_key].unblock():
        drop_the_template()


@pytest.fixture(autouse=True)
def _semantic_model_only_where_asked(request, monkeypatch):
    """The meaning vectors (apps/claims/semantic.py) cost tens of milliseconds per statement or
    quotation saved: tests run without them (matching is lexical, as on a platform without the
    model), except those marked `semantic`, which get the model when it is installed."""
    if request.node.get_closest_marker("semantic"):
        return
    lexical_matching_only(monkeypatch)


@pytest.fixture(autouse=True)
def _parse_only_where_asked(request, settings):
    """The spaCy parse (apps/intake/parsing.py) adds about half a second per article: intake's
    tests run with the rules alone (as with CLAIMTRACK_INTAKE_PARSER=off), except
    those marked `parsing`, which get the parse when it is installed."""
    if not request.node.get_closest_marker("parsing"):
        settings.CLAIMTRACK_INTAKE_PARSER = False


_transactional_blocker = pytest.StashKey()


@pytest.fixture(autouse=True)
def _migrated_rows_after_a_transactional_test(request, django_db_blocker):
    """A transactional test (`transaction=True`, a live server) ends with Django emptying its test
    database, and the rows the migrations created (the roles, the rating scale) go with it. The
    tests an xdist worker runs after it on the same database, which work stealing may hand it in
    any order, would find none: they are put back once the test's teardown, Django's flush
    included, is over (`pytest_runtest_teardown` below; tests/database.py). Not after the outage
    test, which stops the database server itself."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or "live_server" in request.fixturenames
    if transactional and not request.node.get_closest_marker("serial"):
        request.node.stash[_transactional_blocker] = django_db_blocker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield  # the fixtures' teardown, Django's flush included
    blocker = item.stash.get(_transactional_blocker, None)
    # (a browser test next resets the rows itself, before it starts: tests/browser/conftest.py; after
    # the session's last test the test database is gone, and the names are the real database's,
    # which tests/database.py refuses to open)
    if blocker is not None and nextitem is not None and not nextitem.path.is_relative_to(TESTS / "browser"):
        from tests.database import remember_migrated_rows, reset_to_migrated_rows

        with blocker.unblock():
            remember_migrated_rows()
            reset_to_migrated_rows()
    return result


@pytest.fixture(autouse=True)
def _fresh_plan_estimates():
    """Each test starts with no planner's estimate kept from another (apps.core.paginator)."""
    from apps.core.paginator import forget_plan_estimates

    forget_plan_estimates()


@pytest.fixture
def editor(db):
    return make_user("editor-in-test", group=EDITORS)


@pytest.fixture
def fact_checker(db):
    return make_user("factchecker-in-test", group=FACT_CHECKERS)


@pytest.fixture
def second_editor(db):
    return make_user("second-editor", group=EDITORS)


@pytest.fixture
def other_checker(db):
    return make_user("other-checker", group=FACT_CHECKERS)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def token_client(db):
    """`token_client(user)`: an API client authenticated with a fresh token of `user`."""
    from tests.api import api_client_for

    return api_client_for


@pytest.fixture
def anonymous(api_client):
    return api_client


@pytest.fixture
def editor_api(editor):
    from tests.api import api_client_for

    return api_client_for(editor)


@pytest.fixture
def fact_checker_api(fact_checker):
    from tests.api import api_client_for

    return api_client_for(fact_checker)


@pytest.fixture
def plain_api(db):
    """A token client of a user with no permission at all."""
    from tests.api import api_client_for

    return api_client_for(make_user("plain-user-in-test"))


# End-to-end tests: run once, on PostgreSQL (make test-postgres), not again on SQLite. The
# outage test stops the database server itself: it runs alone, after the others.
TESTS = Path(__file__).parent / "tests"
END_TO_END = [TESTS / "browser", TESTS / "test_fuzz.py", TESTS / "test_database_outage.py"]
ALONE = [TESTS / "test_database_outage.py"]


# Tests whose outcome no database can change: those that open none (pytest-django refuses them a
# connection), and those marked `one_database` that read only rows they wrote themselves through
# the app's plain code paths. `make test` runs them once, in its SQLite run, not again on
# PostgreSQL (`make test-postgres` alone runs them too).
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if any(item.path.is_relative_to(path) for path in END_TO_END):
            item.add_marker(pytest.mark.e2e)
        elif item.get_closest_marker("django_db") is None and not DATABASE_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.one_database)
        alone = any(item.path.is_relative_to(path) for path in ALONE)
        if alone:
            item.add_marker(pytest.mark.serial)
        elif item.get_closest_marker("serial"):
            raise pytest.UsageError(f"{item.nodeid} is marked serial: add its file to ALONE in conftest.py instead")


def pytest_ignore_collect(collection_path, config):
    """`-m serial` (make test-postgres's second run) selects the tests of the files in ALONE and
    nothing else (pytest_collection_modifyitems): the other test modules are not even imported
    (collecting the whole suite took most of that run's time)."""
    if config.option.markexpr == "serial" and fnmatch(collection_path.name, "test_*.py"):
        return not any(collection_path.is_relative_to(path) for path in ALONE) or None
    return None
