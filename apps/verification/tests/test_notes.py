"""The desk's notes on a verification: an internal, append-only thread, kept in the history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.verification import services
from apps.verification.history import statement_history
from apps.verification.models import VerificationNote
from tests.factories import make_statement, make_user
from tests.workflow import published, worked_on

pytestmark = pytest.mark.django_db


def test_a_note_keeps_who_wrote_it_when_and_what_and_is_in_the_history(fact_checker):
    verification = worked_on(make_statement(), fact_checker)

    note = services.verification_note_add(
        verification=verification, user=fact_checker, text="  Is the 1920 map the right edition?\n"
    )

    assert (note.author, note.text, note.verification) == (
        fact_checker,
        "Is the 1920 map the right edition?",
        verification,
    )
    assert note.created_at is not None
    (record,) = note.history.all()
    assert (record.history_type, record.history_user, record.text) == ("+", fact_checker, note.text)


def test_notes_may_be_written_on_a_published_verdict_by_anyone_who_reads_the_work(editor, fact_checker, other_checker):
    verification = published(make_statement(), fact_checker, editor)

    services.verification_note_add(verification=verification, user=other_checker, text="A reader wrote in.")

    assert list(verification.notes.values_list("text", flat=True)) == ["A reader wrote in."]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("x" * (VerificationNote.MAX_LENGTH + 1), f"at most {VerificationNote.MAX_LENGTH} characters"),
        ("Look at\x0bthis", "U+000B"),
        ("nul\x00here", "U+0000"),
    ],
)
def test_an_empty_too_long_or_control_character_note_is_refused_saying_why(fact_checker, text, says):
    verification = worked_on(make_statement(), fact_checker)

    with pytest.raises(ValidationError) as refused:
        services.verification_note_add(verification=verification, user=fact_checker, text=text)

    assert says in " ".join(refused.value.messages)
    assert not VerificationNote.objects.exists()


def test_a_note_of_exactly_the_maximum_length_is_kept(fact_checker):
    verification = worked_on(make_statement(), fact_checker)

    note = services.verification_note_add(
        verification=verification, user=fact_checker, text="y" * VerificationNote.MAX_LENGTH
    )

    assert len(note.text) == VerificationNote.MAX_LENGTH


def test_someone_who_may_not_read_verification_work_may_not_write_notes(fact_checker):
    verification = worked_on(make_statement(), fact_checker)

    with pytest.raises(PermissionDenied, match="view_verification"):
        services.verification_note_add(verification=verification, user=make_user("plain-staff"), text="Hello")

    assert not VerificationNote.objects.exists()


def test_a_note_outlives_its_authors_account(fact_checker, other_checker):
    verification = worked_on(make_statement(), fact_checker)
    note = services.verification_note_add(verification=verification, user=other_checker, text="Check the date.")

    other_checker.delete()

    note.refresh_from_db()
    assert (note.author, note.text) == (None, "Check the date.")


def test_a_note_is_in_the_statements_history_that_staff_read(fact_checker):
    statement = make_statement()
    verification = worked_on(statement, fact_checker)
    services.verification_note_add(verification=verification, user=fact_checker, text="Which edition of the map?")

    newest = statement_history(statement)[0]

    assert (newest.record.instance_type, newest.user, newest.action) == (
        VerificationNote,
        fact_checker.username,
        "created",
    )
    assert newest.record.text == "Which edition of the map?"
