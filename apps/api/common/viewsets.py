from rest_framework import mixins, viewsets

from apps.core.services import model_delete

from .conditional import etag, expected_version


class ReadOnlyModelViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]+"  # not \d, which matches every script's digits (and int() reads them)
    # Query parameters an action reads itself, besides its filters (`@action(extra_query_parameters=…)`):
    # any other is refused (apps.api.common.filters.StrictFilterBackend).
    extra_query_parameters: tuple[str, ...] = ()

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        return with_etag(response, self._instance)

    def get_object(self):
        self._instance = super().get_object()
        return self._instance


class ModelViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, mixins.DestroyModelMixin, ReadOnlyModelViewSet):
    """List, detail and writes. After a write the object is read back through the viewset's
    queryset, so the answer has the same fields (counts, embedded relations) as a GET. Records
    with a `version` answer with an ETag and honour If-Match on writes (412 when stale)."""

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        return with_etag(response, self._instance)

    def update(self, request, *args, **kwargs):
        response = super().update(request, *args, **kwargs)
        return with_etag(response, self._instance)

    def perform_create(self, serializer):
        serializer.save()
        self._read_back(serializer)

    def perform_update(self, serializer):
        if hasattr(serializer.instance, "version"):
            serializer.save(expected_version=expected_version(self.request, serializer.instance))
        else:
            serializer.save()
        self._read_back(serializer)

    def perform_destroy(self, instance):
        version = expected_version(self.request, instance) if hasattr(instance, "version") else None
        model_delete(instance=instance, expected_version=version, user=self.request.user)

    def _read_back(self, serializer):
        serializer.instance = self._instance = self.get_queryset().get(pk=serializer.instance.pk)


def with_etag(response, instance):
    if response.status_code < 300 and hasattr(instance, "version"):
        response["ETag"] = etag(instance)
    return response
