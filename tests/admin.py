"""Talking to the admin as a browser would, for tests: its URLs, a form as its page shows it,
the messages a page leaves, a changelist action and the page of a workflow move."""

from html.parser import HTMLParser

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def run_action(client, model, action: str, objects, **extra):
    """POST a changelist action on `objects`, the way the changelist's "Go" button does: the
    answer is the move's page, which shows what it acts on."""
    data = {"action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects], "index": 0, **extra}
    return client.post(admin_url(model, "changelist"), data)


def confirm(client, page, url: str | None = None, **fields):
    """Send a move's page back as a browser would (with the versions it shows), with `fields`."""
    data = form_data(page, "move_form") | {name: [str(value)] for name, value in fields.items()}
    return client.post(url or page.wsgi_request.path, data)


def run_move(client, model, action: str, objects, **fields):
    """A changelist action and its page, confirmed."""
    return confirm(client, run_action(client, model, action, objects), **fields)


def messages_of(response) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def action_names(client, model) -> set[str]:
    response = client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    return {name for name, _ in response.context["action_form"].fields["action"].choices if name}


def move_url(verification, name: str) -> str:
    return reverse("admin:verification_verification_move", args=[verification.pk, name])


class _FormReader(HTMLParser):
    """What a browser would send for the form with the given id: inputs, checked boxes,
    textareas and selected options, in page order."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value") or ("on" if kind in ("checkbox", "radio") else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._select["options"].append((attrs.get("value", ""), "selected" in attrs))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            self.fields.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            options = self._select["options"]
            chosen = [value for value, selected in options if selected]
            if not chosen and options and not self._select["multiple"]:
                chosen = [options[0][0]]
            self.fields.extend((self._select["name"], value) for value in chosen)
            self._select = None


def form_data(response, form_id: str) -> dict[str, list[str]]:
    """The data of a form as the page shows it, ready to be changed and posted back."""
    assert response.status_code == 200
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    assert reader.fields, f"no form #{form_id} on the page"
    data: dict[str, list[str]] = {}
    for name, value in reader.fields:
        data.setdefault(name, []).append(value)
    return data


def change_form(client, obj) -> dict[str, list[str]]:
    return form_data(client.get(admin_url(type(obj), "change", obj.pk)), f"{obj._meta.model_name}_form")


def form_errors(response) -> str:
    """Every error of an admin change form's page: the form's and its inlines'."""
    assert response.status_code == 200, "the form was accepted"
    errors = [str(error) for error in response.context["errors"]]
    return " ".join(errors)
