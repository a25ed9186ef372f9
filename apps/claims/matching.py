"""The same remark, recognised: statements already on file that a new wording (a quotation being
entered, a suggestion from intake, a statement being written, a statement's own text for
`similar/`) is the same remark as, ranked.

Two steps, so that the cost does not grow with the table:

1. Candidates, from indexes, never a scan of every row (but on a desk of at most SMALL_DESK
   statements, where every statement is compared: a single quoted word shares no key word):
   - lexical: on PostgreSQL the full-text index (`search_document`, GIN) of statements and of
     quotations, for all of the wording's key words and, separately, for any of its rarest ones
     (its longest); on other databases (SQLite) substring matches of those words, bounded.
     At most CANDIDATES_WANTED statements in all, from the most demanding query down.
   - semantic (a remark reported in another language shares no word with it): every stored
     vector is compared, while the desk holds at most SEMANTIC_SCAN_MAX statements and quotations
     together (brute-force cosine over vectors kept in memory, read again only when a row
     changed). Beyond that, candidates come from the lexical indexes only and the model re-ranks
     them: a translation shares no word, so across languages the semantic part covers desks of
     up to SEMANTIC_SCAN_MAX statements and quotations; a larger desk would need a vector index
     (pgvector), which this does not add.
2. Ranking of those candidates (at most CANDIDATES_WANTED, or SMALL_DESK), each compared with the wording through
   its own text AND the words of each of its quotations (the many wordings of one remark), the
   best of them counting:
   - lexical: pg_trgm's similarity (shared trigrams over all trigrams);
   - semantic (apps/claims/semantic.py, optional): the cosine of the two vectors, rescaled;
   - score: their mean when both wordings have a vector, the lexical similarity alone otherwise;
     plus SPEAKER_BONUS for a statement of the same speaker.
   Measured on the seed data (each quotation of a statement quoted several times, left out,
   against every statement): with the speaker known (intake, similar/), 26 of 27 at rank 1 and
   27 in the top 5, with or without the model; without a speaker, 23 lexical alone and 21 with
   the model. `make accuracy` (the suggester's speakers): 1.000 at rank 1 either way; linked
   (score >= 0.3) 0.83 with the model and 0.70 without, at the cost of 4 of 96 quotations of
   unrelated articles linked (none without). On 15 English/Russian pairs of one remark among 75
   statements: 1 of 15 at rank 1 lexical alone, 15 of 15 with the model.

Speed of `similar/` (generated data, this 2-core machine shared with other jobs, 60 requests):
p95 33 to 69 ms at 100,000 statements over three runs (107 to 138 ms before) and 51 to 87 ms at
1,000,000 (732 to 1,210 ms before, when up to 2,000 candidates were compared in SQL). It does not grow with the table: the candidate queries
are GIN index scans (or, for words the planner knows to be common, a read in table order that
stops at the limit), and at most CANDIDATES_WANTED statements and their quotations are compared.

Pairs a person rejected (StatementMatchRejection) are never returned.
"""

import re
import sys
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.db.models import Count, Max, Q

from apps.core.paginator import planned_row_count
from apps.core.search import TextSearch, TextSearchMatch, fulltext_search_available, in_languages_on_file, trigrams

from . import semantic
from .models import Quotation, Statement, StatementMatchRejection

CANDIDATES_WANTED = 60  # statements compared with the wording, at most, from the lexical indexes
KEY_WORDS = 6  # the wording's longest words, the rarest as a rule, for the "any of them" query
SEMANTIC_SCAN_MAX = 20_000  # statements and quotations together (30 MB of float32 vectors per process)
SPEAKER_BONUS = 0.1
# A desk this small has every statement compared (a single word quoted shares no key word with
# the statement's text); larger ones, the candidates of the indexes.
SMALL_DESK = 300
MIN_SCORE = 0.0  # every statement with anything in common; the caller decides what is close enough


@dataclass(frozen=True)
class Candidate:
    statement_id: int
    score: float  # 0 to 1, higher is more likely the same remark
    lexical: float = 0.0  # the best lexical similarity of its wordings, 0 to 1
    semantic: float | None = None  # the best rescaled cosine, 0 to 1; None without the model or a vector


def lexical_similarity(text: str, other: str, *, text_trigrams: set | None = None) -> float:
    """How alike two wordings are, 0 to 1: pg_trgm's similarity (shared trigrams over all
    trigrams), the same count in Python. A partial quotation is compared with the statement's
    quotations too, which hold it more nearly than the statement's whole text. (Crediting a part
    found in a longer wording was tried and dropped: any long text holds the trigrams of most
    short phrases of common words, and it linked 31 of 96 unrelated quotations of the intake's
    other articles, against none without it, for no gain at rank 1 on the seeds.)"""
    first = _trigrams(text) if text_trigrams is None else text_trigrams
    second = _trigrams(other)
    union = first | second
    return len(first & second) / len(union) if union else 0.0


@lru_cache(maxsize=2048)
def _trigrams(text: str) -> frozenset[str]:
    """`trigrams(text)`, remembered: an article's quotations are each compared with the same stored
    wordings (every statement of a small desk), whose trigrams were computed once per quotation
    before, which made suggesting for an article quadratic (quotations x wordings) in that work.
    Keyed by the text itself, so an edited wording is simply a new key; the trigrams are interned,
    so the remembered sets share their strings (a few megabytes for the 2,048 wordings kept)."""
    return frozenset(map(sys.intern, trigrams(text)))


def key_words(text: str) -> list[str]:
    """The wording's words of four letters or more, the longest first (the rarest, as a rule)."""
    words = dict.fromkeys(word.lower() for word in re.findall(r"[^\W_]{4,}", text))
    return sorted(words, key=len, reverse=True)


def rejected_with(statement_id: int) -> set[int]:
    """The statements a person said are not the same remark as this one."""
    pairs = StatementMatchRejection.objects.filter(Q(statement_id=statement_id) | Q(other_id=statement_id))
    return {
        first if first != statement_id else second for first, second in pairs.values_list("statement_id", "other_id")
    }


def same_remark_candidates(
    text: str,
    *,
    language: str | None = None,
    speaker_id: int | None = None,
    exclude_statement_ids: tuple[int, ...] = (),
    limit: int = 5,
    statement_id: int | None = None,
    min_score: float = MIN_SCORE,
    among=None,
    by_meaning: bool = True,
) -> list[Candidate]:
    """Statements on file most likely to be the same remark as `text`, best first, at most
    `limit`, none scoring below `min_score`. A statement's own text and the words of each of its
    quotations are compared; a statement by `speaker_id` ranks above an equally worded one by
    someone else. `statement_id`: the statement these words are (its own text, or a quotation of
    it): it is left out, and so are the statements a person said are different remarks from it.
    `among`: a queryset of statements to keep to (what the user may see). `language` is the
    wording's language when known (the model compares across languages; it is not needed).
    `by_meaning=False`: compared by their words only, without the model (tens of milliseconds
    a wording saved)."""
    text = " ".join((text or "").split())
    if not text:
        return []
    excluded = set(exclude_statement_ids)
    if statement_id is not None:
        excluded |= {statement_id} | rejected_with(statement_id)
    vector = _LazyVector(text, statement_id, by_meaning=by_meaning)
    candidates = _lexical_candidates(text) | _semantic_candidates(vector)
    candidates -= excluded
    if among is not None and candidates:
        candidates = set(among.filter(pk__in=candidates).values_list("pk", flat=True))
    if not candidates:
        return []
    ranked = _ranked(text, vector, candidates, speaker_id=speaker_id)
    return [candidate for candidate in ranked if candidate.score > 0 and candidate.score >= min_score][:limit]


class _LazyVector:
    """The wording's vector, computed only when something is compared with it (a table of
    statements without vectors, as after a bulk load, costs no model call): the statement's
    stored vector when the text is its own. None without the model, or when not compared by
    meaning."""

    def __init__(self, text: str, statement_id: int | None, *, by_meaning: bool = True):
        self.text, self.statement_id = text, statement_id
        self._value, self._computed = None, not by_meaning

    def get(self):
        if not self._computed:
            self._computed = True
            self._value = self._compute()
        return self._value

    def _compute(self):
        if not semantic.available():
            return None
        if self.statement_id is not None:
            stored = (
                Statement.objects.filter(pk=self.statement_id, text=self.text)
                .values_list("embedding", flat=True)
                .first()
            )
            if stored:
                return semantic.matrix([bytes(stored)])[0]
        vectors = semantic.embed([self.text])
        return semantic.matrix(vectors)[0] if vectors else None


def _tables() -> tuple[str, str]:
    return tuple(connection.ops.quote_name(model._meta.db_table) for model in (Statement, Quotation))


def _lexical_candidates(text: str) -> set[int]:
    """Statements sharing words with the wording, from the most to the least demanding query,
    stopping once CANDIDATES_WANTED are found: all of its key words, all of its three rarest, any
    of its three rarest. Each query is an index scan of statements and one of quotations, cut
    at the number still wanted: what is compared afterwards stays a few dozen statements,
    whatever the size of the table."""
    if _row_count(Statement) <= SMALL_DESK:
        return set(Statement.objects.order_by().values_list("pk", flat=True))
    words = key_words(text)
    if not words:
        return set()
    if fulltext_search_available():
        tiers = [" & ".join(words[:KEY_WORDS]), " & ".join(words[:3]), " | ".join(words[:3])]
        found = set()
        for tier in dict.fromkeys(tiers):
            # Each row read in its own language's configuration (apps.core.search), as the search box.
            in_statements, in_quotations = in_languages_on_file(
                TextSearch(value=tier, function="to_tsquery", prefixes=tier), *_tables()
            )
            wanted = CANDIDATES_WANTED - len(found)
            found.update(
                Statement.objects.filter(TextSearchMatch(in_statements))
                .exclude(pk__in=found)
                .order_by()
                .values_list("pk", flat=True)[:wanted]
            )
            wanted = CANDIDATES_WANTED - len(found)
            if wanted > 0:
                found.update(
                    Quotation.objects.filter(TextSearchMatch(in_quotations))
                    .exclude(statement_id__in=found)
                    .order_by()
                    .values_list("statement_id", flat=True)[:wanted]
                )
            if len(found) >= CANDIDATES_WANTED:
                break
        return found
    # SQLite: substrings of the rarest words, in the statements' text and the quotations' words.
    # LIKE reads the table (no index serves it), but stops at the limit, as the desk's search does
    # (apps.core.search: the embedded database is for trying ClaimTrack out).
    any_word = Q()
    for word in words[:3]:
        any_word |= Q(text__icontains=word)
    found = set(Statement.objects.filter(any_word).order_by().values_list("pk", flat=True)[:CANDIDATES_WANTED])
    found.update(
        Quotation.objects.filter(any_word).order_by().values_list("statement_id", flat=True)[:CANDIDATES_WANTED]
    )
    return found


def _semantic_candidates(vector: "_LazyVector") -> set[int]:
    """The statements whose text or a quotation's words mean most nearly the same, by comparing
    every stored vector: only while the desk holds at most SEMANTIC_SCAN_MAX statements and
    quotations together (see the module's docstring)."""
    if not semantic.available():
        return set()
    if _row_count(Statement) + _row_count(Quotation) > SEMANTIC_SCAN_MAX:
        return set()
    owners, vectors = _all_vectors()
    if not len(owners) or vector.get() is None:
        return set()
    import numpy as np

    cosines = vectors @ vector.get()
    # The best wording of each statement: cosines sorted, each statement's first one kept.
    order = np.argsort(-cosines)
    best: dict[int, float] = {}
    for index in order:
        owner = int(owners[index])
        if owner not in best:
            best[owner] = float(cosines[index])
            if len(best) == CANDIDATES_WANTED:
                break
    return {pk for pk, cosine in best.items() if semantic.rescaled(cosine) > 0}


# The stored vectors of a small desk, read once per process and again only when a statement or a
# quotation is added, changed, deleted or given a vector (reading 20,000 of them takes most of a
# second; checking whether they changed, a few milliseconds).
_vectors_cache: dict = {}

# Inside `one_batch()`: the table sizes and the vectors' freshness, read once for all the
# wordings compared (an article's quotations), not five queries per wording.
_batch: ContextVar[dict | None] = ContextVar("claims_matching_batch", default=None)


@contextmanager
def one_batch():
    """Compare several wordings with the statements on file as of one moment: the tables'
    sizes and whether the stored vectors changed are read once, for the first wording. For a
    read-only run (suggesting an article's quotations); nothing written inside is seen by the
    wordings compared after it, so do not add statements inside."""
    token = _batch.set({})
    try:
        yield
    finally:
        _batch.reset(token)


def _batched(key, compute):
    batch = _batch.get()
    if batch is None:
        return compute()
    if key not in batch:
        batch[key] = compute()
    return batch[key]


def _all_vectors():
    """(statement id of each vector, the vectors as a float32 matrix) of every statement's text
    and every quotation's words."""
    import numpy as np

    key = _batched("vectors key", _vectors_key)
    if _vectors_cache.get("key") != key:
        rows = [*Statement.objects.exclude(embedding=None).values_list("pk", "embedding")]
        rows += Quotation.objects.exclude(embedding=None).values_list("statement_id", "embedding")
        _vectors_cache.update(
            key=key,
            owners=np.array([pk for pk, _blob in rows], dtype=np.int64),
            vectors=semantic.matrix([bytes(blob) for _pk, blob in rows]),
        )
    return _vectors_cache["owners"], _vectors_cache["vectors"]


def _vectors_key() -> tuple:
    return tuple(
        tuple(
            model.objects.order_by()
            .aggregate(rows=Count("pk"), vectors=Count("embedding"), last=Max("updated_at"))
            .values()
        )
        for model in (Statement, Quotation)
    )


def _row_count(model) -> int:
    """The table's size: the planner's estimate on PostgreSQL (counting a million rows takes a
    while), the count elsewhere."""
    return _batched(("rows", model), lambda: _count_rows(model))


def _count_rows(model) -> int:
    if fulltext_search_available():
        return planned_row_count(model.objects.order_by())
    return model.objects.count()


def _ranked(text: str, vector: "_LazyVector", candidates: set[int], *, speaker_id: int | None) -> list[Candidate]:
    """Each candidate scored against the wording through its text and its quotations' words."""
    statements = Statement.objects.filter(pk__in=candidates)
    wordings: dict[int, list[tuple[float, bytes | None]]] = {}
    speakers = {}
    for pk, speaker, blob, lexical in _lexical_rows(statements, text, ("pk", "speaker_id", "embedding")):
        wordings[pk] = [(lexical, blob)]
        speakers[pk] = speaker
    quotations = Quotation.objects.filter(statement_id__in=list(wordings))
    for pk, blob, lexical in _lexical_rows(quotations, text, ("statement_id", "embedding")):
        wordings[pk].append((lexical, blob))
    ranked = []
    for pk, each in wordings.items():
        lexical = max(score for score, _blob in each)
        meaning = None
        blobs = [bytes(blob) for _score, blob in each if blob]
        if blobs and vector.get() is not None:
            meaning = semantic.rescaled(float((semantic.matrix(blobs) @ vector.get()).max()))
        score = lexical if meaning is None else (lexical + meaning) / 2
        if speaker_id is not None and speakers[pk] == speaker_id:
            score += SPEAKER_BONUS
        ranked.append((score, pk, lexical, meaning))
    # Ranked before the score is capped at 1, so that the speaker's bonus counts between two
    # identical wordings too; the newer first between equals.
    ranked.sort(key=lambda row: (-row[0], -row[1]))
    return [
        Candidate(
            pk,
            round(min(1.0, score), 4),
            lexical=round(lexical, 4),
            semantic=None if meaning is None else round(meaning, 4),
        )
        for score, pk, lexical, meaning in ranked
    ]


def _lexical_rows(queryset, text: str, columns: tuple[str, ...]):
    """(*columns, lexical score of the row's `text` against the wording) for each row, computed
    in Python on every database (pg_trgm's similarity() in SQL measured no faster here, and its
    word_similarity() three times slower, for the few hundred wordings of the candidates)."""
    text_trigrams = _trigrams(text)
    for *values, words in queryset.values_list(*columns, "text"):
        yield (*values, lexical_similarity(text, words, text_trigrams=text_trigrams))
