"""The search box syntax as the fallback (SQLite) reads it; the same syntax PostgreSQL's
websearch_to_tsquery reads (apps/api/tests/test_search.py runs both)."""

from apps.core.search import close_name_matches, parse_search, stem


def test_words_phrases_or_and_exclusions_are_told_apart():
    parsed = parse_search('Border  "Russian World" -treaty grain OR wheat -"signed in"')

    assert parsed.required == [["border"], ["russian world"], ["grain", "wheat"]]
    assert parsed.excluded == ["treaty", "signed in"]
    assert parsed.words == ["border", "grain", "wheat"]


def test_typographic_quotes_make_a_phrase_and_an_unclosed_quote_runs_to_the_end():
    assert parse_search("“Russian world”").required == [["russian world"]]
    assert parse_search("«русский мир»").required == [["русский мир"]]
    assert parse_search('"Russian world').required == [["russian world"]]


def test_a_lone_or_minus_or_quote_is_no_term():
    assert parse_search('OR " - ""').required == []
    assert parse_search("OR border").required == [["border"]]


def test_case_is_folded_in_every_script():
    assert parse_search("ПУТИН Straße").required == [["путин"], ["strasse"]]


def test_simple_english_forms_are_cut_to_a_stem_that_finds_them_all():
    assert [stem(word) for word in ("borders", "policies", "boxes", "churches", "signed", "signing")] == [
        "border",
        "polic",
        "box",
        "church",
        "sign",
        "sign",
    ]
    assert [stem(word) for word in ("press", "status", "analysis", "gas", "red")] == [
        "press",
        "status",
        "analysis",
        "gas",
        "red",
    ]


def test_a_name_with_one_letter_wrong_missing_or_extra_is_found():
    names = [(1, ["Dmitry Medvedev", "Дмитрий Медведев"]), (2, ["Viktor Medvedchuk"]), (3, ["Vladimir Putin"])]

    assert close_name_matches(["medvedv", "medvedeev", "medvadev"], names) == {
        "medvedv": {1},
        "medvedeev": {1},
        "medvadev": {1},
    }
    assert close_name_matches(["медведв"], names) == {"медведв": {1}}
    assert close_name_matches(["zelensky", "med"], names) == {"zelensky": set()}  # "med": too short to guess
