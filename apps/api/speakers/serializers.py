from rest_framework import serializers

from apps.api.common.serializers import ApiUrlField, CleanModelSerializer, related_field
from apps.speakers.models import Speaker, wikidata_id_validator
from apps.verification.choices import RatingBucket


class SpeakerSummarySerializer(serializers.ModelSerializer):
    """A speaker as embedded in statements, quotations and sources."""

    api_url = ApiUrlField(view_name="api:speaker-detail")

    class Meta:
        model = Speaker
        fields = ["id", "api_url", "name", "slug", "kind", "description", "wikidata_id"]
        read_only_fields = fields


class PublishedVerdictsSerializer(serializers.Serializer):
    """Published verdicts on the speaker's statements, per normalised bucket."""

    true = serializers.IntegerField(source="verdicts_true")
    mixed = serializers.IntegerField(source="verdicts_mixed")
    false = serializers.IntegerField(source="verdicts_false")
    other = serializers.IntegerField(source="verdicts_other")


assert {field for field in PublishedVerdictsSerializer._declared_fields} == set(RatingBucket.values)


class SpeakerSerializer(CleanModelSerializer):
    api_url = ApiUrlField(view_name="api:speaker-detail")
    affiliation = SpeakerSummarySerializer(read_only=True, allow_null=True)
    affiliation_id = related_field(
        Speaker.objects.all(),
        label="speaker",
        list_url="/api/v1/speakers/",
        source="affiliation",
        required=False,
        allow_null=True,
    )
    slug = serializers.SlugField(max_length=200, required=False, help_text="Made from the name when left out.")
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=200),
        required=False,
        max_length=50,
        help_text="Other names and spellings.",
    )
    wikidata_url = serializers.CharField(read_only=True)
    statement_count = serializers.IntegerField(read_only=True)
    published_verdicts = PublishedVerdictsSerializer(source="*", read_only=True)

    class Meta:
        model = Speaker
        fields = [
            "id",
            "api_url",
            "kind",
            "name",
            "slug",
            "aliases",
            "description",
            "affiliation",
            "affiliation_id",
            "country",
            "wikidata_id",
            "wikidata_url",
            "statement_count",
            "published_verdicts",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        # Uniqueness is checked by the model, with its own message.
        extra_kwargs = {"wikidata_id": {"validators": [wikidata_id_validator]}}
