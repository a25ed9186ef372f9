"""Suggestions for an article: its quotations (quotes.py), each with the speaker on file it
names (speakers.py) and the statement on file it is the same remark as (claims.matching).

Nothing is stored: the services turn accepted suggestions into records.
"""

from dataclasses import dataclass, field

from apps.claims.matching import Candidate, one_batch, same_remark_candidates

from .quotes import find_quotations
from .speakers import SpeakerMatcher
from .types import Article, QuoteSpan, SpeakerMention

# A quotation is the same remark as the best statement on file when that statement's score
# reaches this (the review page then has it chosen, and "Accept the sure ones" links it).
# Measured by `make accuracy` (ACCURACY.md): with each seed quotation left out of the evidence,
# the right statement at rank 1 scored 0.145-0.261 (7 of 23) or 0.464-1.0 (16), while the best
# statement for the 6,580 quotations of the 40 sets of articles written for the tests (none of
# whose remarks is on file) scored at most 0.394 (11 at 0.30 or more, the threshold until
# 2026-11-30, which therefore linked 11 wrong statements and no more right ones). 0.43 sits in
# the gap: the same 16 right, no wrong one. Below it the candidates are still offered. Measure
# again when the ranking changes.
STATEMENT_THRESHOLD = 0.43
CANDIDATES = 5
# The quotations of one article compared with the statements on file by meaning as well as by
# their words: the first this many. The model takes 0.02-0.06 s a quotation on two cores, and
# real articles print far fewer (at most 13 in a seed, 49 in the 754 articles written for the
# tests); a page of 5,000 took ten minutes with every one compared (session fourteen's outside
# test). The rest are compared by their words, which finds a statement printed in the same words.
COMPARED_BY_MEANING = 150

NO_SPEAKER = {"name": "", "kind": "anonymous", "id": None}  # what the JSON says when the text names nobody


@dataclass(frozen=True)
class Suggestion:
    text: str
    char_start: int
    char_end: int
    mode: str
    speaker: SpeakerMention | None = None
    cue: str = ""
    confidence: float = 1.0
    notes: tuple[str, ...] = ()
    check: str = ""  # why a person should check the speaker ("" when nothing calls for it)
    speaker_id: int | None = None  # the Speaker on file the mention was matched to
    speaker_name: str = ""  # that speaker's name, else the mention's
    speaker_kind: str = ""  # that speaker's kind, else the mention's
    statement_id: int | None = None  # the Statement on file it is the same remark as
    score: float = 0.0  # the best statement's score (0 when there is none)
    candidates: list[Candidate] = field(default_factory=list)


def suggest(article: Article, *, threshold: float = STATEMENT_THRESHOLD, parse: bool = True) -> list[Suggestion]:
    """Every quotation in `article`, with its speaker and statement on file when there is one."""
    spans = find_quotations(article.text, language=article.language or "en", parse=parse)
    matcher = SpeakerMatcher((span.speaker for span in spans if span.speaker), context=article.text)
    suggestions = []
    with one_batch():  # the desk's size and vectors read once for all the quotations, not per quotation
        for number, span in enumerate(spans):
            by_meaning = number < COMPARED_BY_MEANING
            suggestions.append(_suggest_one(span, matcher, article, threshold, by_meaning=by_meaning))
    return suggestions


def _suggest_one(
    span: QuoteSpan, matcher: SpeakerMatcher, article: Article, threshold: float, *, by_meaning: bool
) -> Suggestion:
    speaker = matcher.match(span.speaker)
    candidates = same_remark_candidates(
        span.text,
        language=article.language or None,
        speaker_id=speaker.pk if speaker else None,
        limit=CANDIDATES,
        by_meaning=by_meaning,
    )
    best = candidates[0] if candidates else None
    return _suggestion(
        span,
        speaker_id=speaker.pk if speaker else None,
        speaker_name=speaker.name if speaker else (span.speaker.name if span.speaker else ""),
        speaker_kind=speaker.kind if speaker else (span.speaker.kind if span.speaker else ""),
        statement_id=best.statement_id if best and best.score >= threshold else None,
        score=best.score if best else 0.0,
        candidates=candidates,
    )


def _suggestion(span: QuoteSpan, **extra) -> Suggestion:
    return Suggestion(
        text=span.text,
        char_start=span.char_start,
        char_end=span.char_end,
        mode=span.mode,
        speaker=span.speaker,
        cue=span.cue,
        confidence=span.confidence,
        notes=span.notes,
        check=span.check,
        **extra,
    )


def suggestions_as_json(article: Article, suggestions: list[Suggestion]) -> dict:
    """The `suggest_quotations --format json` document. A quotation whose text names no speaker
    has the speaker {"name": "", "kind": "anonymous", "id": null}; `speaker_check` says why a
    person should check the speaker ("" when nothing calls for it)."""
    return {
        "source": {
            "title": article.title,
            "authors": list(article.authors),
            "published_on": article.published_on.isoformat() if article.published_on else None,
            "publisher": article.publisher,
            "language": article.language,
            "url": article.url,
            "text": article.text,
        },
        "quotations": [
            {
                "text": s.text,
                "char_start": s.char_start,
                "char_end": s.char_end,
                "mode": s.mode,
                "speaker": (
                    {
                        "name": s.speaker_name or s.speaker.name,
                        "kind": s.speaker_kind or s.speaker.kind,
                        "id": s.speaker_id,
                    }
                    if s.speaker
                    else dict(NO_SPEAKER)
                ),
                "speaker_check": s.check,
                "statement_id": s.statement_id,
                "score": float(s.score),
            }
            for s in suggestions
        ],
    }
