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
