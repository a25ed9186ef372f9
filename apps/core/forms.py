from django import forms


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
