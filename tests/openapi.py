"""Checking API responses against the OpenAPI document the API publishes at /api/schema/."""

import copy
import functools

import jsonschema
from django.test import Client

REF_PREFIX = "#/components/schemas/"


@functools.cache
def _document_cached() -> dict:
    return Client().get("/api/schema/", {"format": "json"}).json()


def openapi_document() -> dict:
    return copy.deepcopy(_document_cached())


def _inline_refs(schema, components: dict):
    """The schema with every `$ref` to a component replaced by the component itself."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX):
            rest = {key: value for key, value in schema.items() if key != "$ref"}
            return {**_inline_refs(components[ref[len(REF_PREFIX) :]], components), **rest}
        return {key: _inline_refs(value, components) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_inline_refs(item, components) for item in schema]
    return schema


def response_schema(document: dict, *, method: str, path: str, status: int, content_type: str) -> dict:
    operation = document["paths"][path][method.lower()]
    responses = operation["responses"]
    assert str(status) in responses, f"{method} {path} answered {status}, which is not documented ({sorted(responses)})"
    content = responses[str(status)].get("content", {})
    media_type = content_type.split(";")[0].strip()
    assert media_type in content, f"{method} {path} {status}: {media_type} not documented ({sorted(content)})"
    return _inline_refs(content[media_type]["schema"], document["components"]["schemas"])


def assert_conforms(document: dict, response, *, method: str, path: str) -> None:
    """The response's status, content type and body are as the document says."""
    if response.status_code == 204:
        assert "204" in document["paths"][path][method.lower()]["responses"]
        assert response.content == b""
        return
    schema = response_schema(
        document, method=method, path=path, status=response.status_code, content_type=response["Content-Type"]
    )
    jsonschema.Draft202012Validator(schema).validate(response.json())
