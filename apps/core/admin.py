"""Pieces shared by every app's admin."""
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin


# URLs typed without a scheme are taken as https (Django 6's default, chosen now).
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class TimestampedAdmin(SimpleHistoryAdmin):
    """Every curated model: history view, timestamps shown read-only, no accidental 'delete all'."""

    readonly_fields = ("created_at", "updated_at")
    list_per_page = 50
    show_full_result_count = False  # no COUNT(*) over the whole table on every page
    formfield_overrides = URL_FIELD_OVERRIDES


def admin_link(obj, label=None) -> str:
    """An HTML link to an object's change page in the admin."""
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label if label is not None else str(obj))


def admin_changelist_link(model, label: str, **filters) -> str:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    return format_html('<a href="{}?{}">{}</a>', url, query, label)


def html_list(items) -> str:
    """A <ul> of already-escaped HTML fragments, or a dash when there are none."""
    items = list(items)
    if not items:
        return "—"
    return format_html("<ul style='margin:0;padding-left:1.2em'>{}</ul>", format_html_join("", "<li>{}</li>", ((item,) for item in items)))


