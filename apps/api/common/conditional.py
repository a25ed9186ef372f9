"""Optimistic locking over HTTP. Detail answers of versioned records (statements, quotations,
verifications) carry an `ETag` naming the version; a write may send it back in `If-Match`
and is refused with 412, showing what changed, when the record moved on in between. Writes to
a verification must send it (428 otherwise): publishing a verdict other than the one read is
exactly the mistake this prevents."""

import re

from django.db import models
from rest_framework import exceptions, status

# Ids and versions are 64-bit integers: 19 digits at most (a longer number is no ETag of ours, and
# Python will not even read one of more than 4,300 digits).
ETAG_PATTERN = re.compile(r'^"(?P<model>[a-z_]+)-(?P<pk>[0-9]{1,19})-v(?P<version>[0-9]{1,19})"$')


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record changed since you read it."
    default_code = "edit_conflict"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = "This write needs an If-Match header."
    default_code = "precondition_required"


def etag(instance: models.Model) -> str:
    return f'"{instance._meta.model_name}-{instance.pk}-v{instance.version}"'


def expected_version(request, instance: models.Model, *, required: bool = False) -> int | None:
    """The version a write started from, read from its If-Match header; None when the client
    sent none (allowed unless `required`) or `*` (any version)."""
    header = request.headers.get("If-Match", "").strip()
    name = instance._meta.verbose_name
    if not header:
        if required:
            raise PreconditionRequired(
                f"Writes to a {name} need an If-Match header with the ETag of the version you read, "
                f"so that nobody else's change is overwritten. GET it first; its ETag is now {etag(instance)}."
            )
        return None
    if header == "*":
        return None
    match = ETAG_PATTERN.match(header)
    if not match or match["model"] != instance._meta.model_name or int(match["pk"]) != instance.pk:
        raise PreconditionFailed(
            f"If-Match {header} is not an ETag of this {name}. Send the one ETag from your GET of it "
            f"(now {etag(instance)})."
        )
    return int(match["version"])
