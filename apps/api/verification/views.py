from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.api.common.conditional import expected_version
from apps.api.common.renderers import BrowsableAPIRenderer, JSONLDRenderer, JSONRenderer
from apps.api.common.viewsets import ModelViewSet, ReadOnlyModelViewSet, with_etag
from apps.verification import services
from apps.verification.choices import Transition
from apps.verification.claimreview import CLAIMREVIEW_SCHEMA, claimreview
from apps.verification.history import published_history, statement_history
from apps.verification.models import RatingScale
from apps.verification.querysets import public_q, sees_work
from apps.verification.selectors import statement_list

from .claims_search import claims_search
from .filtersets import ClaimReviewFilterSet
from .serializers import (
    AssignSerializer,
    ClaimSearchQuerySerializer,
    ClaimSearchResponseSerializer,
    EmptySerializer,
    RatingScaleSerializer,
    ReasonSerializer,
    StatementHistorySerializer,
    VerificationDetailSerializer,
    VerificationNoteSerializer,
    VerificationNoteWriteSerializer,
    VerificationUpdateSerializer,
)

VERIFICATION_RESPONSE = OpenApiResponse(VerificationDetailSerializer, description="The verification as it now stands.")
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=[200],
    description="The version of the verification; send it back in If-Match.",
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description="The ETag of the verification as you read it (from GET …/verification/). Required: 428 without "
    "it, 412 when the verification changed since.",
)


def _workflow_schema(*, summary: str, request, description: str = "", if_match: OpenApiParameter = IF_MATCH):
    return extend_schema(
        summary=summary,
        description=description,
        request=request,
        parameters=[if_match, ETAG],
        filters=False,
        responses={200: VERIFICATION_RESPONSE},
    )


class StatementVerificationActions:
    """The verification endpoints of a statement (mixed into StatementViewSet): read it, edit
    the verdict, make the workflow moves, read the history. Every write goes through
    apps/verification/services.py and needs If-Match with the verification's ETag."""

    @extend_schema(
        methods=["GET"],
        summary="The statement's verification (published ones only, for the public)",
        parameters=[ETAG],
        filters=False,
        responses={200: VERIFICATION_RESPONSE},
    )
    @extend_schema(
        methods=["PATCH"],
        summary="Edit the verdict, summary, explanation, attribution or evidence",
        description="Only while the work is in progress or in review. `status` and the assignment change "
        "only through the workflow moves.",
        request=VerificationUpdateSerializer,
        parameters=[IF_MATCH, ETAG],
        responses={200: VERIFICATION_RESPONSE},
    )
    @action(
        detail=True,
        methods=["get", "patch"],
        url_path="verification",
        filterset_class=None,
        serializer_class=VerificationUpdateSerializer,  # the body of a PATCH (the browsable API's form)
        permission_classes=[AllowAny],
    )
    def verification(self, request, pk=None):
        statement = self.get_object()
        if request.method == "GET":
            return self._verification_response(statement)
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        services.verification_edit_permitted(user=request.user)
        verification = self._existing_verification(statement)
        # The body is read before the version it starts from, as in every write (a 400 before a 412).
        body = VerificationUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        version = expected_version(request, verification, required=True)
        data = dict(body.validated_data)
        evidence, reason = data.pop("evidence", None), data.pop("reason", "")
        services.verification_update(
            verification=verification,
            user=request.user,
            fields=data,
            evidence=evidence,
            expected_version=version,
            reason=reason,
        )
        return self._verification_response(self.get_queryset().get(pk=statement.pk))

    @_workflow_schema(
        summary="Take the statement into progress, assigned to a fact-checker",
        request=AssignSerializer,
        description="Without `fact_checker_id`, you take it yourself. Assigning someone else, or taking over "
        "someone's work, needs the assign permission (editors). No If-Match is needed for a statement that "
        "has no verification yet.",
        if_match=OpenApiParameter(
            "If-Match",
            OpenApiTypes.STR,
            location=OpenApiParameter.HEADER,
            description="The ETag of the verification as you read it; required once the statement has one.",
        ),
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="verification/assign",
        permission_classes=[IsAuthenticated],
        filterset_class=None,
        serializer_class=AssignSerializer,
    )
    def verification_assign(self, request, pk=None):
        services.verification_move_permitted(user=request.user, transition=Transition.ASSIGN)
        statement = self.get_object()
        body = AssignSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        existing = getattr(statement, "verification", None)
        services.verification_assign(
            statement=statement,
            user=request.user,
            fact_checker=body.validated_data.get("fact_checker_id"),
            expected_version=expected_version(request, existing, required=True) if existing else None,
        )
        return self._verification_response(self.get_queryset().get(pk=statement.pk))

    @_workflow_schema(
        summary="Send the work to review (needs a verdict, a summary and evidence)", request=EmptySerializer
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="verification/submit",
        permission_classes=[IsAuthenticated],
        filterset_class=None,
        serializer_class=EmptySerializer,
    )
    def verification_submit(self, request, pk=None):
        return self._move(request, Transition.SUBMIT, services.verification_submit, EmptySerializer)

    @_workflow_schema(summary="Send work in review back to the fact-checker, with a reason", request=ReasonSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path="verification/return",
        permission_classes=[IsAuthenticated],
        filterset_class=None,
        serializer_class=ReasonSerializer,
    )
    def verification_return(self, request, pk=None):
        return self._move(request, Transition.RETURN, services.verification_return, ReasonSerializer)

    @_workflow_schema(
        summary="Publish the reviewed verdict",
        request=EmptySerializer,
        description="Needs the publish permission and someone other than the fact-checker who did the work.",
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="verification/publish",
        permission_classes=[IsAuthenticated],
        filterset_class=None,
        serializer_class=EmptySerializer,
    )
    def verification_publish(self, request, pk=None):
        return self._move(request, Transition.PUBLISH, services.verification_publish, EmptySerializer)

    @_workflow_schema(summary="Reopen a published verdict to correct it, with a reason", request=ReasonSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path="verification/reopen",
        permission_classes=[IsAuthenticated],
        filterset_class=None,
        serializer_class=ReasonSerializer,
    )
    def verification_reopen(self, request, pk=None):
        return self._move(request, Transition.REOPEN, services.verification_reopen, ReasonSerializer)

    @extend_schema(
        summary="The statement's history",
        description="To staff: every recorded change to the statement, its quotations, verification and "
        "evidence (who, when, before and after, why). To everyone: when the verdict was published, reopened "
        "and republished, with the verdict each time.",
        filters=False,
        responses={200: StatementHistorySerializer},
    )
    @action(detail=True, methods=["get"], filterset_class=None, permission_classes=[AllowAny])
    def history(self, request, pk=None):
        statement = self.get_object()
        shows_work = sees_work(request.user)
        data = {
            "publications": published_history(statement),
            "changes": statement_history(statement) if shows_work else None,
        }
        return Response(StatementHistorySerializer(data, context=self.get_serializer_context()).data)

    @extend_schema(
        methods=["GET"],
        summary="The desk's notes on the verification (staff only)",
        description="The internal thread of the desk, oldest first: who, when, what. Never public: 404 for "
        "anyone who may not read unpublished verification work, as for that work itself; never in the "
        "ClaimReview.",
        filters=False,
        responses={200: VerificationNoteSerializer(many=True)},
    )
    @extend_schema(
        methods=["POST"],
        summary="Add a note to the verification's thread (staff only)",
        description="Notes are kept as written: they are never edited or deleted. Needs the permission to "
        "read verification work; the statement needs a verification (assign it first).",
        request=VerificationNoteWriteSerializer,
        responses={201: VerificationNoteSerializer},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="verification/notes",
        filterset_class=None,
        pagination_class=None,
        serializer_class=VerificationNoteWriteSerializer,  # the body of a POST (the browsable API's form)
        permission_classes=[AllowAny],
    )
    def verification_notes(self, request, pk=None):
        if request.method == "POST" and not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        statement = self.get_object()
        if not sees_work(request.user):
            if request.method == "POST":
                services.verification_note_permitted(user=request.user)
            raise exceptions.NotFound(f"Statement {statement.pk} has no notes you may read.")
        verification = getattr(statement, "verification", None)
        if request.method == "GET":
            notes = verification.notes.select_related("author").order_by("created_at", "pk") if verification else []
            return Response(VerificationNoteSerializer(notes, many=True).data)
        body = VerificationNoteWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        note = services.verification_note_add(
            verification=self._existing_verification(statement), user=request.user, text=body.validated_data["text"]
        )
        return Response(VerificationNoteSerializer(note).data, status=201)

    def _move(self, request, transition, service, body_class):
        services.verification_move_permitted(user=request.user, transition=transition)
        statement = self.get_object()
        verification = self._existing_verification(statement)
        body = body_class(data=request.data)
        body.is_valid(raise_exception=True)
        version = expected_version(request, verification, required=True)
        service(verification=verification, user=request.user, expected_version=version, **body.validated_data)
        return self._verification_response(self.get_queryset().get(pk=statement.pk))

    def _existing_verification(self, statement):
        verification = getattr(statement, "verification", None)
        if verification is None:
            raise services.TransitionRefused(
                "Nobody is working on this statement yet: assign it first "
                f"(POST /api/v1/statements/{statement.pk}/verification/assign/)."
            )
        return verification

    def _verification_response(self, statement):
        verification = getattr(statement, "verification", None)
        context = self.get_serializer_context()
        if verification is None and context["sees_verification_work"]:
            raise exceptions.NotFound(
                f"Statement {statement.pk} has no verification yet: nobody is working on it. Assign it first "
                f"(POST /api/v1/statements/{statement.pk}/verification/assign/)."
            )
        if verification is None or not verification.is_visible_to(sees_work=context["sees_verification_work"]):
            raise exceptions.NotFound(f"Statement {statement.pk} has no published verification.")
        return with_etag(Response(VerificationDetailSerializer(verification, context=context).data), verification)


class RatingScaleViewSet(ModelViewSet):
    """The verdict scales in use, each with its ratings (label, value, normalised bucket)."""

    queryset = RatingScale.objects.prefetch_related("ratings")
    serializer_class = RatingScaleSerializer
    filterset_class = None


class ClaimReviewViewSet(ReadOnlyModelViewSet):
    """Every published verdict as schema.org ClaimReview JSON-LD, most recently changed first."""

    serializer_class = None
    filterset_class = ClaimReviewFilterSet
    renderer_classes = [JSONRenderer, JSONLDRenderer, BrowsableAPIRenderer]
    permission_classes = [AllowAny]

    def get_queryset(self):
        return (
            statement_list(user=None)
            .filter(public_q("verification__", verdict=True))
            .order_by("-verification__review_modified_at", "-pk")
        )

    @extend_schema(responses=OpenApiResponse(CLAIMREVIEW_SCHEMA))
    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response([claimreview(statement, request=request) for statement in page])

    @extend_schema(responses=OpenApiResponse(CLAIMREVIEW_SCHEMA))
    def retrieve(self, request, *args, **kwargs):
        return Response(claimreview(self.get_object(), request=request))


class ClaimsSearchView(APIView):
    """Search published fact-checks the way Google's Fact Check Tools API does
    (`claims:search`), so that tools written for it can point at ClaimTrack instead. `key` (an
    API key there) is accepted and ignored."""

    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]

    @extend_schema(
        operation_id="claims_search",
        parameters=[ClaimSearchQuerySerializer],
        responses=ClaimSearchResponseSerializer,
    )
    def get(self, request):
        query = ClaimSearchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return Response(claims_search(**query.validated_data, request=request))
