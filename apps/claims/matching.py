"""The same remark, recognised: statements already on file that a new wording (a quotation being
entered, a suggestion from intake, a statement being written) is the same remark as, ranked.

FIRST VERSION (lexical only, Python, every statement compared): the matching helper replaces it
with the ranked, indexed, cross-language version. The signature below is the contract."""

from dataclasses import dataclass

from apps.core.search import trigram_similarity

from .models import Quotation, Statement


@dataclass(frozen=True)
class Candidate:
    statement_id: int
    score: float  # 0 to 1, higher is more likely the same remark


def same_remark_candidates(
    text: str,
    *,
    language: str | None = None,
    speaker_id: int | None = None,
    exclude_statement_ids: tuple[int, ...] = (),
    limit: int = 5,
) -> list[Candidate]:
    """Statements on file most likely to be the same remark as `text`, best first, at most
    `limit`. A statement's own text and the words of each of its quotations are compared; a
    statement by `speaker_id` ranks above an equally worded one by someone else."""
    best: dict[int, float] = {}
    rows = [*Statement.objects.values_list("pk", "text", "speaker_id")]
    speakers = {pk: speaker for pk, _text, speaker in rows}
    rows += [(pk, words, speakers.get(pk)) for pk, words in Quotation.objects.values_list("statement_id", "text")]
    for pk, words, speaker in rows:
        if pk in exclude_statement_ids:
            continue
        score = trigram_similarity(text, words)
        if speaker_id is not None and speaker == speaker_id:
            score = min(1.0, score + 0.1)
        best[pk] = max(best.get(pk, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: (-item[1], -item[0]))
    return [Candidate(pk, round(score, 4)) for pk, score in ranked[:limit] if score > 0]
