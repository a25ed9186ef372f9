from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from rest_framework import serializers

from apps.api.common.serializers import ApiUrlField, CleanModelSerializer, related_field
from apps.api.speakers.serializers import SpeakerSummarySerializer
from apps.claims.services import source_anchor_quotations, source_quotations_check
from apps.sources.models import ARCHIVED_TEXT_MAX_LENGTH, Correction, Publisher, Source
from apps.speakers.models import Speaker


class PublisherSummarySerializer(serializers.ModelSerializer):
    api_url = ApiUrlField(view_name="api:publisher-detail")

    class Meta:
        model = Publisher
        fields = ["id", "api_url", "name", "slug", "domain"]
        read_only_fields = fields


class PublisherSerializer(CleanModelSerializer):
    api_url = ApiUrlField(view_name="api:publisher-detail")
    slug = serializers.SlugField(max_length=200, required=False, help_text="Made from the name when left out.")
    source_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Publisher
        fields = ["id", "api_url", "name", "slug", "url", "domain", "source_count", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]
        extra_kwargs = {"url": {"help_text": "Home page."}, "domain": {"required": False}}


class SourceSummarySerializer(serializers.ModelSerializer):
    """A source as embedded in quotations (its publisher must be selected with it)."""

    api_url = ApiUrlField(view_name="api:source-detail")
    # A method, not CharField(source="publisher.name", default=None): DRF skips a field's
    # default in a partial update, so PATCH answers left "publisher" out for a source without one.
    publisher = serializers.SerializerMethodField(help_text="The publisher's name; null when not known.")
    url = serializers.URLField(read_only=True, allow_blank=True, help_text="Empty when unknown.")

    class Meta:
        model = Source
        fields = ["id", "api_url", "kind", "title", "slug", "url", "publisher", "published_on", "language"]
        read_only_fields = fields

    def get_publisher(self, source) -> str | None:
        return source.publisher.name if source.publisher_id else None

    def sql_publisher(self, context):
        return Subquery(Publisher.objects.filter(pk=OuterRef("publisher_id")).values("name")[:1])


class CorrectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Correction
        fields = ["number", "corrected_on", "text", "corrected_text"]
        read_only_fields = fields


class SourceSerializer(CleanModelSerializer):
    api_url = ApiUrlField(view_name="api:source-detail")
    slug = serializers.SlugField(max_length=200, required=False, help_text="Made from the title when left out.")
    publisher = PublisherSummarySerializer(read_only=True, allow_null=True)
    publisher_id = related_field(
        Publisher.objects.all(),
        label="publisher",
        list_url="/api/v1/publishers/",
        source="publisher",
        required=False,
        allow_null=True,
    )
    authors = SpeakerSummarySerializer(many=True, read_only=True)
    author_ids = related_field(
        Speaker.objects.all(),
        label="speaker",
        list_url="/api/v1/speakers/",
        source="authors",
        many=True,
        required=False,
    )
    archived_text = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text=f"The full text, to anchor quotations in (at most {ARCHIVED_TEXT_MAX_LENGTH:,} characters). "
        "Write-only: it is the publisher's text, never served back.",
    )
    has_archived_text = serializers.BooleanField(read_only=True)
    quotation_count = serializers.IntegerField(read_only=True)
    corrections = CorrectionSerializer(many=True, read_only=True)

    class Meta:
        model = Source
        fields = [
            "id",
            "api_url",
            "kind",
            "title",
            "slug",
            "url",
            "publisher",
            "publisher_id",
            "authors",
            "author_ids",
            "published_on",
            "published_on_precision",
            "language",
            "notes",
            "archived_text",
            "has_archived_text",
            "quotation_count",
            "corrections",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        # Uniqueness is checked by the model, whose message names the source that has the URL.
        extra_kwargs = {"url": {"validators": []}}

    # A URL refused as another source's page gives that source's API URL too.
    linked_errors = {"same_page": "api:source-detail"}

    @transaction.atomic
    def _save(self, instance, validated_data):
        source = super()._save(instance, validated_data)
        if "archived_text" in validated_data and source.quotations.exists():
            # Every quotation must be in the text as stored (the row is locked: nothing is added
            # meanwhile); refused, the save is rolled back.
            try:
                source_quotations_check(source=source, archived_text=source.archived_text)
            except DjangoValidationError as error:
                raise serializers.ValidationError(self._field_errors(error)) from None
            source_anchor_quotations(source=source)
        return source
