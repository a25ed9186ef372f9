"""The desk's board: one person's work, what was sent back to them and why, what waits for their
review (never what they wrote), what nobody has taken, oldest first, and the team's load and
ageing; every list bounded, in a number of queries that does not grow with the desk."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.verification import services
from apps.verification.board import desk_board, status_ageing
from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification
from tests.factories import make_statement
from tests.workflow import in_review, published, worked_on

pytestmark = pytest.mark.django_db


def aged(verification, days: int):
    Verification.objects.filter(pk=verification.pk).update(status_changed_at=timezone.now() - timedelta(days=days))
    return verification


def test_my_work_lists_what_is_assigned_to_me_in_progress_newest_move_first(fact_checker, other_checker):
    older = aged(worked_on(make_statement(text="Older work of mine."), fact_checker), 3)
    newer = worked_on(make_statement(text="Newer work of mine."), fact_checker)
    worked_on(make_statement(), other_checker)
    in_review(make_statement(), fact_checker)

    board = desk_board(user=fact_checker)

    assert board.mine.count == 2
    assert [v.pk for v in board.mine.rows] == [newer.pk, older.pk]


def test_work_sent_back_to_me_shows_the_reason_who_and_when(editor, fact_checker):
    verification = in_review(make_statement(), fact_checker)
    services.verification_return(verification=verification, user=editor, reason="Cite the 1920 map.")
    in_review(make_statement(), fact_checker)  # not sent back

    board = desk_board(user=fact_checker)

    assert board.sent_back.count == 1
    (row,) = board.sent_back.rows
    assert (row.pk, row.sent_back_reason, row.sent_back_by) == (verification.pk, "Cite the 1920 map.", editor)
    assert row.sent_back_at is not None
    assert board.mine.count == 1  # it is my work in progress too, marked as sent back


def test_waiting_for_my_review_leaves_out_what_i_wrote_and_lists_it_apart(editor, second_editor, fact_checker):
    theirs = aged(in_review(make_statement(), fact_checker), 5)
    newer = in_review(make_statement(), fact_checker)
    mine = in_review(make_statement(), fact_checker)
    services.verification_update(verification=mine, user=editor, fields={"summary": "Edited by the editor."})

    board = desk_board(user=editor)

    assert [v.pk for v in board.to_review.rows] == [theirs.pk, newer.pk]  # oldest first
    assert (board.to_review.count, board.written_by_me.count) == (2, 1)
    assert [v.pk for v in board.written_by_me.rows] == [mine.pk]
    assert desk_board(user=second_editor).to_review.count == 3


def test_a_fact_checker_without_the_publish_permission_has_no_review_section(fact_checker):
    in_review(make_statement(), fact_checker)

    board = desk_board(user=fact_checker)

    assert board.to_review is None and board.written_by_me is None


def test_unassigned_counts_statements_without_verification_or_unchecked_and_lists_the_oldest(fact_checker):
    first = make_statement(text="The first one said.")
    second = make_statement(text="The second one said.")
    Verification.objects.create(statement=second)  # unchecked
    worked_on(make_statement(), fact_checker)
    make_statement()

    board = desk_board(user=fact_checker, limit=2)

    assert board.unassigned.count == 3
    assert [s.pk for s in board.unassigned.rows] == [first.pk, second.pk]


def test_every_list_is_bounded_and_keeps_its_full_count(editor, fact_checker):
    for _ in range(4):
        worked_on(make_statement(), fact_checker)

    board = desk_board(user=fact_checker, limit=3)

    assert (len(board.mine.rows), board.mine.count) == (3, 4)


def test_the_team_load_counts_each_fact_checkers_work_longest_waiting_first(editor, fact_checker, other_checker):
    worked_on(make_statement(), fact_checker)
    services.verification_return(verification=in_review(make_statement(), fact_checker), user=editor, reason="Why?")
    in_review(make_statement(), fact_checker)
    aged(worked_on(make_statement(), other_checker), 40)
    published(make_statement(), other_checker, editor)

    team = desk_board(user=editor).team

    assert [person["username"] for person in team] == [other_checker.username, fact_checker.username]
    load = {person["username"]: (person["in_progress"], person["sent_back"], person["in_review"]) for person in team}
    assert load == {other_checker.username: (1, 0, 0), fact_checker.username: (2, 1, 1)}
    assert timezone.now() - team[0]["oldest"] > timedelta(days=39)


def test_status_ageing_counts_work_waiting_more_than_7_and_30_days(editor, fact_checker):
    aged(worked_on(make_statement(), fact_checker), 3)
    aged(worked_on(make_statement(), fact_checker), 10)
    aged(worked_on(make_statement(), fact_checker), 45)
    aged(in_review(make_statement(), fact_checker), 8)
    published(make_statement(), fact_checker, editor)
    make_statement()

    rows = {row["status"]: row for row in status_ageing(unchecked_count=1)}

    assert (rows[VerificationStatus.IN_PROGRESS]["count"], rows[VerificationStatus.IN_PROGRESS]["over"]) == (
        3,
        [(7, 2), (30, 1)],
    )
    assert rows[VerificationStatus.IN_REVIEW]["over"] == [(7, 1), (30, 0)]
    assert timezone.now() - rows[VerificationStatus.IN_PROGRESS]["oldest"] > timedelta(days=44)
    assert rows[VerificationStatus.PUBLISHED]["count"] == 1
    assert rows[VerificationStatus.UNCHECKED]["count"] == 1


def test_the_board_needs_the_permission_to_read_verification_work(plain_user):
    with pytest.raises(PermissionError):
        desk_board(user=plain_user)


@pytest.fixture
def plain_user(db):
    from tests.factories import make_user

    return make_user("plain-staff")


def test_work_in_progress_with_nobody_assigned_has_its_own_row_in_the_team_load(editor, fact_checker):
    orphan = worked_on(make_statement(), fact_checker)
    Verification.objects.filter(pk=orphan.pk).update(fact_checker=None)  # the account was deleted
    worked_on(make_statement(), fact_checker)

    team = desk_board(user=editor).team

    rows = {person["name"]: (person["user_id"], person["in_progress"]) for person in team}
    assert rows["Nobody (not assigned, or the account was deleted)"] == (None, 1)
    assert sum(person["in_progress"] for person in team) == 2  # the same total as the status counts
