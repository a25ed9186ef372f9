from rest_framework import mixins, viewsets


class ReadOnlyModelViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"\d+"


class ModelViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, mixins.DestroyModelMixin, ReadOnlyModelViewSet):
    """List, detail and writes. After a write the object is read back through the viewset's
    queryset, so the answer has the same fields (counts, embedded relations) as a GET."""

    def perform_create(self, serializer):
        serializer.save()
        self._read_back(serializer)

    def perform_update(self, serializer):
        serializer.save()
        self._read_back(serializer)

    def _read_back(self, serializer):
        serializer.instance = self.get_queryset().get(pk=serializer.instance.pk)
