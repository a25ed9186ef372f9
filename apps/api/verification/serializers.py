from django.contrib.auth import get_user_model
from django.db.models import Max, Min, OuterRef, Subquery, TextField, Value
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.settings import api_settings

from apps.api.common.filters import refuse_unknown_parameters
from apps.api.common.serializers import (
    ApiUrlField,
    AsSentMixin,
    CleanModelSerializer,
    JSONTypesMixin,
    related_field,
)
from apps.api.sources.serializers import SourceSummarySerializer
from apps.core.models import refuse_invisible_characters
from apps.sources.models import Source
from apps.verification.choices import AttributionStatus
from apps.verification.models import Evidence, Rating, RatingScale, Verification, VerificationNote

from .claims_search import MAX_OFFSET, PAGE_TOKEN_PATTERN, decode_page_token


class RatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["id", "label", "slug", "value", "bucket", "colour", "description"]
        read_only_fields = fields


class RatingScaleSerializer(CleanModelSerializer):
    api_url = ApiUrlField(view_name="api:rating-scale-detail")
    slug = serializers.SlugField(max_length=100, required=False, help_text="Made from the name when left out.")
    ratings = RatingSerializer(many=True, read_only=True)

    class Meta:
        model = RatingScale
        fields = ["id", "api_url", "name", "slug", "description", "is_default", "ratings", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]


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

    # The same fields in SQL, for the pages PostgreSQL builds (apps/api/claims/statement_json.py).

    def sql_worst_value(self, context):
        return self._sql_value_range(Min)

    def sql_best_value(self, context):
        return self._sql_value_range(Max)

    @staticmethod
    def _sql_value_range(extreme):
        scale = Rating.objects.filter(scale=OuterRef("scale")).order_by().values("scale")
        return Subquery(scale.annotate(value_range=extreme("value")).values("value_range"))


class EvidenceSerializer(serializers.ModelSerializer):
    source = SourceSummarySerializer(read_only=True, allow_null=True)
    url = serializers.URLField(read_only=True, allow_blank=True, help_text="Empty when the evidence is a source.")

    class Meta:
        model = Evidence
        fields = ["number", "url", "source", "note"]
        read_only_fields = fields
        order_by = Evidence.VERIFICATION_ORDER


class VerificationSerializer(serializers.ModelSerializer):
    """A statement's fact-check: workflow status, verdict and attribution, kept apart."""

    verdict = VerdictSerializer(source="rating", read_only=True, allow_null=True)
    evidence = EvidenceSerializer(many=True, read_only=True)
    fact_checker = serializers.SerializerMethodField(
        help_text="The fact-checker's user name; shown only to users who may see verification work."
    )
    reviewer = serializers.SerializerMethodField(
        help_text="Who published the verdict; shown only to users who may see verification work."
    )
    version = serializers.IntegerField(read_only=True, help_text="Also in the ETag header; send it back in If-Match.")

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
            "reviewer",
            "published_at",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_fact_checker(self, verification) -> str | None:
        return self._username(verification.fact_checker)

    def get_reviewer(self, verification) -> str | None:
        return self._username(verification.reviewer)

    def _username(self, user) -> str | None:
        if not self.context.get("sees_verification_work") or user is None:
            return None
        return user.get_username()

    # The same fields in SQL, for the pages PostgreSQL builds (apps/api/claims/statement_json.py).

    def sql_fact_checker(self, context):
        return self._sql_username("fact_checker", context)

    def sql_reviewer(self, context):
        return self._sql_username("reviewer", context)

    @staticmethod
    def _sql_username(name: str, context):
        if not context.get("sees_verification_work"):
            return Value(None, output_field=TextField())
        users = get_user_model()._base_manager.filter(pk=OuterRef(f"{name}_id"))
        return Subquery(users.values(get_user_model().USERNAME_FIELD)[:1])


class SentBackSerializer(serializers.Serializer):
    move = serializers.ChoiceField(
        choices=["return", "reopen"], help_text="Sent back from review (return), or its published verdict reopened."
    )
    reason = serializers.CharField(help_text="What is to be done, as its sender wrote it.")
    by = serializers.CharField(allow_null=True, help_text="Who sent it back (null: the account no longer exists).")
    at = serializers.DateTimeField()


class VerificationDetailSerializer(VerificationSerializer):
    """The verification as its own endpoint serves it: also who wrote it since it was last
    published (none of them may publish it)."""

    writers = serializers.SerializerMethodField(
        help_text="User names of everyone who changed the verdict, attribution, summary, explanation or evidence "
        "since it was last published: none of them may publish it. Null for clients who may not see verification work."
    )

    sent_back = serializers.SerializerMethodField(
        help_text="Why the work is back in progress: the reason given by whoever sent it back from review or "
        "reopened it, and when; until it is sent to review again. Null otherwise, and for clients who may not see "
        "verification work."
    )

    class Meta(VerificationSerializer.Meta):
        fields = [*VerificationSerializer.Meta.fields, "writers", "sent_back"]
        read_only_fields = fields

    def get_writers(self, verification) -> list[str] | None:
        if not self.context.get("sees_verification_work"):
            return None
        return sorted(writer.get_username() for writer in verification.writers.all())

    @extend_schema_field(SentBackSerializer(allow_null=True))
    def get_sent_back(self, verification) -> dict | None:
        if not self.context.get("sees_verification_work") or not verification.is_sent_back:
            return None
        by = verification.sent_back_by
        return SentBackSerializer(
            {
                "move": verification.sent_back_move,
                "reason": verification.sent_back_reason,
                "by": by.get_username() if by else None,
                "at": verification.sent_back_at,
            }
        ).data


# Verification fields that only the workflow moves change, and where to go instead.
WORKFLOW_FIELDS = ("status", "fact_checker", "fact_checker_id", "reviewer", "published_at")
WORKFLOW_HINT = (
    "This changes only through the workflow: POST to /api/v1/statements/{id}/verification/<move>/ "
    "with move = assign, submit, return, publish or reopen."
)


class EvidenceWriteSerializer(JSONTypesMixin, AsSentMixin, serializers.Serializer):
    url = serializers.URLField(required=False, allow_blank=True, max_length=2000)
    source_id = related_field(
        Source.objects.all(), label="source", list_url="/api/v1/sources/", required=False, allow_null=True
    )
    note = serializers.CharField(help_text="What this evidence shows about the statement.")

    def to_internal_value(self, data):
        if isinstance(data, dict):
            refuse_unknown_parameters(data, self.fields, what="field")
        value = super().to_internal_value(data)
        value["source"] = value.pop("source_id", None)
        return value


class VerificationUpdateSerializer(JSONTypesMixin, AsSentMixin, serializers.Serializer):
    """The verdict and what it rests on. Send only the fields to change; `evidence`, when sent,
    replaces the whole list (numbered in order). `reason` is kept in the history."""

    rating_id = related_field(
        Rating.objects.all(), label="rating", list_url="/api/v1/rating-scales/", required=False, allow_null=True
    )
    attribution = serializers.ChoiceField(choices=AttributionStatus.choices, required=False)
    summary = serializers.CharField(required=False, allow_blank=True)
    explanation = serializers.CharField(required=False, allow_blank=True)
    evidence = EvidenceWriteSerializer(many=True, required=False)
    reason = serializers.CharField(
        required=False, allow_blank=True, max_length=1000, write_only=True, validators=[refuse_invisible_characters]
    )

    def validate(self, data):
        if isinstance(self.initial_data, dict):
            workflow = sorted(name for name in self.initial_data if name in WORKFLOW_FIELDS)
            if workflow:
                raise serializers.ValidationError({name: [WORKFLOW_HINT] for name in workflow})
        refuse_unknown_parameters(self.initial_data, self.fields, what="field")
        if "rating_id" in data:
            data["rating"] = data.pop("rating_id")
        return data


class AssignSerializer(JSONTypesMixin, serializers.Serializer):
    fact_checker_id = related_field(
        get_user_model().objects.all(),
        label="user",
        list_url="the admin's user list",
        required=False,
        allow_null=True,
        help_text="Who does the fact-checking; leave out to take it yourself.",
    )

    def validate(self, data):
        refuse_unknown_parameters(self.initial_data, self.fields, what="field")
        return data


class ReasonSerializer(JSONTypesMixin, AsSentMixin, serializers.Serializer):
    reason = serializers.CharField(
        max_length=1000, help_text="Why; kept in the history.", validators=[refuse_invisible_characters]
    )

    def validate(self, data):
        refuse_unknown_parameters(self.initial_data, self.fields, what="field")
        return data


class EmptySerializer(serializers.Serializer):
    def validate(self, data):
        refuse_unknown_parameters(self.initial_data, self.fields, what="field")
        return data


class DiffPieceSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["equal", "delete", "insert"])
    text = serializers.CharField(trim_whitespace=False)

    def to_representation(self, instance):
        op, text = instance
        return {"op": op, "text": text}


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField(source="name")
    label = serializers.CharField()
    before = serializers.CharField(
        help_text="As a person reads it: a choice's label (“In review”), a record's name, or “(deleted rating)”."
    )
    after = serializers.CharField()
    diff = DiffPieceSerializer(
        many=True,
        allow_null=True,
        help_text="For long text, the words that changed: pieces that, joined, give `before` (equal and delete) "
        "and `after` (equal and insert); null for short values.",
    )


class HistoryEntrySerializer(serializers.Serializer):
    """One saved version of a record, with what changed since the one before."""

    date = serializers.DateTimeField()
    user = serializers.CharField(
        allow_null=True, help_text="Username; null for seed data, an import, or an account deleted since."
    )
    record = serializers.CharField(source="model", help_text="statement, quotation, verification or evidence")
    record_id = serializers.IntegerField(source="object_id")
    action = serializers.CharField(help_text="created, changed or deleted")
    move = serializers.CharField(allow_null=True, help_text="The workflow move, for a verification: assign, submit…")
    reason = serializers.CharField()
    changes = FieldChangeSerializer(many=True)


class PublicationSerializer(serializers.Serializer):
    date = serializers.DateTimeField()
    event = serializers.ChoiceField(choices=["published", "reopened", "republished"])
    verdict = VerdictSerializer(source="rating", allow_null=True)
    summary = serializers.CharField()


class StatementHistorySerializer(serializers.Serializer):
    publications = PublicationSerializer(
        many=True, help_text="When the verdict was published and corrected, newest first."
    )
    changes = HistoryEntrySerializer(
        many=True,
        allow_null=True,
        help_text="Every recorded change, newest first; null for clients who may not see verification work.",
    )


BEYOND_MAX_OFFSET = (
    f"A search pages through the first {MAX_OFFSET:,} results only (offset at most {MAX_OFFSET:,}); "
    "narrow it (languageCode, maxAgeDays) to reach the others."
)


class ClaimSearchQuerySerializer(AsSentMixin, serializers.Serializer):
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
    pageToken = serializers.RegexField(
        PAGE_TOKEN_PATTERN,
        required=False,
        help_text="`nextPageToken` of the previous answer: `o` and the offset it starts at.",
        error_messages={
            "invalid": "“%(value)s” is not a page token; pass the nextPageToken of the last answer as it is."
        },
    )
    offset = serializers.IntegerField(
        required=False,
        default=0,
        min_value=0,
        max_value=MAX_OFFSET,
        help_text=f"Where to start, at most {MAX_OFFSET:,}; ignored when pageToken is given.",
        error_messages={"max_value": BEYOND_MAX_OFFSET},
    )
    key = serializers.CharField(required=False, help_text="Accepted for compatibility with Google's API; ignored.")

    def validate(self, data):
        refuse_unknown_parameters(self.initial_data, [*self.fields, api_settings.URL_FORMAT_OVERRIDE])
        if not data.get("query") and not data.get("reviewPublisherSiteFilter"):
            raise serializers.ValidationError(
                {"query": ["Give a query, or a reviewPublisherSiteFilter (one of them is required)."]}
            )
        if "pageToken" in data:
            data["offset"] = decode_page_token(data.pop("pageToken"))
            if data["offset"] > MAX_OFFSET:
                raise serializers.ValidationError({"pageToken": [BEYOND_MAX_OFFSET]})
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
    nextPageToken = serializers.CharField(
        required=False,
        help_text=f"Present when there are more results (within the first {MAX_OFFSET:,}).",
    )


class VerificationNoteSerializer(serializers.ModelSerializer):
    """A note of the desk's internal thread on a verification: staff only, never public."""

    author = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="Null when the account was deleted."
    )

    class Meta:
        model = VerificationNote
        fields = ["id", "author", "text", "created_at"]
        read_only_fields = fields


class VerificationNoteWriteSerializer(JSONTypesMixin, AsSentMixin, serializers.Serializer):
    text = serializers.CharField(
        max_length=VerificationNote.MAX_LENGTH,
        help_text="The note; kept as written (notes are never edited or deleted).",
    )

    def validate(self, data):
        refuse_unknown_parameters(self.initial_data, self.fields, what="field")
        return data
