"""No lost edits under real concurrency: two API clients write the same verification at the
same moment, each starting from the same version, on PostgreSQL (row locks are what make the
version check safe there; SQLite serialises whole-database writes instead)."""

import threading

import pytest
from django.db import connection

from apps.verification import services
from apps.verification.models import Verification
from tests.api import api_client_for
from tests.factories import make_statement

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent row locks need PostgreSQL (make test runs it)"
    ),
]
WAIT = 10  # seconds; generous, the test normally takes a fraction of one


def test_two_clients_saving_the_same_version_at_once_never_overwrite_each_other(fact_checker, editor, monkeypatch):
    statement = make_statement()
    verification = services.verification_assign(statement=statement, user=fact_checker)
    etag = f'"verification-{verification.pk}-v{verification.version}"'
    url = f"/api/v1/statements/{statement.pk}/verification/"

    first_holds_the_lock, let_first_finish = threading.Event(), threading.Event()
    full_clean = Verification.full_clean

    def slow_full_clean(self, *args, **kwargs):
        # Runs inside the first write's transaction, after it locked the row.
        if self.summary == "First writer's summary.":
            first_holds_the_lock.set()
            assert let_first_finish.wait(WAIT)
        return full_clean(self, *args, **kwargs)

    monkeypatch.setattr(Verification, "full_clean", slow_full_clean)
    responses = {}

    def write(name, user, summary):
        try:
            client = api_client_for(user)
            responses[name] = client.patch(url, {"summary": summary}, format="json", HTTP_IF_MATCH=etag)
        finally:
            connection.close()

    first = threading.Thread(target=write, args=("first", fact_checker, "First writer's summary."))
    second = threading.Thread(target=write, args=("second", editor, "Second writer's summary."))
    first.start()
    assert first_holds_the_lock.wait(WAIT)
    second.start()
    second.join(timeout=1)
    assert second.is_alive(), "the second write must wait for the first one's row lock"
    let_first_finish.set()
    first.join(WAIT)
    second.join(WAIT)

    assert responses["first"].status_code == 200, responses["first"].content
    assert responses["second"].status_code == 412, responses["second"].content
    conflict = responses["second"].json()
    assert conflict["changes"][0]["user"] == fact_checker.username
    assert {"field": "summary", "before": "—", "after": "First writer's summary."} in conflict["changes"][0]["changes"]
    verification.refresh_from_db()
    assert verification.summary == "First writer's summary."
    assert verification.version == 3  # assigned (1, 2), then exactly one more save
