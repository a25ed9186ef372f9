from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Upper

from apps.core.choices import DatePrecision
from apps.core.dates import format_date_with_precision, validate_date_precision
from apps.core.language import detect_language, language_code_validator
from apps.core.models import SlugManager, SlugNaturalKeyMixin, TimeStampedModel, VersionedModel, tracked_history
from apps.core.search import SearchDocument

from . import anchoring, semantic
from .choices import QuotationMode

# A context excerpt is a few sentences around the quotation, never the article.
CONTEXT_MAX_LENGTH = 600


def embed_on_save(instance, update_fields):
    """The vector of the words being saved (a statement's text, a quotation's words as printed),
    derived from them as the search document is, by whatever route they are saved. Skipped
    without the model (the column stays as it was: NULL for a new row) and for saves that do not
    write the words. Returns the fields to save (with the embedding when the words are)."""
    if update_fields is not None and "text" not in update_fields:
        return update_fields
    if update_fields is not None and "embedding" not in update_fields:
        update_fields = [*update_fields, "embedding"]
    vectors = semantic.embed([instance.text]) if instance.text else None
    if vectors:
        instance.embedding = vectors[0]
    elif instance.pk is not None and instance.embedding is not None and not semantic.available():
        instance.embedding = None  # the words changed and cannot be embedded: better none than stale
    return update_fields


class Topic(SlugNaturalKeyMixin, TimeStampedModel):
    """What a statement is about ("borders", "ethnic Russians"), for browsing and filtering."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    history = tracked_history()
    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Statement(SlugNaturalKeyMixin, VersionedModel, TimeStampedModel):
    """One thing a speaker said, once, however many sources report it. Putin's 2014 remark at
    Lake Seliger is one statement; the three articles that quote it in three wordings are three
    quotations of it."""

    speaker = models.ForeignKey("speakers.Speaker", on_delete=models.PROTECT, related_name="statements")
    slug = models.SlugField(max_length=200, unique=True)
    text = models.TextField(
        help_text="What was said: the fullest known wording, or a neutral summary when only paraphrases exist."
    )
    said_on = models.DateField("date said", null=True, blank=True, db_index=True)
    said_on_precision = models.CharField(
        "date precision", max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    occasion = models.CharField(
        "where / occasion",
        max_length=300,
        blank=True,
        help_text="E.g. “youth forum at Lake Seliger”, “UN General Assembly speech”, “VKontakte post, later deleted”.",
    )
    language = models.CharField(
        max_length=35,
        blank=True,
        validators=[language_code_validator],
        help_text="BCP 47 code of the language it was said in (en, ru, kk…). Left empty, it is detected from the "
        "text when the text is long enough to tell.",
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="statements")
    # Full-text search (PostgreSQL; NULL elsewhere) in the configuration of the statement's
    # language: see apps/core/search.py.
    search_document = models.GeneratedField(
        expression=SearchDocument("text", language="language"), output_field=SearchVectorField(), db_persist=True
    )

    # What the text means, as a vector (apps/claims/semantic.py): computed on save when the
    # model is installed, by `manage.py embed_statements` for rows written otherwise; NULL when
    # unknown (matching is then lexical for this statement).
    embedding = models.BinaryField(null=True, blank=True, editable=False)

    history = tracked_history(m2m_fields=[topics], excluded_fields=["search_document", "embedding"])
    objects = SlugManager()

    class Meta:
        # Newest first, undated last; id breaks ties. The index statement_newest_first (migration
        # claims 0004; SQLite cannot declare NULLS LAST in a model index) serves this order
        # directly, so a page of a million statements reads 20 index entries instead of sorting.
        ordering = [models.F("said_on").desc(nulls_last=True), "-id"]
        # The `language` filter ignores case (BCP 47 codes do); this index serves it and gives
        # the planner statistics, so that the estimated count of a filtered list is right.
        indexes = [models.Index(Upper("language"), name="statement_language_upper")]

    def __str__(self):
        text = self.text if len(self.text) <= 80 else self.text[:79] + "…"
        return f"{self.speaker}: {text}" if self.speaker_id else text

    @property
    def said_on_display(self) -> str:
        return format_date_with_precision(self.said_on, self.said_on_precision)

    slug_from = "speaker, year and first words"

    def slug_basis(self) -> str:
        """Speaker, year and the first words: "vladimir-putin-2014-kazakhs-never-had-any-statehood"."""
        year = self.said_on.year if self.said_on else ""
        speaker = self.speaker.slug if self.speaker_id else ""
        return f"{speaker} {year} {' '.join(self.text.split()[:6])}"

    # The claim itself, what a verdict is about: fixed while the verdict is in review or published
    # (apps.verification.services.statement_claim_check).
    REVIEWED_FIELDS = ("speaker", "text", "said_on", "said_on_precision")

    def save(self, *args, **kwargs):
        kwargs["update_fields"] = embed_on_save(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.text = self.text.strip()
        if not self.language.strip():
            # Detected here, the path every edit takes (the admin, the API, intake all validate
            # with full_clean); a dataset restored with loaddata keeps what was dumped. Blank
            # still when the text is too short to tell: searched as English (apps.core.search).
            self.language = detect_language(self.text)
        validate_date_precision(
            self.said_on, self.said_on_precision, date_field="said_on", precision_field="said_on_precision"
        )


class QuotationManager(models.Manager):
    def get_by_natural_key(self, source_slug, statement_slug, occurrence):
        return self.get(source__slug=source_slug, statement__slug=statement_slug, occurrence=occurrence)


class Quotation(VersionedModel, TimeStampedModel):
    """One place where a source reports a statement, with the words exactly as printed (curly
    quotes, ellipses and [brackets] kept), anchored in the source's text."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="quotations")
    source = models.ForeignKey("sources.Source", on_delete=models.PROTECT, related_name="quotations")
    occurrence = models.PositiveSmallIntegerField(
        default=1,
        help_text="1, or 2 and so on when the same source reports the statement again. Left empty, the next "
        "free number is given.",
    )
    text = models.TextField("words as printed")
    mode = models.CharField(max_length=20, choices=QuotationMode.choices, default=QuotationMode.DIRECT)
    # blank=True: an empty excerpt is filled in from the archived text, or refused once, by clean().
    context = models.TextField(
        "context excerpt",
        blank=True,
        help_text=f"The sentence or two around the quotation, copied verbatim (at most {CONTEXT_MAX_LENGTH} "
        "characters). The words as printed must be found in it, and it in the source's archived text. Left "
        "empty, the sentence around the words is taken from the archived text.",
    )
    is_first_appearance = models.BooleanField(
        "first known appearance", default=False, db_index=True, help_text="The earliest source known to report it."
    )
    reported_via = models.ForeignKey(
        "sources.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="relayed_quotations",
        help_text="The intermediary the source cites for it: a book, a wire report, another outlet.",
    )
    reported_via_note = models.CharField(
        max_length=300, blank=True, help_text="How the source credits the intermediary, e.g. “(Najibullah, 2014)”."
    )
    # Anchors in the source's archived text (filled in when it has one).
    char_start = models.PositiveIntegerField(null=True, blank=True, editable=False)
    char_end = models.PositiveIntegerField(null=True, blank=True, editable=False)
    prefix = models.CharField(max_length=anchoring.AFFIX_LENGTH, blank=True, editable=False)
    suffix = models.CharField(max_length=anchoring.AFFIX_LENGTH, blank=True, editable=False)

    # The language of the words as printed: the source's (clean() copies it). A quotation is
    # indexed in the language it was printed in, which is the article's, not necessarily the
    # speaker's (Putin quoted in English translation); the statement's language would stem an
    # English excerpt as Russian. Stored here because a generated column reads its own row only.
    language = models.CharField(max_length=35, blank=True, editable=False)
    # Full-text search (PostgreSQL; NULL elsewhere): see apps/core/search.py. The context holds
    # the words as printed (verbatim: clean() checks it), so its document is the text's too.
    search_document = models.GeneratedField(
        expression=SearchDocument("context", language="language"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    embedding = models.BinaryField(null=True, blank=True, editable=False)  # as Statement.embedding

    history = tracked_history(excluded_fields=["search_document", "embedding"])
    objects = QuotationManager()

    class Meta:
        ordering = ["source", "char_start", "occurrence", "pk"]
        # Text columns are indexed here rather than with db_index=True, which on PostgreSQL adds a
        # second index for LIKE 'prefix%' lookups that no query makes (and that a bulk load rebuilds).
        # UPPER(language), as statement_language_upper: search reads which languages the table
        # holds by a skip scan of it (apps.core.search.in_languages_on_file).
        indexes = [
            models.Index(fields=["mode"], name="quotation_mode"),
            models.Index(Upper("language"), name="quotation_language_upper"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "statement", "occurrence"],
                name="quotation_unique_occurrence",
                violation_error_message="This source already reports this statement with this occurrence number; "
                "use 2 for a second appearance in the same source.",
            ),
        ]

    # How a statement lists the places that report it: by the date of their source, then where
    # in the source (apps.verification.selectors.statement_list, and the API's statement pages).
    STATEMENT_ORDER = ("source__published_on", "source_id", "char_start", "occurrence", "pk")

    def __str__(self):
        text = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        return f"“{text}” in {self.source}" if self.source_id else f"“{text}”"

    def natural_key(self):
        return (self.source.slug, self.statement.slug, self.occurrence)

    natural_key.dependencies = ["sources.source", "claims.statement"]

    def clean_fields(self, exclude=None):
        # An empty occurrence (the admin's form, an API request without one) means "the next free
        # number": given here, before the field's own check refuses an empty value.
        if self.occurrence is None and self.source_id and self.statement_id:
            self.occurrence = self.next_free_occurrence()
            self.occurrence_numbered = True
        super().clean_fields(exclude=exclude)

    # How often a new quotation numbered automatically takes the next number when someone else
    # took its number between the check and the insert.
    NUMBERING_ATTEMPTS = 5

    def save(self, *args, **kwargs):
        kwargs["update_fields"] = embed_on_save(self, kwargs.get("update_fields"))
        if self._state.adding and self.occurrence is None and self.source_id and self.statement_id:
            # A row of the admin's inline on a new statement's or source's page: checked before its
            # statement or source had an id (clean_fields could not number it), saved after.
            self.occurrence = self.next_free_occurrence()
            self.occurrence_numbered = True
        if not (self._state.adding and self.occurrence_numbered):
            return super().save(*args, **kwargs)
        # Two editors adding a quotation of one statement in one source at the same moment get
        # the same "next free" number; the second insert then takes the one after it instead
        # of failing on the unique constraint.
        for attempt in range(1, self.NUMBERING_ATTEMPTS + 1):
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                free = self.next_free_occurrence()
                if attempt == self.NUMBERING_ATTEMPTS or free == self.occurrence:
                    raise  # another constraint, or too much contention: the caller reports it
                self.occurrence = free

    def next_free_occurrence(self) -> int:
        """One more than the highest occurrence of this statement in this source (1 for the first)."""
        numbers = (
            Quotation.objects.filter(source_id=self.source_id, statement_id=self.statement_id)
            .exclude(pk=self.pk)
            .values_list("occurrence", flat=True)
        )
        return max(numbers, default=0) + 1

    def clean(self):
        super().clean()
        errors = {}
        self.text = self.text.strip()
        self.context = self.context.strip()
        if self.source_id:
            self.language = self.source.language
        if not self.language.strip():
            self.language = detect_language(self.context or self.text)
        archived_text = self.source.archived_text if self.source_id else ""
        if self.selected_start is not None:
            self._check_selection(archived_text, errors)
        if not self.context and self.text and archived_text and "text" not in errors:
            # Nothing pasted: the sentence around the words, from the text they are anchored in.
            try:
                self.anchor_in(archived_text)
            except anchoring.NotVerbatim as error:
                errors["text"] = f"{error} (archived text of “{self.source}”)"
            else:
                self.context = anchoring.sentence_around(
                    archived_text, self.char_start, self.char_end, max_length=CONTEXT_MAX_LENGTH
                )
        if "text" in errors or (not self.text and not self.context):
            pass  # one error at a time: the words' (or the field's own "required")
        elif not self.context:
            errors["context"] = (
                "Paste the sentence or two around the words, as printed: the context excerpt cannot be empty "
                "when the source has no archived text."
            )
        elif len(self.context) > CONTEXT_MAX_LENGTH:
            errors["context"] = (
                f"The excerpt has {len(self.context)} characters; keep it to at most {CONTEXT_MAX_LENGTH}: "
                "the sentence or two around the quotation, not the article."
            )
        elif self.text:
            try:
                within_context = anchoring.locate(self.text, self.context, text_name="context excerpt")
            except anchoring.NotVerbatim as error:
                errors["text"] = str(error)
            else:
                if archived_text:
                    if self.context not in archived_text and self._context_changed():
                        errors["context"] = (
                            anchoring.explain_difference(self.context, archived_text, text_name="archived text")
                            .replace("The quotation is", "The context excerpt is", 1)
                            .replace("the quotation has", "the excerpt has")
                            + f" (archived text of “{self.source}”). Copy the excerpt from the archived text, or "
                            "leave it empty to have the sentence around the words taken from it."
                        )
                    try:
                        self.anchor_in(archived_text)
                    except anchoring.NotVerbatim as error:
                        errors["text"] = f"{error} (archived text of “{self.source}”)"
                else:
                    # No archived text: keep what surrounds the words in the excerpt, and no offsets.
                    self.prefix, self.suffix = within_context.prefix, within_context.suffix
                    self.char_start = self.char_end = None
        if self.reported_via_id and self.reported_via_id == self.source_id:
            errors["reported_via"] = "A source cannot report a quotation through itself; leave this empty."
        if self.source_id and self.statement_id and not errors.keys() & {"text", "context"}:
            self._check_not_quoted_yet(errors)
        if errors:
            raise ValidationError(errors)

    # Where the editor selected the words in the archived text (the desk's "Quote this"), in
    # characters (code points): checked by clean() against the words, then stored as the anchor.
    selected_start: int | None = None
    selected_end: int | None = None
    occurrence_numbered = False  # the occurrence was given by clean_fields, not by the editor

    def _context_changed(self) -> bool:
        """A new quotation, or an excerpt other than the one stored: a quotation recorded before
        excerpts were checked against the archived text is not refused for its old excerpt when
        another of its fields is edited."""
        if self.pk is None:
            return True
        return Quotation.objects.filter(pk=self.pk).values_list("context", flat=True).first() != self.context

    def _check_selection(self, archived_text: str, errors: dict) -> None:
        start, end = self.selected_start, self.selected_end
        if not archived_text:
            errors["text"] = "This source has no archived text to select the words in; type them instead."
        elif end is None or not (0 <= start < end <= len(archived_text)):
            errors["text"] = (
                f"The selection ({start}–{end}) is outside the archived text ({len(archived_text)} characters); "
                "select the words again."
            )
        elif archived_text[start:end].strip() != self.text.strip():
            errors["text"] = (
                f"The words do not match the selection in the archived text (characters {start}–{end}: "
                f"«{archived_text[start:end][:80]}»). Select the words again, or clear the selection."
            )
        else:
            stripped_start = start + (len(archived_text[start:end]) - len(archived_text[start:end].lstrip()))
            self.char_start = stripped_start  # locate() prefers this occurrence of the words

    def _check_not_quoted_yet(self, errors: dict) -> None:
        """A second quotation of the statement in the source: refused when it is the same passage
        (the same place in the archived text, or the same words in the same excerpt), or when its
        occurrence number is taken, saying by which quotation and what to do."""
        others = Quotation.objects.filter(source_id=self.source_id, statement_id=self.statement_id).exclude(pk=self.pk)
        if self.char_start is not None:
            same_passage = others.filter(char_start=self.char_start, char_end=self.char_end)
        else:
            same_passage = others.filter(text=self.text, context=self.context)
        existing = same_passage.order_by("pk").first()
        if existing is not None:
            errors["text"] = ValidationError(
                "This passage is already quoted for this statement in this source: quotation #%(id)s "
                "(occurrence %(occurrence)s, “%(words)s”). Edit that quotation instead of adding it again.",
                code="passage_already_quoted",
                params={"id": existing.pk, "occurrence": existing.occurrence, "words": existing.text[:80]},
            )
            return
        taken = others.filter(occurrence=self.occurrence).order_by("pk").first()
        if taken is not None:
            errors["occurrence"] = ValidationError(
                "This source already reports this statement as occurrence %(occurrence)s: quotation #%(id)s "
                "(“%(words)s”). If this is another place in the source, give %(free)s, or leave the occurrence "
                "empty to have the next free number given; if it is the same place, edit quotation #%(id)s.",
                code="occurrence_taken",
                params={
                    "id": taken.pk,
                    "occurrence": self.occurrence,
                    "words": taken.text[:80],
                    "free": self.next_free_occurrence(),
                },
            )

    def anchor_in(self, archived_text: str) -> None:
        """Set the offsets and prefix/suffix of the words in the source's archived text."""
        anchor = anchoring.locate(
            self.text,
            archived_text,
            start=self.char_start,
            prefix=self.prefix,
            suffix=self.suffix,
            context=self.context,
        )
        self.char_start, self.char_end, self.prefix, self.suffix = (
            anchor.start,
            anchor.end,
            anchor.prefix,
            anchor.suffix,
        )


class StatementMatchRejection(models.Model):
    """A person's word that two statements are NOT the same remark (the matcher suggested them as
    one): the pair is never suggested again, either way round. Stored once per pair, the lower id
    first. (A confirmed pair is merged into one statement instead: apps.verification.services.
    statement_match_confirm.)"""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rejected_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "other"], name="statement_match_rejection_unique_pair"),
            models.CheckConstraint(
                condition=models.Q(statement__lt=models.F("other")), name="statement_match_rejection_ordered_pair"
            ),
        ]
        indexes = [models.Index(fields=["other"], name="match_rejection_other")]

    def __str__(self):
        return f"Statements {self.statement_id} and {self.other_id} are different remarks"

    @staticmethod
    def pair(first: int, second: int) -> tuple[int, int]:
        return (first, second) if first < second else (second, first)
