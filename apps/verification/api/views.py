from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.claims.selectors import statement_list
from apps.core.api.renderers import JSONLDRenderer
from apps.core.api.viewsets import ModelViewSet, ReadOnlyModelViewSet

from ..claimreview import CLAIMREVIEW_SCHEMA, claimreview
from ..claims_search import claims_search
from ..filtersets import ClaimReviewFilterSet
from ..models import RatingScale
from ..selectors import published_verdict_q
from .serializers import ClaimSearchQuerySerializer, ClaimSearchResponseSerializer, RatingScaleSerializer


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
        return statement_list(user=None).filter(published_verdict_q()).order_by("-verification__updated_at", "-pk")

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
