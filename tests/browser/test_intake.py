"""Intake in a browser, as an editor does it: bring an article in (an HTML file saved from a
browser), review the suggested quotations on the article's text, correct one (its card asks
for the speaker to be checked), reject one, accept the sure ones at once; every quotation stored
is anchored where its words are printed. The time from the review page to the last acceptance
is printed (not asserted)."""

import re
import time

from apps.accounts.roles import EDITORS
from apps.claims.models import Quotation
from apps.intake.models import Decision, Intake
from apps.sources.models import Source
from tests.factories import make_speaker, make_statement, make_user

from .accessibility import expect_accessible
from .admin_ui import expect, log_in, screenshot

# Written for this test (an invented story, no article copied): curly, guillemet and straight
# quotes, a partial quote, a quote after its speaker's name and one before it.
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Port strike ends after nine days</title>
<link rel="canonical" href="https://harbour-news.example.org/port-strike-ends">
<meta name="author" content="Lena Vos"><meta property="article:published_time" content="2026-05-12">
<meta property="og:site_name" content="Harbour News"></head>
<body><nav>Home · World · Business</nav><article><h1>Port strike ends after nine days</h1>
<p>Dock workers in Westhaven returned to work on Monday after nine days on strike, when the port authority agreed to a new shift system and a pay rise of four per cent.</p>
<p>“Nobody wins a strike, but this deal is fair to the people who keep the port running,” said Ines Marlow, who leads the dockers' union. She added that the union would “watch every roster” in the coming months.</p>
<p>The port authority's director, Paul Okafor, said: "We lost nine days of trade, and we will not lose another." He told reporters the backlog of ships would be cleared within two weeks.</p>
<p>Shipping companies were less kind. «The port has become unreliable», a spokesman for the Nordline group said, asking not to be named.</p>
<p>Freight rates along the coast rose by a tenth during the strike, according to the chamber of commerce.</p>
</article><footer>© Harbour News</footer></body></html>"""


def test_an_editor_brings_an_article_in_and_accepts_its_quotations(new_page, tmp_path):
    editor = make_user("intake-editor", group=EDITORS)
    marlow = make_speaker(name="Ines Marlow", description="Leader of the dockers' union")
    make_statement(
        speaker=marlow, text="Nobody wins a strike, but this deal is fair to the people who keep the port running."
    )
    saved = tmp_path / "port-strike.html"
    saved.write_text(PAGE, encoding="utf-8")

    page = new_page(viewport={"width": 1366, "height": 900}, bypass_csp=True)  # axe-core is injected
    log_in(page, editor)
    page.goto("/admin/intake/intake/add/")
    expect_accessible(page, "the bring-in page")
    page.get_by_label("or the page saved from your browser (HTML or text file)").set_input_files(str(saved))
    page.get_by_role("button", name="Read the article and find its quotations").click()

    expect(page).to_have_url(re.compile(r"/admin/intake/intake/\d+/change/$"))
    intake = Intake.objects.get()
    expect(page.locator(".messagelist")).to_contain_text("quotations found")
    expect(page.locator(".intake-facts")).to_contain_text("Port strike ends after nine days")
    expect(page.locator(".intake-facts")).to_contain_text("Harbour News")
    marks = page.locator(".intake-mark")
    expect(marks.first).to_be_visible()
    assert marks.count() == intake.suggestions.count() >= 4
    screenshot(page, "review page")
    expect_accessible(page, "the review page")
    started = time.perf_counter()

    # The union leader's remark is on file: her card offers her and that statement.
    union = intake.suggestions.get(text__startswith="Nobody wins a strike")
    card = page.locator(f"#suggestion-{union.number}")
    expect(card.locator(".tag.on-file")).to_be_visible()
    expect(card.get_by_label("Speaker")).to_have_value("Ines Marlow")
    expect(card.locator("input[name=statement]:checked")).not_to_have_value("new")
    card.get_by_role("button", name="Accept").click()
    expect(page.locator(".messagelist")).to_contain_text(f"Suggestion {union.number} accepted")

    # The spokesman's words: the speaker is corrected to the group he speaks for.
    nordline = intake.suggestions.get(text__startswith="The port has become unreliable")
    card = page.locator(f"#suggestion-{nordline.number}")
    expect(card.locator(".intake-check")).to_contain_text("Check the speaker: an unnamed speaker")
    # and marked in the article's text too
    expect(page.locator(f"#mark-{nordline.number}")).to_have_class(re.compile(r"\bto-check\b"))
    card.get_by_label("Speaker").fill("Nordline group")
    card.get_by_label("kind").select_option("organisation")
    card.get_by_role("button", name="Accept").click()
    expect(page.locator(".messagelist")).to_contain_text(f"Suggestion {nordline.number} accepted")

    # "watch every roster" is kept out: rejected.
    roster = intake.suggestions.get(text="watch every roster")
    page.locator(f"#suggestion-{roster.number}").get_by_role("button", name="Reject").click()
    expect(page.locator(".messagelist")).to_contain_text(f"Suggestion {roster.number} rejected")

    page.get_by_role("button", name=re.compile(r"Accept the \d+ sure ones? as suggested")).click()
    expect(page.locator(".messagelist")).to_contain_text("accepted as suggested")
    seconds = time.perf_counter() - started
    screenshot(page, "all decided")

    source = Source.objects.get()
    assert source.url == "https://harbour-news.example.org/port-strike-ends"
    assert source.publisher.name == "Harbour News"
    quotations = Quotation.objects.filter(source=source).select_related("statement__speaker")
    decided = intake.suggestions.exclude(decision=Decision.PENDING)
    assert quotations.count() == decided.filter(decision=Decision.ACCEPTED).count() >= 3
    for quotation in quotations:
        assert source.archived_text[quotation.char_start : quotation.char_end] == quotation.text
    assert quotations.get(text__startswith="Nobody wins").statement.speaker == marlow
    assert quotations.get(text__startswith="The port has become").statement.speaker.kind == "organisation"
    assert not quotations.filter(text="watch every roster").exists()
    print(f"\nIntake: {quotations.count()} quotations accepted in {seconds:.1f} s from the review page")

    # Phones: the text and the cards stack, and nothing is wider than the screen.
    phone = new_page(viewport={"width": 390, "height": 844})
    log_in(phone, editor)
    phone.goto(f"/admin/intake/intake/{intake.pk}/change/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the review page is {width} px wide on a 390 px screen"
    screenshot(phone, "review page on a phone")
