"""A statement's history as the desk and the public see it. Staff see every change to the
statement, its quotations, its verification and the evidence, with who, when, before and after,
and the reason; the public sees when a verdict was published, reopened for correction and
republished, with the verdict of each publication."""

from dataclasses import dataclass

from apps.claims.models import Quotation, Statement
from apps.core.history import HistoryEntry, history_entries

from .choices import Transition, VerificationStatus
from .models import Evidence, Rating, Verification, VerificationNote

# (status before, status after) of a verification → the workflow move it was.
MOVES = {
    (VerificationStatus.UNCHECKED, VerificationStatus.IN_PROGRESS): Transition.ASSIGN,
    (VerificationStatus.IN_PROGRESS, VerificationStatus.IN_REVIEW): Transition.SUBMIT,
    (VerificationStatus.IN_REVIEW, VerificationStatus.IN_PROGRESS): Transition.RETURN,
    (VerificationStatus.IN_REVIEW, VerificationStatus.PUBLISHED): Transition.PUBLISH,
    (VerificationStatus.PUBLISHED, VerificationStatus.IN_PROGRESS): Transition.REOPEN,
}


@dataclass(frozen=True)
class Publication:
    """One public event of a verdict: published, reopened for correction, republished."""

    date: object
    event: str  # published / reopened / republished
    rating: Rating | None
    summary: str
    # Why it was reopened, as the editor wrote it (a correction's reason); empty for a publication.
    reason: str = ""


def statement_history(statement: Statement) -> list[HistoryEntry]:
    """Every recorded change to the statement, its quotations, verification, evidence and the
    desk's notes on it, newest first. Six queries, plus one per kind of related record named in
    the changes."""
    verification_records = _records(Verification, statement_id=statement.pk)
    verification_ids = {record.id for record in verification_records}
    entries = [
        *history_entries(_records(Statement, id=statement.pk)),
        *history_entries(_records(Quotation, statement_id=statement.pk)),
        *history_entries(verification_records),
        *history_entries(_records(Evidence, verification_id__in=verification_ids)),
        *history_entries(_records(VerificationNote, verification_id__in=verification_ids)),
    ]
    for entry in entries:
        entry.move = workflow_move(entry)
    return sorted(entries, key=lambda entry: (entry.date, entry.record.history_id), reverse=True)


def workflow_move(entry: HistoryEntry) -> Transition | None:
    """The workflow move a verification history entry records, if any."""
    if entry.record.instance_type is not Verification:
        return None
    if entry.action == "created":
        return None
    status = {change.name: change for change in entry.changes}.get("status")
    if status is None:
        return Transition.ASSIGN if "fact_checker" in entry.changed_fields else None
    labels = {choice.label: choice for choice in VerificationStatus}
    return MOVES.get((labels.get(status.before), labels.get(status.after)))


def published_history(statement: Statement) -> list[Publication]:
    """The public part of a verification's history, newest first."""
    records = _records(Verification, statement_id=statement.pk)
    ratings = Rating.objects.select_related("scale").in_bulk({r.rating_id for r in records if r.rating_id})
    publications = []
    was_published = published_before = False
    for record in sorted(records, key=lambda record: (record.history_date, record.history_id)):
        is_published = record.status == VerificationStatus.PUBLISHED and record.history_type != "-"
        if is_published and not was_published:
            event = "republished" if published_before else "published"
            publications.append(Publication(record.history_date, event, ratings.get(record.rating_id), record.summary))
            published_before = True
        elif was_published and not is_published:
            reason = record.history_change_reason or ""
            publications.append(Publication(record.history_date, "reopened", None, "", reason))
        was_published = is_published
    return publications[::-1]


def _records(model, **filters) -> list:
    return list(model.history.filter(**filters).select_related("history_user"))
