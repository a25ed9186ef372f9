"""The API's routes under /api/v1/: one router collects every resource's (each folder's urls.py
lists its own), plus the verification endpoints that are not viewsets."""

from rest_framework.routers import DefaultRouter

from .claims import urls as claims_urls
from .intake import urls as intake_urls
from .sources import urls as sources_urls
from .speakers import urls as speakers_urls
from .verification import urls as verification_urls

router = DefaultRouter()
for resource_urls in (sources_urls, speakers_urls, claims_urls, verification_urls, intake_urls):
    for prefix, viewset, basename in resource_urls.routes:
        router.register(prefix, viewset, basename=basename)

urlpatterns = [*verification_urls.urlpatterns, *router.urls]
