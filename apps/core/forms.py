import copy

from django import forms
from django.forms.models import construct_instance

from .services import EditConflict, slug_fill, version_check


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
    """The admin's form for every curated model. A slug left blank is made on save from the
    record (`slug_basis()`), by the same function as in the API, so a speaker gets the same slug
    whichever way it is entered; a slug already taken gets "-2", "-3"…"""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        if slug is not None and hasattr(self.instance, "slug_basis"):
            slug.required = False
            slug.help_text = f"Leave blank to have one made from the {self.instance.slug_from} when saved."

    def clean(self):
        cleaned_data = super().clean()
        if "slug" in self.fields and not cleaned_data.get("slug") and hasattr(self.instance, "slug_basis"):
            draft = construct_instance(self, copy.copy(self.instance), self._meta.fields, self._meta.exclude)
            slug_fill(draft)
            if draft.slug:
                cleaned_data["slug"] = draft.slug
        return cleaned_data


class VersionedModelForm(CuratedModelForm):
    """A form for a record two people may edit at once. It carries the version the editor
    started from; on save, the stored record is locked (the admin saves in one transaction) and
    the form is refused, showing what changed in between, when someone else saved first."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["base_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None and self.has_changed():
            base_version = cleaned_data.get("base_version")
            if base_version is None:
                raise forms.ValidationError("This form is missing the version it was opened at; reload the page.")
            try:
                version_check(instance=self.instance, expected_version=base_version)
            except EditConflict as conflict:
                raise forms.ValidationError(str(conflict), code="edit_conflict") from None
        return cleaned_data
