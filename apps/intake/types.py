"""What the pieces of intake hand each other: an article's text and metadata, and the quotations
suggested in it. Plain data, no database: the extractor (extraction.py), the quotation finder
(quotes.py), the speaker matcher (speakers.py) and the services (services.py) all speak it."""

from dataclasses import dataclass, field
from datetime import date


class IntakeError(Exception):
    """Bad input to intake (a URL that cannot be fetched, a file that is not an article...).
    The message says what is wrong and how to fix it, in words an editor understands; the admin,
    the API (400) and the commands show it as it is."""


@dataclass(frozen=True)
class Article:
    """An article as intake read it. `text` is the main text only (no menus, captions of other
    pages, comments), paragraphs separated by a blank line; every offset of a suggestion indexes
    it, and it becomes the source's archived text."""

    text: str
    title: str = ""
    authors: tuple[str, ...] = ()
    published_on: date | None = None
    publisher: str | None = None  # the site's name as it calls itself ("Foreign Policy")
    site: str | None = None  # its host name ("foreignpolicy.com")
    language: str = ""  # BCP 47, detected when the page does not say
    url: str | None = None  # the canonical URL when the page gives one, else where it was read
    fetched_url: str | None = None  # where it was read (after redirects), when it came from a URL


SPEAKER_KINDS = ("person", "organisation", "group", "anonymous")


@dataclass(frozen=True)
class SpeakerMention:
    """Who the text says spoke, as the text names them ("Tokayev", "the foreign ministry",
    "one Kazakh resident"), resolved across pronouns and titles to the fullest name the
    article gives ("Kassym-Jomart Tokayev")."""

    name: str
    kind: str = "person"  # one of SPEAKER_KINDS


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation found in an article's text: `text` is the words inside the quotation marks,
    without the marks, and text == article_text[char_start:char_end]."""

    text: str
    char_start: int
    char_end: int
    mode: str  # "direct" (a quoted sentence or clause) or "partial" (a quoted word or phrase)
    speaker: SpeakerMention | None = None
    cue: str = ""  # the reporting word that attributed it ("said", "according to", ":")
    confidence: float = 1.0
    notes: tuple[str, ...] = field(default=())
    # why a person should check the speaker before accepting it ("" when nothing calls for it):
    # see quotes.speaker_checks
    check: str = ""
