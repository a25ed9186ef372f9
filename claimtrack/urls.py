from csp.decorators import csp_update
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path, re_path, reverse_lazy
from django.utils.functional import lazy
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from apps.api import urls as api_urls
from apps.api.common.views import api_not_found

# The admin's "View site" link: the public site's home page.
admin.site.site_url = reverse_lazy("public:home")

# ReDoc's menu shows Redocly's logo from their CDN, which the CSP refuses (img-src is this site
# only): the browser console then reports a violation on every visit. That page alone may show it.
REDOC_CSP = {"img-src": ["https://cdn.redoc.ly"]}

urlpatterns = [
    # Browsers ask for /favicon.ico on pages that name no icon (the API's JSON, ReDoc).
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("desk/favicon.svg"), permanent=False)),
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_urls.urlpatterns, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's own script from a URL: no inline script for the CSP to refuse.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", csp_update(REDOC_CSP)(SpectacularRedocView.as_view(url_name="schema")), name="redoc"),
    path("api-auth/", include("rest_framework.urls")),  # log in and out of the browsable API
    # Any other /api/ URL, line breaks included (`.` stops at one, and Django's HTML 404 answered).
    re_path(r"^api/(?P<path>[\s\S]*)$", api_not_found),
    # The public site (fact-checks, speakers, topics, search, feeds) at the root, after the rest.
    path("", include("apps.public.urls")),
]

handler404 = "apps.api.common.views.not_found"
handler500 = "apps.api.common.views.internal_error"
