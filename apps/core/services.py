"""Saving curated records: the one path by which the API writes sources, speakers, statements
and quotations, so that they are validated by the same rules as in the admin."""

from django.db import models, transaction
from django.utils.text import slugify

SLUG_MAX_ATTEMPTS = 1000


def unique_slug(*, model: type[models.Model], text: str, exclude_pk=None) -> str:
    """A slug for `text` not yet used by `model`: "vladimir-putin", then "vladimir-putin-2"…"""
    max_length = model._meta.get_field("slug").max_length
    base = (slugify(text, allow_unicode=False) or "item")[: max_length - 5].strip("-") or "item"
    taken = set(model.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True))
    for number in range(1, SLUG_MAX_ATTEMPTS):
        candidate = base if number == 1 else f"{base}-{number}"
        if candidate not in taken:
            return candidate
    raise ValueError(f"No free slug for “{text}”; give one explicitly.")


@transaction.atomic
def model_save(*, instance: models.Model, many_to_many: dict | None = None) -> models.Model:
    """Validate `instance` with its model's rules (full_clean), save it and set its
    many-to-many relations, all or nothing. Raises django.core.exceptions.ValidationError."""
    instance.full_clean()
    instance.save()
    for name, values in (many_to_many or {}).items():
        getattr(instance, name).set(values)
    return instance
