"""No lost edits under real concurrency, on PostgreSQL (row locks are what make writes safe
there; SQLite serialises whole-database writes instead): two API clients writing the same
verification from the same version (exactly one succeeds), and editors sending real concurrent
requests to a running server, each write checked afterwards."""

import json
import threading
import urllib.error
import urllib.request

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token

from apps.verification import services
from apps.verification.models import Verification
from tests.api import api_client_for
from tests.database import remember_migrated_rows, reset_to_migrated_rows
from tests.factories import make_statement

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent row locks need PostgreSQL (make test runs it)"
    ),
]
WAIT = 10  # seconds; generous, the test normally takes a fraction of one


@pytest.fixture(autouse=True)
def migrated_rows(transactional_db):
    """The roles and the rating scale the migrations made (see tests/database.py)."""
    remember_migrated_rows()
    reset_to_migrated_rows()


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


# --- Real concurrent requests against a running server ------------------------------------------------

ROUNDS = 20


def _patch(base_url: str, token: str, path: str, body: dict) -> int:
    request = urllib.request.Request(
        f"{base_url}{path}",
        data=json.dumps(body).encode(),
        method="PATCH",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _at_once(*writes) -> list[int]:
    """Send the writes (base_url, token, path, body) at the same moment, one thread each; their
    status codes in the same order."""
    start = threading.Barrier(len(writes))
    results = [None] * len(writes)

    def send(index, write):
        start.wait(WAIT)
        results[index] = _patch(*write)

    threads = [threading.Thread(target=send, args=(index, write)) for index, write in enumerate(writes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT * 2)
    return results


def _token(user) -> str:
    return Token.objects.create(user=user).key


def test_two_editors_patching_different_fields_at_the_same_moment_both_keep_their_change(
    live_server, editor, second_editor
):
    """Without If-Match, each write applies what it sent to the row as locked: of 2 × ROUNDS
    acknowledged writes, every one is found afterwards, and the history names who changed what."""
    tokens = (_token(editor), _token(second_editor))
    acknowledged, found, histories = 0, 0, []
    for round_number in range(ROUNDS):
        statement = make_statement(text=f"Round {round_number}.")
        path = f"/api/v1/statements/{statement.pk}/"
        occasion = f"Occasion written in round {round_number}"
        statuses = _at_once(
            (live_server.url, tokens[0], path, {"occasion": occasion}),
            (live_server.url, tokens[1], path, {"language": "ru"}),
        )
        acknowledged += statuses.count(200)
        statement.refresh_from_db()
        found += (statuses[0] == 200 and statement.occasion == occasion) + (
            statuses[1] == 200 and statement.language == "ru"
        )
        histories.append(
            sorted((record.history_user.username, fields) for record, fields in _changed_fields(statement)[1:])
        )
    print(f"concurrent PATCHes of different fields: {acknowledged} acknowledged, {found} found afterwards")
    assert found == acknowledged == 2 * ROUNDS
    # Each history row names the one field its writer changed, never a revert of the other's.
    assert all(
        history == sorted([(editor.username, {"occasion"}), (second_editor.username, {"language"})])
        for history in histories
    )


def test_of_two_editors_patching_the_same_field_at_once_the_later_wins_and_the_history_says_so(
    live_server, editor, second_editor
):
    tokens = {editor.username: _token(editor), second_editor.username: _token(second_editor)}
    for round_number in range(ROUNDS // 2):
        statement = make_statement(text=f"Round {round_number}.")
        path = f"/api/v1/statements/{statement.pk}/"
        statuses = _at_once(
            *((live_server.url, token, path, {"occasion": f"by {name}"}) for name, token in tokens.items())
        )
        assert statuses == [200, 200], statuses
        statement.refresh_from_db()
        first, second = _changed_fields(statement)[1:]
        # The later save is what stands, and the history shows it replacing the earlier one.
        assert statement.occasion == second[0].occasion == f"by {second[0].history_user.username}"
        assert first[0].occasion == f"by {first[0].history_user.username}" != statement.occasion


def _changed_fields(statement) -> list[tuple]:
    """(history record, the fields it changed) of the statement, oldest first."""
    records = list(statement.history.order_by("history_date", "history_id").select_related("history_user"))
    result = []
    for before, record in zip([None, *records], records, strict=False):
        if before is None:
            result.append((record, set()))
            continue
        delta = record.diff_against(before, included_fields=["text", "occasion", "language", "said_on"])
        result.append((record, {change.field for change in delta.changes}))
    return result
