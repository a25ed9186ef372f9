"""Intake through the API: what a script sends to bring an article in and to decide on its
suggestions, and what it gets back (the shape of `manage.py suggest_quotations --format json`,
with the ids and decisions of a stored intake)."""

from rest_framework import serializers

from apps.api.common.filters import refuse_unknown_parameters
from apps.api.common.serializers import AsSentMixin, JSONTypesMixin
from apps.claims.choices import QuotationMode
from apps.intake.models import Intake, Suggestion
from apps.speakers.choices import SpeakerKind

MAX_TEXT = 2_000_000


class IntakeCreateSerializer(JSONTypesMixin, AsSentMixin, serializers.Serializer):
    url = serializers.CharField(required=False, allow_blank=True, max_length=2000, help_text="The article's URL.")
    html = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_TEXT,
        trim_whitespace=False,
        help_text="The page's HTML, as saved from a browser (for a paywalled or JavaScript page).",
    )
    text = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_TEXT,
        trim_whitespace=False,
        help_text="The article's text: its title on the first line, then the text as printed.",
    )

    def validate(self, data):
        refuse_unknown_parameters(self.initial_data, self.fields, what="field")
        given = [name for name in ("url", "html", "text") if (data.get(name) or "").strip()]
        if len(given) != 1:
            raise serializers.ValidationError(
                "Give exactly one of `url`, `html` or `text`" + (f" (you gave {', '.join(given)})." if given else ".")
            )
        return data


class SuggestionSpeakerSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=[*SpeakerKind.values, ""])
    id = serializers.IntegerField(allow_null=True)


class SuggestionSerializer(serializers.ModelSerializer):
    mode = serializers.ChoiceField(choices=QuotationMode.choices, read_only=True)
    speaker = serializers.SerializerMethodField()
    quotation_id = serializers.IntegerField(allow_null=True, read_only=True)
    statement_id = serializers.IntegerField(allow_null=True, read_only=True)
    decided_by = serializers.SerializerMethodField()

    class Meta:
        model = Suggestion
        fields = [
            "number",
            "text",
            "char_start",
            "char_end",
            "mode",
            "speaker",
            "speaker_check",
            "statement_id",
            "score",
            "candidates",
            "decision",
            "quotation_id",
            "decided_by",
            "decided_at",
        ]

    def get_decided_by(self, suggestion) -> str | None:
        return suggestion.decided_by.get_username() if suggestion.decided_by_id else None

    def get_speaker(self, suggestion) -> SuggestionSpeakerSerializer:
        if suggestion.speaker_id is not None:
            return {"name": suggestion.speaker.name, "kind": suggestion.speaker.kind, "id": suggestion.speaker_id}
        return {"name": suggestion.speaker_name, "kind": suggestion.speaker_kind, "id": None}


class IntakeSourceSerializer(serializers.Serializer):
    title = serializers.CharField()
    authors = serializers.ListField(child=serializers.CharField())
    published_on = serializers.DateField(allow_null=True)
    publisher = serializers.CharField(allow_null=True)
    language = serializers.CharField()
    url = serializers.CharField(allow_null=True)
    text = serializers.CharField()


class IntakeSerializer(serializers.ModelSerializer):
    source = serializers.SerializerMethodField()
    source_id = serializers.IntegerField(allow_null=True, read_only=True)
    quotations = SuggestionSerializer(source="suggestions", many=True, read_only=True)
    created_by = serializers.SerializerMethodField()

    class Meta:
        model = Intake
        fields = ["id", "origin", "source", "source_id", "source_was_on_file", "quotations", "created_by", "created_at"]

    def get_created_by(self, intake) -> str | None:
        return intake.created_by.get_username() if intake.created_by_id else None

    def get_source(self, intake) -> IntakeSourceSerializer:
        return {
            "title": intake.title,
            "authors": list(intake.authors),
            "published_on": intake.published_on.isoformat() if intake.published_on else None,
            "publisher": intake.publisher_name or None,
            "language": intake.language,
            "url": intake.url or None,
            "text": intake.text,
        }


class SuggestionDecisionSerializer(JSONTypesMixin, AsSentMixin, serializers.Serializer):
    """Accepting a suggestion as suggested needs no body; each field given changes that part. A
    field this endpoint does not know is refused: a misspelt one would otherwise be ignored and
    the suggestion accepted as it was."""

    def validate(self, data):
        unknown = sorted(set(self.initial_data or {}) - set(self.fields)) if isinstance(self.initial_data, dict) else []
        if unknown:
            raise serializers.ValidationError(
                {name: [f"Unknown field: the fields are {', '.join(self.fields)}."] for name in unknown}
            )
        return data

    text = serializers.CharField(required=False, max_length=10_000, help_text="The words as printed in the article.")
    mode = serializers.ChoiceField(choices=QuotationMode.choices, required=False)
    speaker_id = serializers.IntegerField(required=False, allow_null=True, min_value=1, help_text="A speaker on file.")
    speaker_name = serializers.CharField(
        required=False,
        max_length=200,
        help_text="A new speaker's name (when no `speaker_id`): one on file with this exact name is used instead.",
    )
    speaker_kind = serializers.ChoiceField(choices=SpeakerKind.choices, required=False)
    statement_id = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="A statement on file; `null` for a new statement."
    )
