import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.manager import HistoricalQuerySet
from simple_history.models import HistoricalRecords

# Invisible characters that have no business in a name, a quote or a note: C0 controls other
# than tab, line feed and carriage return, and DEL. (NUL is refused before this, by the form.)
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) make text display
# in another order than it is stored ("Trojan Source"): a note or a quote could read otherwise than
# it says. The marks that right-to-left writing needs (U+200E, U+200F, U+061C) are not among them.
# An archived text keeps them (it is stored as published; see KEEPS_BIDI_CONTROLS).
BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def invisible_character_problem(text: str, *, keeps_bidi: bool = False, where: str = "") -> str | None:
    """What is wrong with `text` if it holds a control character or (unless `keeps_bidi`) a
    bidirectional override, where (`where` adds to the position, e.g. which alias) and what to do;
    None when nothing is. The one rule for every text the desk stores: record fields
    (TimeStampedModel) and the reasons kept in the history alike."""
    if found := CONTROL_CHARACTER.search(text):
        return (
            f"Contains the invisible control character U+{ord(found.group()):04X} at position {found.start() + 1}"
            f"{where}; remove it (tabs and line breaks are fine)."
        )
    if not keeps_bidi and (found := BIDI_CONTROL.search(text)):
        return (
            f"Contains the invisible character U+{ord(found.group()):04X} ({unicodedata.name(found.group()).lower()}) "
            f"at position {found.start() + 1}{where}, which makes the text display in another order than it is "
            "written; remove it."
        )
    return None


def refuse_invisible_characters(value: str) -> None:
    """A form's or a serializer's validator (a reason, a comment): the rule of the records' fields."""
    if isinstance(value, str) and (problem := invisible_character_problem(value)):
        raise ValidationError(problem, code="invisible_character")


class TimeStampedModel(models.Model):
    """Every record says when it was created and last changed. Its text fields refuse control
    characters and bidirectional overrides (full_clean, so the admin, the API and the commands
    alike); a model lists in KEEPS_BIDI_CONTROLS the fields that keep text as published."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if not isinstance(field, (models.CharField, models.TextField, models.JSONField)):
                continue
            # Fields nobody types (editable=False) hold what the services wrote from input that was
            # checked where it came in (a reason, a digest): a record saved before a rule existed
            # must not become impossible to edit.
            if not field.editable or field.name in (exclude or ()) or field.name in errors:
                continue
            keeps_bidi = field.name in getattr(self, "KEEPS_BIDI_CONTROLS", ())
            for text in _texts(getattr(self, field.attname)):
                if problem := invisible_character_problem(text, keeps_bidi=keeps_bidi, where=_in(text, field)):
                    errors[field.name] = [problem]
                    break
        if errors:
            raise ValidationError(errors)


def _texts(value):
    """The strings in a field's value: itself, or those in a JSON list or object (speaker aliases)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)


def _in(text: str, field) -> str:
    return f" of “{CONTROL_CHARACTER.sub('', text)[:40]}”" if isinstance(field, models.JSONField) else ""


class VersionedModel(models.Model):
    """A record two people may edit at the same time. Each save adds one to `version`; a save
    that started from an older version is refused (apps.core.services.version_check), so the
    second of two editors never overwrites the first without seeing what changed."""

    version = models.PositiveIntegerField(default=1, editable=False, help_text="Goes up by one with every save.")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


class HistoryIsAppendOnly(Exception):
    """Raised on any attempt to change or delete a history row."""

    def __init__(self):
        super().__init__("History is append-only: its rows are never changed or deleted.")


class AppendOnlyQuerySet(HistoricalQuerySet):
    """`Model.history` and the history models' own manager: reads and inserts only."""

    def update(self, **kwargs):
        raise HistoryIsAppendOnly()

    def delete(self):
        raise HistoryIsAppendOnly()


class AppendOnlyHistory(models.Model):
    """Base of every history row. On PostgreSQL a trigger enforces the same in the database
    (apps/core/migrations/0001_history_append_only.py)."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise HistoryIsAppendOnly()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsAppendOnly()


def tracked_history(**options) -> HistoricalRecords:
    """The history of a curated model: who changed what, when and why, append-only."""
    return HistoricalRecords(
        bases=[AppendOnlyHistory],
        m2m_bases=[AppendOnlyHistory],
        historical_queryset=AppendOnlyQuerySet,
        **options,
    )


class SlugManager(models.Manager):
    """Looks rows up by their slug, the natural key that fixtures use instead of primary keys."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SlugNaturalKeyMixin:
    # The field a new record's slug is made from when none is given (admin and API alike); a
    # model that makes it otherwise overrides slug_basis() and says how here, for the help text.
    slug_from = "name"

    def natural_key(self):
        return (self.slug,)

    def slug_basis(self) -> str:
        """The text a slug is made from (services.slug_fill)."""
        return getattr(self, self.slug_from)
