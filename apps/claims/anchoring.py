"""Finding a quotation's exact words in the text that reports them, and explaining where they
differ when they are not there. Pure functions: no database."""

from dataclasses import dataclass
from difflib import SequenceMatcher

# Characters kept on each side of a quotation (W3C Web Annotation's TextQuoteSelector), so that it
# can be found again if the archived text shifts.
AFFIX_LENGTH = 32
SHOWN = 24  # characters shown on each side of a difference in an error message

# Look-alike characters that make a pasted quotation differ from the printed one.
LOOKALIKES = {
    '"': 'straight double quote (")',
    "“": "opening curly quote (“)",
    "”": "closing curly quote (”)",
    "'": "straight apostrophe (')",
    "‘": "opening curly single quote (‘)",
    "’": "curly apostrophe (’)",
    "…": "ellipsis character (…)",
    ".": "full stop (.)",
    "-": "hyphen (-)",
    "–": "en dash (–)",
    "—": "em dash (—)",
    " ": "space",
    "\u00a0": "non-breaking space",
    "\n": "line break",
}


class NotVerbatim(ValueError):
    """The quotation's words are not found, character for character, in the text."""


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    prefix: str
    suffix: str


def _show(text: str) -> str:
    return "«" + text.replace("\n", "⏎") + "»"


def _longest_matching_prefix(words: str, text: str) -> tuple[int, int]:
    """(length, position) of the longest start of `words` found in `text` (binary search: every
    shorter start of a found start is found too)."""
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        if words[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return low, text.find(words[:low]) if low else -1


def explain_difference(words: str, text: str, *, text_name: str) -> str:
    """Say where `words` stop matching the most similar place in `text`."""
    if not words:
        return "The quotation is empty."
    length, position = _longest_matching_prefix(words, text)
    if length >= min(8, len(words)):
        offset = position
    else:
        # The start itself differs (a wrong first word or quote mark): align on the longest
        # run the two share instead.
        block = SequenceMatcher(None, text, words, autojunk=False).find_longest_match(0, len(text), 0, len(words))
        if block.size == 0:
            return f"None of the quotation’s characters appear in the {text_name} in this order; is it the right one?"
        offset = block.a - block.b
    first_difference = next(
        (i for i in range(len(words)) if not (0 <= offset + i < len(text) and text[offset + i] == words[i])),
        len(words),
    )
    matched = words[max(0, first_difference - SHOWN) : first_difference]
    quoted_rest = words[first_difference : first_difference + SHOWN]
    position = offset + first_difference
    text_rest = text[position : position + SHOWN] if 0 <= position < len(text) else ""
    if first_difference == 0:
        where = "at its first character"
    else:
        where = f"after {first_difference} matching characters ({_show(matched)})"
    message = (
        f"The quotation is not found verbatim in the {text_name}. It differs {where}: the quotation has "
        f"{_show(quoted_rest)} where the {text_name} has {_show(text_rest) if text_rest else 'nothing more'}."
    )
    ours = words[first_difference]
    theirs = text[position] if 0 <= position < len(text) else ""
    if ours in LOOKALIKES and theirs in LOOKALIKES:
        message += (
            f" Check the punctuation: the quotation has a {LOOKALIKES[ours]} where the {text_name} has a "
            f"{LOOKALIKES[theirs]}; copy the words exactly as printed."
        )
    return message


def occurrences(words: str, text: str) -> list[int]:
    found, start = [], text.find(words)
    while start != -1:
        found.append(start)
        start = text.find(words, start + 1)
    return found


def locate(
    words: str,
    text: str,
    *,
    text_name: str = "archived text",
    start: int | None = None,
    prefix: str = "",
    suffix: str = "",
    context: str = "",
) -> Anchor:
    """Where `words` stand in `text`. When they stand in several places, the stored start offset,
    then the stored prefix/suffix, then the context excerpt say which one is meant.
    Raises NotVerbatim with an explanation when they are not there."""
    found = occurrences(words, text) if words else []
    if not found:
        raise NotVerbatim(explain_difference(words, text, text_name=text_name))

    def score(candidate: int) -> tuple:
        before, after = text[:candidate], text[candidate + len(words) :]
        in_context = False
        if context:
            context_start = text.find(context)
            in_context = context_start != -1 and context_start <= candidate <= context_start + len(context)
        return (
            candidate == start,
            bool(prefix) and before.endswith(prefix),
            bool(suffix) and after.startswith(suffix),
            in_context,
            -candidate,  # otherwise the first occurrence
        )

    chosen = max(found, key=score)
    end = chosen + len(words)
    return Anchor(
        start=chosen,
        end=end,
        prefix=text[max(0, chosen - AFFIX_LENGTH) : chosen],
        suffix=text[end : end + AFFIX_LENGTH],
    )


# Where a sentence ends: its closing punctuation (and any closing quote or bracket after it),
# then white space. A line break ends a paragraph, and so a sentence, too. The desk's
# quote.js finds the same sentence in the browser; keep the two alike.
SENTENCE_END = ".!?…"
CLOSERS = "\"'”’»)]"


def _sentence_starts_after(text: str, position: int) -> bool:
    """Whether a sentence ends just before `position` (white space at `position`)."""
    before = position - 1
    while before >= 0 and text[before] in CLOSERS:
        before -= 1
    return before >= 0 and text[before] in SENTENCE_END


def sentence_around(text: str, start: int, end: int, *, max_length: int) -> str:
    """The sentence (or sentences) of `text` that hold `text[start:end]`, stripped, at most
    `max_length` characters: cut around the words, then, when still longer, the words alone."""
    left = start
    while left > 0:
        if text[left - 1] == "\n" or (text[left - 1].isspace() and _sentence_starts_after(text, left - 1)):
            break
        left -= 1
    right = end
    while right < len(text):
        if text[right] == "\n" or (text[right].isspace() and _sentence_starts_after(text, right)):
            break
        right += 1
    excerpt_start, excerpt_end = left, right
    if excerpt_end - excerpt_start > max_length:
        spare = max(0, max_length - (end - start))
        excerpt_start = max(left, start - spare // 2)
        excerpt_end = min(right, excerpt_start + max_length)
        excerpt_start = max(left, min(excerpt_start, excerpt_end - max_length))
    excerpt = text[excerpt_start:excerpt_end]
    return excerpt.strip() if len(excerpt.strip()) >= end - start else text[start:end]
