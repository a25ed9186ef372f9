"""Entering a quotation: the occurrence numbered, a passage quoted twice refused, the context
excerpt checked against (or taken from) the archived text, a selection in the text verified."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from apps.claims import anchoring
from apps.claims.models import Quotation
from tests.factories import make_quotation, make_source, make_statement

pytestmark = pytest.mark.django_db

# Non-ASCII on purpose: Cyrillic, curly quotes, an em dash, and an astral character (🙂), which
# JavaScript counts as two units and Python as one character.
ARCHIVED = (
    "Путин заявил: «Казахи никогда не имели государственности» — так он сказал 🙂 в 2014 году.\n"
    "Позже он повторил, что «Казахи никогда не имели государственности». Ещё одна фраза."
)
WORDS = "Казахи никогда не имели государственности"


def new_quotation(**fields) -> Quotation:
    return Quotation(**fields)


def test_an_empty_occurrence_is_given_the_next_free_number():
    source = make_source(archived_text=ARCHIVED)
    statement = make_statement()
    first = make_quotation(source=source, statement=statement, text=WORDS, context="", occurrence=None)
    assert first.occurrence == 1
    second_context = "Позже он повторил, что «Казахи никогда не имели государственности»."
    second = make_quotation(source=source, statement=statement, text=WORDS, context=second_context, occurrence=None)
    assert second.occurrence == 2
    assert second.char_start == ARCHIVED.index(WORDS, first.char_end)


def test_a_number_taken_by_someone_else_between_the_check_and_the_save_gives_the_next_one():
    source = make_source(archived_text=ARCHIVED)
    statement = make_statement()
    mine = Quotation(source=source, statement=statement, text=WORDS, context="", occurrence=None)
    mine.full_clean()  # numbered 1 ...
    assert mine.occurrence == 1
    second_context = "Позже он повторил, что «Казахи никогда не имели государственности»."
    # ... while another editor's quotation takes number 1 first
    theirs = make_quotation(source=source, statement=statement, text=WORDS, context=second_context, occurrence=1)

    mine.save()

    assert sorted(Quotation.objects.filter(statement=statement).values_list("occurrence", flat=True)) == [1, 2]
    assert (theirs.occurrence, mine.occurrence) == (1, 2)


def test_a_number_given_by_the_editor_is_not_changed_behind_their_back():
    source = make_source(archived_text=ARCHIVED)
    statement = make_statement()
    make_quotation(source=source, statement=statement, text=WORDS, context="", occurrence=1)
    second_context = "Позже он повторил, что «Казахи никогда не имели государственности»."
    given = Quotation(source=source, statement=statement, text=WORDS, context=second_context, occurrence=1)

    with pytest.raises(IntegrityError):
        given.save()


def test_an_empty_excerpt_is_the_sentence_around_the_words_in_the_archived_text():
    quotation = make_quotation(source=make_source(archived_text=ARCHIVED), text=WORDS, context="")
    assert (
        quotation.context == "Путин заявил: «Казахи никогда не имели государственности» — так он сказал 🙂 в 2014 году."
    )
    assert ARCHIVED[quotation.char_start : quotation.char_end] == WORDS


def test_an_empty_excerpt_without_archived_text_gets_one_error():
    with pytest.raises(ValidationError) as error:
        make_quotation(source=make_source(), text="never had a state", context="")
    assert list(error.value.message_dict) == ["context"]
    assert len(error.value.message_dict["context"]) == 1
    assert "cannot be empty when the source has no archived text" in error.value.message_dict["context"][0]


def test_an_excerpt_not_in_the_archived_text_is_refused_with_the_difference():
    with pytest.raises(ValidationError) as error:
        make_quotation(
            source=make_source(archived_text=ARCHIVED),
            text=WORDS,
            context="Путин сказал: «Казахи никогда не имели государственности» — так он сказал",
        )
    message = error.value.message_dict["context"][0]
    assert message.startswith("The context excerpt is not found verbatim in the archived text")
    assert "«сказал" in message and "«заявил" in message


def test_the_same_passage_quoted_twice_is_refused_naming_the_first():
    source = make_source(archived_text=ARCHIVED)
    first = make_quotation(source=source, text=WORDS, context="")
    with pytest.raises(ValidationError) as error:
        make_quotation(source=source, statement=first.statement, text=WORDS, context="", occurrence=None)
    assert error.value.message_dict == {
        "text": [
            f"This passage is already quoted for this statement in this source: quotation #{first.pk} "
            f"(occurrence 1, “{WORDS}”). Edit that quotation instead of adding it again."
        ]
    }
    assert Quotation.objects.count() == 1


def test_a_selection_names_which_occurrence_of_the_words_is_meant():
    source = make_source(archived_text=ARCHIVED)
    second_start = ARCHIVED.index(WORDS, ARCHIVED.index(WORDS) + 1)
    quotation = new_quotation(source=source, statement=make_statement(), text=WORDS, context="", occurrence=None)
    quotation.selected_start, quotation.selected_end = second_start, second_start + len(WORDS)
    quotation.full_clean()
    quotation.save()
    assert (quotation.char_start, quotation.char_end) == (second_start, second_start + len(WORDS))
    assert quotation.context == "Позже он повторил, что «Казахи никогда не имели государственности»."


def test_a_selection_that_does_not_hold_the_words_is_refused():
    source = make_source(archived_text=ARCHIVED)
    quotation = new_quotation(source=source, statement=make_statement(), text=WORDS, context="")
    # Offsets counted in UTF-16 units (as JavaScript does) land one character off after the 🙂.
    start = ARCHIVED.index(WORDS, ARCHIVED.index("🙂")) + 1
    quotation.selected_start, quotation.selected_end = start, start + len(WORDS)
    with pytest.raises(ValidationError) as error:
        quotation.full_clean()
    assert "do not match the selection in the archived text" in error.value.message_dict["text"][0]


@pytest.mark.parametrize(
    ("text", "words", "sentence"),
    [
        ("One. Two “three four” five! Six.", "three four", "Two “three four” five!"),
        ("He said: “No state.” Then left.", "No state", "He said: “No state.”"),
        ("Line one\nA — b c, d\nLine three", "b c", "A — b c, d"),
        ("Wait… what? No.", "what", "what?"),
    ],
)
def test_the_sentence_around_words_ends_at_its_punctuation_or_line(text, words, sentence):
    start = text.index(words)
    assert anchoring.sentence_around(text, start, start + len(words), max_length=600) == sentence


def test_a_long_sentence_is_cut_around_the_words():
    text = "a " * 500 + "the words" + " b" * 500 + "."
    start = text.index("the words")
    excerpt = anchoring.sentence_around(text, start, start + 9, max_length=100)
    assert "the words" in excerpt and len(excerpt) <= 100
