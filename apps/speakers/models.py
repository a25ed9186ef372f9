from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from apps.core.json import UnicodeJSONEncoder
from apps.core.models import SlugManager, SlugNaturalKeyMixin, TimeStampedModel, tracked_history
from apps.core.search import SearchText

from .choices import AFFILIATION_KINDS, SpeakerKind

wikidata_id_validator = RegexValidator(
    r"^Q[1-9][0-9]*$",
    "A Wikidata id is a capital Q followed by digits, e.g. Q7747 (Vladimir Putin). "
    "Copy it from the item's page on wikidata.org, without the URL.",
)
country_code_validator = RegexValidator(
    r"^[A-Z]{2}$", "Use the two-letter ISO 3166-1 code in capitals, e.g. KZ for Kazakhstan, RU for Russia."
)


class Speaker(SlugNaturalKeyMixin, TimeStampedModel):
    """Whoever a statement is attributed to: a person (Vladimir Putin), an organisation (the
    Kazakh Ministry of Foreign Affairs), a group, or an unnamed speaker ("an unnamed Kazakh
    interviewed for a 2018 book"). Unnamed speakers are records of their own, so that what they
    said stays attributed exactly as the source attributed it."""

    kind = models.CharField(max_length=20, choices=SpeakerKind.choices, default=SpeakerKind.PERSON)
    name = models.CharField(max_length=200, help_text="As commonly written in English.")
    slug = models.SlugField(max_length=200, unique=True)
    aliases = models.JSONField(
        default=list,
        encoder=UnicodeJSONEncoder,
        blank=True,
        help_text="Other spellings and names, one per line (“Vladimir Vladimirovich Putin”, “Путин”).",
    )
    description = models.CharField(
        max_length=300,
        blank=True,
        help_text="Role at the time they are quoted, e.g. “Russian Duma deputy”, "
        "“an unnamed Kazakh interviewed for a 2018 book”.",
    )
    affiliation = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        limit_choices_to={"kind__in": AFFILIATION_KINDS},
        error_messages={
            "invalid": "The chosen speaker (id %(value)s) cannot be an affiliation: a speaker can only be "
            "affiliated with an organisation or a group."
        },
        help_text="The organisation or group the speaker speaks for or belongs to.",
    )
    country = models.CharField(max_length=2, blank=True, validators=[country_code_validator])
    wikidata_id = models.CharField("Wikidata id", max_length=20, blank=True, validators=[wikidata_id_validator])

    # Typo-tolerant search (PostgreSQL, trigram index; NULL elsewhere): see apps/core/search.py.
    search_text = models.GeneratedField(
        expression=SearchText("name", "aliases", "description"), output_field=models.TextField(), db_persist=True
    )

    history = tracked_history(excluded_fields=["search_text"])
    objects = SlugManager()

    class Meta:
        ordering = ["name"]
        # Not db_index=True: see Quotation.Meta.indexes. (A Wikidata id is found by the unique
        # constraint's index.)
        indexes = [
            models.Index(fields=["kind"], name="speaker_kind"),
            models.Index(fields=["name"], name="speaker_name"),
            models.Index(fields=["country"], name="speaker_country"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="speaker_unique_wikidata_id",
                violation_error_message="Another speaker already has this Wikidata id.",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def wikidata_url(self) -> str:
        return f"https://www.wikidata.org/wiki/{self.wikidata_id}" if self.wikidata_id else ""

    def clean(self):
        super().clean()
        self.aliases = [alias.strip() for alias in self.aliases or [] if alias and alias.strip()]
        if self.kind == SpeakerKind.ANONYMOUS and self.wikidata_id:
            raise ValidationError({"wikidata_id": "An anonymous speaker cannot have a Wikidata id."})
        if self.pk and self.affiliation_id == self.pk:
            raise ValidationError({"affiliation": "A speaker cannot be affiliated with itself."})
        if self.wikidata_id:
            existing = Speaker.objects.filter(wikidata_id=self.wikidata_id).exclude(pk=self.pk).first()
            if existing:
                raise ValidationError(
                    {
                        "wikidata_id": f"The speaker “{existing.name}” (id {existing.pk}) already has this Wikidata "
                        "id; add what they said to that speaker instead of creating a second one."
                    }
                )
