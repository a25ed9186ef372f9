"""What an editor sees when looking for a speaker and reading a statement's history: the named
speaker offered first in the speaker picker, and a text edit shown as the words that changed
(HTML in the text shown as text)."""

from apps.accounts.roles import EDITORS
from apps.core.services import history_note
from tests.factories import make_speaker, make_statement, make_user

from .admin_ui import expect, log_in, screenshot

LONG = "Kazakhs never had any statehood before the Soviet Union, the President said at a youth forum in 2014."


def test_the_speaker_picker_offers_the_named_speaker_before_those_whose_role_mentions_him(page):
    editor = make_user("search-editor", group=EDITORS)
    make_speaker(name="Allies in the Kremlin (unnamed)", description="People close to Vladimir Putin")
    make_speaker(name="An unnamed questioner", description="Asked Putin at a press conference")
    make_speaker(name="Vladimir Putin", aliases=["Путин"])

    log_in(page, editor)
    page.goto("/admin/claims/statement/add/")
    page.locator("#id_speaker + .select2-container .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("Putin")
    options = page.locator(".select2-results__option:not(.loading-results)")
    expect(options).to_have_count(3)
    screenshot(page, "speaker picker searched for Putin")
    expect(options.first).to_have_text("Vladimir Putin")

    page.locator(".select2-container--open .select2-search__field").fill("путин")
    expect(options).to_have_count(1)
    expect(options.first).to_have_text("Vladimir Putin")


def test_a_statements_history_shows_the_words_an_edit_changed(page):
    editor = make_user("history-editor", group=EDITORS)
    statement = make_statement(text=LONG)
    statement.text = LONG.replace("youth forum", "<b>youth</b> camp")
    history_note(statement, user=editor, reason="The transcript says camp.")
    statement.save()

    log_in(page, editor)
    page.goto(f"/admin/claims/statement/{statement.pk}/history/")
    changes = page.locator("#change-history td.history-changes").first
    expect(changes.locator("del")).to_have_text("youth forum")
    expect(changes.locator("ins")).to_have_text("<b>youth</b> camp")  # shown as typed, not as bold
    expect(page.locator("#change-history")).not_to_contain_text("chars]")
    screenshot(page, "statement history with a word diff")
