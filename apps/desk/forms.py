import copy

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.forms.models import construct_instance

from apps.core.services import EditConflict, locked_row, slug_fill, version_check


class LinesField(forms.CharField):
    """A list of strings edited as a textarea, one per line (speaker aliases)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return [str(item).strip() for item in value if str(item).strip()]
        lines = [line.strip() for line in (value or "").splitlines()]
        unique = []
        for line in lines:
            if line and line not in unique:
                unique.append(line)
        return unique

    def has_changed(self, initial, data):
        return self.to_python(initial) != self.to_python(data)


class CuratedModelForm(forms.ModelForm):
    """The admin's form for every curated model.

    Each field carries, hidden, the value the page showed (`show_hidden_initial`), so the form
    knows what the editor changed, not merely what differs from the stored row. On save, only
    those fields are written, onto the stored row as locked and read afresh
    (`apps.core.services.locked_row`; the admin saves in one transaction): a form opened before
    someone else's save never puts back the fields that person changed.

    A slug left blank is made on save from the record (`slug_basis()`), by the same function as
    in the API, so a speaker gets the same slug whichever way it is entered; a slug already
    taken gets "-2", "-3"…"""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        if slug is not None and hasattr(self.instance, "slug_basis"):
            slug.required = False
            slug.help_text = f"Leave blank to have one made from the {self.instance.slug_from} when saved."
        if self.instance.pk is not None:
            for field in self.fields.values():
                field.show_hidden_initial = True

    def clean(self):
        cleaned_data = super().clean()
        if "slug" in self.fields and not cleaned_data.get("slug") and hasattr(self.instance, "slug_basis"):
            draft = construct_instance(self, copy.copy(self.instance), self._meta.fields, self._meta.exclude)
            slug_fill(draft)
            if draft.slug:
                cleaned_data["slug"] = draft.slug
        return cleaned_data

    def _update_errors(self, errors):
        # The model's checks across fields (a date and its precision) run on what the form could
        # read: a field its own check refused keeps its old value there (empty on a new record), so
        # their message about it ("Enter a date, or set its precision to “Unknown”…" after "Enter a
        # valid date.") would be about a value nobody typed. Its own error says what is wrong.
        if hasattr(errors, "error_dict") and self._errors:
            kept = {
                name: messages
                for name, messages in errors.error_dict.items()
                if name == NON_FIELD_ERRORS or name not in self._errors
            }
            if not kept:
                return
            errors = ValidationError(kept)
        super()._update_errors(errors)

    def _post_clean(self):
        if self.instance.pk is not None and self.has_changed():
            try:
                self.instance = locked_row(self.instance)
            except (EditConflict, ObjectDoesNotExist):
                self.add_error(None, f"This {self.instance._meta.verbose_name} was deleted after you opened it.")
                return
            # What the editor did not change is left as stored (construct_instance skips it).
            model_fields = {field.name for field in self.instance._meta.get_fields()}
            for name in [name for name in self.cleaned_data if name in model_fields]:
                if name not in self.changed_data:
                    del self.cleaned_data[name]
        super()._post_clean()


class VersionedModelForm(CuratedModelForm):
    """A form for a record two people may edit at once. It carries the version the editor
    started from; on save, the stored record is locked (the admin saves in one transaction) and
    the form is refused, showing what changed in between, when someone else saved first."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Whether the version is checked even when nothing in this form changed (a page whose
    # inlines or buttons act on the version it showed).
    version_checked_unchanged = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["base_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None and (self.has_changed() or self.version_checked_unchanged):
            base_version = cleaned_data.get("base_version")
            if base_version is None:
                raise forms.ValidationError("This form is missing the version it was opened at; reload the page.")
            try:
                version_check(instance=self.instance, expected_version=base_version)
            except EditConflict as conflict:
                raise forms.ValidationError(str(conflict), code="edit_conflict") from None
        return cleaned_data
