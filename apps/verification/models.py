from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from apps.core.models import SlugManager, SlugNaturalKeyMixin, TimeStampedModel, VersionedModel, tracked_history

from . import querysets
from .choices import VERDICT_REQUIRED_STATES, AttributionStatus, RatingBucket, VerificationStatus
from .querysets import PUBLIC, VerificationQuerySet

colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour as # and six hex digits, e.g. #2e7d32.")


class RatingScale(SlugNaturalKeyMixin, TimeStampedModel):
    """A set of verdict labels a desk publishes with ("True" … "False"). Desks differ, so the
    scale is data, not code; each rating also says which normalised bucket it belongs to."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    is_default = models.BooleanField(default=False, help_text="The scale offered first for new verdicts.")

    history = tracked_history()
    objects = SlugManager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="ratingscale_single_default",
                violation_error_message="Another rating scale is already the default; untick it there first.",
            ),
        ]

    def __str__(self):
        return self.name

    def value_range(self) -> tuple[int | None, int | None]:
        """(worst, best) numeric values on the scale; reads `ratings.all()`, so prefetch them."""
        values = [rating.value for rating in self.ratings.all() if rating.value is not None]
        return (min(values), max(values)) if values else (None, None)


class RatingManager(models.Manager):
    def get_by_natural_key(self, scale_slug, slug):
        return self.get(scale__slug=scale_slug, slug=slug)


class Rating(TimeStampedModel):
    """One label of a rating scale, with its place on the scale (value) and its meaning (bucket).
    Labels off the scale ("Unverifiable") have no value."""

    scale = models.ForeignKey(RatingScale, on_delete=models.CASCADE, related_name="ratings")
    label = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100)
    value = models.PositiveSmallIntegerField(
        "numeric value",
        null=True,
        blank=True,
        help_text="Position on the scale, 1 = worst. Empty for labels off the scale (“Unverifiable”).",
    )
    bucket = models.CharField(max_length=10, choices=RatingBucket.choices, db_index=True)
    colour = models.CharField(max_length=7, validators=[colour_validator], default="#757575")
    description = models.TextField(blank=True, help_text="When this label applies, as shown to readers.")

    history = tracked_history()
    objects = RatingManager()

    class Meta:
        # Best first, labels off the scale last, the same on every database.
        ordering = ["scale", models.F("value").desc(nulls_last=True), "label"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "slug"], name="rating_unique_slug"),
            models.UniqueConstraint(
                fields=["scale", "label"],
                name="rating_unique_label",
                violation_error_message="This scale already has a rating with this label.",
            ),
            models.UniqueConstraint(
                fields=["scale", "value"],
                name="rating_unique_value",
                violation_error_message="This scale already has a rating with this value.",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1),
                name="rating_value_at_least_one",
                violation_error_message="Values start at 1 (the worst rating).",
            ),
        ]

    def __str__(self):
        return f"{self.label} ({self.scale})" if self.scale_id else self.label

    def natural_key(self):
        return (self.scale.slug, self.slug)

    natural_key.dependencies = ["verification.ratingscale"]


class VerificationManager(models.Manager.from_queryset(VerificationQuerySet)):
    def get_by_natural_key(self, statement_slug):
        return self.get(statement__slug=statement_slug)


class Verification(VersionedModel, TimeStampedModel):
    """The fact-check of one statement. Three things are kept apart: where the work stands
    (status), whether what was said holds up (rating, the verdict), and whether the speaker
    really said it (attribution)."""

    statement = models.OneToOneField("claims.Statement", on_delete=models.CASCADE, related_name="verification")
    status = models.CharField(max_length=20, choices=VerificationStatus.choices, default=VerificationStatus.UNCHECKED)
    rating = models.ForeignKey(
        Rating, on_delete=models.PROTECT, null=True, blank=True, related_name="verifications", verbose_name="verdict"
    )
    attribution = models.CharField(
        max_length=20, choices=AttributionStatus.choices, default=AttributionStatus.UNCONFIRMED
    )
    summary = models.TextField(blank=True, help_text="The verdict in a sentence or two, as published.")
    explanation = models.TextField(blank=True, help_text="How the verdict was reached.")
    fact_checker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verifications",
        verbose_name="fact-checker",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_verifications",
        help_text="Who published the verdict, after checking the fact-checker's work.",
    )
    published_at = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="When the verdict was first published."
    )
    writers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="verifications_written",
        help_text="Everyone who changed the verdict, attribution, summary, explanation or evidence since it was "
        "last published: none of them may publish it (two pairs of eyes).",
    )
    review_modified_at = models.DateTimeField(
        "ClaimReview modified",
        null=True,
        blank=True,
        editable=False,
        help_text="When what the published ClaimReview shows last changed: its publication, or since then an "
        "appearance, the speaker's name or another detail it shows (its dateModified).",
    )
    # A fingerprint of what the published ClaimReview shows, to tell a change that readers see
    # from one they don't (apps.verification.services.claimreviews_refresh).
    review_digest = models.CharField(max_length=64, blank=True, editable=False)
    status_changed_at = models.DateTimeField(
        "in this status since",
        default=timezone.now,
        editable=False,
        help_text="When the workflow last moved it (its creation, for work not yet moved): the desk's ageing.",
    )
    # Why the work is back in progress: the reason given when it was sent back from review or
    # reopened after publication, until it is sent to review again. The history keeps every
    # reason; these fields keep the one the fact-checker must act on, for the queue and the board.
    sent_back_reason = models.TextField(blank=True, editable=False)
    sent_back_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    sent_back_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Which move it was: sent back from review ("return") or a published verdict reopened ("reopen").
    sent_back_move = models.CharField(max_length=20, blank=True, editable=False)

    history = tracked_history(
        excluded_fields=[
            "review_modified_at",
            "review_digest",
            "status_changed_at",
            "sent_back_reason",
            "sent_back_by",
            "sent_back_at",
            "sent_back_move",
        ]
    )
    objects = VerificationManager()

    class Meta:
        ordering = ["-updated_at"]
        # Not db_index=True: see Quotation.Meta.indexes.
        indexes = [
            models.Index(fields=["status"], name="verification_status"),
            models.Index(fields=["attribution"], name="verification_attribution"),
            # /api/v1/claimreviews/: most recently changed first, and ?modified_since=.
            models.Index(fields=["-review_modified_at", "-statement"], name="verification_review_modified"),
        ]
        permissions = [
            ("assign_verification", "Can assign statements to fact-checkers"),
            ("publish_verification", "Can publish and reopen verdicts"),
        ]

    def __str__(self):
        return f"Verification of {self.statement}" if self.statement_id else "Verification"

    @property
    def was_reopened(self) -> bool:
        """Sent back by reopening its published verdict (rather than from review)."""
        return self.is_sent_back and self.sent_back_move == "reopen"

    @property
    def is_sent_back(self) -> bool:
        """In progress again because someone sent it back from review or reopened it."""
        return self.status == VerificationStatus.IN_PROGRESS and bool(self.sent_back_reason)

    def natural_key(self):
        return (self.statement.slug,)

    natural_key.dependencies = ["claims.statement"]

    def is_visible_to(self, user=None, *, sees_work: bool | None = None) -> bool:
        """May `user` (or, when known already, someone who `sees_work` or not) read it?"""
        if sees_work is None:
            sees_work = querysets.sees_work(user)
        return sees_work or self.status == PUBLIC["status"]

    @property
    def has_public_verdict(self) -> bool:
        """A verdict the public may read: published, with a rating."""
        return self.status == PUBLIC["status"] and self.rating_id is not None

    def clean(self):
        super().clean()
        if self.status in VERDICT_REQUIRED_STATES:
            missing = {}
            if not self.rating_id:
                missing["rating"] = (
                    f"A verification {self.get_status_display().lower()} needs a verdict: choose a rating."
                )
            if not self.summary.strip():
                missing["summary"] = (
                    f"A verification {self.get_status_display().lower()} needs a summary of the verdict."
                )
            if missing:
                raise ValidationError(missing)


class EvidenceManager(models.Manager):
    def get_by_natural_key(self, statement_slug, number):
        return self.get(verification__statement__slug=statement_slug, number=number)


class Evidence(TimeStampedModel):
    """What a verdict rests on: a document (a URL or a source in the database) and a note on
    what it shows."""

    verification = models.ForeignKey(Verification, on_delete=models.CASCADE, related_name="evidence")
    number = models.PositiveSmallIntegerField(default=1)
    url = models.URLField("URL", max_length=2000, blank=True)
    source = models.ForeignKey(
        "sources.Source", on_delete=models.PROTECT, null=True, blank=True, related_name="evidence_for"
    )
    note = models.TextField(help_text="What this shows about the statement.")

    history = tracked_history()
    objects = EvidenceManager()

    # How a verification lists its evidence (statement_list, and the API's statement pages).
    VERIFICATION_ORDER = ("number",)

    class Meta:
        ordering = ["verification", "number"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(fields=["verification", "number"], name="evidence_unique_number"),
        ]

    def __str__(self):
        return f"Evidence {self.number}: {self.url or self.source or ''}"

    def natural_key(self):
        return self.verification.natural_key() + (self.number,)

    natural_key.dependencies = ["verification.verification"]

    def clean(self):
        super().clean()
        if not self.url and not self.source_id:
            # The URL's: not said again when the URL typed is refused (the form's own error).
            raise ValidationError({"url": "Give the evidence a URL or pick a source from the database (or both)."})
        if not self.note.strip():
            raise ValidationError({"note": "Say what this evidence shows."})


class VerificationNote(TimeStampedModel):
    """A line of the desk's internal discussion of a verification: a question to the fact-checker,
    a reviewer's doubt, a source to try. Never public: not in ClaimReview, not in the public API.
    Notes are added, never edited or deleted (an honest record of how a verdict was reached);
    the history keeps who wrote each one, even after their account is gone."""

    verification = models.ForeignKey(Verification, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField()

    history = tracked_history()

    # The longest note, in characters: a note is a message, not an article.
    MAX_LENGTH = 5000

    class Meta:
        ordering = ["verification", "created_at", "pk"]
        indexes = [models.Index(fields=["verification", "created_at"], name="verificationnote_thread")]

    def __str__(self):
        who = self.author.get_username() if self.author_id and self.author else "someone"
        return f"Note by {who}"
