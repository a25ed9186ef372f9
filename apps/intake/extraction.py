"""An article's main text and metadata from what an editor brought in: a page's HTML (fetched or
uploaded), an uploaded text file, or pasted text.

trafilatura finds the main text (no menus, teasers, comments) and the metadata (title, authors,
site name, canonical URL; the date through htmldate); this module keeps its paragraphs apart by a
blank line, normalises white space without touching a word or a quotation mark (the quotation
finder needs them as printed), removes the invisible characters ClaimTrack refuses to store,
and tells the editor, in words, why an input is not an article."""

import codecs
import logging
import re
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from apps.core.language import detect_language
from apps.core.models import BIDI_CONTROL, CONTROL_CHARACTER
from apps.core.urls import url_domain
from apps.sources.models import ARCHIVED_TEXT_MAX_LENGTH

from .types import Article, IntakeError

if TYPE_CHECKING:
    from .fetching import FetchedPage

logger = logging.getLogger(__name__)

# Fewer words than this in a page's main text is a teaser, a home page, a paywall or an error
# page, not an article a quotation could be taken from.
MIN_ARTICLE_WORDS = 15
# Beyond these a page is not one article (a long Wikipedia article has about 40,000 elements and
# 300,000 characters once its scripts are gone); above THOROUGH_ELEMENTS extraction runs its
# faster way.
MAX_ELEMENTS = 60_000
MAX_PAGE_CHARACTERS = 1_500_000
THOROUGH_ELEMENTS = 15_000
SCREEN_READER_ONLY = {
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "a11y-hidden",
    "u-visually-hidden",
    "offscreen",
}
CODE_ELEMENTS = ("script", "style", "svg", "iframe", "object", "embed", "canvas", "template")
# More than this share of the main text in link words: a list of articles (a home page, a section).
MAX_LINK_SHARE = 0.5
MAX_LINKS_COMPARED = 3000
# The marks browsers give <q> (the outer and the nested pair) in the page's language (CSS quotes).
QUOTATION_MARKS = {
    "": (("“", "”"), ("‘", "’")),
    "de": (("„", "“"), ("‚", "‘")),
    "fr": (("«\u00a0", "\u00a0»"), ("“", "”")),
    "ru": (("«", "»"), ("„", "“")),
    "uk": (("«", "»"), ("„", "“")),
    "kk": (("«", "»"), ("„", "“")),
    "be": (("«", "»"), ("„", "“")),
    "es": (("«", "»"), ("“", "”")),
    "it": (("«", "»"), ("“", "”")),
    "pl": (("„", "”"), ("«", "»")),
}
# A line is prose when it ends a sentence or is this long (a headline rarely is).
PROSE_LINE_WORDS = 12
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
# A page's declared language gives way to the text's when the text is this long (letters) and
# confidently in another language: many templates say lang="en" whatever the article's language.
LANGUAGE_OVERRIDE_LETTERS = 250
TITLE_SEARCH_LINES = 10
# Lines a page's text starts with when it was copied whole: links for keyboards and menus.
PAGE_FURNITURE = re.compile(
    r"^(?:\d+\.\s*)?(?:skip to\b|jump to\b|top of (?:the )?page$|(?:main )?menu$|navigation$|home$|search$|"
    r"sign in$|log in$|subscribe$|close$|перейти к\b|zum inhalt\b|aller au contenu\b)",
    re.IGNORECASE,
)
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")
# A first line of pasted text is its title when it reads like one.
TITLE_MAX_CHARACTERS = 200
TITLE_MAX_WORDS = 30
NO_ARTICLE = (
    "No article text found on this page: it may be a home page, a list of articles, a paywall or a page "
    "built by JavaScript; paste the article's text instead."
)
SAVE_OR_COPY = "save the page as HTML (“Web page, HTML only”) or copy its text and paste it"
WORD = re.compile(r"\w+")
BLANK_RUN = re.compile(r"[^\S\n]+")  # white space other than line breaks
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")  # an empty line, however many
BLOCK_TAGS = {"p", "head", "quote", "list", "table"}
# In HTML a line break in the source is a space; only <br> (trafilatura's <lb>) breaks a line.
SOURCE_WHITE_SPACE = re.compile(r"\s+")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# What a browser does with a page that says latin-1 or ASCII (WHATWG Encoding): windows-1252.
CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main)\b",
    re.IGNORECASE | re.DOTALL,
)
HTML_INSIDE = re.compile(r"<(?:!doctype\s+html|html[\s>]|body[\s>])", re.IGNORECASE)
# Files that are not text, by their first bytes: what they are, to tell the editor.
SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "an image, sound or video file"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, OpenDocument or EPUB file, which are ZIP archives)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "a rich text (RTF) document"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3", "a database file"),
    (b"bplist", "a Safari web archive"),
    (b"ID3", "a sound file"),
    (b"OggS", "a sound or video file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ", "an xz-compressed file"),
)
# Bytes that are not valid UTF-8 are still read as UTF-8 when they hold this many times as many
# well-formed non-ASCII characters as damaged places (_mostly_utf8).
UTF8_DAMAGE_RATIO = 2
NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def article_from_html(html: bytes | str, *, url: str | None = None, charset: str | None = None) -> Article:
    """The article in a page's HTML: main text (paragraphs separated by a blank line), title,
    authors, publication date, publisher, site, language, canonical URL. `url` is where the page
    was read (it resolves a relative canonical link and names the site when the page does not);
    `charset` the one its server declared, if any. Raises IntakeError when the input is too
    large or holds no article."""
    _check_size(len(html), what="page")
    text = decode_bytes(html, declared_charset=charset) if isinstance(html, bytes) else html
    text = CONTROL_CHARACTER.sub(" ", text)  # NUL and friends: lxml stops at some of them
    if not text.strip():
        raise IntakeError("The page is empty: it has no text at all; paste the article's text instead.")
    try:
        return _extract(text, url)
    except IntakeError:
        raise
    except (RecursionError, MemoryError):
        raise IntakeError(
            f"This page's HTML is too deeply nested or too large to read; {SAVE_OR_COPY} instead."
        ) from None
    except Exception:
        # A parser crash on a malformed page must say what to do, not give a server error; the log keeps why.
        logger.exception("Extraction failed for %s", url or "an uploaded page")
        raise IntakeError(f"ClaimTrack could not read this page's HTML; {SAVE_OR_COPY} instead.") from None


def _extract(text: str, url: str | None) -> Article:
    import trafilatura
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is None:
        raise IntakeError(f"This is not an HTML page ClaimTrack can read; {SAVE_OR_COPY}.")
    _drop_code(tree)
    # Extraction takes time in proportion to the page's elements and text (several seconds for
    # 50,000 on a busy 2-core machine): what is more than any article has is refused before it.
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise IntakeError(
            f"This page has {elements:,} HTML elements, more than the {MAX_ELEMENTS:,} ClaimTrack reads: it is "
            f"not one article (an archive, a long list, a page with all its comments); {SAVE_OR_COPY} (the article "
            "alone)."
        )
    characters = sum(len(piece) for piece in tree.itertext())
    if characters > MAX_PAGE_CHARACTERS:
        raise IntakeError(
            f"This page holds {characters:,} characters of text, more than the {MAX_PAGE_CHARACTERS:,} ClaimTrack "
            f"reads: it is not one article; copy the article's own text and paste it."
        )
    thorough = elements <= THOROUGH_ELEMENTS
    declared_language = _declared_language(tree)
    _print_inline_quotations(tree, declared_language)
    canonical_link = _canonical_link(tree)
    declared_site_name = _declared_site_name(tree)
    link_texts = _link_texts(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        # A large page skips the second opinions (readability, jusText) and the search for a date
        # in the text: the time they take grows with the page.
        fast=not thorough,
        date_extraction_params=set_date_params(extensive=thorough),
    )
    if document is None or document.body is None:
        raise IntakeError(NO_ARTICLE)
    body = _body_text(document.body)
    if _prose_words(body) < MIN_ARTICLE_WORDS or _link_share(body, link_texts) > MAX_LINK_SHARE:
        raise IntakeError(NO_ARTICLE)
    _check_length(body)
    canonical = _absolute_url(canonical_link or document.url, base=url)
    if canonical and urlsplit(canonical).path in ("", "/") and urlsplit(url or "").path not in ("", "/"):
        canonical = None  # a site that names its home page as every page's canonical URL
    canonical = canonical or url
    # As the site spells itself ("dpa-AFX", "the Guardian"): trafilatura title-cases the name.
    publisher = _line(declared_site_name or document.sitename or "") or None
    return Article(
        text=body,
        title=_without_site_name(_line(document.title or ""), publisher),
        authors=split_authors(document.author or ""),
        published_on=_date(document.date),
        publisher=publisher,
        site=(url_domain(canonical) or None) if canonical else None,
        language=_language(declared_language, body),
        url=canonical,
        fetched_url=url,
    )


def article_from_page(page: "FetchedPage") -> Article:
    """The article in a page fetch_page read: HTML, or plain text, or (when the server did not say
    which) what its contents look like; refused when it is not text whatever the server says."""
    where = page.final_url
    if kind := _binary_kind(page.body):
        raise IntakeError(
            f"The page at {where} looks like {kind}, not a web page (its server calls it "
            f"{page.content_type or 'nothing'}); {SAVE_OR_COPY}."
        )
    if page.content_type == "text/plain":
        return article_from_text(decode_bytes(page.body, declared_charset=page.charset), url=where)
    if not page.content_type:
        text = decode_bytes(page.body)
        if _looks_binary(text):
            raise IntakeError(f"The page at {where} looks like a binary file, not a web page; {SAVE_OR_COPY}.")
        if not (HTML_START.match(text[:4096]) or HTML_INSIDE.search(text[:8192])):
            return article_from_text(text, url=where)
    return article_from_html(page.body, url=where, charset=page.charset)


def article_from_text(text: str, *, url: str | None = None) -> Article:
    """An article from pasted text (or a text file, or a plain-text page read at `url`): the
    text as given, line endings normalised and invisible control characters removed; the title
    is its first line when that reads like one; the language is detected."""
    _check_size(len(text), what="text")
    text = clean_text(text).strip()
    if not text:
        raise IntakeError("The text is empty: paste the article's text (or upload the page saved as HTML).")
    _check_length(text)
    if len(WORD.findall(text)) < 3:
        raise IntakeError(
            "The text is too short to hold a quotation (fewer than 3 words); paste the article's whole text."
        )
    return Article(
        text=text,
        title=_title_line(text),
        language=_language("", text),
        site=(url_domain(url) or None) if url else None,
        url=url,
        fetched_url=url,
    )


def article_from_upload(data: bytes, filename: str) -> Article:
    """An article from an uploaded file: a page saved as HTML, or a text file, told apart by
    their contents (the file's name only breaks a tie). Refuses an empty file, a file over the
    size limit and a file that is not text (a PDF, an image, an archive...), saying what it
    looks like."""
    name = (filename or "").strip() or "The file"
    if not data:
        raise IntakeError(f"{name} is empty (0 bytes); {SAVE_OR_COPY}.")
    _check_size(len(data), what="file")
    if kind := _binary_kind(data):
        raise IntakeError(f"{name} looks like {kind}, not a web page or a text; {SAVE_OR_COPY}.")
    text = decode_bytes(data)
    if _looks_like_mhtml(text):
        raise IntakeError(
            f"{name} is a web archive (MHTML, “Web page, single file”), which ClaimTrack does not read; {SAVE_OR_COPY}."
        )
    if _looks_binary(text):
        raise IntakeError(f"{name} looks like a binary file, not a web page or a text; {SAVE_OR_COPY}.")
    lowered = name.lower()
    if HTML_START.match(text[:4096]) or (
        lowered.endswith((".html", ".htm", ".xhtml")) and HTML_INSIDE.search(text[:8192])
    ):
        return article_from_html(text)
    return article_from_text(text)


def decode_bytes(data: bytes, *, declared_charset: str | None = None) -> str:
    """Bytes as text: a byte-order mark, else the declared charset (a server's header), else the
    page's own <meta charset> or XML declaration, else UTF-8 when it is valid, else a guess
    (charset-normalizer). Bytes the charset cannot decode become U+FFFD; this never fails."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:4096]
    meta = META_CHARSET.search(head) or XML_ENCODING.search(head)
    for candidate in (declared_charset, meta.group(1).decode("ascii") if meta else None):
        encoding = _codec(candidate)
        if encoding is None:
            continue
        if encoding == "cp1252" and not data.isascii() and _valid_utf8(data):
            # A server's default "iso-8859-1" on a page written in UTF-8 (the usual mistake).
            return data.decode("utf-8")
        return data.decode(encoding, errors="replace")
    if _valid_utf8(data):
        return data.decode("utf-8")
    if _mostly_utf8(data):
        # UTF-8 with a few damaged bytes (a truncated character, a stray byte of another
        # charset): a guess would read every character of the text wrongly, quotation marks too.
        return data.decode("utf-8", errors="replace")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = _codec(best.encoding) if best is not None else None
    return data.decode(encoding or "utf-8", errors="replace")


def clean_text(text: str) -> str:
    """Line endings as \\n (CRLF, CR, and the Unicode line and paragraph separators), control
    characters other than tab and line feed removed, bidirectional overrides removed: what
    ClaimTrack refuses to store (apps.core.models.invisible_character_problem), and which would
    make a quotation read otherwise than it is written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = CONTROL_CHARACTER.sub("", text)
    return BIDI_CONTROL.sub("", text)


def split_authors(value: str) -> tuple[str, ...]:
    """Authors as a page lists them ("By Jane Doe and John Roe", "A; B", "A, B & C") one by one,
    without "By" and without repeats."""
    value = _line(value)
    value = re.sub(r"^\s*(?:by|von|par|от|автор[ы]?:?)\s+", "", value, flags=re.IGNORECASE)
    parts = re.split(r"\s*(?:;|\||&|\band\b|\bund\b|\bet\b|\bи\b)\s*", value, flags=re.IGNORECASE)
    names: list[str] = []
    for part in parts:
        # "Jane Doe, John Roe" are two people; "Doe, Jane" is one.
        pieces = [piece.strip() for piece in part.split(",")]
        if len(pieces) > 1 and all(" " in piece for piece in pieces if piece):
            candidates = pieces
        else:
            candidates = [part.strip()]
        for candidate in candidates:
            candidate = re.sub(r"^\s*(?:by)\s+", "", candidate, flags=re.IGNORECASE).strip(" ,.")
            if candidate and WORD.search(candidate) and candidate.lower() not in {name.lower() for name in names}:
                names.append(candidate)
    return tuple(names)


def _check_size(size: int, *, what: str) -> None:
    limit = settings.CLAIMTRACK_INTAKE_MAX_BYTES
    if size > limit:
        raise IntakeError(
            f"The {what} is {size / 1_000_000:.1f} MB; ClaimTrack reads at most {limit / 1_000_000:g} MB "
            f"(CLAIMTRACK_INTAKE_MAX_BYTES), more than any one article. Paste the article's text instead."
        )


def _check_length(text: str) -> None:
    if len(text) > ARCHIVED_TEXT_MAX_LENGTH:
        raise IntakeError(
            f"The article's text has {len(text):,} characters; a source keeps at most {ARCHIVED_TEXT_MAX_LENGTH:,}. "
            "Bring in one article at a time."
        )


def _drop_code(tree) -> None:
    """Remove what is never an article's text (scripts, styles, drawings, embedded frames) but
    costs time: a page's JSON-LD metadata stays (its authors and dates)."""
    for element in list(tree.iter(*CODE_ELEMENTS)):
        if element.tag == "script" and "ld+json" in (element.get("type") or "").lower():
            continue
        if element.getparent() is not None:
            element.drop_tree()
    # Words only a screen reader says ("Opens in a new window", "Advertisement") are not printed
    # and would break a sentence the reader sees whole.
    for element in list(tree.iterfind(".//*[@class]")):
        if SCREEN_READER_ONLY.intersection((element.get("class") or "").lower().split()):
            if element.getparent() is not None:
                element.drop_tree()


def _print_inline_quotations(tree, language: str) -> None:
    """<q>words</q> is shown with quotation marks the browser adds (the page's language's): put
    them in the text, where the reader sees them and the quotation finder looks for them, and let
    the words stay in their sentence (trafilatura would make a <q> a block of its own)."""
    quotations = [(q, sum(1 for _ in q.iterancestors("q"))) for q in tree.iter("q")]
    outer, inner = QUOTATION_MARKS.get(language, QUOTATION_MARKS[""])
    for q, depth in quotations:
        opening, closing = inner if depth % 2 else outer
        q.text = opening + (q.text or "")
        if len(q):
            q[-1].tail = (q[-1].tail or "") + closing
        else:
            q.text += closing
    for q, _depth in reversed(quotations):
        q.drop_tag()


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not valid UTF-8 are UTF-8 with a few damaged bytes: at least
    UTF8_DAMAGE_RATIO times as many well-formed non-ASCII characters as damaged places. Text in
    another charset read as UTF-8 has few or no well-formed ones (Latin-1 and Cyrillic none,
    Japanese, Chinese and Korean fewer than damaged places)."""
    decoded = data.decode("utf-8", errors="replace")
    damaged = decoded.count("\ufffd")
    return len(NON_ASCII.findall(decoded)) >= UTF8_DAMAGE_RATIO * damaged


def _binary_kind(data: bytes) -> str | None:
    head = data[:64]
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[4:8] == b"ftyp":
        return "a video or image file"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # UTF-16 text: NUL bytes are half its characters
    if b"\x00" in data[:8192]:
        return "a binary file (it contains NUL bytes)"
    return None


def _looks_binary(text: str) -> bool:
    """Text decoded from something that was not text: many control or undecodable characters."""
    sample = text[:8192]
    if not sample:
        return False
    odd = sum(1 for character in sample if character == "\ufffd" or CONTROL_CHARACTER.match(character))
    return odd > max(8, len(sample) // 20)


def _looks_like_mhtml(text: str) -> bool:
    head = text[:2048].lower()
    return "mime-version:" in head and "multipart/related" in head


def _declared_language(tree) -> str:
    """The language the page says it is in: <html lang>, Content-Language, og:locale."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iterfind(".//head/meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for candidate in candidates:
        if language := _primary_language(candidate or ""):
            return language
    return ""


def _primary_language(value: str) -> str:
    """ "en" for "en-GB", "en_US", "EN"; "" for what is not a language tag."""
    value = value.strip().split(",")[0].strip().replace("_", "-")
    primary = value.split("-")[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) and primary not in ("und", "mul", "zxx") else ""


def _language(declared: str, text: str) -> str:
    """The page's own language; a confident reading of the text when the page says nothing, or
    when a long text is clearly in another language than a template's default `lang`."""
    detected = detect_language(text[:20_000])
    if (
        declared
        and detected
        and detected != declared
        and sum(c.isalpha() for c in text[:20_000]) >= LANGUAGE_OVERRIDE_LETTERS
    ):
        return detected
    return declared or detected


def _body_text(body) -> str:
    """trafilatura's main text as printed: each block (paragraph, heading, list, quotation,
    table) a paragraph separated by a blank line, and so are the parts of a block a page split
    with an empty line (<br><br>); a line break (<br>) stays one; white space inside a line
    collapsed; list items one a line, without their bullets."""
    paragraphs = []
    for element in body:
        block = _render_block(element) + _spaced(element.tail)
        for part in PARAGRAPH_BREAK.split(clean_text(block)):
            lines = (BLANK_RUN.sub(" ", line).strip() for line in part.split("\n"))
            if paragraph := "\n".join(line for line in lines if line):
                paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _render_block(element) -> str:
    if element.tag == "list":
        return "\n".join(_render_block(item) for item in element)
    if element.tag == "item":
        words, sublists = [_spaced(element.text)], []
        for child in element:
            if child.tag == "list":
                sublists.append(_render_block(child))
                words.append(_spaced(child.tail))
            else:
                words.append(_render_inline(child) + _spaced(child.tail))
        return "\n".join(["".join(words), *sublists])
    if element.tag == "table":  # a row a line, its cells apart by " | "
        return "\n".join(
            " | ".join(" ".join(_render_inline(cell).split()) for cell in row.iterchildren("cell"))
            for row in element.iterchildren("row")
        )
    if element.tag == "graphic":
        return ""
    return _render_inline(element)


def _render_inline(element) -> str:
    parts = [_spaced(element.text)]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in BLOCK_TAGS:  # a paragraph inside a quotation, a list inside a paragraph
            parts.append(f"\n\n{_render_block(child)}\n\n")
        elif child.tag != "graphic":
            parts.append(_render_inline(child))
        parts.append(_spaced(child.tail))
    return "".join(parts)


def _spaced(text: str | None) -> str:
    return SOURCE_WHITE_SPACE.sub(" ", text) if text else ""


def _canonical_link(tree) -> str | None:
    for link in tree.iterfind(".//head/link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            return link.get("href").strip()
    return None


def _declared_site_name(tree) -> str | None:
    for meta in tree.iterfind(".//head/meta"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() in ("og:site_name", "application-name"):
            if value := (meta.get("content") or "").strip():
                return value
    return None


def _link_texts(tree) -> set[str]:
    """The words of the page's links (of two words or more): a page whose "main text" is mostly
    these is a list of articles, not one."""
    texts = set()
    for anchor in tree.iter("a"):
        text = " ".join("".join(anchor.itertext()).split())
        if text.count(" ") >= 1:
            texts.add(text)
        if len(texts) >= MAX_LINKS_COMPARED:
            break
    return texts


def _link_share(text: str, link_texts: set[str]) -> float:
    flat = " ".join(text.split())
    if not flat or not link_texts:
        return 0.0
    covered = sum(len(link) * flat.count(link) for link in link_texts)
    return covered / len(flat)


def _prose_words(text: str) -> int:
    """Words in lines that read as prose (a sentence's end, or a long line): a home page's list
    of headlines has many words and none of them in a sentence."""
    count = 0
    for line in text.split("\n"):
        words = len(WORD.findall(line))
        if words >= PROSE_LINE_WORDS or SENTENCE_END.search(line):
            count += words
    return count


def _line(value: str) -> str:
    return BLANK_RUN.sub(" ", clean_text(value).replace("\n", " ")).strip()


def _without_site_name(title: str, site_name: str | None) -> str:
    """ "Minister defends plan" for "Minister defends plan | The Daily Example"."""
    if not site_name:
        return title
    for separator in TITLE_SEPARATORS:
        for candidate in (f"{separator}{site_name}", f"{site_name}{separator}"):
            if title.lower().endswith(candidate.lower()) and len(title) > len(candidate):
                return title[: -len(candidate)].strip()
            if title.lower().startswith(candidate.lower()) and len(title) > len(candidate):
                return title[len(candidate) :].strip()
    return title


def _title_line(text: str) -> str:
    """The first line that reads like a title, past the lines a page copied with its text
    starts with ("Skip to content", "top of page"); "" when the first real line is a sentence."""
    lines = [line.strip() for line in text.split("\n")]
    for position, line in enumerate(lines[:TITLE_SEARCH_LINES]):
        if not line or PAGE_FURNITURE.match(line):
            continue
        rest = "\n".join(lines[position + 1 :])
        if (
            rest.strip()
            and len(line) <= TITLE_MAX_CHARACTERS
            and len(line.split()) <= TITLE_MAX_WORDS
            and not line.endswith((".", ",", ";", ":", "”", '"', "»", "…"))
            and WORD.search(line)
        ):
            return line
        return ""
    return ""


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _absolute_url(value: str | None, *, base: str | None) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if base:
        value = urljoin(base, value)
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return value
