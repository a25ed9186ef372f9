"""The OpenAPI document documents errors as well as successes: every operation lists the error
responses it can give, all in the one shape of `apps.core.api.exceptions`."""

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


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
    "400": "Invalid input: an unknown or invalid query parameter or field. `errors` lists each problem.",
    "401": "No credentials, or an invalid token. Send `Authorization: Token <key>`.",
    "403": "Authenticated, but without the permission this needs.",
    "404": "No such object, or no such page.",
    "409": "The change conflicts with stored data (for example, other records still refer to this one).",
    "415": "The request body is not JSON. Send `Content-Type: application/json`.",
}


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
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append("415")
        return sorted(set(codes))

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
