from .views import PublisherViewSet, SourceViewSet

routes = [("publishers", PublisherViewSet, "publisher"), ("sources", SourceViewSet, "source")]
