"""The base of every writable serializer: a write is validated by the model's own rules (the
ones the admin applies, through full_clean) and saved by `apps.core.services.model_save`, so the
API can never store what the admin would refuse."""

import re
from collections.abc import Mapping

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator
from django.db import models
from rest_framework import serializers
from rest_framework.reverse import reverse
from rest_framework.settings import api_settings
from rest_framework.utils import humanize_datetime

from apps.core.services import model_save

from .filters import refuse_unknown_parameters

URL_PLACEHOLDER = "3141592653589793"  # digits: ids match [0-9]+ (apps.api.common.viewsets)


def api_url_template(view_name: str, request, *, kwarg: str = "pk") -> str:
    """The absolute URL of `view_name` with “{}” where the id goes: reversed once, filled in
    for each record (Django's reverse() costs more than serializing the record)."""
    url = reverse(view_name, kwargs={kwarg: URL_PLACEHOLDER}, request=request)
    return url.replace(URL_PLACEHOLDER, "{}")


class ApiUrlField(serializers.HyperlinkedIdentityField):
    """A record's API URL, its pattern reversed once per response, not once per record."""

    def get_url(self, obj, view_name, request, format):
        if format or getattr(obj, self.lookup_field, None) in (None, ""):
            return super().get_url(obj, view_name, request, format)
        if getattr(self, "_template_for", self) is not request:
            self._template = api_url_template(view_name, request, kwarg=self.lookup_url_kwarg)
            self._template_for = request
        return self._template.format(getattr(obj, self.lookup_field))


def related_field(queryset, *, label: str, list_url: str, **kwargs) -> serializers.PrimaryKeyRelatedField:
    """A write-only id field whose error names what is missing and where to look it up. An id is
    a whole number: 1.5 is refused, where the database would have read it as id 1."""
    return serializers.PrimaryKeyRelatedField(
        queryset=queryset,
        write_only=True,
        pk_field=serializers.IntegerField(error_messages={"invalid": f"Give the {label}'s id as a whole number."}),
        error_messages={
            "does_not_exist": f"There is no {label} with id {{pk_value}}; see {list_url} for the ids.",
            "incorrect_type": f"Give the {label}'s id as a number, not {{data_type}}.",
        },
        **kwargs,
    )


def _refuse_surrounding_space(value: str) -> None:
    if value != value.strip():
        raise serializers.ValidationError("Remove the spaces or line breaks around it.")


def _is_integer(value) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())


JSON_TYPES = (
    (serializers.CharField, lambda value: isinstance(value, str)),
    (serializers.BooleanField, lambda value: isinstance(value, bool)),
    (serializers.IntegerField, _is_integer),
)
# How a number or a date is written in a query string (or a date in a body): with the digits 0 to 9.
# Python's int(), float() and Django's date parser also read " 5", "1_0" and every other script's
# digits ("٣" is 3), which the OpenAPI document's integers, numbers and dates are not.
WRITTEN_AS = (
    (serializers.IntegerField, re.compile(r"-?[0-9]+")),
    (serializers.FloatField, re.compile(r"-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")),
    (serializers.DateField, re.compile(r"[\x20-\x7e]*")),
    (serializers.DateTimeField, re.compile(r"[\x20-\x7e]*")),
)


def _check_as_sent(field: serializers.Field, check) -> None:
    """`check(value)` runs on the value as sent, before the field converts it; it raises a
    ValidationError to refuse it."""
    to_internal_value = field.to_internal_value

    def checked(data):
        check(data)
        return to_internal_value(data)

    field.to_internal_value = checked


def _writable(fields):
    """The writable fields among `fields`, and the fields of each item of their lists (aliases,
    topic_ids)."""
    for field in fields.values():
        if field.read_only:
            continue
        if isinstance(field, serializers.ListField):
            field = field.child
        elif isinstance(field, serializers.ManyRelatedField):
            field = field.child_relation
        yield field


def _of_type(is_of_type, message: str):
    def check(value):
        if not is_of_type(value):
            raise serializers.ValidationError(message, code="invalid")

    return check


class JSONTypesMixin:
    """A body's values are of the JSON type the OpenAPI document gives them: text a string, a
    number a number, a yes-or-no a boolean, an id a whole number. DRF converts what it can
    (`"slug": 0` made the slug "0", `"occurrence": "2"` the number 2, `0` false), accepting what the
    document refuses; a value of another type is refused instead, with DRF's own message for the
    type (a slug's own "invalid" says less than "Not a valid string.")."""

    def get_fields(self):
        fields = super().get_fields()
        for field in _writable(fields):
            for kind, is_of_type in JSON_TYPES:
                if isinstance(field, kind):
                    _check_as_sent(field, _of_type(is_of_type, kind.default_error_messages["invalid"]))
                    break
            else:
                if isinstance(field, serializers.PrimaryKeyRelatedField) and field.pk_field is not None:
                    _check_as_sent(field, _of_type(_is_integer, field.pk_field.error_messages["invalid"]))
        return fields


def _written_as(field: serializers.Field, pattern: re.Pattern):
    # The formats a date's message names, as DRF names them (a number's message names none).
    if isinstance(field, serializers.DateTimeField):
        given = getattr(field, "input_formats", api_settings.DATETIME_INPUT_FORMATS)
        formats = humanize_datetime.datetime_formats(given)
    else:
        formats = humanize_datetime.date_formats(getattr(field, "input_formats", api_settings.DATE_INPUT_FORMATS))

    def check(value):
        if isinstance(value, str) and not pattern.fullmatch(value):
            field.fail("invalid", format=formats)

    return check


def _no_longer_than_its_maximum(field: serializers.CharField):
    def check(value):
        if isinstance(value, str) and len(value) > field.max_length:
            field.fail("max_length", max_length=field.max_length)

    return check


class AsSentMixin:
    """Values are checked as sent, as the OpenAPI document describes them, though DRF trims text
    and reads numbers and dates generously first:

    - a value the document gives a pattern or a format (a slug, a URL, a country code, a page
      token) is not trimmed: " ivan" passed as a slug that the document refuses (and a pattern
      ending in `$` let "KZ\n" through untrimmed); spaces or a line break around it are refused;
    - text longer than its maximum as sent is refused, though shorter once trimmed;
    - a number or a date is written with the digits 0 to 9 (WRITTEN_AS).

    Other text is still trimmed."""

    def get_fields(self):
        fields = super().get_fields()
        for field in _writable(fields):
            for kind, pattern in WRITTEN_AS:
                if isinstance(field, kind):
                    _check_as_sent(field, _written_as(field, pattern))
            if not isinstance(field, serializers.CharField):
                continue
            if field.max_length is not None:
                _check_as_sent(field, _no_longer_than_its_maximum(field))
            if any(isinstance(validator, RegexValidator) for validator in field.validators):
                field.trim_whitespace = False
                field.validators = [_refuse_surrounding_space, *field.validators]
        return fields


class CleanModelSerializer(JSONTypesMixin, AsSentMixin, serializers.ModelSerializer):
    """A model serializer that saves through model_save (validation, version check, history).
    An empty slug is made from the record (its `slug_basis()`), as the admin makes it."""

    # The service that validates and saves a record (model_save's arguments); a resource with
    # rules beyond its model's own names its own (StatementSerializer).
    save_service = staticmethod(model_save)

    def to_internal_value(self, data):
        # A field the resource does not have is a 400 naming it, not silently dropped (a typo
        # would otherwise look saved). Read-only fields are accepted and ignored, so that a
        # record read can be sent back as it is.
        if isinstance(data, Mapping):
            refuse_unknown_parameters(data, self.fields, what="field")
        return super().to_internal_value(data)

    def create(self, validated_data):
        return self._save(self.Meta.model(), validated_data)

    def update(self, instance, validated_data):
        return self._save(instance, validated_data)

    def _save(self, instance: models.Model, validated_data: dict) -> models.Model:
        """Only what the client sent is written, onto the stored row as locked (model_save): a
        PATCH of one field never puts back the other fields as this request first read them."""
        expected_version = validated_data.pop("expected_version", None)
        opts = instance._meta
        many_to_many = {
            name: validated_data.pop(name)
            for name in list(validated_data)
            if any(field.name == name for field in opts.many_to_many)
        }
        try:
            return self.save_service(
                instance=instance,
                changes=validated_data,
                many_to_many=many_to_many,
                expected_version=expected_version,
                user=self.context["request"].user,
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError(self._field_errors(error)) from None

    # Errors that name another record (by their code: its id in the params' "id"), with the view
    # whose URL is added to the message, so that a client can follow it: {"same_page": "api:source-detail"}.
    linked_errors: dict[str, str] = {}

    def _linked(self, error: DjangoValidationError) -> DjangoValidationError:
        if not hasattr(error, "error_dict") or not self.linked_errors:
            return error
        linked = {}
        for name, errors in error.error_dict.items():
            linked[name] = []
            for item in errors:
                message = item.message % item.params if item.params else item.message
                if item.code in self.linked_errors:
                    url = reverse(
                        self.linked_errors[item.code], kwargs={"pk": item.params["id"]}, request=self.context["request"]
                    )
                    message = f"{message} ({url})"
                linked[name].append(message)
        return DjangoValidationError(linked)

    def _field_errors(self, error: DjangoValidationError) -> dict:
        """The model's errors under the names the client used (`speaker_id`, not `speaker`)."""
        error = self._linked(error)
        if not hasattr(error, "error_dict"):
            return {"non_field_errors": error.messages}
        names = {field.source: name for name, field in self.fields.items() if not field.read_only}
        errors = {}
        for name, messages in error.message_dict.items():
            key = "non_field_errors" if name == NON_FIELD_ERRORS else names.get(name, name)
            errors.setdefault(key, []).extend(messages)
        return errors
