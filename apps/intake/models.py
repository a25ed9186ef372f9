"""Intake: an article brought in (from a URL, an uploaded file or pasted text), and the quotations
suggested in it, each waiting for a person to accept, edit or reject it.

Nothing here is published data: an intake is the desk's worksheet. Accepting a suggestion
creates the source, speaker, statement and quotation it needs through the domain apps'
services (apps/intake/services.py), with their history; the suggestion keeps who decided and
when, and a rejected one is remembered so it is not offered again for that source."""

from django.conf import settings
from django.db import models

from apps.core.models import TimeStampedModel


class IntakeOrigin(models.TextChoices):
    URL = "url", "URL"
    UPLOAD = "upload", "Uploaded file"
    PASTE = "paste", "Pasted text"


class Decision(models.TextChoices):
    PENDING = "pending", "To review"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class Intake(TimeStampedModel):
    origin = models.CharField(max_length=10, choices=IntakeOrigin.choices)
    requested_url = models.URLField("URL asked for", max_length=2000, blank=True)
    url = models.URLField(
        "URL",
        max_length=2000,
        blank=True,
        help_text="The page's canonical URL when it gives one, else where it was read.",
    )
    filename = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=500, blank=True)
    authors = models.JSONField(default=list, blank=True)
    published_on = models.DateField("publication date", null=True, blank=True)
    publisher_name = models.CharField("publisher", max_length=200, blank=True)
    site = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=35, blank=True)
    text = models.TextField(help_text="The article's main text, as extracted: every suggestion's offsets index it.")
    names = models.JSONField(
        default=list,
        blank=True,
        help_text="The persons and organisations the text names, in order: offered for a suggestion's speaker.",
    )
    source = models.ForeignKey(
        "sources.Source",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="intakes",
        help_text="The source the accepted quotations go to: one already on file, or the one created "
        "when the first quotation was accepted.",
    )
    source_was_on_file = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # Extracted text keeps what the page printed: a bidirectional control in an article is
    # its text, not an attack on our forms (the source's archived text keeps them too).
    KEEPS_BIDI_CONTROLS = ("text",)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "article intake"
        verbose_name_plural = "article intake"

    def __str__(self):
        return self.title or self.url or self.filename or f"Intake #{self.pk}"


class Suggestion(TimeStampedModel):
    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="suggestions")
    number = models.PositiveIntegerField(help_text="1 for the first quotation in the text, and so on.")
    text = models.TextField("words", help_text="The words inside the quotation marks, without the marks.")
    char_start = models.PositiveIntegerField()
    char_end = models.PositiveIntegerField()
    mode = models.CharField(max_length=20)
    speaker_name = models.CharField(max_length=200, blank=True, help_text="Who the text says spoke.")
    speaker_kind = models.CharField(max_length=20, blank=True)
    cue = models.CharField(max_length=100, blank=True)
    speaker_check = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why a person should check the speaker before accepting it; empty when nothing calls for it.",
    )
    speaker = models.ForeignKey(
        "speakers.Speaker",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The speaker on file the name matched, if any.",
    )
    statement = models.ForeignKey(
        "claims.Statement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The statement on file that is the same remark, if one matched.",
    )
    score = models.FloatField(default=0.0)
    candidates = models.JSONField(default=list, blank=True, help_text="[[statement id, score], …], best first.")
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING, db_index=True)
    quotation = models.ForeignKey(
        "claims.Quotation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    KEEPS_BIDI_CONTROLS = ("text",)

    class Meta:
        ordering = ["intake", "number"]
        constraints = [models.UniqueConstraint(fields=["intake", "number"], name="intake_suggestion_number")]

    @property
    def left_for_a_person(self) -> bool:
        """Whether "Accept the sure ones" leaves it to a person: no speaker, or one marked for a check."""
        return (self.speaker_id is None and not self.speaker_name) or bool(self.speaker_check)

    def __str__(self):
        words = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        return f"“{words}”"
