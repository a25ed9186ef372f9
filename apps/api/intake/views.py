from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from apps.claims.models import Statement
from apps.intake import services
from apps.intake.models import Intake, Suggestion
from apps.intake.types import IntakeError
from apps.speakers.models import Speaker

from .serializers import IntakeCreateSerializer, IntakeSerializer, SuggestionDecisionSerializer, SuggestionSerializer


class IntakePermission(IsAuthenticated):
    """Intake adds quotations: whoever may add quotations may bring articles in (editors)."""

    message = "Intake adds quotations: it needs an account with the permission “claims.add_quotation”."

    def has_permission(self, request, view):
        return super().has_permission(request, view) and request.user.has_perm(services.INTAKE_PERMISSION)


class IntakeViewSet(mixins.CreateModelMixin, mixins.RetrieveModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Articles brought in: their text and metadata, and the quotations suggested in them, each to
    accept (creating the source, speaker, statement and quotation it needs) or reject."""

    queryset = Intake.objects.select_related("created_by").order_by("-created_at", "-pk")
    serializer_class = IntakeSerializer
    permission_classes = [IntakePermission]
    filterset_class = None

    def get_queryset(self):
        suggestions = Suggestion.objects.select_related("speaker", "decided_by").order_by("number")
        return super().get_queryset().prefetch_related(Prefetch("suggestions", queryset=suggestions))

    @extend_schema(
        request=IntakeCreateSerializer,
        responses={201: IntakeSerializer},
        description="Bring an article in from exactly one of `url` (fetched: HTML or text, within the size and time "
        "limits; private addresses refused), `html` (a page saved from a browser) or `text`. Its quotations are "
        "suggested with their speakers and the statements on file they match; nothing is added to the sources "
        "until a suggestion is accepted.",
    )
    def create(self, request, *args, **kwargs):
        given = IntakeCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        html = data.get("html") or ""
        try:
            intake = services.intake_create(
                user=request.user,
                url=data.get("url") or "",
                data=html.encode("utf-8") if html.strip() else None,
                filename="page.html" if html.strip() else "",
                text=data.get("text") or "",
            )
        except IntakeError as error:
            # The one of url, html or text that was given (the serializer checked there is one).
            field = next(name for name in ("url", "html", "text") if (data.get(name) or "").strip())
            raise exceptions.ValidationError({field: [str(error)]}) from error
        intake = self.get_queryset().get(pk=intake.pk)
        return Response(
            IntakeSerializer(intake, context=self.get_serializer_context()).data, status=status.HTTP_201_CREATED
        )

    def _suggestion(self, pk, number) -> Suggestion:
        intake = get_object_or_404(Intake, pk=pk)
        return get_object_or_404(
            Suggestion.objects.select_related("speaker", "statement"), intake=intake, number=number
        )

    @extend_schema(
        request=SuggestionDecisionSerializer,
        responses={200: SuggestionSerializer},
        description="Accept a suggestion: as suggested with an empty body, or with the fields given changed. "
        "Creates the source (on the intake's first acceptance), the speaker and the statement when new, and the "
        "quotation, anchored where the words are printed; all or nothing. 409 when it was decided already.",
    )
    @action(detail=True, methods=["post"], url_path=r"quotations/(?P<number>[0-9]{1,9})/accept")
    def accept(self, request, pk=None, number=None):
        suggestion = self._suggestion(pk, number)
        given = SuggestionDecisionSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        choice = _choice(suggestion, given.validated_data)
        try:
            services.suggestion_accept(suggestion=suggestion, user=request.user, choice=choice)
        except DjangoValidationError as error:
            raise exceptions.ValidationError(_api_fields(error)) from error
        suggestion.refresh_from_db()
        return Response(SuggestionSerializer(suggestion).data)

    @extend_schema(
        request=None,
        responses={200: SuggestionSerializer},
        description="Reject a suggestion: it is "
        "remembered and not suggested again for this source. 409 when it was decided already.",
    )
    @action(detail=True, methods=["post"], url_path=r"quotations/(?P<number>[0-9]{1,9})/reject")
    def reject(self, request, pk=None, number=None):
        suggestion = self._suggestion(pk, number)
        services.suggestion_reject(suggestion=suggestion, user=request.user)
        suggestion.refresh_from_db()
        return Response(SuggestionSerializer(suggestion).data)


def _choice(suggestion: Suggestion, data: dict) -> services.Choice:
    choice = services.suggested_choice(suggestion)
    if "text" in data:
        choice.words = data["text"]
    if "mode" in data:
        choice.mode = data["mode"]
    if data.get("speaker_id"):
        speaker = Speaker.objects.filter(pk=data["speaker_id"]).first()
        if speaker is None:
            raise exceptions.ValidationError({"speaker_id": [f"No speaker has the id {data['speaker_id']}."]})
        choice.speaker, choice.new_speaker_name = speaker, ""
    elif data.get("speaker_name"):
        choice.speaker, choice.new_speaker_name = None, data["speaker_name"]
    if "speaker_kind" in data:
        choice.new_speaker_kind = data["speaker_kind"]
    if "statement_id" in data:
        if data["statement_id"] is None:
            choice.statement = None
        else:
            choice.statement = Statement.objects.filter(pk=data["statement_id"]).first()
            if choice.statement is None:
                raise exceptions.ValidationError({"statement_id": [f"No statement has the id {data['statement_id']}."]})
    return choice


# The services name the card's fields; the API's are named after the request's.
API_FIELDS = {"words": "text", "speaker": "speaker_id", "statement": "statement_id"}


def _api_fields(error: DjangoValidationError):
    if not hasattr(error, "error_dict"):
        return {"detail": error.messages}
    return {API_FIELDS.get(field, field): messages for field, messages in error.message_dict.items()}
