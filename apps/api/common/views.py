"""JSON answers for /api/ URLs that no API view handles, so that a client never gets an HTML
error page (not even with DEBUG on, where Django would show its own)."""

from django.views.decorators.csrf import csrf_exempt
from django.views.defaults import page_not_found, server_error

from .exceptions import SERVER_ERROR_MESSAGE, json_error_response

API_PREFIX = "/api/"


@csrf_exempt  # a 404 whatever the method: not Django's HTML 403 to a POST that carries a session cookie
def api_not_found(request, path=""):
    return json_error_response(
        status_code=404,
        detail=f"There is no API endpoint at {request.path}. The endpoints are listed at /api/v1/ "
        "and documented at /api/docs/.",
        code="not_found",
    )


def not_found(request, exception=None):
    if request.path.startswith(API_PREFIX):
        return api_not_found(request)
    return page_not_found(request, exception)


def internal_error(request):
    if request.path.startswith(API_PREFIX):
        return json_error_response(
            status_code=500,
            detail=SERVER_ERROR_MESSAGE,
            code="server_error",
        )
    return server_error(request)
