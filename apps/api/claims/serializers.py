from django.db.models import Case, Exists, F, OuterRef, Subquery, When
from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.api.common.serializers import ApiUrlField, AsSentMixin, CleanModelSerializer, related_field
from apps.api.common.sql_json import JSON, api_url_expression, json_expression
from apps.api.sources.serializers import SourceSummarySerializer
from apps.api.speakers.serializers import SpeakerSummarySerializer
from apps.api.verification.serializers import VerificationSerializer
from apps.claims.choices import SameRemarkDecision
from apps.claims.models import Quotation, Statement, Topic
from apps.claims.selectors import SIMILAR_MIN_SIMILARITY
from apps.core.dates import DateWithPrecision
from apps.sources.models import Source
from apps.speakers.models import Speaker
from apps.verification.claimreview import claimreview_api_url
from apps.verification.models import Verification
from apps.verification.querysets import public_q
from apps.verification.services import statement_save


class TopicSerializer(CleanModelSerializer):
    api_url = ApiUrlField(view_name="api:topic-detail")
    slug = serializers.SlugField(max_length=100, required=False, help_text="Made from the name when left out.")

    class Meta:
        model = Topic
        fields = ["id", "api_url", "name", "slug"]


class TopicSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["id", "name", "slug"]
        read_only_fields = fields
        order_by = Topic._meta.ordering  # as a statement lists them


class StatementSummarySerializer(serializers.ModelSerializer):
    api_url = ApiUrlField(view_name="api:statement-detail")
    speaker = SpeakerSummarySerializer(read_only=True)

    class Meta:
        model = Statement
        fields = ["id", "api_url", "slug", "text", "said_on", "speaker"]
        read_only_fields = fields


QUOTATION_FIELDS = [
    "id",
    "api_url",
    "source",
    "occurrence",
    "text",
    "mode",
    "context",
    "is_first_appearance",
    "reported_via",
    "reported_via_note",
    "char_start",
    "char_end",
]


class StatementQuotationSerializer(serializers.ModelSerializer):
    """A quotation as embedded in its statement."""

    api_url = ApiUrlField(view_name="api:quotation-detail")
    source = SourceSummarySerializer(read_only=True)
    reported_via = SourceSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Quotation
        fields = QUOTATION_FIELDS
        read_only_fields = fields
        order_by = Quotation.STATEMENT_ORDER


class QuotationSerializer(CleanModelSerializer):
    """Where a source reports a statement. `text` must be found verbatim in `context` (and in
    the source's archived text when it has one); a refusal says where the words differ."""

    api_url = ApiUrlField(view_name="api:quotation-detail")
    statement = StatementSummarySerializer(read_only=True)
    statement_id = related_field(
        Statement.objects.all(), label="statement", list_url="/api/v1/statements/", source="statement"
    )
    source = SourceSummarySerializer(read_only=True)
    source_id = related_field(Source.objects.all(), label="source", list_url="/api/v1/sources/", source="source")
    reported_via = SourceSummarySerializer(read_only=True, allow_null=True)
    reported_via_id = related_field(
        Source.objects.all(),
        label="source",
        list_url="/api/v1/sources/",
        source="reported_via",
        required=False,
        allow_null=True,
    )
    text = serializers.CharField(trim_whitespace=False, help_text="The words exactly as printed.")
    context = serializers.CharField(
        trim_whitespace=False,
        required=False,
        allow_blank=True,
        help_text="The sentence or two around the words, verbatim (at most 600 characters), found in the source's "
        "archived text when it has one. Left out or empty, the sentence around the words is taken from the "
        "archived text (refused when the source has none).",
    )
    occurrence = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=32767,
        help_text="1, or 2 and so on when the same source reports the statement again. Left out when creating, "
        "the next free number is given.",
    )

    # A refusal that names another quotation gives its URL too.
    linked_errors = {"occurrence_taken": "api:quotation-detail", "passage_already_quoted": "api:quotation-detail"}

    def create(self, validated_data):
        quotation = Quotation()
        if "occurrence" not in validated_data:
            quotation.occurrence = None  # numbered by the model (Quotation.clean_fields)
        return self._save(quotation, validated_data)

    class Meta:
        model = Quotation
        fields = (
            QUOTATION_FIELDS[:2]
            + ["statement", "statement_id", "source_id", "reported_via_id"]
            + [name for name in QUOTATION_FIELDS[2:]]
            + ["version", "created_at", "updated_at"]
        )
        read_only_fields = ["char_start", "char_end", "version", "created_at", "updated_at"]
        # The unique (source, statement, occurrence) rule is checked by the model, with its own message.
        validators = []


class StatementSerializer(CleanModelSerializer):
    """A statement with its speaker, topics, quotations (each with its source) and its
    verification: `null` until published for clients who may not see verification work."""

    save_service = staticmethod(statement_save)  # its words stay as reviewed under a verdict

    api_url = ApiUrlField(view_name="api:statement-detail")
    slug = serializers.SlugField(
        max_length=200, required=False, help_text="Made from the speaker, the year and the text when left out."
    )
    speaker = SpeakerSummarySerializer(read_only=True)
    speaker_id = related_field(Speaker.objects.all(), label="speaker", list_url="/api/v1/speakers/", source="speaker")
    said_on_display = serializers.CharField(read_only=True, help_text="“7 January 2022”, “January 2022”, “2022”.")
    topics = TopicSummarySerializer(many=True, read_only=True)
    topic_ids = related_field(
        Topic.objects.all(), label="topic", list_url="/api/v1/topics/", source="topics", many=True, required=False
    )
    quotations = StatementQuotationSerializer(many=True, read_only=True)
    verification = serializers.SerializerMethodField()
    claimreview_url = serializers.SerializerMethodField(
        help_text="schema.org ClaimReview of the published verdict, or null."
    )

    class Meta:
        model = Statement
        fields = [
            "id",
            "api_url",
            "slug",
            "speaker",
            "speaker_id",
            "text",
            "said_on",
            "said_on_precision",
            "said_on_display",
            "occasion",
            "language",
            "topics",
            "topic_ids",
            "quotations",
            "verification",
            "claimreview_url",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["version", "created_at", "updated_at"]

    def validate(self, data):
        if isinstance(self.initial_data, dict) and "verification" in self.initial_data:
            raise serializers.ValidationError(
                {
                    "verification": [
                        "The verification is not changed through the statement. Edit it with PATCH "
                        "/api/v1/statements/{id}/verification/ and move it through the workflow with POST "
                        "/api/v1/statements/{id}/verification/<move>/ (assign, submit, return, publish, reopen)."
                    ]
                }
            )
        return super().validate(data)

    def _verification(self, statement):
        verification = getattr(statement, "verification", None)
        sees_work = self.context.get("sees_verification_work", False)
        return verification if (verification is not None and verification.is_visible_to(sees_work=sees_work)) else None

    @cached_property
    def _verification_serializer(self) -> VerificationSerializer:
        # Built once per response, not once per statement: building a nested serializer's fields
        # costs more than serializing a row with it.
        return VerificationSerializer(context=self.context)

    @extend_schema_field(VerificationSerializer(allow_null=True))
    def get_verification(self, statement):
        verification = self._verification(statement)
        return self._verification_serializer.to_representation(verification) if verification else None

    def get_claimreview_url(self, statement) -> str | None:
        verification = self._verification(statement)
        if verification is None or not verification.has_public_verdict:
            return None
        return claimreview_api_url(statement, request=self.context.get("request"))

    # The same fields in SQL, for the pages PostgreSQL builds (apps/api/claims/statement_json.py).

    def sql_said_on_display(self, context):
        return DateWithPrecision(F("said_on"), F("said_on_precision"))

    def sql_verification(self, context):
        verifications = Verification.objects.filter(statement=OuterRef("pk"))
        if not context.get("sees_verification_work"):
            verifications = verifications.public()
        shown = json_expression(VerificationSerializer(context=context), context)
        return Subquery(verifications.values(json=shown)[:1], output_field=JSON)

    def sql_claimreview_url(self, context):
        reviewed = Exists(Verification.objects.filter(public_q(verdict=True), statement=OuterRef("pk")))
        return Case(When(reviewed, then=api_url_expression("api:statement-claimreview")), default=None)


class SimilarStatementSerializer(StatementSerializer):
    similarity = serializers.FloatField(
        read_only=True,
        help_text="How likely the two are the same remark, from 0 to 1: the mean of `lexical` and `semantic` "
        "(`lexical` alone without the model), plus 0.1 for the same speaker.",
    )
    lexical = serializers.FloatField(
        read_only=True,
        help_text="How alike the wordings are, 0 to 1: shared trigrams of the closest pair of wordings (the "
        "statements' texts and their quotations' words), or the share of a shorter wording found in the longer.",
    )
    semantic = serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text="How close their meanings are, 0 to 1, in any language (multilingual e5-small); null when the "
        "model is not installed on this server or a wording has no vector yet.",
    )

    class Meta(StatementSerializer.Meta):
        fields = [*StatementSerializer.Meta.fields, "similarity", "lexical", "semantic"]


class SameRemarkDecisionSerializer(AsSentMixin, serializers.Serializer):
    other = serializers.IntegerField(
        min_value=1, help_text="The id of the other statement (one that `similar/` suggested, or any other)."
    )
    decision = serializers.ChoiceField(
        choices=SameRemarkDecision.choices,
        help_text="`same`: they are one remark, merged into the older statement (its id stays; the newer is "
        "deleted, its quotations moved). `different`: never suggest this pair again.",
    )


class SameRemarkResultSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=SameRemarkDecision.choices)
    statement = serializers.IntegerField(help_text="The statement kept (`same`), or this statement (`different`).")
    other = serializers.IntegerField(help_text="The statement merged into it and deleted, or the other statement.")


class SameRemarkQuerySerializer(AsSentMixin, serializers.Serializer):
    text = serializers.CharField(
        max_length=5000, help_text="The words: a quotation as printed, or a statement as it would be written."
    )
    speaker = serializers.IntegerField(
        required=False, min_value=1, help_text="The speaker's id, when known: their statements rank first."
    )
    limit = serializers.IntegerField(required=False, min_value=1, max_value=20, help_text="At most this many (5).")


class SameRemarkCandidateSerializer(serializers.Serializer):
    statement = serializers.IntegerField(help_text="The id of a statement on file.")
    url = serializers.CharField(help_text="Its API URL.")
    text = serializers.CharField()
    speaker = serializers.IntegerField()
    score = serializers.FloatField(help_text="As `similarity` in similar/.")
    lexical = serializers.FloatField()
    semantic = serializers.FloatField(allow_null=True)


class SimilarQuerySerializer(AsSentMixin, serializers.Serializer):
    min_similarity = serializers.FloatField(
        required=False,
        min_value=SIMILAR_MIN_SIMILARITY,
        max_value=1,
        help_text=f"Leave out statements less similar than this ({SIMILAR_MIN_SIMILARITY} to 1; "
        f"default {SIMILAR_MIN_SIMILARITY}).",
    )
