"""Quoting from a source's archived text in a browser, as an editor does: select the words (with
the mouse, or the keyboard), press "Quote this", pick the statement or make a new one, save; the
quotation stored has the words, the sentence around them, their offsets in characters (an emoji
and a mathematical letter before them: JavaScript counts those twice) and its occurrence. Also
timed against typing the same five quotations into the plain form (printed, not asserted)."""

import time

from apps.accounts.roles import EDITORS
from apps.claims import anchoring
from apps.claims.models import CONTEXT_MAX_LENGTH, Quotation, Statement
from tests.factories import make_source, make_speaker, make_statement, make_user

from .admin_ui import expect, field, log_in, pick_autocomplete, save, screenshot

# Written for this test (no article is copied): Cyrillic, «» and “” quotes, em dashes, and two
# characters beyond U+FFFF (🙂, 𝕏) before the quotations.
ARTICLE = (
    "Алматы 🙂 — В понедельник президент заявил: «Мы никогда не отдадим ни пяди земли». Затем он добавил, "
    "что “границы определены окончательно” — и это не обсуждается.\n"
    "Министр иностранных дел сказал: «Переговоры продолжатся в марте». Он уточнил, что делегации встретятся "
    "в Астане.\n"
    "Оппозиция ответила: “Это пустые обещания”. По её словам, решения принимаются без парламента.\n"
    "Аналитик 𝕏-канала отметил, что «рынок отреагировал спокойно» — как и в прошлый раз."
)
# (words as printed, speaker, the statement's text: a distinctive word of it is searched for)
QUOTES = [
    ("Мы никогда не отдадим ни пяди земли", "Kassym President", "We will never give up an inch of land."),
    ("границы определены окончательно", "Kassym President", "The borders are settled for good."),
    ("Переговоры продолжатся в марте", "Mukhtar Minister", "Negotiations continue in March."),
    ("Это пустые обещания", "Opposition Bloc", "These are empty promises."),
    ("рынок отреагировал спокойно", "Aigul Analyst", "The market reacted calmly."),
]
SEARCH = ["inch", "borders", "Negotiations", "empty", "calmly"]


def expected_quotation(words: str) -> tuple[int, int, str]:
    start = ARTICLE.index(words)  # code points, as Python counts
    end = start + len(words)
    return start, end, anchoring.sentence_around(ARTICLE, start, end, max_length=CONTEXT_MAX_LENGTH)


def select_with_the_mouse(page, words: str) -> None:
    """Select `words` in the text box as a drag does (the selection a textarea reports)."""
    page.locator("#quote-text").evaluate(
        "(box, words) => { const at = box.value.indexOf(words); box.focus(); "
        "box.setSelectionRange(at, at + words.length); box.dispatchEvent(new Event('select')); }",
        words,
    )


def select_with_the_keyboard(page, words: str) -> None:
    """Tab into the text, go to its start, move to the words with the arrows and select them with
    Shift+arrows: one press per character (an emoji is one character to the caret)."""
    box = page.locator("#quote-text")
    box.focus()
    page.keyboard.press("Control+Home")
    for _ in range(ARTICLE.index(words)):
        page.keyboard.press("ArrowRight")
    for _ in range(len(words)):
        page.keyboard.press("Shift+ArrowRight")


def quote_this_with_the_keyboard(page) -> None:
    page.keyboard.press("Tab")  # from the text to the button
    expect(page.locator(".quote-this")).to_be_focused()
    page.keyboard.press("Enter")


def expect_the_selection_shown(page, words: str) -> None:
    """Before the quotation is saved (its Char start and Char end are empty until then), the form
    says where the words are, next to them, and marks them in the text: selected in the box and
    shown with the words around them."""
    start, end, _ = expected_quotation(words)
    expect(page.locator("#quote-selected")).to_have_text(
        f"Selected: characters {start}–{end} (occurrence numbered when saved)"
    )
    words_box, note = field(page, "text").bounding_box(), page.locator("#quote-selected").bounding_box()
    assert 0 <= note["y"] - (words_box["y"] + words_box["height"]) < 60, "the note is not next to the words"
    expect(page.locator(".quote-panel .quote-marked mark")).to_have_text(words)
    selected = page.locator("#quote-text").evaluate("(box) => box.value.slice(box.selectionStart, box.selectionEnd)")
    assert selected == words, f"the text box selects {selected!r}, not the words"


def statements() -> list[Statement]:
    made = []
    for _, speaker_name, text in QUOTES:
        speaker = make_speaker(name=speaker_name) if not made or made[-1].speaker.name != speaker_name else None
        made.append(make_statement(speaker=speaker or made[-1].speaker, text=text))
    return made


def check_stored(source, statement, words: str, occurrence: int = 1) -> Quotation:
    quotation = Quotation.objects.get(source=source, statement=statement, text=words)
    start, end, context = expected_quotation(words)
    assert (quotation.char_start, quotation.char_end) == (start, end)
    assert quotation.context == context
    assert quotation.occurrence == occurrence
    return quotation


def test_an_editor_quotes_from_the_text_with_mouse_and_keyboard_and_makes_a_new_statement(page):
    editor = make_user("quote-editor", group=EDITORS)
    source = make_source(
        title="Border talks article", url="https://example.org/news/border-talks", archived_text=ARTICLE
    )
    first = make_statement(speaker=make_speaker(name="Kassym President"), text=QUOTES[0][2])
    analyst = make_speaker(name="Aigul Analyst")
    log_in(page, editor)

    # 1. On the source's page, with the keyboard: select, Tab to "Quote this", Enter.
    page.goto(f"/admin/sources/source/{source.pk}/change/")
    expect(page.locator(".quote-panel")).to_be_visible()
    select_with_the_keyboard(page, QUOTES[0][0])
    expect(page.locator(".quote-status")).to_contain_text(f"Selected: «{QUOTES[0][0]}»")
    screenshot(page, "words selected in the source's text")
    quote_this_with_the_keyboard(page)
    expect(page.locator("#content h1")).to_have_text("Add quotation")
    start, end, context = expected_quotation(QUOTES[0][0])
    expect(field(page, "text")).to_have_value(QUOTES[0][0])
    expect(field(page, "context")).to_have_value(context)
    expect(field(page, "selected_start")).to_have_value(str(start))
    expect(field(page, "selected_end")).to_have_value(str(end))
    expect(field(page, "source")).to_have_value(str(source.pk))
    expect_the_selection_shown(page, QUOTES[0][0])
    pick_autocomplete(page, "statement", "inch", choice=str(first))
    screenshot(page, "quotation form opened with the words")
    save(page)
    check_stored(source, first, QUOTES[0][0])

    # 2. On the quotation form itself: the source picked, its text appears; a mouse selection;
    # a new statement by a speaker picked, its text left to be the words.
    page.goto("/admin/claims/quotation/add/")
    expect(page.locator(".quote-panel")).to_be_hidden()
    pick_autocomplete(page, "source", source.title)
    expect(page.locator(".quote-panel")).to_be_visible()
    select_with_the_mouse(page, QUOTES[4][0])
    page.locator(".quote-this").click()
    expect(page.locator(".quote-status")).to_contain_text("Filled in")
    expect(field(page, "text")).to_have_value(QUOTES[4][0])
    expect_the_selection_shown(page, QUOTES[4][0])
    pick_autocomplete(page, "new_statement_speaker", analyst.name)
    save(page)
    made = Statement.objects.get(speaker=analyst)
    assert made.text == QUOTES[4][0]
    check_stored(source, made, QUOTES[4][0])

    # 3. The same passage again: refused at the top of the form, with a link to the first.
    page.goto(f"/admin/sources/source/{source.pk}/change/")
    select_with_the_mouse(page, QUOTES[0][0])
    page.locator(".quote-this").click()
    pick_autocomplete(page, "statement", "inch", choice=str(first))
    page.locator('input[type="submit"][name="_save"]').click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("This passage is already quoted for this statement in this source")
    assert summary.bounding_box()["y"] < 400  # seen without scrolling
    existing = Quotation.objects.get(statement=first)
    expect(page.locator(".field-text .errorlist a")).to_have_attribute(
        "href", f"/admin/claims/quotation/{existing.pk}/change/"
    )
    screenshot(page, "the same passage refused, at the top")
    assert Quotation.objects.count() == 2


def test_quote_this_works_on_a_phone_width_page(new_page):
    editor = make_user("phone-editor", group=EDITORS)
    source = make_source(title="Phone article", archived_text=ARTICLE)
    statement = make_statement(speaker=make_speaker(name="Mukhtar Minister"), text=QUOTES[2][2])
    page = new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, editor)
    page.goto(f"/admin/sources/source/{source.pk}/change/")
    panel = page.locator(".quote-panel")
    panel.scroll_into_view_if_needed()
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box  # no sideways scrolling
    select_with_the_mouse(page, QUOTES[2][0])
    screenshot(page, "phone: text and button")
    page.locator(".quote-this").click()
    expect(field(page, "text")).to_have_value(QUOTES[2][0])
    pick_autocomplete(page, "statement", "Negotiations", choice=str(statement))
    save(page)
    check_stored(source, statement, QUOTES[2][0])


def test_five_quotations_with_the_helper_and_by_hand(page):
    """Times entering an article's five quotations with "Quote this" and by typing the words and the
    excerpt into the plain form (printed: the machine's speed, not a person's; the keystrokes a
    person types are counted too)."""
    editor = make_user("timing-editor", group=EDITORS)
    helped = make_source(title="Article quoted with the helper", url="https://example.org/a", archived_text=ARTICLE)
    typed = make_source(title="Article typed by hand", url="https://example.org/b", archived_text=ARTICLE)
    made = statements()
    log_in(page, editor)

    began = time.perf_counter()
    for (words, _, _), statement, search in zip(QUOTES, made, SEARCH, strict=True):
        page.goto(f"/admin/sources/source/{helped.pk}/change/")
        select_with_the_mouse(page, words)
        page.locator(".quote-this").click()
        expect(field(page, "text")).to_have_value(words)
        pick_autocomplete(page, "statement", search, choice=str(statement))
        save(page)
    with_helper = time.perf_counter() - began

    keystrokes = 0
    began = time.perf_counter()
    for (words, _, _), statement, search in zip(QUOTES, made, SEARCH, strict=True):
        _, _, context = expected_quotation(words)
        page.goto("/admin/claims/quotation/add/")
        pick_autocomplete(page, "statement", search, choice=str(statement))
        pick_autocomplete(page, "source", typed.title)
        field(page, "text").press_sequentially(words)
        field(page, "context").press_sequentially(context)
        keystrokes += len(words) + len(context)
        save(page)
    by_hand = time.perf_counter() - began

    for (words, _, _), statement in zip(QUOTES, made, strict=True):
        check_stored(helped, statement, words)
        check_stored(typed, statement, words)
    print(
        f"\nFive quotations of one article: with “Quote this” {with_helper:.1f} s (5 selections, 0 characters "
        f"typed but the statement searches); by hand {by_hand:.1f} s ({keystrokes} characters of words and "
        f"excerpts typed, {keystrokes / 5:.0f} a quotation)."
    )
