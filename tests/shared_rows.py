"""Rows that the tests of one module share, made once for the module instead of once per test.

Some modules run hundreds of tests against the same costly records (the permissions matrix: a
published statement and one in progress, made through the real workflow services, and five
users with their tokens). `module_rows(django_db_blocker)` opens a transaction for the whole
module, in which the records are made once; each test then runs, as every `django_db` test does,
in a savepoint inside it that is rolled back after the test, so every test still starts from
exactly these rows, whatever the one before it wrote; the module's transaction is rolled back
at its end, so the next module starts from the migrated rows as before.

The meaning model and intake's optional parse stay off for as long as the module's rows live
(as conftest.py turns them off for each test): not for modules with tests marked `semantic` or
`parsing`.

Only for non-transactional tests (`django_db`, not `transaction=True` nor a live server): those
empty the database after themselves, which a shared transaction cannot survive.

Usage, in a test module:

    @pytest.fixture(scope="module")
    def shared(django_db_setup, django_db_blocker):
        with module_rows(django_db_blocker):
            yield {"statement": make_statement(), ...}

The objects handed out are shared by the module's tests: a test reads them (their ids, their
fields as made), and must not change them in memory (`refresh_from_db()` on one is fine: the
database holds the same row again at the next test).
"""

from contextlib import contextmanager

import pytest
from django.db import DEFAULT_DB_ALIAS, transaction
from django.test import override_settings

from tests.matching import lexical_matching_only


@contextmanager
def module_rows(django_db_blocker, using: str = DEFAULT_DB_ALIAS):
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        # The autouse fixture that turns the meaning model off is per test: turn it off here too,
        # so that the shared rows are made as a test's own would be.
        lexical_matching_only(patch)
        # Likewise intake's rules without the optional parse (conftest.py, _parse_only_where_asked).
        with override_settings(CLAIMTRACK_INTAKE_PARSER=False), transaction.atomic(using=using):
            try:
                yield
            finally:
                transaction.set_rollback(True, using=using)
