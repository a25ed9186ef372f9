import pytest

from apps.accounts.roles import EDITORS, FACT_CHECKERS
from tests.factories import make_user


@pytest.fixture
def editor(db):
    return make_user("editor-in-test", group=EDITORS)


@pytest.fixture
def fact_checker(db):
    return make_user("factchecker-in-test", group=FACT_CHECKERS)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
