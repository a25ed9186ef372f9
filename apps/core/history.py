"""Reading the change history that django-simple-history records for every curated model: who
changed what, when, from which value to which, and why. Rows are append-only
(apps.core.models.AppendOnlyHistory); this module only reads them."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models

# Bookkeeping fields that change with every save and say nothing to a reader.
UNINTERESTING_FIELDS = ("created_at", "updated_at", "version")
ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
EMPTY = "—"


@dataclass(frozen=True)
class FieldChange:
    name: str  # the field's name in the model
    label: str  # its verbose name, for people
    before: str
    after: str


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
                user=record.history_user.get_username() if record.history_user_id else None,
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
    """A stored value as a person reads it: choice labels, related records by name, dates in
    ISO 8601, empty values as a dash."""
    if value in (None, "", [], ()):
        return EMPTY
    model_field = model._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        return (labels or {}).get((model_field.related_model, value), f"#{value}")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _changes(model, before, after, labels) -> list[FieldChange]:
    changes = []
    for model_field in _tracked_fields(model):
        old, new = getattr(before, model_field.attname, None), getattr(after, model_field.attname, None)
        if old == new:
            continue
        name = model_field.name
        changes.append(
            FieldChange(
                name=name,
                label=str(model_field.verbose_name),
                before=display_value(model, name, old, labels),
                after=display_value(model, name, new, labels),
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
    """(related model, id) → str(record) for every foreign key value in `records`, one query per
    related model."""
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
    return labels


def _label(obj) -> str:
    get_username = getattr(obj, "get_username", None)
    return get_username() if get_username else str(obj)
