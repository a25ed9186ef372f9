"""The suite's own guard: no test opens the database DATABASE_URL names (tests/database.py)."""

import pytest
from django.db import connections

from tests.database import REAL_DATABASE_NAMES, RealDatabaseRefused


@pytest.mark.django_db
@pytest.mark.skipif(not REAL_DATABASE_NAMES, reason="the settings name only a database in memory")
def test_a_connection_to_the_database_the_settings_name_is_refused_and_closed():
    (name,) = REAL_DATABASE_NAMES
    test_database = connections["default"]
    assert test_database.settings_dict["NAME"] != name  # the tests run on its test database
    real = type(test_database)({**test_database.settings_dict, "NAME": name}, alias="default")
    try:
        with pytest.raises(RealDatabaseRefused, match=name):
            real.ensure_connection()
        assert real.connection is None
    finally:
        real.close()
