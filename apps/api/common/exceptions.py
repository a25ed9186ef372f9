"""Every error from /api/ is JSON of one shape, with a message a person can act on:

    {"detail": "page_size: Ensure this value is less than or equal to 100.",
     "code": "invalid",
     "errors": {"page_size": ["Ensure this value is less than or equal to 100."]}}

`errors` is present for invalid input only and holds the messages per field (or per query
parameter); `detail` repeats them in one sentence for clients that show a single line."""

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, OperationalError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler, set_rollback

from apps.core.services import ActionRefused, EditConflict

from .conditional import PreconditionFailed, etag
from .renderers import JSONRenderer

logger = logging.getLogger("claimtrack.api")
SERVER_ERROR_MESSAGE = "An unexpected error occurred. It has been logged; please report it if it persists."


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the data as stored."
    default_code = "conflict"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "The database is unavailable; try again in a few seconds."
    default_code = "unavailable"


def _flatten(errors, prefix="") -> list[str]:
    """'field: message' lines from DRF's nested error structure."""
    if isinstance(errors, dict):
        return [line for key, value in errors.items() for line in _flatten(value, _join(prefix, key))]
    if isinstance(errors, list):
        if all(isinstance(item, str) for item in errors):
            return [f"{prefix}: {item}" if prefix else str(item) for item in errors]
        return [line for index, item in enumerate(errors) for line in _flatten(item, _join(prefix, str(index)))]
    return [f"{prefix}: {errors}" if prefix else str(errors)]


def _is_messages(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _join(prefix: str, key: str) -> str:
    if key == "non_field_errors":
        return prefix
    return f"{prefix}.{key}" if prefix else key


def _protected_message(error: ProtectedError | RestrictedError) -> str:
    objects = list(error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects)
    kinds = sorted(
        {str(obj._meta.verbose_name_plural if len(objects) > 1 else obj._meta.verbose_name) for obj in objects}
    )
    examples = "; ".join(f"“{obj}” (id {obj.pk})" for obj in objects[:3])
    more = f" and {len(objects) - 3} more" if len(objects) > 3 else ""
    return (
        f"This cannot be deleted: {len(objects)} {' and '.join(kinds)} refer to it ({examples}{more}). "
        "Delete or reassign them first."
    )


def _as_api_exception(exc: Exception) -> exceptions.APIException | None:
    """Django and database errors that have a clear meaning for a client, as API errors."""
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, EditConflict):
        return PreconditionFailed(str(exc))
    if isinstance(exc, ActionRefused):
        return Conflict(str(exc), code="refused")
    if isinstance(exc, (ProtectedError, RestrictedError)):
        return Conflict(_protected_message(exc))
    if isinstance(exc, IntegrityError):
        return Conflict("Another request changed the same data at the same moment; reload it and try again.")
    if isinstance(exc, OperationalError):
        return ServiceUnavailable()
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge(f"The request body is too large: {exc}.")
    if isinstance(exc, SuspiciousOperation):
        return exceptions.ValidationError({"request": [str(exc) or "The request was refused as unsafe."]})
    if isinstance(exc, Http404):
        return exceptions.NotFound(*exc.args)
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied(*exc.args)
    return None


def error_body(*, detail: str, code: str, errors=None, changes=None) -> dict:
    body = {"detail": detail, "code": code}
    if errors is not None:
        body["errors"] = errors
    if changes is not None:
        body["changes"] = changes
    return body


def _conflict_changes(conflict: EditConflict) -> list[dict]:
    return [
        {
            "version": entry.record.version,
            "date": entry.date.isoformat(),
            "user": entry.user,
            "reason": entry.reason,
            "changes": [{"field": c.name, "before": c.before, "after": c.after} for c in entry.changes],
        }
        for entry in conflict.entries
    ]


def api_exception_handler(exc, context):
    original = exc
    converted = _as_api_exception(exc)
    if converted is not None:
        if isinstance(exc, OperationalError):
            logger.warning("Database unavailable: %s", exc)
        exc = converted
    response = exception_handler(exc, context)
    request = context.get("request")
    if response is None:
        # An unexpected error: log the traceback for us, give the client JSON, never the trace.
        logger.exception("Unhandled error in %s", request.path if request else "the API", exc_info=exc)
        set_rollback()
        response = Response(
            error_body(
                detail=SERVER_ERROR_MESSAGE,
                code="server_error",
            ),
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
    elif isinstance(exc, exceptions.ValidationError):
        errors = response.data if isinstance(response.data, dict) else {"non_field_errors": response.data}
        # Always {field: [messages]}: an error inside a list field becomes "1: message".
        errors = {name: messages if _is_messages(messages) else _flatten(messages) for name, messages in errors.items()}
        lines = _flatten(errors)
        response.data = error_body(detail=" ".join(lines) or "Invalid input.", code="invalid", errors=errors)
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else response.data
        code = getattr(getattr(exc, "detail", None), "code", None) or getattr(exc, "default_code", "error")
        response.data = error_body(detail=str(detail), code=str(code))
    if isinstance(exc, ServiceUnavailable):
        response["Retry-After"] = "5"
    if isinstance(original, EditConflict) and original.current_version is not None:
        response.data["changes"] = _conflict_changes(original)
        original.instance.version = original.current_version
        response["ETag"] = etag(original.instance)
    if request is not None:
        # An error answers in JSON even when CSV or JSON-LD was asked for, or a format no renderer
        # has (`?format=xml`, refused before any renderer was chosen).
        renderer = getattr(request, "accepted_renderer", None)
        if renderer is None or renderer.format not in ("json", "api"):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
    return response


def json_error_response(*, status_code: int, detail: str, code: str, errors=None) -> JsonResponse:
    return JsonResponse(error_body(detail=detail, code=code, errors=errors), status=status_code)
