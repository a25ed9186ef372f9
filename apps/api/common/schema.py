"""The OpenAPI document documents errors as well as successes: every operation lists the error
responses it can give, all in the one shape of `apps.api.common.exceptions`."""

from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import permissions, serializers

from .parsers import MAX_JSON_DEPTH


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong and how to fix it, in one paragraph.")
    code = serializers.CharField(help_text="A stable, machine-readable code: invalid, not_found, conflict…")
    errors = serializers.DictField(
        required=False,
        help_text="For invalid input: the messages for each field or query parameter.",
    )

    class Meta:
        ref_name = "Error"


ERROR_DESCRIPTIONS = {
    "400": "Invalid input: an unknown or invalid query parameter or field (`errors` lists each problem), or a "
    f"body that is not valid JSON, nests objects and arrays more than {MAX_JSON_DEPTH} levels deep or holds a "
    "number beyond a float's range.",
    "401": "No credentials, or an invalid token. Send `Authorization: Token <key>`.",
    "403": "Authenticated, but without the permission this needs.",
    "404": "No such object, or no such page.",
    "409": "The change conflicts with stored data (for example, other records still refer to this one), or a "
    "workflow move is not allowed now; `detail` says why.",
    "412": "The record changed since the ETag sent in If-Match: `changes` lists what changed in between; "
    "the answer's ETag is the current one. Nothing was saved.",
    "413": "The request body is larger than the server accepts (`DATA_UPLOAD_MAX_MEMORY_SIZE`, 2.5 MB by "
    "default); nothing was read or saved. Send less, or ask the desk to raise the limit.",
    "415": "The request body is not JSON. Send `Content-Type: application/json`.",
    "428": "A write to a verification without If-Match. GET it and send its ETag back.",
}
# Permissions that let anonymous clients read.
ANONYMOUS_READS = (
    permissions.AllowAny,
    permissions.IsAuthenticatedOrReadOnly,
    permissions.DjangoModelPermissionsOrAnonReadOnly,
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    description="The ETag of the record as you read it. The write is refused with 412 when the record changed since.",
)


class AutoSchema(openapi.AutoSchema):
    def _error_codes(self) -> list[str]:
        has_id = "{" in self.path
        codes = ["400"]
        if has_id or self._is_list_view():
            codes.append("404")
        if self.method in ("POST", "PUT", "PATCH", "DELETE"):
            codes += ["401", "403", "409"]
            if not has_id and self.method != "POST":
                codes.remove("404")
        elif not self._reads_open():  # a private read (intake): credentials needed
            codes += ["401", "403"]
        if self.method in ("POST", "PUT", "PATCH"):
            codes += ["413", "415"]
        if self._is_versioned_write():
            codes.append("412")
        if self._writes_verification():
            codes.append("428")
        return sorted(set(codes))

    def _reads_open(self) -> bool:
        return any(isinstance(permission, ANONYMOUS_READS) for permission in self.view.get_permissions())

    def _is_versioned_write(self) -> bool:
        if self.method not in ("POST", "PUT", "PATCH", "DELETE") or "{" not in self.path:
            return False
        model = getattr(getattr(self.view, "queryset", None), "model", None)
        return self._writes_verification() or (
            model is not None and hasattr(model, "version") and self.method != "POST"
        )

    def _writes_verification(self) -> bool:
        return "/verification/" in self.path and self.method in ("POST", "PATCH")

    def get_auth(self):
        """Reads are open to everyone (`{}`: no credentials), writes need them: drf-spectacular
        reads that off the permission classes and knew neither DjangoModelPermissionsOrAnonReadOnly
        (so it made reads look closed) nor that an action open to all (AllowAny) may check
        for a user itself when it writes."""
        auths = [auth for auth in super().get_auth() if auth]
        if self.method in permissions.SAFE_METHODS and self._reads_open():
            auths.append({})
        return auths

    def _get_parameters(self):
        parameters = super()._get_parameters()
        for parameter in parameters:
            if parameter["in"] == "query":
                # Given empty, it is as if not given (apps.api.middleware.EmptyApiParametersAbsentMiddleware).
                parameter["allowEmptyValue"] = True
            if parameter.get("schema", {}).get("type") == "boolean":
                # Its values are true and false: drf-spectacular listed the choices of a yes-or-no
                # filter, the strings "true" and "false", as an enum that no boolean is in.
                parameter["schema"].pop("enum", None)
        return parameters

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self._is_versioned_write() and not self._writes_verification():
            parameters = [*parameters, IF_MATCH]
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[code]),
                    code,
                    media_types=["application/json"],
                    direction=direction,
                )
        return responses
