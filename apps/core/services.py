"""Saving curated records: the one path by which the API writes sources, speakers, statements
and quotations, so that they are validated by the same rules as in the admin; and the check
that keeps two editors of the same record from overwriting each other."""

from anyascii import anyascii
from django.db import models, router, transaction
from django.utils import timezone
from django.utils.text import slugify

from .history import HistoryEntry, history_entries

SLUG_MAX_ATTEMPTS = 1000


class ActionRefused(Exception):
    """A state change that is not allowed now (a workflow move from the wrong status, say).
    The message says why and what to do; the API answers 409 with it."""


class EditConflict(Exception):
    """A save that started from an older version of a record than the one stored. Carries what
    was saved in between (`entries`, oldest first) so the editor can see it."""

    def __init__(self, *, instance: models.Model, expected_version: int, current_version: int | None):
        self.instance = instance
        self.expected_version = expected_version
        self.current_version = current_version
        self.entries = [] if current_version is None else _entries_since(instance, expected_version)
        super().__init__(self.message())

    def message(self, *, move: bool = False) -> str:
        """What happened and what to do; `move`: for a workflow move rather than an edit."""
        name = self.instance._meta.verbose_name
        if self.current_version is None:
            return f"This {name} was deleted after you opened it. Nothing was {'moved' if move else 'saved'}."
        lines = "; ".join(_entry_line(entry) for entry in self.entries) or "no details recorded"
        what_to_do = (
            "Nothing moved: review it as it is now, then make the move again."
            if move
            else "Nothing was saved: reload it, apply your change again and save."
        )
        return (
            f"This {name} was changed by someone else after you opened it (you started from version "
            f"{self.expected_version}, it is now at version {self.current_version}): {lines}. {what_to_do}"
        )


def version_check(*, instance: models.Model, expected_version: int | None) -> None:
    """Lock the stored row until the end of the transaction and refuse (EditConflict) when it is
    no longer at `expected_version`. With None, only the lock is taken. Leaves `instance.version`
    at the stored version, so that the save that follows numbers the next one correctly."""
    current = (
        type(instance)
        ._base_manager.select_for_update()
        .filter(pk=instance.pk)
        .values_list("version", flat=True)
        .first()
    )
    if current is None or (expected_version is not None and current != expected_version):
        raise EditConflict(instance=instance, expected_version=expected_version, current_version=current)
    instance.version = current


def locked_row(instance: models.Model, *, expected_version: int | None = None) -> models.Model:
    """The stored row of `instance`, read afresh and locked until the end of the transaction:
    what a write changes is applied to this, never to a copy loaded before the lock (which would
    put back whatever someone else saved in between). A versioned record that is no longer at
    `expected_version` is refused (EditConflict); a deleted one too."""
    model = type(instance)
    query = model._base_manager.filter(pk=instance.pk)
    if transaction.get_connection(router.db_for_write(model)).in_atomic_block:
        query = query.select_for_update()
    fresh = query.first()
    versioned = hasattr(instance, "version")
    if fresh is None and versioned:
        raise EditConflict(instance=instance, expected_version=expected_version, current_version=None)
    if fresh is None:
        raise model.DoesNotExist(f"This {model._meta.verbose_name} was deleted meanwhile. Nothing was saved.")
    if versioned and expected_version is not None and fresh.version != expected_version:
        raise EditConflict(instance=instance, expected_version=expected_version, current_version=fresh.version)
    return fresh


def unique_slug(*, model: type[models.Model], text: str, exclude_pk=None) -> str:
    """A slug for `text` not yet used by `model`: "vladimir-putin", then "vladimir-putin-2"…
    Other scripts are transliterated ("Қасым-Жомарт Тоқаев" → "qasym-zhomart-toqaev")."""
    max_length = model._meta.get_field("slug").max_length
    base = (slugify(anyascii(text), allow_unicode=False) or "item")[: max_length - 5].strip("-") or "item"
    taken = set(model.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True))
    for number in range(1, SLUG_MAX_ATTEMPTS):
        candidate = base if number == 1 else f"{base}-{number}"
        if candidate not in taken:
            return candidate
    raise ValueError(f"No free slug for “{text}”; give one explicitly.")


def slug_fill(instance: models.Model) -> None:
    """Give a record that makes its own slug (`slug_basis()`) and has none a free one, the same
    way from the admin and the API. A record whose basis is still empty is left to validation."""
    if not hasattr(instance, "slug_basis") or instance.slug:
        return
    basis = instance.slug_basis()
    if basis.strip():
        instance.slug = unique_slug(model=type(instance), text=basis, exclude_pk=instance.pk)


@transaction.atomic
def model_save(
    *,
    instance: models.Model,
    changes: dict | None = None,
    many_to_many: dict | None = None,
    expected_version: int | None = None,
    user=None,
    reason: str = "",
) -> models.Model:
    """Create `instance`, or change the stored record it names, with its model's rules
    (full_clean) and many-to-many relations, all or nothing; returns the saved record.

    `changes` (field name → value) are the only fields written. For a record that exists, they
    are applied to its stored row, locked and read afresh (`locked_row`): two people changing
    different fields at the same moment both keep their change, and of two changing the same
    field the later one wins, with a history that says so. A versioned record is first checked
    against `expected_version` (EditConflict). `user` and `reason` go into its history.
    Raises django.core.exceptions.ValidationError."""
    if instance.pk is not None:
        instance = locked_row(instance, expected_version=expected_version)
    for name, value in (changes or {}).items():
        setattr(instance, name, value)
    slug_fill(instance)
    instance.full_clean()
    history_note(instance, user=user, reason=reason)
    instance.save()
    for name, values in (many_to_many or {}).items():
        getattr(instance, name).set(values)
    return instance


@transaction.atomic
def model_delete(*, instance: models.Model, expected_version: int | None = None, user=None) -> None:
    """Delete a record, refusing (EditConflict) when it changed since `expected_version`."""
    if hasattr(instance, "version"):
        version_check(instance=instance, expected_version=expected_version)
    history_note(instance, user=user)
    instance.delete()


def history_note(instance: models.Model, *, user=None, reason: str = "") -> None:
    """Who makes the coming save, and why, for its history row. Needed outside a browser
    session (API tokens, commands), where simple-history's middleware knows no user."""
    if user is not None and user.is_authenticated:
        instance._history_user = user
    # Always set: simple-history keeps the attribute, and the next save of the same object
    # would otherwise repeat this reason.
    instance._change_reason = reason or None


def _entries_since(instance: models.Model, version: int) -> list[HistoryEntry]:
    records = list(
        instance.history.filter(version__gte=version)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    return [entry for entry in history_entries(records) if entry.record.version > version]


def _entry_line(entry: HistoryEntry) -> str:
    when = timezone.localtime(entry.date).strftime("%d %b %Y %H:%M")
    who = entry.user or "an unknown user"
    changes = ", ".join(
        f"{change.label}: “{_short(change.before)}” → “{_short(change.after)}”" for change in entry.changes
    )
    return f"version {entry.record.version} saved by {who} on {when} ({changes or 'no field changed'})"


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
