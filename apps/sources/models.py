from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.db.models.signals import pre_save
from django.dispatch import receiver

from apps.core.choices import DatePrecision
from apps.core.dates import format_date_with_precision, validate_date_precision
from apps.core.language import language_code_validator
from apps.core.models import SlugManager, SlugNaturalKeyMixin, TimeStampedModel, tracked_history
from apps.core.urls import normalise_url, url_domain, url_identity

from .choices import SourceKind

# An archived text is one document, not a corpus: this bounds what an editor can paste.
ARCHIVED_TEXT_MAX_LENGTH = 500_000


class Publisher(SlugNaturalKeyMixin, TimeStampedModel):
    """Who publishes sources: a newspaper, a broadcaster, a think tank, a publishing house."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    url = models.URLField("home page", max_length=500, blank=True)
    domain = models.CharField(
        max_length=253, blank=True, db_index=True, help_text="Filled in from the home page when left empty."
    )

    history = tracked_history()
    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.url = normalise_url(self.url)
        self.domain = (self.domain or url_domain(self.url)).strip().lower().removeprefix("www.")


class Source(SlugNaturalKeyMixin, TimeStampedModel):
    """A Source is one published document: a news article, an analysis, an interview, a speech
    transcript, an official statement, a post, a report, a book or a broadcast."""

    KEEPS_BIDI_CONTROLS = ("archived_text",)  # the text as published, which quotations are found in

    kind = models.CharField(max_length=30, choices=SourceKind.choices, default=SourceKind.NEWS_ARTICLE)
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=200, unique=True)
    slug_from = "title"
    url = models.URLField(
        "canonical URL",
        max_length=2000,
        blank=True,
        help_text="Normalised on save (tracking parameters and #fragments removed). Leave empty when unknown.",
    )
    # The URL as compared, not as shown: the same page reached by http or https, with or without
    # www., on the mobile or AMP site, with tracking parameters (apps.core.urls.url_identity).
    # NULL when there is no URL, and for a source recorded twice before the key existed
    # (migration sources 0005: the later one keeps a note until they are merged).
    url_key = models.CharField(max_length=2000, null=True, blank=True, editable=False)
    publisher = models.ForeignKey(Publisher, on_delete=models.PROTECT, null=True, blank=True, related_name="sources")
    authors = models.ManyToManyField("speakers.Speaker", blank=True, related_name="authored_sources")
    published_on = models.DateField("publication date", null=True, blank=True, db_index=True)
    published_on_precision = models.CharField(
        "date precision", max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    language = models.CharField(
        max_length=35,
        default="en",
        validators=[language_code_validator],
        help_text="BCP 47 language code: en, ru, kk, de…",
    )
    archived_text = models.TextField(
        blank=True,
        help_text="The document's full text as archived, used to anchor quotations. Quotations must be found "
        "in it verbatim.",
    )
    notes = models.TextField(blank=True, help_text="Editors' notes: paywall, where the text was archived…")

    history = tracked_history(m2m_fields=[authors])
    objects = SlugManager()

    class Meta:
        ordering = [models.F("published_on").desc(nulls_last=True), "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="source_unique_url",
                violation_error_message="Another source already has this URL.",
            ),
            models.UniqueConstraint(
                fields=["url_key"],
                name="source_unique_url_key",
                violation_error_message="Another source already has this URL (once http/https, www., mobile and "
                "AMP versions and tracking parameters are set aside).",
            ),
        ]
        indexes = [
            # The `language` filter ignores case: see Statement.Meta.indexes.
            models.Index(Upper("language"), name="source_language_upper"),
            # Not db_index=True: see Quotation.Meta.indexes.
            models.Index(fields=["kind"], name="source_kind"),
            models.Index(fields=["title"], name="source_title"),
        ]

    def __str__(self):
        return self.title

    @property
    def published_on_display(self) -> str:
        return format_date_with_precision(self.published_on, self.published_on_precision)

    def clean(self):
        super().clean()
        errors = {}
        # Browsers send a textarea's line breaks as CRLF; store LF, as the API and the command do.
        self.archived_text = self.archived_text.replace("\r\n", "\n").replace("\r", "\n")
        self.url = normalise_url(self.url)
        existing = self.same_page_source()
        if existing:
            errors["url"] = ValidationError(
                "This URL is already the canonical URL of the source “%(title)s” (id %(id)s%(publisher)s)%(why)s. "
                "Add the quotations to that source instead of creating a second one.",
                code="same_page",
                params={
                    "id": existing.pk,
                    "title": existing.title,
                    "publisher": f", {existing.publisher}" if existing.publisher else "",
                    "url": existing.url,
                    "why": ""
                    if existing.url == self.url
                    else f": {existing.url} is the same page once http/https, www., mobile and AMP versions and "
                    "tracking parameters are set aside",
                },
            )
        if len(self.archived_text) > ARCHIVED_TEXT_MAX_LENGTH:
            errors["archived_text"] = (
                f"The archived text has {len(self.archived_text):,} characters; the limit is "
                f"{ARCHIVED_TEXT_MAX_LENGTH:,}. Archive one document, not a collection."
            )
        try:
            validate_date_precision(
                self.published_on,
                self.published_on_precision,
                date_field="published_on",
                precision_field="published_on_precision",
            )
        except ValidationError as error:
            errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)

    def same_page_source(self) -> "Source | None":
        """Another source whose URL is the same page as this one's (`url_identity`), if any."""
        key = url_identity(self.url)
        if not key:
            return None
        return (
            Source.objects.filter(Q(url_key=key) | Q(url=self.url))
            .exclude(pk=self.pk)
            .select_related("publisher")
            .order_by("pk")
            .first()
        )


@receiver(pre_save, sender=Source)
def source_fill_url_key(sender, instance: Source, raw: bool = False, **kwargs) -> None:
    """Every save fills the comparison key from the URL, a load of fixtures or of an exported
    dataset (raw, which skips save()) too: it is derived data, like a generated column, but
    computed in Python."""
    if raw and instance.url_key is None and instance.url:
        # A dataset exported with its keys keeps them; an older one (or a fixture) gets them now,
        # unless another source already has that key (then it is left unset, as the migration does).
        key = url_identity(instance.url)
        if not Source.objects.filter(url_key=key).exclude(pk=instance.pk).exists():
            instance.url_key = key
    elif not raw:
        instance.url_key = url_identity(instance.url) or None


class CorrectionManager(models.Manager):
    def get_by_natural_key(self, source_slug, number):
        return self.get(source__slug=source_slug, number=number)


class Correction(TimeStampedModel):
    """A correction the publisher made to a source, as published ("An earlier version of this
    article incorrectly stated …")."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="corrections")
    number = models.PositiveSmallIntegerField(default=1, help_text="1 for the source's first correction, and so on.")
    corrected_on = models.DateField(null=True, blank=True, db_index=True, help_text="When known.")
    text = models.TextField("correction notice", help_text="The notice as the publisher printed it.")
    corrected_text = models.TextField(
        "what was corrected", blank=True, help_text="What the source said before the correction, when known."
    )

    history = tracked_history()
    objects = CorrectionManager()

    class Meta:
        ordering = ["source", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "number"],
                name="correction_unique_number",
                violation_error_message="This source already has a correction with this number.",
            ),
        ]

    def __str__(self):
        return f"Correction {self.number} to “{self.source}”"

    def natural_key(self):
        return (self.source.slug, self.number)

    natural_key.dependencies = ["sources.source"]
