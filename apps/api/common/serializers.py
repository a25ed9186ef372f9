"""The base of every writable serializer: a write is validated by the model's own rules (the
ones the admin applies, through full_clean) and saved by `apps.core.services.model_save`, so the
API can never store what the admin would refuse."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import serializers
from rest_framework.reverse import reverse

from apps.core.services import model_save

URL_PLACEHOLDER = "3141592653589793"  # digits: ids match \d+ (apps.api.common.viewsets)


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
    """A write-only id field whose error names what is missing and where to look it up."""
    return serializers.PrimaryKeyRelatedField(
        queryset=queryset,
        write_only=True,
        error_messages={
            "does_not_exist": f"There is no {label} with id {{pk_value}}; see {list_url} for the ids.",
            "incorrect_type": f"Give the {label}'s id as a number, not {{data_type}}.",
        },
        **kwargs,
    )


class CleanModelSerializer(serializers.ModelSerializer):
    """A model serializer that saves through model_save (validation, version check, history).
    An empty slug is made from the record (its `slug_basis()`), as the admin makes it."""

    # The service that validates and saves a record (model_save's arguments); a resource with
    # rules beyond its model's own names its own (StatementSerializer).
    save_service = staticmethod(model_save)

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

    def _field_errors(self, error: DjangoValidationError) -> dict:
        """The model's errors under the names the client used (`speaker_id`, not `speaker`)."""
        if not hasattr(error, "error_dict"):
            return {"non_field_errors": error.messages}
        names = {field.source: name for name, field in self.fields.items() if not field.read_only}
        errors = {}
        for name, messages in error.message_dict.items():
            key = "non_field_errors" if name == NON_FIELD_ERRORS else names.get(name, name)
            errors.setdefault(key, []).extend(messages)
        return errors
