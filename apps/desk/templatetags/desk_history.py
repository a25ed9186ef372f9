"""History in the desk's words, for the history templates: who made a version and what it
changed (apps.core.history entries, rendered by apps.desk.base)."""

from django import template
from django.utils.html import format_html, format_html_join

from apps.desk.base import history_change_html

register = template.Library()


@register.simple_tag
def history_changes(entry) -> str:
    """The fields a version changed, one per line, escaped; nothing for a first version."""
    if entry is None or not entry.changes:
        return ""
    return format_html(
        '<ul class="history-changes">{}</ul>',
        format_html_join("", "<li>{}</li>", ((history_change_html(change),) for change in entry.changes)),
    )


@register.simple_tag
def history_change(change) -> str:
    """One field's change (see apps.desk.base.history_change_html)."""
    return history_change_html(change)
