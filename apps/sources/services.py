"""State changes to sources. Every write validates first and is all-or-nothing."""
from django.db import transaction

from apps.claims import anchoring
from apps.claims.models import Quotation

from .models import Source


def source_quotations_not_found(*, source: Source, archived_text: str) -> list[str]:
    """The quotations of `source` whose words are not in `archived_text`, each with the reason."""
    problems = []
    for quotation in source.quotations.select_related("statement__speaker"):
        try:
            anchoring.locate(quotation.text, archived_text)
        except anchoring.NotVerbatim as error:
            problems.append(f"Quotation {quotation.pk} (“{quotation.text[:60]}”, {quotation.statement.speaker}): {error}")
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
    """Store the archived text of a source and anchor its quotations in it. Refused (by
    Source.clean) with every quotation that is not found verbatim; nothing is written then."""
    source.archived_text = archived_text
    source.full_clean()
    source.save(update_fields=["archived_text", "updated_at"])
    return source_anchor_quotations(source=source)
