from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from apps.api import urls as api_urls
from apps.api.common.views import api_not_found

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_urls.urlpatterns, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's own script from a URL: no inline script for the CSP to refuse.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("api-auth/", include("rest_framework.urls")),  # log in and out of the browsable API
    # Any other /api/ URL, line breaks included (`.` stops at one, and Django's HTML 404 answered).
    re_path(r"^api/(?P<path>[\s\S]*)$", api_not_found),
]

handler404 = "apps.api.common.views.not_found"
handler500 = "apps.api.common.views.internal_error"
