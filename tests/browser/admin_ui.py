"""Driving the Django admin the way a person does: the login form, the select2 autocompletes,
the Save button and the message that follows. Form fields are found by their name
(`#id_<name>`), which the admin keeps stable; labels and messages are what the assertions read."""

from __future__ import annotations

import re

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then skips, or fails in CI, saying how to install it
    Page = expect = None

# The password tests.factories.make_user gives every user.
TEST_PASSWORD = "pw-for-tests-only"

# (label, PNG) of the key steps of the running test, written out only if it fails (conftest.py).
KEY_SCREENSHOTS: list[tuple[str, bytes]] = []


def screenshot(page: Page, label: str) -> None:
    """Keep a full-page screenshot of this step, to be saved if the test fails later."""
    KEY_SCREENSHOTS.append((label, page.screenshot(full_page=True)))


def field(page: Page, name: str):
    """The form control of the field `name` (for an inline row: `quotations-0-text`)."""
    return page.locator(f"#id_{name}")


def log_in(page: Page, user, password: str = TEST_PASSWORD) -> None:
    """Log in through the admin's login form and land on the admin index."""
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#user-tools")).to_contain_text(user.get_short_name() or user.get_username())


def log_out(page: Page) -> None:
    page.locator("#logout-form button").click()
    expect(page.locator("#content h1")).to_have_text("Logged out")


def open_collapsed_fieldset(page: Page, heading: str) -> None:
    """Unfold a `collapse` fieldset (a <details> since Django 5.1), e.g. "Archived text"."""
    details = page.locator("details", has=page.locator("summary", has_text=heading))
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    expect(details).to_have_attribute("open", "")


def pick_autocomplete(page: Page, field_name: str, search: str, choice: str | None = None) -> None:
    """Choose an object in the select2 autocomplete of `field_name`: open it, type `search`, click
    the result whose label contains `choice` (default: `search`), and check it shows as chosen.
    Works for single and multiple (many-to-many) autocompletes."""
    choice = search if choice is None else choice
    select = field(page, field_name)
    expect(select).to_have_class(re.compile(r"\badmin-autocomplete\b"))
    container = page.locator(f"#id_{field_name} + .select2-container")
    container.locator(".select2-selection").click()
    # A single select's search box is in the dropdown select2 appends to <body>; a multiple
    # select's is inline in the widget. Either way it is the one in an open container.
    search_box = page.locator(".select2-container--open .select2-search__field")
    search_box.fill(search)
    results = page.locator(".select2-results__option:not(.loading-results)", has_text=choice)
    # The results are fetched from /admin/autocomplete/ as the words are typed.
    expect(results).to_have_count(1)
    results.click()
    expect(container.locator(".select2-selection__rendered")).to_contain_text(choice)


def save(page: Page, button: str = "_save") -> None:
    """Click Save (or `_continue`, `_addanother`) and fail with the form's errors if it refuses."""
    page.locator(f'input[type="submit"][name="{button}"]').click()
    outcome = page.locator("ul.messagelist li.success, .errornote").first
    expect(outcome).to_be_visible()
    if page.locator(".errornote").count():
        errors = page.locator(".errorlist").all_inner_texts()
        raise AssertionError(f"The admin refused the form: {page.locator('.errornote').inner_text()} {errors}")


def expect_added_message(page: Page, verbose_name: str, label: str) -> str:
    """The admin's "The <model> “<object>” was added successfully." message; returns the URL
    of the object's change page that the message links to."""
    message = page.locator("ul.messagelist li.success")
    expect(message).to_have_text(f"The {verbose_name} “{label}” was added successfully.")
    return message.get_by_role("link").get_attribute("href")
