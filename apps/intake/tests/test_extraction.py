"""An article from a page's HTML, an uploaded file or pasted text; and the source on file for it."""

import codecs
import gzip
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from apps.core.models import invisible_character_problem
from apps.intake import extraction
from apps.intake.extraction import (
    article_from_html,
    article_from_text,
    article_from_upload,
    decode_bytes,
    split_authors,
)
from apps.intake.selectors import find_source_for
from apps.intake.types import Article, IntakeError
from tests.factories import make_source

ARTICLE = (Path(__file__).parent / "pages" / "article.html").read_bytes()
RUSSIAN_MORE = (
    "Регулятор пообещал изучить расчёты министерства до конца месяца и опубликовать своё заключение. "
    "Депутаты городского совета потребовали провести общественные слушания по проекту водоснабжения."
)
NO_ARTICLE = "No article text found on this page"
RUSSIAN = (
    "Министр заявил во вторник, что план «не приведёт к росту тарифов», несмотря на предупреждения регулятора. "
    "«Мы всё посчитали», — сказала она журналистам. Критики назвали предложение «прыжком в темноту»."
)


def page(body: str, *, head: str = "", lang: str | None = None) -> str:
    lang_attribute = f' lang="{lang}"' if lang is not None else ""
    return f"<!DOCTYPE html><html{lang_attribute}><head>{head}</head><body><article>{body}</article></body></html>"


def refusal(function, *args, **kwargs) -> str:
    with pytest.raises(IntakeError) as caught:
        function(*args, **kwargs)
    return str(caught.value)


@pytest.fixture
def limits(settings):
    settings.CLAIMTRACK_INTAKE_MAX_BYTES = 5_000_000
    return settings


class TestArticleFromHtml:
    def test_the_main_text_and_metadata_are_read(self, limits):
        article = article_from_html(ARTICLE, url="https://www.example.org/story?utm_source=feed")
        assert article.title == "Minister defends water plan"
        assert article.authors == ("Jane Doe", "John Roe")
        assert article.published_on == date(2024, 3, 5)
        assert article.publisher == "The Daily Example"
        assert article.site == "news.example.org"
        assert article.language == "en"  # html lang="en-GB"
        assert article.url == "https://news.example.org/2024/03/water-plan"
        assert article.fetched_url == "https://www.example.org/story?utm_source=feed"

    def test_paragraphs_are_kept_apart_and_quotation_marks_as_printed(self, limits):
        text = article_from_html(ARTICLE).text
        paragraphs = text.split("\n\n")
        assert paragraphs[0] == "Minister defends water plan"
        assert paragraphs[2] == "“We have done the sums,” she told reporters. ‘It’s affordable,’ she added."
        assert 'called the proposal "a leap in the dark" and' in text
        assert "plan “will not raise bills”, despite" in text
        assert "\n\n\n" not in text

    def test_menus_teasers_comments_and_footer_are_left_out(self, limits):
        text = article_from_html(ARTICLE).text
        for elsewhere in ("Home", "Most read", "old library", "Reader comment", "Copyright"):
            assert elsewhere not in text

    def test_white_space_is_normalised_without_changing_a_word(self, limits):
        body = (
            "<p>The  minister\u00a0said\t“we  will”\n   act.</p>"
            + "<p>Another sentence of the article, long enough.</p>" * 3
        )
        text = article_from_html(page(body)).text
        assert text.split("\n\n")[0] == "The minister said “we will” act."

    def test_q_elements_get_the_quotation_marks_a_browser_shows_and_stay_in_their_sentence(self, limits):
        body = (
            "<p>The minister said on Tuesday that <q>the plan will <em>not</em> raise bills</q>, and she repeated "
            "it to the reporters.</p><blockquote><p>We have done the sums and we stand by every one.</p></blockquote>"
        )
        assert article_from_html(page(body, lang="en")).text.split("\n\n") == [
            "The minister said on Tuesday that “the plan will not raise bills”, and she repeated it to the reporters.",
            "We have done the sums and we stand by every one.",
        ]
        nested = (
            f"<p>Министр заявил, что <q>план <q>точно</q> не приведёт к росту тарифов</q>.</p><p>{RUSSIAN_MORE}</p>"
        )
        assert "что «план „точно“ не приведёт к росту тарифов»." in article_from_html(page(nested, lang="ru")).text

    def test_words_only_a_screen_reader_says_are_not_the_text(self, limits):
        body = (
            '<p>The minister <a href="/m">said<span class="visually-hidden"> (opens in a new window)</span></a> '
            'that the plan <span class="sr-only">Advertisement</span>would not raise bills for anyone.</p>'
        )
        text = article_from_html(page(body + f"<p>{RUSSIAN_MORE}</p>")).text
        assert text.startswith("The minister said that the plan would not raise bills for anyone.\n\n")

    def test_a_table_is_a_row_a_line(self, limits):
        table = (
            "<table><tr><th>Year</th><th>Bill</th></tr><tr><td>2023</td><td>£400 <b>up</b></td></tr>"
            "<tr><td>2024</td><td>“flat,” she said</td></tr></table>"
        )
        text = article_from_html(page(f"<p>{RUSSIAN}</p>{table}<p>{RUSSIAN_MORE}</p>")).text
        assert "\n\nYear | Bill\n2023 | £400 up\n2024 | “flat,” she said\n\n" in text

    def test_the_site_name_is_taken_out_of_the_title(self, limits):
        head = "<title>Minister defends plan | The Daily Example</title><meta property='og:site_name' content='The Daily Example'>"
        article = article_from_html(page(f"<p>{RUSSIAN}</p>", head=head))
        assert article.title == "Minister defends plan"
        assert article.publisher == "The Daily Example"

    @pytest.mark.parametrize("name", ["dpa-AFX", "the Guardian", "ČTK", "NZZ am Sonntag"])
    def test_the_site_name_is_kept_as_the_site_spells_it(self, limits, name):
        head = f"<title>Minister defends plan – {name}</title><meta property='og:site_name' content='{name}'>"
        article = article_from_html(page(f"<p>{RUSSIAN}</p>", head=head))
        assert article.publisher == name
        assert article.title == "Minister defends plan"

    def test_paragraphs_a_page_separates_with_empty_lines_are_paragraphs(self, limits):
        story = (
            "<div>The minister said on Tuesday that the plan would not raise bills for anyone.<br><br>"
            "“We have done the sums,” she told reporters.<br>A second line of that paragraph.<br><br>"
            "Critics called it a leap in the dark and a waste of money.</div>"
        )
        text = article_from_html(f"<html><body>{story}</body></html>").text
        assert text.split("\n\n") == [
            "The minister said on Tuesday that the plan would not raise bills for anyone.",
            "“We have done the sums,” she told reporters.\nA second line of that paragraph.",
            "Critics called it a leap in the dark and a waste of money.",
        ]

    def test_a_home_page_given_as_canonical_url_is_not_the_articles(self, limits):
        html = page(f"<p>{RUSSIAN}</p>", head='<link rel="canonical" href="https://example.ru/">')
        assert article_from_html(html, url="https://example.ru/news/1").url == "https://example.ru/news/1"

    def test_the_language_is_detected_when_the_page_does_not_say(self, limits):
        article = article_from_html(page(f"<p>{RUSSIAN}</p>"))
        assert article.language == "ru"

    def test_a_template_language_that_the_text_contradicts_gives_way(self, limits):
        article = article_from_html(page(f"<p>{RUSSIAN}</p><p>{RUSSIAN_MORE}</p>", lang="en"))
        assert article.language == "ru"

    def test_a_cyrillic_page_in_windows_1251_is_decoded(self, limits):
        html = page(f"<p>{RUSSIAN}</p>", head='<meta charset="windows-1251">', lang="ru").encode("windows-1251")
        article = article_from_html(html)
        assert "«не приведёт к росту тарифов»" in article.text
        assert article.language == "ru"

    def test_the_servers_charset_comes_before_the_pages(self, limits):
        html = page(f"<p>{RUSSIAN_MORE}</p>", head='<meta charset="utf-8">').encode("koi8-r")
        assert RUSSIAN_MORE in article_from_html(html, charset="koi8-r").text

    def test_a_relative_canonical_link_is_made_absolute(self, limits):
        html = page(f"<p>{RUSSIAN}</p>", head='<link rel="canonical" href="/news/1">')
        article = article_from_html(html, url="https://example.ru/news/1?ref=home")
        assert article.url == "https://example.ru/news/1"
        assert article.site == "example.ru"

    def test_invisible_characters_are_removed_so_the_text_can_be_stored(self, limits):
        body = "<p>He said “we\u202e will\u0007 act\u0000 now” today, and the minister agreed with him at once.</p>"
        article = article_from_html(page(body, head="<title>A\u202eB\u0001 title</title>"))
        assert "“we will act now”" in article.text
        assert invisible_character_problem(article.text) is None
        assert invisible_character_problem(article.title) is None

    def test_a_page_without_an_article_is_refused(self, limits):
        home = "<ul>" + "".join(f"<li><a href='/{n}'>Story number {n} in the news today</a></li>" for n in range(40))
        assert refusal(article_from_html, page(home + "</ul>")).startswith(NO_ARTICLE)
        assert "paste the article's text instead" in refusal(article_from_html, page("<p>Subscribe to read.</p>"))

    def test_an_empty_page_is_refused(self, limits):
        assert "The page is empty" in refusal(article_from_html, b"")
        assert "The page is empty" in refusal(article_from_html, "   \n ")

    def test_a_page_over_the_limit_is_refused_before_it_is_parsed(self, limits, monkeypatch):
        monkeypatch.setattr(extraction, "_extract", _never_called)
        huge = b"<html><body><p>" + b"word " * 10_000_000 + b"</p></body></html>"  # 50 MB
        message = refusal(article_from_html, huge)
        assert "The page is 50.0 MB; ClaimTrack reads at most 5 MB" in message

    def test_a_page_with_more_elements_than_an_article_has_is_refused_before_extraction(self, limits, monkeypatch):
        links = "".join(f'<div><a href="/{n}">Story {n}</a></div>' for n in range(31_000))
        monkeypatch.setattr("trafilatura.bare_extraction", _never_called)
        message = refusal(article_from_html, page(links))
        assert "This page has 62,0" in message
        assert "more than the 60,000 ClaimTrack reads" in message

    def test_a_page_with_more_text_than_an_article_has_is_refused(self, limits):
        message = refusal(article_from_html, page("<p>" + "word " * 400_000 + "</p>"))
        assert "This page holds 2,000,000 characters of text" in message

    def test_an_article_too_long_to_store_is_refused(self, limits):
        sentence = "where the minister said that it would work. "
        paragraphs = "".join(f"<p>Paragraph {n}, {sentence * 12}</p>" for n in range(1000))
        assert "a source keeps at most 500,000" in refusal(article_from_html, page(paragraphs))
        assert "a source keeps at most 500,000" in refusal(article_from_text, "Word " * 120_000)

    def test_scripts_and_styles_are_not_the_article(self, limits):
        script = "<script>var story = 'the minister said nothing';</script><style>p { color: red }</style>"
        article = article_from_html(page(script + f"<p>{RUSSIAN}</p><p>{RUSSIAN_MORE}</p>"))
        assert "var story" not in article.text
        assert "color" not in article.text

    def test_deeply_nested_or_broken_html_does_not_crash_or_hang(self, limits):
        nested = "<div>" * 100_000 + f"<p>{RUSSIAN}</p>" + "</div>" * 100_000
        broken = "<html><body>" + "<b><i><p><table><tr><td>" * 20_000 + "unclosed words " * 200
        garbage = "<<<>>><p <p>>></// &#xD800; &#0; &bogus; <script>" + "x" * 1000
        for html in (nested, broken, garbage):
            try:
                article = article_from_html(html)
            except IntakeError as error:
                assert "paste" in str(error)
            else:
                assert invisible_character_problem(article.text) is None

    def test_broken_charsets_never_crash(self, limits):
        body = f"<p>{RUSSIAN}</p>".encode()
        unknown = (
            b'<html><head><meta charset="no-such-charset"></head><body><article>' + body + b"</article></body></html>"
        )
        assert "«Мы всё посчитали»" in article_from_html(unknown).text
        damaged = unknown.replace("Мы".encode(), b"\xff\xfe\xc3")
        assert "\ufffd" in article_from_html(damaged).text


class TestDecodeBytes:
    def test_a_byte_order_mark_wins(self):
        assert decode_bytes(codecs.BOM_UTF8 + "é".encode(), declared_charset="latin-1") == "é"
        assert decode_bytes("héllo".encode("utf-16")) == "héllo"

    def test_a_page_declared_latin_1_but_written_in_utf_8_is_read_as_utf_8(self):
        assert decode_bytes("«Привет» café".encode(), declared_charset="iso-8859-1") == "«Привет» café"

    def test_latin_1_is_read_as_windows_1252_as_browsers_do(self):
        assert decode_bytes(b"\x93quoted\x94 caf\xe9", declared_charset="iso-8859-1") == "“quoted” café"

    def test_without_a_declaration_the_charset_is_guessed(self):
        text = RUSSIAN * 3
        assert decode_bytes(text.encode("windows-1251")) == text

    def test_an_unknown_declared_charset_is_ignored(self):
        assert decode_bytes("naïve".encode(), declared_charset="x-unknown") == "naïve"

    @pytest.mark.parametrize("damage", [b"\xff", b"\xe2\x82", b"\xc3\x28", b"\xf0\x9f", b"\x93"])
    def test_utf_8_with_a_few_damaged_bytes_is_read_as_utf_8(self, damage):
        # A guess read such a text as Cyrillic (“ became тАЬ): no quotation was found in it.
        text = "The minister said: “We will cut taxes by half next year.” “That is impossible,” said Jane Roe."
        data = text.encode() + b" broken " + damage + b" here. " + text.encode()
        decoded = decode_bytes(data)
        assert decoded.startswith(text) and decoded.endswith(text) and "\ufffd" in decoded

    @pytest.mark.parametrize(
        "text, charset",
        [
            ("Le ministre a déclaré : « Nous réduirons les impôts l’année prochaine », a-t-il précisé.", "cp1252"),
            (RUSSIAN, "windows-1251"),
            ("한국어 텍스트입니다. “인용” 그가 말했다. 다른 문장도 있습니다.", "euc-kr"),
        ],
    )
    def test_another_charset_is_not_mistaken_for_damaged_utf_8(self, text, charset):
        assert decode_bytes((text * 3).encode(charset)) == text * 3


class TestArticleFromText:
    def test_the_text_is_kept_as_given_with_its_first_line_as_title(self):
        pasted = "Minister defends water plan\r\n\r\n“We have done the sums,” she said.\r\n‘It’s affordable.’  Really."
        article = article_from_text(pasted)
        assert (
            article.text
            == "Minister defends water plan\n\n“We have done the sums,” she said.\n‘It’s affordable.’  Really."
        )
        assert article.title == "Minister defends water plan"
        assert article.language == "en"
        assert article.url is None

    def test_a_first_line_that_is_a_sentence_is_not_a_title(self):
        assert article_from_text("“We have done the sums,” she said.\nMore of the article follows.").title == ""
        assert article_from_text("Only one line of text, which is the whole article").title == ""

    def test_the_title_is_found_past_the_links_a_copied_page_starts_with(self):
        pasted = "1. Skip to content\n  2. Skip to main menu\n\nMinister defends water plan\n\nThe minister said so."
        assert article_from_text(pasted).title == "Minister defends water plan"
        assert article_from_text("top of page\n\nMinister defends water plan\n\nShe said so.").title == (
            "Minister defends water plan"
        )

    def test_the_language_is_detected(self):
        assert article_from_text(RUSSIAN).language == "ru"

    def test_control_characters_and_overrides_are_removed(self):
        article = article_from_text("She said “yes\u202e\u0008 indeed” to the plan.")
        assert article.text == "She said “yes indeed” to the plan."

    def test_empty_or_too_short_text_is_refused(self):
        assert "The text is empty" in refusal(article_from_text, " \r\n\t ")
        assert "too short to hold a quotation" in refusal(article_from_text, "Hello")


class TestArticleFromUpload:
    def test_a_saved_page_is_read_as_html_whatever_its_name(self, limits):
        article = article_from_upload(ARTICLE, "saved.txt")
        assert article.title == "Minister defends water plan"
        assert "<p>" not in article.text

    def test_a_text_file_is_read_as_text_whatever_its_name(self, limits):
        article = article_from_upload("Headline\n\nShe said “yes” to <b> the plan.".encode(), "story.html")
        assert article.text == "Headline\n\nShe said “yes” to <b> the plan."

    def test_a_utf_16_text_file_is_read(self, limits):
        assert article_from_upload(RUSSIAN.encode("utf-16"), "story.txt").text == RUSSIAN

    def test_a_windows_1251_text_file_is_read(self, limits):
        assert article_from_upload((RUSSIAN * 2).encode("windows-1251"), "story.txt").text == RUSSIAN * 2

    def test_an_empty_file_is_refused(self, limits):
        message = refusal(article_from_upload, b"", "story.html")
        assert "story.html is empty (0 bytes)" in message
        assert "save the page as HTML" in message

    @pytest.mark.parametrize(
        ("data", "kind"),
        [
            (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
            (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
            (gzip.compress(b"<html></html>", mtime=0), "a gzip-compressed file"),
            (b"<html>\x00\x01\x02 binary \x00 data", "a binary file (it contains NUL bytes)"),
        ],
    )
    def test_a_binary_file_is_refused_saying_what_it_looks_like(self, limits, data, kind):
        message = refusal(article_from_upload, data, "story.html")
        assert f"story.html looks like {kind}" in message
        assert "save the page as HTML" in message
        assert "copy its text" in message

    def test_a_word_document_is_refused(self, limits):
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("word/document.xml", "<w:document/>")
        assert "looks like a ZIP archive (or a Word" in refusal(article_from_upload, archive.getvalue(), "a.docx")

    def test_a_web_archive_is_refused(self, limits):
        mhtml = b'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html"'
        assert "web archive (MHTML" in refusal(article_from_upload, mhtml, "page.mhtml")

    def test_a_file_of_control_characters_is_refused(self, limits):
        assert "looks like a binary file" in refusal(article_from_upload, bytes(range(1, 32)) * 100, "x.txt")

    def test_a_50_mb_file_is_refused_before_it_is_read(self, limits, monkeypatch):
        monkeypatch.setattr(extraction, "decode_bytes", _never_called)
        message = refusal(article_from_upload, b"a" * 50_000_000, "huge.html")
        assert "The file is 50.0 MB; ClaimTrack reads at most 5 MB" in message

    def test_the_size_limit_is_a_setting(self, limits):
        limits.CLAIMTRACK_INTAKE_MAX_BYTES = 100
        assert "at most 0.0001 MB" in refusal(article_from_upload, b"word " * 30, "a.txt")


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Jane Doe; John Roe", ("Jane Doe", "John Roe")),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("by Jane Doe, John Roe & Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("Doe, Jane", ("Doe, Jane",)),
        ("Jane Doe | Jane Doe", ("Jane Doe",)),
        ("Иван Петров и Анна Смирнова", ("Иван Петров", "Анна Смирнова")),
        ("", ()),
    ],
)
def test_authors_are_split_one_by_one(value, names):
    assert split_authors(value) == names


@pytest.mark.django_db
class TestFindSourceFor:
    def test_the_source_with_the_same_page_is_found(self):
        source = make_source(url="https://www.example.org/news/water-plan")
        for url in (
            "https://www.example.org/news/water-plan",
            "http://example.org/news/water-plan/?utm_source=twitter",
            "https://m.example.org/news/water-plan#comments",
        ):
            assert find_source_for(Article(text="x", url=url)) == source

    def test_the_canonical_url_or_where_it_was_read_finds_it(self):
        source = make_source(url="https://example.org/a")
        assert (
            find_source_for(Article(text="x", url="https://example.org/canonical", fetched_url="https://example.org/a"))
            == source
        )
        assert (
            find_source_for(Article(text="x", url="https://example.org/a", fetched_url="https://other.example/"))
            == source
        )

    def test_nothing_is_found_for_another_page_or_no_url(self):
        make_source(url="https://example.org/a")
        assert find_source_for(Article(text="x", url="https://example.org/b")) is None
        assert find_source_for(Article(text="x")) is None


def _never_called(*args, **kwargs):
    raise AssertionError("a page over the limits must be refused before it is decoded or parsed")
