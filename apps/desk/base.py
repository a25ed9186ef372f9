"""Pieces shared by every app's admin."""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ORDER_VAR
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin

from apps.core.history import history_entries
from apps.core.paginator import EstimatedCountPaginator
from apps.core.selectors import distinct_languages

from .forms import CuratedModelForm

# URLs typed without a scheme are taken as https (Django 6's default, chosen now).
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class TimestampedAdmin(SimpleHistoryAdmin):
    """Every curated model: history view, timestamps shown read-only, no accidental 'delete all'."""

    readonly_fields = ("created_at", "updated_at")
    list_per_page = 50
    show_full_result_count = False  # no COUNT(*) over the whole table on every page
    paginator = EstimatedCountPaginator  # nor for the unfiltered list itself, at millions of rows
    formfield_overrides = URL_FIELD_OVERRIDES
    form = CuratedModelForm  # a slug left blank is made as the API makes it
    object_history_list_template = "admin/history_list.html"  # says "(no account)", not "None"

    def get_changelist_instance(self, request):
        # Django answers a filter it cannot apply (?said_on_year=abc) with the unfiltered list
        # (?e=1) and no word of it: the list looked filtered. Say so, and why when we know.
        try:
            return super().get_changelist_instance(request)
        except IncorrectLookupParameters as error:
            reason = error.args[0] if error.args and isinstance(error.args[0], str) else ""
            messages.error(
                request,
                "A filter in this page's address was not understood"
                + (f" ({reason.rstrip('.')})" if reason else "")
                + ", so the list below is not filtered: choose the filter again on the right.",
            )
            raise

    def save_model(self, request, obj, form, change):
        # A page saved without a change to the record itself (only its inlines, say) writes no
        # new version of it: that would be a history row saying nothing, and a version that
        # refuses everyone else's open form.
        if change and not form.has_changed():
            return
        super().save_model(request, obj, form, change)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Each version on the history page gets `desk_entry` (apps.core.history): what changed
        in the desk's words (choice labels, records by name, the words that changed in a long
        text), where simple-history's own says "Deleted user (pk=None)" and "[86 chars]". Two
        queries (the version before the page's oldest, and the names of related records)
        whatever the page's length."""
        records = list(historical_records)
        if not records:
            return
        oldest = min(records, key=lambda record: (record.history_date, record.history_id))
        earlier = (
            type(oldest)
            .objects.filter(id=oldest.id)
            .filter(
                Q(history_date__lt=oldest.history_date)
                | Q(history_date=oldest.history_date, history_id__lt=oldest.history_id)
            )
            .order_by("-history_date", "-history_id")
            .first()
        )
        for entry in history_entries(records, previous={oldest.id: earlier} if earlier else None):
            entry.record.desk_entry = entry
        for record, obj in zip(records, _instances_with_relations(records), strict=True):
            record.desk_label = str(obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Old versions can be looked at, never restored: a restore would change the record
        outside its rules (the workflow, the version check). SIMPLE_HISTORY_REVERT_DISABLED
        only hides simple-history's button; its POST would still revert."""
        if request.method == "POST":
            raise PermissionDenied("Old versions cannot be restored here; edit the record itself.")
        return super().history_form_view(request, object_id, version_id, extra_context)


class RankedSearchAdmin:
    """An admin whose search box (changelist and the autocompletes that pick its records) is a
    selector's search, best match first on every database: `ranked_search(queryset, value)`
    returns the matching rows, annotated with `search_rank` and ordered by it when it ranks
    (None: Django's own search over `search_fields`). Sorting by a column (clicking its
    header) still sorts by that column."""

    def ranked_search(self, queryset, value):
        raise NotImplementedError

    def get_search_results(self, request, queryset, search_term):
        if search_term.strip():
            found = self.ranked_search(queryset, search_term)
            if found is not None:
                # The changelist orders before it searches: a column asked for is kept.
                return (found.order_by(*queryset.query.order_by) if request.GET.get(ORDER_VAR) else found), False
        return super().get_search_results(request, queryset, search_term)


def _instances_with_relations(records) -> list:
    """The records' model instances, each foreign key's record loaded for all of them in one
    query per related model (the page names each version; str() of a statement reads its
    speaker, which would otherwise be a query per row)."""
    if not records:
        return []
    # Not record.instance: it reads the fields history leaves out (search documents) from the
    # table, a query per row.
    model = records[0].instance_type
    recorded = [field for field in model._meta.concrete_fields if hasattr(records[0], field.attname)]
    instances = [model(**{field.attname: getattr(record, field.attname) for field in recorded}) for record in records]
    for model_field in recorded:
        if not model_field.is_relation:
            continue
        ids = {getattr(obj, model_field.attname) for obj in instances} - {None}
        related = model_field.related_model._base_manager.in_bulk(ids) if ids else {}
        for obj in instances:
            target = related.get(getattr(obj, model_field.attname))
            if target is not None:
                model_field.set_cached_value(obj, target)
    return instances


class LanguageListFilter(admin.SimpleListFilter):
    """The model's language codes, whatever their case (Django's own filter for a field lists
    them with SELECT DISTINCT over the whole table)."""

    title = "language"
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code.lower(), code.lower() or "(not given)") for code in distinct_languages(model_admin.model)]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset if value is None else queryset.filter(language__iexact=value)


def year_list_filter(field_path: str, *, title: str, years_of: tuple[type[models.Model], str]):
    """A list filter by the year of a date, newest first, offering each year between the first
    and the last date of `years_of` (model, field): two index reads. It stands in for
    `date_hierarchy`, whose list of years reads every row (seconds at a million)."""
    model, field = years_of

    class YearListFilter(admin.SimpleListFilter):
        parameter_name = f"{field_path}_year"

        def lookups(self, request, model_admin):
            span = model.objects.aggregate(first=models.Min(field), last=models.Max(field))
            if span["first"] is None:
                return []
            return [(str(year), str(year)) for year in range(span["last"].year, span["first"].year - 1, -1)]

        def queryset(self, request, queryset):
            value = self.value()
            if value is None:
                return queryset
            if not value.isdigit():
                raise IncorrectLookupParameters(f"“{value}” is not a year.")  # the admin says so
            return queryset.filter(**{f"{field_path}__year": int(value)})

    YearListFilter.title = title
    return YearListFilter


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
    return format_html(
        "<ul style='margin:0;padding-left:1.2em'>{}</ul>",
        format_html_join("", "<li>{}</li>", ((item,) for item in items)),
    )


def history_table(entries) -> str:
    """A table of history entries (apps.core.history): when, who, which record, what happened,
    each field's value before and after (for long text, the words that changed), and the
    reason."""
    if not entries:
        return "No change recorded yet."
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{} #{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                dateformat.format(timezone.localtime(entry.date), "j M Y H:i"),
                entry.user or NO_ACCOUNT,
                entry.model,
                entry.object_id,
                entry.move.label if entry.move else entry.action,
                html_list(history_change_html(change) for change in entry.changes),
                entry.reason or "—",
            )
            for entry in entries
        ),
    )
    return format_html(
        '<table class="history-table"><thead><tr><th>When</th><th>Who</th><th>Record</th><th>What</th>'
        "<th>Changes (before → after)</th><th>Reason</th></tr></thead><tbody>{}</tbody></table>",
        rows,
    )


# Who made a change recorded without a user: seed data, an import, a command, or an account
# deleted since.
NO_ACCOUNT = "(no account)"
# Unchanged words kept on each side of a change in a long text's diff; the rest is elided.
DIFF_CONTEXT_WORDS = 8


def history_change_html(change) -> str:
    """One field's change, escaped: "Status: <del>In review</del> → <ins>Published</ins>", or
    for long text the words that changed, in their context, deleted and inserted."""
    if change.diff is None:
        return format_html(
            '<span class="history-field">{}:</span> <del>{}</del> → <ins>{}</ins>',
            capfirst(change.label),
            _short(change.before),
            _short(change.after),
        )
    pieces = []
    last = len(change.diff) - 1
    for index, (op, text) in enumerate(change.diff):
        if op in ("delete", "insert"):
            words = text.rstrip()  # the space after the last word is not struck through
            tag = "del" if op == "delete" else "ins"
            pieces.append(format_html(f"<{tag}>{{}}</{tag}>{{}}", words, text[len(words) :]))
        else:
            pieces.append(_context(text, keep_start=index > 0, keep_end=index < last))
    return format_html(
        '<span class="history-field">{}:</span> <span class="history-diff">{}</span>',
        capfirst(change.label),
        format_html_join("", "{}", ((piece,) for piece in pieces)),
    )


def _context(text: str, *, keep_start: bool, keep_end: bool) -> str:
    """Unchanged words between changes: the words next to a change kept, the middle elided."""
    words = text.split(" ")
    if len(words) <= 2 * DIFF_CONTEXT_WORDS + 1:
        return text
    start = " ".join(words[:DIFF_CONTEXT_WORDS]) + " " if keep_start else ""
    end = " " + " ".join(words[-DIFF_CONTEXT_WORDS:]) if keep_end else ""
    return f"{start}…{end}"


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class KnownChoicesAutocompleteSelect(AutocompleteSelect):
    """An autocomplete widget that labels its selected value from an object already loaded
    (`known`), instead of one query per widget: an inline of 50 rows would otherwise run 50."""

    known: dict = {}

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if not selected or any(pk not in self.known for pk in selected):
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        for pk in selected:
            label = self.choices.field.label_from_instance(self.known[pk])
            options.append(self.create_option(name, pk, label, set(selected), len(options)))
        return [(None, options, 0)]


class KnownChoicesFormSet(BaseInlineFormSet):
    """Hands each row's autocomplete widgets the related objects the inline's queryset already
    loaded (with select_related)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in self.forms:
            if form.instance.pk is None:
                continue
            for name, field in form.fields.items():
                widget = getattr(field.widget, "widget", field.widget)  # inside RelatedFieldWidgetWrapper
                if not isinstance(widget, KnownChoicesAutocompleteSelect):
                    continue
                related = getattr(form.instance, name)
                if related is not None:
                    widget.known = {str(related.pk): related}


class AutocompleteInline:
    """Inline whose foreign-key autocompletes cost no query per row. List the relations in the
    inline's get_queryset select_related."""

    formset = KnownChoicesFormSet

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget", KnownChoicesAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
