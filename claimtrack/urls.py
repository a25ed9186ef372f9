from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from apps.claims.api import urls as claims_api
from apps.core.api.views import api_not_found
from apps.sources.api import urls as sources_api
from apps.speakers.api import urls as speakers_api
from apps.verification.api import urls as verification_api

admin.site.site_header = "ClaimTrack"
admin.site.site_title = "ClaimTrack"
admin.site.index_title = "Sources, speakers, statements and their verification"

# One router collects every app's API routes under /api/v1/.
router = DefaultRouter()
for app_api in (sources_api, speakers_api, claims_api, verification_api):
    for prefix, viewset, basename in app_api.routes:
        router.register(prefix, viewset, basename=basename)

api_v1 = [*verification_api.urlpatterns, *router.urls]

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_v1, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's own script from a URL: no inline script for the CSP to refuse.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("api-auth/", include("rest_framework.urls")),  # log in and out of the browsable API
    # Any other /api/ URL, line breaks included (`.` stops at one, and Django's HTML 404 answered).
    re_path(r"^api/(?P<path>[\s\S]*)$", api_not_found),
]

handler404 = "apps.core.api.views.not_found"
handler500 = "apps.core.api.views.internal_error"
