"""Reading the change history that django-simple-history records for every curated model: who
changed what, when, from which value to which, and why. Rows are append-only
(apps.core.models.AppendOnlyHistory); this module only reads them."""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone

# Bookkeeping fields that change with every save and say nothing to a reader.
UNINTERESTING_FIELDS = ("created_at", "updated_at", "version")
ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
EMPTY = "—"


# A text longer than this (either side) is shown as the words that changed, not as two texts.
LONG_TEXT = 80
# (op, text) pieces of a word-level diff; op is "equal", "delete" or "insert".
DiffPiece = tuple[str, str]


@dataclass(frozen=True)
class FieldChange:
    name: str  # the field's name in the model
    label: str  # its verbose name, for people
    before: str
    after: str
    # For long text: the old text turned into the new, word by word (None for short values).
    diff: list[DiffPiece] | None = None


@dataclass
class HistoryEntry:
    """One saved version of one record, with what changed since the version before it."""

    record: models.Model  # the historical row
    date: datetime
    user: str | None
    model: str  # verbose name of the record's model
    object_id: int
    action: str  # created / changed / deleted
    reason: str
    changes: list[FieldChange] = field(default_factory=list)
    move: str | None = None  # the workflow move it records, for models that have a workflow

    @property
    def changed_fields(self) -> set[str]:
        return {change.name for change in self.changes}


def history_entries(records, *, previous: dict | None = None) -> list[HistoryEntry]:
    """Entries for historical rows of one model, oldest first. `records` must hold, for each
    record, the record before it (or `previous` must map object id → that earlier record);
    the first record of an object counts as its creation."""
    records = sorted(records, key=lambda record: (record.history_date, record.history_id))
    if not records:
        return []
    model = records[0].instance_type
    labels = _related_labels(model, [*records, *(previous or {}).values()])
    last = dict(previous or {})
    entries = []
    for record in records:
        before = last.get(record.id)
        entries.append(
            HistoryEntry(
                record=record,
                date=record.history_date,
                user=user_label(record.history_user) if record.history_user_id else None,
                model=str(model._meta.verbose_name),
                object_id=record.id,
                action=ACTIONS.get(record.history_type, record.history_type) if before else "created",
                reason=record.history_change_reason or "",
                changes=_changes(model, before, record, labels) if before else [],
            )
        )
        last[record.id] = record
    return entries


def display_value(model: type[models.Model], name: str, value, labels: dict | None = None) -> str:
    """A stored value as a person reads it: choice labels, related records by name (by the
    name they had when last seen if they were deleted since), dates in ISO 8601 (a moment to
    the minute, in the desk's time zone), empty values as a dash."""
    if value in (None, "", [], ()):
        return EMPTY
    model_field = model._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        related_model = model_field.related_model
        return (labels or {}).get((related_model, value), f"(deleted {related_model._meta.verbose_name})")
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def word_diff(before: str, after: str) -> list[DiffPiece]:
    """The words that changed between two texts: ("equal" | "delete" | "insert", text) pieces
    which, joined, give the old text (equal and delete) and the new one (equal and insert).
    Each word carries the spaces after it, so a changed line break shows too."""
    old, new = re.findall(r"^\s+|\S+\s*", before), re.findall(r"^\s+|\S+\s*", after)
    pieces = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("equal", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("delete", "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(("insert", "".join(new[j1:j2])))
    return pieces


def _changes(model, before, after, labels) -> list[FieldChange]:
    changes = []
    for model_field in _tracked_fields(model):
        old, new = getattr(before, model_field.attname, None), getattr(after, model_field.attname, None)
        if old == new:
            continue
        name = model_field.name
        shown_before = display_value(model, name, old, labels)
        shown_after = display_value(model, name, new, labels)
        is_text = isinstance(old or "", str) and isinstance(new or "", str) and not model_field.choices
        long = max(len(old or ""), len(new or "")) > LONG_TEXT if is_text else False
        changes.append(
            FieldChange(
                name=name,
                label=str(model_field.verbose_name),
                before=shown_before,
                after=shown_after,
                diff=word_diff(old or "", new or "") if long else None,
            )
        )
    return changes


def _tracked_fields(model) -> list[models.Field]:
    return [
        model_field
        for model_field in model._meta.concrete_fields
        if model_field.name not in UNINTERESTING_FIELDS and not model_field.primary_key
    ]


def _related_labels(model, records) -> dict:
    """(related model, id) → its label for every foreign key value in `records`: one query per
    related model, and for records deleted since, one more per model with history (their label
    as last recorded; "(deleted rating)" when nothing was recorded)."""
    wanted = defaultdict(set)
    for model_field in _tracked_fields(model):
        if model_field.is_relation:
            for record in records:
                value = getattr(record, model_field.attname, None)
                if value is not None:
                    wanted[model_field.related_model].add(value)
    labels = {}
    for related_model, ids in wanted.items():
        for pk, obj in related_model._base_manager.in_bulk(ids).items():
            labels[(related_model, pk)] = _label(obj)
        missing = ids - {pk for (kind, pk) in labels if kind is related_model}
        if missing:
            labels.update(_deleted_labels(related_model, missing))
    return labels


def _deleted_labels(related_model, ids) -> dict:
    """Labels of deleted records from their last history row, if the model keeps history."""
    history = getattr(related_model, "history", None)
    if history is None or not hasattr(history, "model"):
        return {}
    last = {}
    for record in history.filter(id__in=ids).order_by("history_date", "history_id"):
        last[record.id] = record
    labels = {}
    for pk, record in last.items():
        try:
            labels[(related_model, pk)] = f"{_label(record.instance)} (deleted)"
        except ObjectDoesNotExist:  # its label needs a record deleted with it
            continue
    return labels


def user_label(user) -> str:
    """A user as the desk's pages name them: the username."""
    return user.get_username()


def _label(obj) -> str:
    return user_label(obj) if hasattr(obj, "get_username") else str(obj)
