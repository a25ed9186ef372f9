"""Suggestions for an article: quotations, speakers and statements on file, the JSON of
suggest_quotations, and the accuracy floor on the seed articles."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from apps.intake.suggest import STATEMENT_THRESHOLD, suggest, suggestions_as_json
from apps.intake.types import Article
from apps.ops.accuracy import DEFAULT_ARTICLES_DIR, OTHER_LANGUAGE_ARTICLES_DIRS, article_cases, evaluate, seed_cases
from apps.ops.seed import seed_load
from tests.factories import make_quotation, make_speaker, make_statement

pytestmark = pytest.mark.django_db

SEEDS_DIR = Path(settings.CLAIMTRACK_SEEDS_DIR)
TEXT = (
    "Kazakh President Kassym-Jomart Tokayev spoke on Monday. Relations with Moscow, he said, were "
    "“completely marked by trust and neighborly goodwill.” Troops came to “stabilize” the country.\n\n"
    "“Nobody expected this,” a senior official said."
)


@pytest.fixture
def tokayev():
    return make_speaker(name="Kassym-Jomart Tokayev", aliases=["Qasym-Jomart Toqaev"])


def test_each_quotation_gets_its_speaker_and_statement_on_file(tokayev):
    statement = make_statement(speaker=tokayev, text="Tokayev: relations with Russia rest on trust and goodwill.")
    make_quotation(statement=statement, text="completely marked by trust and neighborly goodwill.", mode="partial")
    other = make_statement(text="The harvest will be late this year because of the rain.")
    suggestions = suggest(Article(text=TEXT, language="en"))
    assert [s.text for s in suggestions] == [
        "completely marked by trust and neighborly goodwill.",
        "Nobody expected this,",
    ]
    first, second = suggestions
    assert (first.speaker_id, first.speaker_name, first.mode) == (tokayev.pk, "Kassym-Jomart Tokayev", "partial")
    assert first.statement_id == statement.pk and first.score >= STATEMENT_THRESHOLD
    assert first.candidates[0].statement_id == statement.pk and len(first.candidates) <= 5
    assert other.pk not in {c.statement_id for c in first.candidates[:1]}
    assert second.speaker_id is None and second.speaker.kind == "anonymous"
    assert second.statement_id is None  # nothing on file says it


def test_the_json_has_the_shape_of_suggest_quotations(tokayev):
    article = Article(
        text=TEXT,
        title="Kazakhstan and Russia",
        authors=("Roman Goncharenko",),
        published_on=date(2022, 1, 7),
        publisher="DW",
        site="dw.com",
        language="en",
        url="https://www.dw.com/en/a-60360121",
    )
    document = suggestions_as_json(article, suggest(article))
    assert document["source"] == {
        "title": "Kazakhstan and Russia",
        "authors": ["Roman Goncharenko"],
        "published_on": "2022-01-07",
        "publisher": "DW",
        "language": "en",
        "url": "https://www.dw.com/en/a-60360121",
        "text": TEXT,
    }
    first, second = document["quotations"]
    assert set(first) == {"text", "char_start", "char_end", "mode", "speaker", "speaker_check", "statement_id", "score"}
    assert TEXT[first["char_start"] : first["char_end"]] == first["text"]
    assert first["speaker"] == {"name": "Kassym-Jomart Tokayev", "kind": "person", "id": tokayev.pk}
    assert second["speaker"] == {"name": "a senior official", "kind": "anonymous", "id": None}
    assert second["speaker_check"].startswith("an unnamed speaker")  # how the desk files them is its choice
    assert first["statement_id"] is None and isinstance(first["score"], float)


def test_a_quotation_nobody_is_named_for_has_the_empty_speaker():
    text = "The crowd chanted for hours.\n\n“We will not go home until the vote is counted again.”\n\nThen it rained."
    document = suggestions_as_json(Article(text=text, language="en"), suggest(Article(text=text, language="en")))
    assert document["quotations"][0]["speaker"] == {"name": "", "kind": "anonymous", "id": None}
    assert document["source"]["published_on"] is None and document["source"]["authors"] == []


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason=f"the seed articles are not at {SEEDS_DIR}")
def test_the_seed_articles_reach_the_accuracy_floor():
    seed_load()
    report = evaluate("seeds", seed_cases(SEEDS_DIR), seeds=True, statements=True)
    assert report.precision >= 0.9 and report.recall >= 0.9
    assert report.speaker >= 0.9 and report.mode >= 0.9
    assert report.rank1 >= 0.9


# The rules' figures on article sets alone: the database (migrated, with no speaker or statement
# on file) gives every suggestion the same nothing to match on any backend.
@pytest.mark.one_database
def test_the_articles_written_for_the_tests_reach_the_accuracy_floor():
    report = evaluate("unseen", article_cases(DEFAULT_ARTICLES_DIR), seeds=False)
    assert report.precision >= 0.9 and report.recall >= 0.9 and report.speaker >= 0.9


@pytest.mark.one_database
@pytest.mark.parametrize("folder", OTHER_LANGUAGE_ARTICLES_DIRS, ids=lambda folder: folder.name)
def test_the_articles_in_other_languages_keep_their_floor(folder):
    """Russian, German, French and Spanish articles written by evaluators: a floor under the
    figures of ACCURACY.md, so that a change to the rules that loses one language is seen."""
    report = evaluate(folder.name, article_cases(folder), seeds=False)
    assert report.precision >= 0.9 and report.recall >= 0.85
    assert report.speaker >= SPEAKER_FLOORS.get(folder.name, 0.55)


# a set measured blind below the common floor keeps a floor of its own under its first figure,
# until the rules for its classes are written (none now: articles_ru7, 0.513 in session eleven, is
# at 0.704 since session twelve, ACCURACY.md)
SPEAKER_FLOORS: dict[str, float] = {}


def test_the_text_output_prints_the_marks_the_article_prints(tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "article.txt"
    path.write_text(
        'Title\n\nAnna Berg said: « Nous gagnerons. » Later she told reporters it was "a fair fight".\n',
        encoding="utf-8",
    )
    call_command("suggest_quotations", str(path))
    printed = capsys.readouterr().out
    assert "«Nous gagnerons.»" in printed
    assert '"a fair fight"' in printed
    assert "“" not in printed


def test_each_stored_wording_is_read_into_trigrams_once_for_all_the_quotations(monkeypatch):
    """Suggesting for an article compares every quotation with the statements on file: the
    stored wordings' trigrams are computed once, not once per quotation (quadratic before)."""
    from apps.claims import matching

    matching._trigrams.cache_clear()
    for n in range(6):
        make_statement(text=f"Statement number {n} about the harbour, the budget and the {n}th ferry route.")
    calls = []
    original = matching.trigrams
    monkeypatch.setattr(matching, "trigrams", lambda text: calls.append(text) or original(text))
    text = "\n\n".join(f"“The ferry route number {n} will close,” the mayor said." for n in range(8))
    suggestions = suggest(Article(text=text, language="en"))
    assert len(suggestions) == 8
    assert len(calls) == len(set(calls))  # no wording read twice
    assert sum("Statement number" in each for each in calls) == 6


def test_the_desk_s_size_is_read_once_per_article_not_once_per_quotation():
    """suggest() compares each quotation with the statements on file; what does not change
    during one article (the tables' sizes, whether the stored vectors changed) is read once:
    the counting queries do not grow with the quotations."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(3):
        make_statement(text=f"Statement {n} about the ferry route and the harbour budget.")

    def counting_queries(count):
        text = "\n\n".join(f"“The ferry route number {n} will close,” the mayor said." for n in range(count))
        with CaptureQueriesContext(connection) as captured:
            assert len(suggest(Article(text=text, language="en"))) == count
        sql = [q["sql"].upper() for q in captured.captured_queries]
        return sum("COUNT(" in each or each.lstrip().startswith("EXPLAIN") for each in sql)

    # one count (or planner estimate) per table at most, whatever the number of quotations: it
    # was one to five per quotation (8 or more for these 8)
    assert counting_queries(8) <= 2


def test_only_the_first_quotations_of_a_page_are_compared_by_meaning(monkeypatch):
    """The meaning model costs tens of milliseconds a quotation: a page of thousands took ten
    minutes. The first COMPARED_BY_MEANING are compared by meaning too; the rest by their words,
    which still finds a statement printed in the same words."""
    from apps.claims import semantic
    from apps.intake import suggest as suggest_module

    on_file = make_statement(text="The ferry route number 4 will close next spring, the mayor said.")
    type(on_file).objects.filter(pk=on_file.pk).update(embedding=bytes(2 * semantic.DIMENSIONS))
    embedded: list[str] = []

    def embed(texts):
        embedded.extend(texts)
        return [bytes(2 * semantic.DIMENSIONS) for _ in texts]  # a zero vector: no meaning in common

    monkeypatch.setattr(semantic, "available", lambda: True)
    monkeypatch.setattr(semantic, "embed", embed)
    monkeypatch.setattr(suggest_module, "COMPARED_BY_MEANING", 3)
    text = "\n\n".join(f"“The ferry route number {n} will close,” the mayor said." for n in range(6))

    suggestions = suggest(Article(text=text, language="en"))

    assert len(suggestions) == 6
    assert embedded == [f"The ferry route number {n} will close," for n in range(3)]
    assert [candidate.statement_id for candidate in suggestions[4].candidates][:1] == [on_file.pk]
