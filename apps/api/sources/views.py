from apps.api.common.viewsets import ModelViewSet
from apps.claims.selectors import source_list
from apps.sources.selectors import publisher_list

from .filtersets import PublisherFilterSet, SourceFilterSet
from .serializers import PublisherSerializer, SourceSerializer


class PublisherViewSet(ModelViewSet):
    """Newspapers, broadcasters, think tanks and publishing houses."""

    queryset = publisher_list()
    serializer_class = PublisherSerializer
    filterset_class = PublisherFilterSet


class SourceViewSet(ModelViewSet):
    """Published documents: articles, analyses, interviews, speeches, posts, reports, books.
    Their archived text can be written (to anchor quotations) but is never served."""

    queryset = source_list()
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet
