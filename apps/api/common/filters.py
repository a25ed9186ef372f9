"""Filtering for every list endpoint: one explicit FilterSet per resource (`filtersets.py` in
each app), applied by a backend that refuses query parameters it does not know, so that a typo
(`?speakr=putin`) is a 400 naming the parameters that exist rather than an unfiltered list."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions

# Parameters every list endpoint understands besides its filters.
COMMON_PARAMETERS = {"page", "page_size", "pagination", "cursor", "format"}


def refuse_unknown_parameters(given, known, *, what: str = "query parameter", repeatable=()) -> None:
    """A 400 naming each parameter (or body field) not in `known`, so a typo is not taken for
    "no filter"; and, in a query string, each parameter given more than once that takes one
    value (not in `repeatable`), rather than silently reading only its last value."""
    unknown = sorted(set(given) - set(known))
    if unknown:
        message = f"Unknown {what}. This endpoint understands: {', '.join(sorted(known)) or 'none'}."
        raise exceptions.ValidationError({name: [message] for name in unknown})
    if hasattr(given, "getlist"):
        repeated = {name: len(given.getlist(name)) for name in given if name not in repeatable}
        repeated = {name: times for name, times in repeated.items() if times > 1}
        if repeated:
            raise exceptions.ValidationError(
                {name: [f"Given {times} times; it takes one value: give it once."] for name, times in repeated.items()}
            )


WRITTEN_IN_DIGITS = (django_filters.DateFilter, django_filters.DateTimeFilter, django_filters.NumberFilter)


class FilterSet(django_filters.FilterSet):
    """A FilterSet that also checks date ranges: `date_ranges` lists (from, to) filter pairs,
    and a `from` after its `to` is refused instead of answering with an empty list."""

    date_ranges: tuple[tuple[str, str], ...] = ()

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, only_given: bool = False):
        if only_given and data is not None:
            # The API's filter backend: only the filters the request names are copied and get a
            # form field. Copying every filter (deep, querysets and all) and validating each
            # empty value cost more than the filtering itself. (The browsable API's filter form
            # is built without `only_given`, and shows them all.)
            self.base_filters = {name: filter_ for name, filter_ in self.base_filters.items() if name in data}
        super().__init__(data, queryset, request=request, prefix=prefix)

    def is_valid(self) -> bool:
        valid = super().is_valid()
        for name, filter_ in self.filters.items():
            # Dates and numbers are written with the digits 0 to 9, as the OpenAPI document says:
            # Django reads a date-time in any script's digits ("٢٠٢٢" is 2022).
            given = self.data.getlist(name) if hasattr(self.data, "getlist") else [self.data.get(name) or ""]
            if isinstance(filter_, WRITTEN_IN_DIGITS) and not all(value.isascii() for value in given):
                self.form.add_error(name, "Write it with the digits 0 to 9.")
                valid = False
        data = self.form.cleaned_data if hasattr(self.form, "cleaned_data") else {}
        for start, end in self.date_ranges:
            if data.get(start) and data.get(end) and data[start] > data[end]:
                self.form.add_error(start, f"{start} ({data[start]}) is after {end} ({data[end]}).")
                valid = False
        self._say_how_to_fix()
        return valid

    # The codes of the form fields' own refusals ("Select a valid choice.", "Enter a valid date."),
    # which say what is wrong but not what the parameter takes.
    FIXABLE_CODES = ("invalid", "invalid_choice", "invalid_pk_value", "invalid_list")

    def _say_how_to_fix(self) -> None:
        for name, errors in list(self.form.errors.items()):
            hint = how_to_fix(self.form.fields.get(name))
            if not hint:
                continue
            messages = []
            for error in errors.as_data():
                fixable = error.code in self.FIXABLE_CODES
                messages.extend(f"{message} {hint}" if fixable else message for message in error)
            self.form.errors[name] = self.form.error_class(messages)


def how_to_fix(field) -> str:
    """What a filter's form field takes, said after its refusal of a value."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        model = field.queryset.model
        key = "slug" if field.to_field_name == "slug" else "id"
        hint = f"Give the {key} of a {model._meta.verbose_name} on file"
        listing = {"rating": "rating-scale"}.get(model._meta.model_name, model._meta.model_name)
        try:
            hint += f" (see {reverse(f'api:{listing}-list')})"
        except NoReverseMatch:
            pass
        return hint + "."
    if isinstance(field, forms.ChoiceField):
        return f"Use one of: {', '.join(str(value) for value, _ in field.choices if value != '')}."
    if isinstance(field, forms.DateTimeField):
        return "Write it as an ISO 8601 date and time, e.g. 2026-01-31T12:00:00Z."
    if isinstance(field, forms.DateField):
        return "Write the date as YYYY-MM-DD, e.g. 2022-01-31."
    return ""


# The largest id a database holds (a 64-bit integer). A larger one in a list of ids would crash
# SQLite ("Python int too large to convert to SQLite INTEGER") instead of matching nothing.
MAX_ID = 2**63 - 1


class _IdsField(django_filters.fields.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value:
            try:
                out_of_range = abs(int(pk)) > MAX_ID
            except (TypeError, ValueError):
                continue  # not a number: refused by the checks that follow
            if out_of_range:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
        return super()._check_values(value)


class IdsFilter(django_filters.ModelMultipleChoiceFilter):
    """Records named by id, repeated for several (`?source_id=3&source_id=7`); an unknown id is
    refused."""

    field_class = _IdsField


@extend_schema_field(OpenApiTypes.STR)
class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    """Records named by slug, repeated for several (`?topic=borders&topic=energy`); an unknown
    slug is refused. (The OpenAPI document says "string": the slug, not the model's id.)"""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class BooleanFilter(django_filters.TypedChoiceFilter):
    """`true` or `false`; anything else is refused (django-filter's own BooleanFilter ignores
    a value it cannot read, which would answer an unfiltered list)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("true", "true"), ("false", "false")])
        kwargs.setdefault("coerce", lambda value: value == "true")
        super().__init__(*args, **kwargs)


class StrictFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        filters = set(filterset_class.base_filters) if filterset_class else set()
        known = set(COMMON_PARAMETERS) | set(getattr(view, "extra_query_parameters", ())) | filters
        repeatable = {
            name
            for name, filter_ in (filterset_class.base_filters.items() if filterset_class else ())
            if isinstance(filter_, (django_filters.MultipleChoiceFilter, django_filters.ModelMultipleChoiceFilter))
        }
        refuse_unknown_parameters(request.query_params, known, repeatable=repeatable)
        if not filters & set(request.query_params):
            # No filter given (every detail page, most list pages): the FilterSet would return
            # the queryset unchanged, and building it (its form and a copy of every filter)
            # costs more than a page of results.
            return queryset
        filterset = filterset_class(**self.get_filterset_kwargs(request, queryset, view), only_given=True)
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        return filterset.qs


MAX_SEARCH_TERMS = 10


def search_terms(value: str) -> list[str]:
    """The words of a `search=` value; every word must match (in any of the searched fields)."""
    words = value.split()
    if len(words) > MAX_SEARCH_TERMS:
        raise exceptions.ValidationError(
            {"search": [f"Search with at most {MAX_SEARCH_TERMS} words (this has {len(words)})."]}
        )
    return words
