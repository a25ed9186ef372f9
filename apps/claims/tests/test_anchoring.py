import pytest

from apps.claims import anchoring

ARTICLE = (
    "Asked if Kazakhstan would “follow the Ukrainian scenario” after Nazarbayev’s departure, "
    "Putin told listeners, “Kazakhs never had a state of their own.” Later he repeated: "
    "“Kazakhs never had a state of their own.”"
)


def test_words_are_located_with_offsets_and_affixes():
    anchor = anchoring.locate("follow the Ukrainian scenario", ARTICLE)
    assert ARTICLE[anchor.start : anchor.end] == "follow the Ukrainian scenario"
    assert anchor.prefix == ARTICLE[max(0, anchor.start - anchoring.AFFIX_LENGTH) : anchor.start]
    assert anchor.suffix.startswith("” after Nazarbayev")


def test_repeated_words_are_disambiguated_by_prefix():
    words = "Kazakhs never had a state of their own."
    second = ARTICLE.rindex(words)
    anchor = anchoring.locate(words, ARTICLE, prefix="he repeated: “")
    assert anchor.start == second


def test_repeated_words_without_hints_take_the_first_place():
    words = "Kazakhs never had a state of their own."
    assert anchoring.locate(words, ARTICLE).start == ARTICLE.index(words)


def test_a_stored_start_offset_wins_over_other_hints():
    words = "Kazakhs never had a state of their own."
    second = ARTICLE.rindex(words)
    assert anchoring.locate(words, ARTICLE, start=second, prefix="listeners, “").start == second


def test_words_not_in_the_text_are_refused_with_where_they_differ():
    with pytest.raises(anchoring.NotVerbatim) as error:
        anchoring.locate("Kazakhs never had any state of their own.", ARTICLE, text_name="excerpt")
    message = str(error.value)
    assert "not found verbatim in the excerpt" in message
    assert "after 19 matching characters («Kazakhs never had a»)" in message
    assert "the quotation has «ny state of their own.»" in message
    assert "where the excerpt has « state of their own.”" in message


def test_a_straight_quote_where_a_curly_one_is_printed_gets_a_punctuation_hint():
    with pytest.raises(anchoring.NotVerbatim) as error:
        anchoring.locate("Nazarbayev's departure", ARTICLE)
    message = str(error.value)
    assert "straight apostrophe (')" in message
    assert "curly apostrophe (’)" in message


def test_a_wrong_first_character_is_located_by_the_longest_shared_run():
    with pytest.raises(anchoring.NotVerbatim) as error:
        anchoring.locate('"Kazakhs never had a state', ARTICLE)
    message = str(error.value)
    assert "differs at its first character" in message
    assert "straight double quote" in message and "opening curly quote" in message


def test_words_with_nothing_in_common_are_refused():
    with pytest.raises(anchoring.NotVerbatim, match="None of the quotation’s characters"):
        anchoring.locate("ЖЖЖ", ARTICLE)


def test_empty_words_are_refused():
    with pytest.raises(anchoring.NotVerbatim, match="empty"):
        anchoring.locate("", ARTICLE)
