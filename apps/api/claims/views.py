import re

from django.core.exceptions import ValidationError
from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from apps.api.common.conditional import expected_version
from apps.api.common.pagination import RankedPagePagination
from apps.api.common.renderers import BrowsableAPIRenderer, CSVRenderer, JSONLDRenderer, JSONRenderer, csv_lines
from apps.api.common.viewsets import ModelViewSet, with_etag
from apps.api.verification.views import StatementVerificationActions
from apps.claims.matching import same_remark_candidates
from apps.claims.models import Statement, Topic
from apps.claims.selectors import SIMILAR_MIN_SIMILARITY, quotation_list
from apps.claims.services import statement_match_permitted, statement_match_reject
from apps.verification.claimreview import CLAIMREVIEW_SCHEMA, claimreview
from apps.verification.querysets import sees_work
from apps.verification.selectors import statement_list
from apps.verification.services import statement_delete, statement_match_confirm

from .csv import STATEMENT_CSV_COLUMNS, statement_csv_row
from .filtersets import QuotationFilterSet, StatementFilterSet, TopicFilterSet
from .serializers import (
    QuotationSerializer,
    SameRemarkCandidateSerializer,
    SameRemarkDecisionSerializer,
    SameRemarkQuerySerializer,
    SameRemarkResultSerializer,
    SimilarQuerySerializer,
    SimilarStatementSerializer,
    StatementSerializer,
    TopicSerializer,
)
from .statement_json import statement_json, statement_json_available, with_statement_json

CSV_CHUNK_SIZE = 500
SIMILAR_MAX_RESULTS = 100


class TopicViewSet(ModelViewSet):
    """What statements are about, for browsing and filtering (`/statements/?topic=borders`)."""

    queryset = Topic.objects.all()
    serializer_class = TopicSerializer
    filterset_class = TopicFilterSet


class QuotationViewSet(ModelViewSet):
    """Each place a source reports a statement, with the words as printed."""

    queryset = quotation_list()
    serializer_class = QuotationSerializer
    filterset_class = QuotationFilterSet


class StatementViewSet(StatementVerificationActions, ModelViewSet):
    """What speakers said, each once, with every source that reports it and, once published,
    its verdict."""

    queryset = Statement.objects.all()
    serializer_class = StatementSerializer
    filterset_class = StatementFilterSet
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]

    def get_queryset(self):
        if self._built_by_postgresql():
            # Only the permission check asks (DjangoModelPermissions reads the model): the
            # statements' joins and prefetches, ~2 ms of Python to set up, would go unused.
            return Statement.objects.all()
        return statement_list(user=self.request.user)

    def _built_by_postgresql(self) -> bool:
        """Is this request's list or statement built as JSON by PostgreSQL (statement_json.py),
        from Statement.objects rather than get_queryset()?"""
        if self.action not in ("list", "retrieve") or not statement_json_available():
            return False
        renderer = getattr(self.request, "accepted_renderer", None)
        return renderer is not None and renderer.format != CSVRenderer.format

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "list":
            return renderers
        # The export is the list: one statement, its verification or its history as CSV was an empty file.
        return [renderer for renderer in renderers if not isinstance(renderer, CSVRenderer)]

    def perform_destroy(self, instance):
        statement_delete(
            statement=instance, user=self.request.user, expected_version=expected_version(self.request, instance)
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["sees_verification_work"] = self._sees_work()
        return context

    @extend_schema(
        description="`?format=csv` exports the whole filtered list (not one page) as CSV with a header row.",
        responses={
            (200, "application/json"): StatementSerializer(many=True),
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The whole filtered list as CSV."),
        },
    )
    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format == CSVRenderer.format:
            return self._csv(self.filter_queryset(self.get_queryset()))
        if not statement_json_available():
            return super().list(request, *args, **kwargs)
        # The page is chosen by the ORM (filters, search, ordering, count), its rows built by
        # PostgreSQL (apps/api/claims/statement_json.py).
        statements = self.filter_queryset(Statement.objects.all())
        return self.get_paginated_response(
            self.paginate_queryset(with_statement_json(statements, request=request, sees_work=self._sees_work()))
        )

    def retrieve(self, request, *args, **kwargs):
        if not statement_json_available():
            return super().retrieve(request, *args, **kwargs)
        value = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        # One query: the statement, found among those this user may see, built as JSON (its id and
        # version, which the ETag needs, are in it).
        if self.lookup_field == "pk" and not request.query_params and re.fullmatch(r"[0-9]{1,18}", str(value)):
            # No filter to apply: the statement by its id, with no queryset to build and compile
            # (a millisecond, a third of what the API adds to the query at 20,000 statements).
            rows = self._statement_json([int(value)])
        else:
            try:
                found = self.filter_queryset(Statement.objects.filter(**{self.lookup_field: value}).order_by())
            except (TypeError, ValueError, ValidationError):
                raise Http404 from None  # as get_object_or_404 answers an id that is no number
            rows = list(with_statement_json(found, request=request, sees_work=self._sees_work())[:1])
        if not rows:
            raise Http404
        statement = Statement(pk=rows[0]["id"], version=rows[0]["version"])
        self.check_object_permissions(request, statement)
        return with_etag(Response(rows[0]), statement)

    def _sees_work(self) -> bool:
        """May this user see unpublished verification work?"""
        return sees_work(self.request.user)

    def _statement_json(self, ids):  # (`list` here is the action)
        return statement_json(ids, request=self.request, sees_work=self._sees_work())

    def _csv(self, queryset) -> StreamingHttpResponse:
        sees_work = self._sees_work()
        rows = (
            statement_csv_row(statement, sees_work=sees_work, request=self.request)
            for statement in queryset.iterator(chunk_size=CSV_CHUNK_SIZE)
        )
        response = StreamingHttpResponse(csv_lines(STATEMENT_CSV_COLUMNS, rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="statements.csv"'
        return response

    @extend_schema(
        summary="Statements that may be the same remark",
        description="Other statements most likely to be the same remark as this one, best first, each with its "
        "`similarity` (0 to 1) and its parts: `lexical` (wording) and `semantic` (meaning, in any language: a "
        "remark reported in Russian and in English; null when the server has no model). Each statement is "
        "compared through its text and the words of each of its quotations. The same ranking as intake's "
        "suggestions (apps/claims/matching.py); pairs a person said are different remarks (`same-remark/`) are "
        "left out.",
        filters=False,
        parameters=[SimilarQuerySerializer],
        responses={200: SimilarStatementSerializer(many=True)},
    )
    @action(
        detail=True,
        methods=["get"],
        filterset_class=None,
        extra_query_parameters=["min_similarity"],
        renderer_classes=[JSONRenderer, BrowsableAPIRenderer],
        pagination_class=RankedPagePagination,
    )
    def similar(self, request, pk=None):
        statement = self.get_object()
        query = SimilarQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        candidates = same_remark_candidates(
            statement.text,
            statement_id=statement.pk,
            speaker_id=statement.speaker_id,
            among=self.get_queryset(),
            min_score=query.validated_data.get("min_similarity", SIMILAR_MIN_SIMILARITY),
            limit=SIMILAR_MAX_RESULTS,
        )
        # Every candidate scored once, then paged in memory.
        page = {candidate.statement_id: candidate for candidate in self.paginate_queryset(candidates)}

        def scores(pk):
            candidate = page[pk]
            return {"similarity": candidate.score, "lexical": candidate.lexical, "semantic": candidate.semantic}

        if statement_json_available():
            rows = [document | scores(document["id"]) for document in self._statement_json(list(page))]
        else:
            found = self.get_queryset().in_bulk(list(page))
            statements = [found[pk] for pk in page]
            for each in statements:
                for name, value in scores(each.pk).items():
                    setattr(each, name, value)
            rows = SimilarStatementSerializer(statements, many=True, context=self.get_serializer_context()).data
        return self.get_paginated_response(rows)

    @extend_schema(
        summary="Say whether two statements are the same remark",
        description="`same`: the two are one remark; the newer statement's quotations (and its verification, when "
        "only it has one) move to the older one, and the newer is deleted, each change in the history. Refused "
        "(409, saying what to do) when the newer one's verdict is in review or published, or when both are being "
        "verified. `different`: the pair is never suggested again (similar/, intake). Editors only.",
        filters=False,
        request=SameRemarkDecisionSerializer,
        responses={200: SameRemarkResultSerializer},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="same-remark",
        filterset_class=None,
        permission_classes=[IsAuthenticated],
        serializer_class=SameRemarkDecisionSerializer,
        renderer_classes=[JSONRenderer, BrowsableAPIRenderer],
    )
    def same_remark(self, request, pk=None):
        statement_match_permitted(user=request.user)
        statement = self.get_object()
        body = SameRemarkDecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        other = self.get_queryset().filter(pk=body.validated_data["other"]).first()
        if other is None:
            raise exceptions.ValidationError(
                {
                    "other": [
                        f"No statement has the id {body.validated_data['other']}: give the id of a statement on file."
                    ]
                }
            )
        if body.validated_data["decision"] == "different":
            statement_match_reject(statement=statement, other=other, user=request.user)
            result = {"decision": "different", "statement": statement.pk, "other": other.pk}
        else:
            kept = statement_match_confirm(statement=statement, other=other, user=request.user)
            merged = other.pk if kept.pk == statement.pk else statement.pk
            result = {"decision": "same", "statement": kept.pk, "other": merged}
        return Response(result)

    @extend_schema(
        summary="Statements on file that may be the same remark as some words",
        description="For a quotation or a statement about to be entered (by a script, an import): the statements "
        "already on file most likely to be the same remark, best first, in any language, as similar/ ranks them.",
        filters=False,
        parameters=[SameRemarkQuerySerializer],
        responses={200: SameRemarkCandidateSerializer(many=True)},
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="same-remark",
        filterset_class=None,
        pagination_class=None,
        renderer_classes=[JSONRenderer, BrowsableAPIRenderer],
    )
    def same_remark_candidates(self, request):
        query = SameRemarkQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        candidates = same_remark_candidates(
            query.validated_data["text"],
            speaker_id=query.validated_data.get("speaker"),
            among=self.get_queryset(),
            limit=query.validated_data.get("limit", 5),
        )
        found = Statement.objects.in_bulk([candidate.statement_id for candidate in candidates])
        return Response(
            [
                {
                    "statement": candidate.statement_id,
                    "url": request.build_absolute_uri(reverse("api:statement-detail", args=[candidate.statement_id])),
                    "text": found[candidate.statement_id].text,
                    "speaker": found[candidate.statement_id].speaker_id,
                    "score": candidate.score,
                    "lexical": candidate.lexical,
                    "semantic": candidate.semantic,
                }
                for candidate in candidates
            ]
        )

    @extend_schema(
        summary="schema.org ClaimReview of the statement's published verdict",
        filters=False,
        responses={
            (200, "application/ld+json"): OpenApiResponse(CLAIMREVIEW_SCHEMA),
            (200, "application/json"): OpenApiResponse(CLAIMREVIEW_SCHEMA),
        },
    )
    @action(detail=True, methods=["get"], renderer_classes=[JSONLDRenderer, JSONRenderer], filterset_class=None)
    def claimreview(self, request, pk=None):
        statement = self.get_object()
        verification = getattr(statement, "verification", None)
        if verification is None or not verification.has_public_verdict:
            raise exceptions.NotFound(
                f"Statement {statement.pk} has no published verdict, so it has no ClaimReview yet."
            )
        return Response(claimreview(statement, request=request))
