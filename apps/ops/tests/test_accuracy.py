"""The accuracy benchmark of the quotation suggester (manage.py accuracy)."""

import json

import pytest
from django.core.management import CommandError, call_command

from apps.ops.accuracy import MEASURED_END, name_key

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Mayor Anna Lindqvist opened the bridge. “It took us nine years,” she said. Critics called it "
    "“a monument to delay”, and the opposition leader, Erik Holm, said it was “too late”."
)


def write_article(folder, gold):
    (folder / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "bridge.json").write_text(json.dumps({"quotations": gold}), encoding="utf-8")


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("accuracy", "--no-seeds", *args, stdout=out)
    return out.getvalue()


def test_an_article_with_its_gold_is_measured_and_the_errors_listed(tmp_path):
    write_article(
        tmp_path,
        [
            {"text": "It took us nine years,", "mode": "direct", "speaker": "Anna Lindqvist"},
            {"text": "too late", "mode": "partial", "speaker": "Erik Holm"},
            {"text": "nine years", "mode": "partial", "speaker": "Anna Lindqvist"},  # not in the text as a quote
        ],
    )
    out = run("--articles", str(tmp_path))
    assert "| Quotations: recall | 0.667 |" in out
    assert "missed: 'nine years'" in out
    # "a monument to delay" is said by "Critics" (a group), which the gold does not list
    assert "not in the gold: 'a monument to delay'" in out
    assert "| Quotations: precision | 0.667 |" in out


def test_write_keeps_the_notes_after_the_measured_part(tmp_path):
    write_article(tmp_path, [{"text": "too late", "mode": "partial", "speaker": "Erik Holm"}])
    output = tmp_path / "ACCURACY.md"
    output.write_text(f"old figures\n{MEASURED_END}\n\n## Notes\n\nKept.\n", encoding="utf-8")
    run("--articles", str(tmp_path), "--write", "--output", str(output))
    written = output.read_text(encoding="utf-8")
    assert "old figures" not in written
    assert written.endswith(f"{MEASURED_END}\n\n## Notes\n\nKept.\n")
    assert "| Quotations: recall | 1.000 |" in written


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a.txt": "Text."}, "a.txt has no gold: write a.json"),
        ({"a.txt": "Text.", "a.json": "{not json"}, "is not a gold file"),
        ({"a.txt": "Text.", "a.json": '{"quotations": [{"mode": "direct"}]}'}, "is not a gold file"),
        ({}, "holds no NAME.txt article"),
    ],
)
def test_a_folder_without_proper_gold_is_refused_with_what_to_fix(tmp_path, files, message):
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        run("--articles", str(tmp_path))


def test_missing_seeds_or_fixtures_say_what_to_do(tmp_path):
    with pytest.raises(CommandError, match="The seed articles are not at"):
        call_command("accuracy", "--seeds", str(tmp_path / "nowhere"))


def test_speaker_names_compare_without_case_accents_honorifics_or_articles():
    assert name_key("Sir Graham Pryce") == name_key("graham pryce")
    assert name_key("Hans-Henning Schröder") == name_key("Hans-Henning Schroder")
    assert name_key("A French official") == name_key("french official")
    assert name_key("Graham Pryce") != name_key("Graham Price")


@pytest.mark.parsing
def test_rules_only_measures_without_the_parse_and_says_so(tmp_path):
    write_article(tmp_path, [{"text": "It took us nine years,", "mode": "direct", "speaker": "Anna Lindqvist"}])
    out = run("--articles", str(tmp_path), "--rules-only")
    assert "Speakers read by the rules alone (--rules-only)." in out
    assert "| Speaker (of the correct ones) | 1.000 |" in out
    with_parse = run("--articles", str(tmp_path))
    assert "Speakers read by the rules" in with_parse and "(--rules-only)" not in with_parse


def test_the_speakers_marked_for_a_check_are_measured(tmp_path):
    # "Critics" is a group: marked for a check, and wrong by this gold; the two persons are not marked
    write_article(
        tmp_path,
        [
            {"text": "It took us nine years,", "mode": "direct", "speaker": "Anna Lindqvist"},
            {"text": "a monument to delay", "mode": "partial", "speaker": "engineers"},
            {"text": "too late", "mode": "partial", "speaker": "Erik Holm"},
        ],
    )
    out = run("--articles", str(tmp_path))
    assert "| Speaker (of the correct ones) | 0.667 |" in out
    assert "| Speaker, of the 2 not marked “check the speaker” | 1.000 |" in out
    assert "| Wrong speakers marked “check the speaker” | 1.000 |" in out


def test_a_speaker_matched_to_one_on_file_is_right_by_either_spelling(tmp_path):
    from tests.factories import make_speaker

    make_speaker(name="Anna Lindquist-Berg", aliases=["Anna Lindqvist"])  # on file under another spelling
    write_article(tmp_path, [{"text": "It took us nine years,", "mode": "direct", "speaker": "Anna Lindqvist"}])
    out = run("--articles", str(tmp_path))
    assert "| Speaker (of the correct ones) | 1.000 |" in out


def test_the_time_per_2000_words_is_scaled_from_articles_long_enough_to_measure_it():
    from apps.ops.accuracy import SCALED_MIN_WORDS, CaseResult, Report, report_lines

    def case(name, words, seconds):
        return CaseResult(name, words, seconds, suggested=1, gold=1, correct=1, mode_right=1, speaker_right=1)

    # a 200-word article timed at 0.2 s would scale to 2 s; the 900-word one at 0.45 s is 1 s per 2,000 words
    report = Report("unseen", [case("short", SCALED_MIN_WORDS // 2 - 50, 0.2), case("long", 900, 0.45)])
    text = "\n".join(report_lines(None, [report]))
    assert f"of {SCALED_MIN_WORDS} words or more (long, 900 words) scaled | 1.000 | ≤ 2 | yes |" in text
