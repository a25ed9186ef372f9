"""Query strings checked once, before any view reads them; and a form's body too large to read."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpResponse, QueryDict

from apps.api.common.exceptions import json_error_response
from apps.api.common.views import API_PREFIX
from apps.core.models import CONTROL_CHARACTER


def _query(request) -> QueryDict:
    """The query string's parameters; none when Django refuses to read them (more than
    DATA_UPLOAD_MAX_NUMBER_FIELDS): the view then meets that refusal, and answers it as before
    (a JSON 400 in the API)."""
    try:
        return request.GET
    except SuspiciousOperation:
        return QueryDict()


def _control_character(text: str) -> str | None:
    found = CONTROL_CHARACTER.search(text)
    if found is None:
        return None
    return f"the invisible control character U+{ord(found.group()):04X} at position {found.start() + 1}"


class ControlCharactersInQueryMiddleware:
    """A query parameter (name or value) with a control character is refused with a 400 that
    names it, the way a text field refuses one (tabs and line breaks are fine): in a search box,
    a filter or the admin's autocomplete alike. PostgreSQL refuses NUL in text, so such a
    search reached the database and was a 500; the other control characters are never typed by
    a person, and are refused as the records refuse them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, values in _query(request).lists():
            found = _control_character(name)
            if found:
                return _refused(request, name, found, in_name=True)
            for value in values:
                found = _control_character(value)
                if found:
                    return _refused(request, name, found, in_name=False)
        return self.get_response(request)


def _refused(request, name: str, found: str, *, in_name: bool) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        message = (
            f"The name contains {found}; remove it."
            if in_name
            else f"Contains {found}; remove it (tabs and line breaks are fine)."
        )
        detail = f"{name}: {message}"
        return json_error_response(status_code=400, detail=detail, code="invalid", errors={name: [message]})
    shown = CONTROL_CHARACTER.sub(lambda match: f"\\x{ord(match.group()):02x}", name)
    message = (
        f"The name of the query parameter “{shown}” contains {found}; remove it."
        if in_name
        else f"The query parameter “{shown}” contains {found}; remove it (tabs and line breaks are fine)."
    )
    return HttpResponse(f"{message}\n", status=400, content_type="text/plain; charset=utf-8")


class EmptyApiParametersAbsentMiddleware:
    """In the API, a query parameter given empty (`?cursor=`, `?speaker=`, `?format=`) is one
    not given, for every parameter of every endpoint, as a form's blank field is: each reader
    (filters, pagination, content negotiation, a view's own parameters) had its own view of
    emptiness, and some refused what others ignored. The OpenAPI document says so
    (`allowEmptyValue` on every query parameter)."""

    # The documentation pages are not API endpoints: Swagger UI fetches its own script as
    # `/api/docs/?script=`, an empty parameter that means something.
    DOCUMENTATION = (f"{API_PREFIX}docs/", f"{API_PREFIX}redoc/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if (
            path.startswith(API_PREFIX)
            and not path.startswith(self.DOCUMENTATION)
            and any("" in values for _, values in _query(request).lists())
        ):
            given = QueryDict(mutable=True)
            for name, values in request.GET.lists():
                if values := [value for value in values if value != ""]:
                    given.setlist(name, values)
            given._mutable = False
            request.GET = given
        return self.get_response(request)


class FormTooLargeMiddleware:
    """A form (outside the API) whose fields hold more than DATA_UPLOAD_MAX_MEMORY_SIZE is
    answered with a 413 that says what to do. Django's CSRF check reads the form's token from
    the body before any view runs, and its refusal to read that much was a bare "Bad Request
    (400)" page: an article pasted whole, page and all, into "Bring in an article" met it. So
    the body is read here, before the CSRF check. (The API reads its JSON bodies itself, and
    answers a 413 in JSON.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.path.startswith(API_PREFIX):
            try:
                request.POST  # noqa: B018 - read here, where its refusal can be answered
            except RequestDataTooBig:
                return HttpResponse(
                    f"What you sent is larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1_000_000:.1f} MB, the most "
                    "ClaimTrack reads from a form; nothing was saved. Go back and send less. To bring in an "
                    "article: paste the article alone, without the rest of the page, or save it as a file and "
                    f"upload it instead (up to {settings.CLAIMTRACK_INTAKE_MAX_BYTES / 1_000_000:g} MB).\n",
                    status=413,
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)
