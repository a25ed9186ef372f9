"""A statement's history in the desk's words: users by name or "(no account)", related records
by their label even when deleted since, choice labels, and the words a long text edit changed."""

import pytest
from django.contrib.auth import get_user_model

from apps.accounts.roles import FACT_CHECKERS
from apps.core.history import EMPTY
from apps.core.services import history_note
from apps.verification import services
from apps.verification.history import statement_history
from apps.verification.models import Rating
from tests.factories import default_rating, make_statement, make_user
from tests.workflow import in_review, worked_on

pytestmark = pytest.mark.django_db


def changes_of(entries, model: str, name: str) -> list[tuple[str, str]]:
    """(before, after) of each change to the field `name` of a `model` record, oldest first."""
    return [
        (change.before, change.after)
        for entry in reversed(entries)
        if entry.model == model
        for change in entry.changes
        if change.name == name
    ]


def test_a_deleted_fact_checker_is_named_as_deleted_and_their_changes_as_made_by_no_account(editor):
    gone = make_user("gone-checker", group=FACT_CHECKERS)
    statement = make_statement()
    worked_on(statement, gone)

    get_user_model().objects.filter(pk=gone.pk).delete()
    entries = statement_history(statement)

    assert changes_of(entries, "verification", "fact_checker")[-1] == (EMPTY, "(deleted user)")
    assert {entry.user for entry in entries if entry.model == "verification"} == {None}
    assert not any("pk=None" in change.before + change.after for entry in entries for change in entry.changes)


def test_a_verdict_deleted_since_is_shown_by_its_label_as_last_recorded(fact_checker):
    scale = default_rating().scale
    interim = Rating.objects.create(scale=scale, label="Interim label", slug="interim", bucket="mixed")
    statement = make_statement()
    verification = services.verification_assign(statement=statement, user=fact_checker)
    verification = services.verification_update(
        verification=verification, user=fact_checker, fields={"rating": interim}
    )
    services.verification_update(verification=verification, user=fact_checker, fields={"rating": default_rating()})

    Rating.objects.filter(pk=interim.pk).delete()

    assert changes_of(statement_history(statement), "verification", "rating") == [
        (EMPTY, f"Interim label ({scale}) (deleted)"),
        (f"Interim label ({scale}) (deleted)", str(default_rating())),
    ]


def test_a_status_move_is_shown_by_the_statuses_labels(fact_checker, editor):
    statement = make_statement()
    services.verification_publish(verification=in_review(statement, fact_checker), user=editor)

    assert changes_of(statement_history(statement), "verification", "status")[-1] == ("In review", "Published")


def test_a_long_text_edit_shows_the_words_that_changed(editor):
    old = "Kazakhs never had any statehood before the Soviet Union, the President said at a youth forum."
    statement = make_statement(text=old)
    statement.text = old.replace("never had any", "had no").replace("youth forum", "youth camp")
    history_note(statement, user=editor)
    statement.save()

    (change,) = statement_history(statement)[0].changes
    assert change.diff is not None
    assert " ".join(text for op, text in change.diff if op == "delete").split() == ["never", "any", "forum."]
    assert " ".join(text for op, text in change.diff if op == "insert").split() == ["no", "camp."]
    assert "".join(text for op, text in change.diff if op != "insert") == old
    assert "".join(text for op, text in change.diff if op != "delete") == statement.text


def test_a_short_value_change_has_no_word_diff(editor):
    statement = make_statement(occasion="A press conference")
    statement.occasion = "A youth forum"
    statement.save()

    (change,) = statement_history(statement)[0].changes
    assert (change.before, change.after, change.diff) == ("A press conference", "A youth forum", None)


def test_a_related_record_gone_without_a_trace_is_named_by_its_kind():
    from apps.core.history import display_value
    from apps.verification.models import Verification

    assert display_value(Verification, "rating", 987654, {}) == "(deleted rating)"
    assert display_value(Verification, "fact_checker", 987654, {}) == "(deleted user)"
    assert display_value(Verification, "rating", None, {}) == EMPTY
