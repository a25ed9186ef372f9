from rest_framework import serializers

from apps.core.api.filters import refuse_unknown_parameters
from apps.core.api.serializers import CleanModelSerializer
from apps.sources.api.serializers import SourceSummarySerializer

from ..claims_search import decode_page_token
from ..models import Evidence, Rating, RatingScale, Verification


class RatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["id", "label", "slug", "value", "bucket", "colour", "description"]
        read_only_fields = fields


class RatingScaleSerializer(CleanModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:rating-scale-detail")
    slug = serializers.SlugField(max_length=100, required=False, help_text="Made from the name when left out.")
    ratings = RatingSerializer(many=True, read_only=True)

    class Meta:
        model = RatingScale
        fields = ["id", "api_url", "name", "slug", "description", "is_default", "ratings", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]

    def slug_source(self, instance) -> str:
        return instance.name


class VerdictSerializer(serializers.ModelSerializer):
    """The rating given, with its place on its scale: `value` runs from `worst_value` (1) to
    `best_value`; labels off the scale ("Unverifiable") have no value."""

    scale = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    worst_value = serializers.SerializerMethodField()
    best_value = serializers.SerializerMethodField()

    class Meta:
        model = Rating
        fields = ["label", "slug", "value", "bucket", "colour", "scale", "worst_value", "best_value"]
        read_only_fields = fields

    def get_worst_value(self, rating) -> int | None:
        return rating.scale.value_range()[0]

    def get_best_value(self, rating) -> int | None:
        return rating.scale.value_range()[1]


class EvidenceSerializer(serializers.ModelSerializer):
    source = SourceSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Evidence
        fields = ["number", "url", "source", "note"]
        read_only_fields = fields


class VerificationSerializer(serializers.ModelSerializer):
    """A statement's fact-check: workflow status, verdict and attribution, kept apart."""

    verdict = VerdictSerializer(source="rating", read_only=True, allow_null=True)
    evidence = EvidenceSerializer(many=True, read_only=True)
    fact_checker = serializers.SerializerMethodField(
        help_text="The fact-checker's user name; shown only to users who may see verification work."
    )

    class Meta:
        model = Verification
        fields = [
            "status",
            "verdict",
            "attribution",
            "summary",
            "explanation",
            "evidence",
            "fact_checker",
            "published_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_fact_checker(self, verification) -> str | None:
        if not self.context.get("sees_verification_work") or verification.fact_checker is None:
            return None
        return verification.fact_checker.get_username()


class ClaimSearchQuerySerializer(serializers.Serializer):
    """The query parameters of `claims:search`, named as in Google's Fact Check Tools API."""

    query = serializers.CharField(
        required=False, max_length=500, help_text="Words to find in the claim, its quotations or the claimant's name."
    )
    languageCode = serializers.CharField(
        required=False,
        max_length=35,
        help_text="BCP 47 code of the claim's language, e.g. en or en-US (en matches both).",
    )
    reviewPublisherSiteFilter = serializers.CharField(
        required=False, max_length=253, help_text="Only reviews by the publisher at this site, e.g. claims.example.org."
    )
    maxAgeDays = serializers.IntegerField(
        required=False, min_value=1, max_value=100 * 366, help_text="Only reviews published in the last N days."
    )
    pageSize = serializers.IntegerField(required=False, default=10, min_value=1, max_value=100)
    pageToken = serializers.CharField(required=False, help_text="`nextPageToken` of the previous answer.")
    offset = serializers.IntegerField(
        required=False, default=0, min_value=0, help_text="Where to start; ignored when pageToken is given."
    )
    key = serializers.CharField(required=False, help_text="Accepted for compatibility with Google's API; ignored.")

    def validate(self, data):
        refuse_unknown_parameters(self.initial_data, self.fields)
        if not data.get("query") and not data.get("reviewPublisherSiteFilter"):
            raise serializers.ValidationError(
                {"query": ["Give a query, or a reviewPublisherSiteFilter (one of them is required)."]}
            )
        if "pageToken" in data:
            try:
                data["offset"] = decode_page_token(data.pop("pageToken"))
            except ValueError:
                raise serializers.ValidationError(
                    {"pageToken": ["This page token is not valid; pass the nextPageToken of the last answer as it is."]}
                ) from None
        data.pop("key", None)
        return data


class ClaimReviewPublisherSerializer(serializers.Serializer):
    name = serializers.CharField()
    site = serializers.CharField()


class ClaimSearchReviewSerializer(serializers.Serializer):
    publisher = ClaimReviewPublisherSerializer()
    url = serializers.CharField()
    title = serializers.CharField()
    reviewDate = serializers.DateTimeField(required=False, help_text="When the verdict was published, when known.")
    textualRating = serializers.CharField()
    languageCode = serializers.CharField()


class ClaimSearchClaimSerializer(serializers.Serializer):
    text = serializers.CharField()
    claimant = serializers.CharField()
    claimDate = serializers.DateTimeField(required=False, help_text="When it was said, when known.")
    claimReview = ClaimSearchReviewSerializer(many=True)


class ClaimSearchResponseSerializer(serializers.Serializer):
    claims = ClaimSearchClaimSerializer(many=True)
    nextPageToken = serializers.CharField(required=False, help_text="Present when there are more results.")
