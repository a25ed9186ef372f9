"""Who spoke, on file: a speaker named in an article (a SpeakerMention from quotes.py) matched
to a Speaker, or None so that the desk proposes a new one.

A person is matched by name or alias (any case and accents: "Hans-Henning Schroeder"), then by
surname or part of the name ("Meister" -> Stefan Meister, "Putin" -> Vladimir Putin) when only
one speaker on file fits, then by a name with a letter wrong ("Medevev" -> Dmitry Medvedev). An
organisation by name or alias ("the Kremlin", "Kazakh Foreign Ministry"). An unnamed speaker
("one Kazakh", "an expert from the Russian International Affairs Council") or a group
("Kremlin allies") by the words of its description: an unnamed or group speaker on file whose
name holds most of them ("Unnamed expert of the Russian International Affairs Council"). A
description's proper words must agree with the speaker's ("the Altmark foreign ministry" is not
the "Kazakh Foreign Ministry"; "Kazakh" agrees with "Kazakhstan"), and an organisation on file
qualified by a proper word the mention lacks ("Kazakh government" for "the government") only
where the article names it: a remark filed under the wrong speaker is worse than a new speaker
the desk merges.

`SpeakerMatcher(mentions)` reads the candidate speakers for all of an article's mentions in one
query (the speakers whose name or aliases hold one of their words, or for a misspelt name one
of its three-letter runs); `.match(mention)` then costs no query.
"""

import operator
import re
from collections.abc import Iterable
from functools import reduce

from anyascii import anyascii
from django.db.models import Q

from apps.core.search import folded_contains
from apps.speakers.models import Speaker

from .names import fold
from .types import SpeakerMention

STOPWORDS = {
    "the",
    "a",
    "an",
    "one",
    "another",
    "of",
    "from",
    "in",
    "at",
    "on",
    "by",
    "for",
    "to",
    "and",
    "with",
    "unnamed",
    "some",
    "several",
    "its",
    "his",
    "her",
    "their",
    "who",
    "that",
    "this",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lord",
    "dame",
    "et",
    "al",
    "born",
    "raised",
    "said",
    "senior",
}
UNNAMED_KINDS = ("anonymous", "group")
DESCRIBED_SHARE = 0.6
TERMS_PER_QUERY = 150  # of an unnamed mention's words that the speaker's name must hold


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", re.sub(r"'s\b", "", fold(text))) if w not in STOPWORDS]


def romanised(mention: SpeakerMention) -> SpeakerMention:
    """The mention in Latin letters when it is written in another script ("Дмитрий Песков" ->
    "Dmitrii Peskov"), else the mention itself."""
    if not re.search(r"[^\W\d_]", mention.name) or all(ord(c) < 0x250 for c in mention.name if c.isalpha()):
        return mention
    return SpeakerMention(anyascii(mention.name), mention.kind)


# the letters English, French and German romanisations of Russian and Kazakh names spell differently
LEVELLED = (("zh", "j"), ("kh", "h"), ("ts", "c"), ("ch", "c"), ("sh", "s"), ("yo", "io"), ("ya", "ia"), ("yu", "iu"))


def _levelled(word: str) -> str:
    """ "zhomart" and "jomart", "tokaev" and "tokayev", "kassym" and "kasym" spelt alike."""
    for spelling, level in LEVELLED:
        word = word.replace(spelling, level)
    word = word.replace("y", "i").replace("j", "i")
    return re.sub(r"(.)\1", r"\1", word)


def _names(speaker: Speaker) -> list[str]:
    aliases = speaker.aliases if isinstance(speaker.aliases, list) else []
    return [speaker.name, *[str(alias) for alias in aliases]]


class SpeakerMatcher:
    """Matches an article's speaker mentions to speakers on file, reading them once."""

    def __init__(self, mentions: Iterable[SpeakerMention] = (), *, queryset=None, context: str = ""):
        # the article's words: an unnamed speaker on file whose description goes beyond a common
        # noun ("…at the 2014 Seliger youth forum") is matched only when the article says so too
        self.context_words = set(words(context))
        queryset = Speaker.objects.all() if queryset is None else queryset
        terms: dict[tuple[str, bool], None] = {}  # (word, only unnamed/group/organisation speakers)
        for mention in mentions:
            if mention and mention.name.strip():
                for term in self._terms(mention) | self._terms(romanised(mention)):
                    terms[(term, mention.kind in UNNAMED_KINDS)] = None
        self.speakers: list[Speaker] = []
        found: dict[int, Speaker] = {}
        items = list(terms)
        # One query for an article; a page of hundreds of names takes a few, each small enough
        # for SQLite's limit on the depth of an expression.
        for start in range(0, len(items), TERMS_PER_QUERY):
            condition = reduce(operator.or_, (self._condition(t, u) for t, u in items[start : start + TERMS_PER_QUERY]))
            for speaker in queryset.filter(condition).only("pk", "slug", "name", "aliases", "kind"):
                found[speaker.pk] = speaker
        self.speakers = list(found.values())
        self._cache: dict[tuple[str, str], Speaker | None] = {}

    @staticmethod
    def _terms(mention: SpeakerMention) -> set[str]:
        tokens = words(mention.name)
        terms = set(tokens)
        if mention.kind == "person" and tokens and len(tokens[-1]) >= 4:
            surname = tokens[-1]  # a misspelt surname keeps a run of three letters
            terms |= {surname[i : i + 3] for i in range(0, len(surname) - 2, 2)}
        return {t for t in terms if len(t) >= 3}

    @staticmethod
    def _condition(term: str, unnamed: bool) -> Q:
        condition = Q(folded_contains("name", term)) | Q(folded_contains("aliases", term))
        if unnamed:
            condition &= Q(kind__in=(*UNNAMED_KINDS, "organisation"))
        return condition

    def match(self, mention: SpeakerMention | None) -> Speaker | None:
        """The speaker on file `mention` names, or None when none fits or several fit equally."""
        if mention is None or not mention.name.strip():
            return None
        key = (mention.name, mention.kind)
        if key not in self._cache:
            self._cache[key] = self._match(mention)
        return self._cache[key]

    def _match(self, mention: SpeakerMention) -> Speaker | None:
        wanted = fold(re.sub(r"^(?i:the)\s+", "", mention.name.strip()))
        exact = [s for s in self.speakers if any(fold(re.sub(r"^(?i:the)\s+", "", n)) == wanted for n in _names(s))]
        if exact:
            return _only(exact, mention)
        if mention.kind == "person":
            found = self._person(mention)
            if found is None and romanised(mention) != mention:
                found = self._person_in_latin(romanised(mention))  # "Касым-Жомарт Токаев" -> Kassym-Jomart Tokayev
            return found
        if mention.kind == "organisation":
            return self._described(mention, kinds=("organisation",))
        return self._described(mention, kinds=UNNAMED_KINDS)

    def _person(self, mention: SpeakerMention) -> Speaker | None:
        tokens = words(mention.name)
        if not tokens:
            return None
        people = [s for s in self.speakers if s.kind == "person"]
        # part of a name: every word of the mention in one of the speaker's names, surname included
        partial = [s for s in people if any(_holds(words(n), tokens) for n in _names(s))]
        if partial:
            return _only(partial, mention)
        # a letter wrong: each word close to a word of the name, the surname included
        close = [s for s in people if any(_close(words(n), tokens) for n in _names(s))]
        return _only(close, mention)

    def _person_in_latin(self, mention: SpeakerMention) -> Speaker | None:
        """A name written in another script, matched by its romanisation: each word the same as a
        word of the speaker's name once the spellings that transliterations vary on are levelled
        ("Zhomart" ~ "Jomart", "Tokaev" ~ "Tokayev"), or one letter off, the surname among them."""
        tokens = [_levelled(t) for t in words(mention.name)]
        if not tokens:
            return None
        found = []
        for speaker in self.speakers:
            if speaker.kind != "person":
                continue
            for name in _names(speaker):
                name_words = [_levelled(w) for w in words(name)]
                if (
                    name_words
                    and all(any(t == w or (len(t) >= 4 and typo_of(t, w)) for w in name_words) for t in tokens)
                    and any(t == name_words[-1] or typo_of(t, name_words[-1]) for t in tokens)
                ):
                    found.append(speaker)
                    break
        return _only(found, mention)

    def _said_of_here(self, tokens: set[str], speaker: Speaker) -> bool:
        """Whether the article names what a speaker on file is qualified by: "the government" of
        an article about an e-bike recall in England is not the "Kazakh government" on file,
        though it is in an article about Kazakhstan. True when one of the speaker's names has no
        proper word (capitalised, before any parenthesis) that is neither in the mention nor in
        the article; always true with no article to read."""
        if not self.context_words:
            return True
        for name in _names(speaker):
            proper = {fold(w) for w in re.findall(r"[^\W_]+", re.sub(r"\(.*?\)|['’]s\b", "", name)) if w[:1].isupper()}
            missing = proper - STOPWORDS - tokens
            if all(any(_same_root(word, seen) for seen in self.context_words) for word in missing):
                return True
        return False

    def _described(self, mention: SpeakerMention, *, kinds) -> Speaker | None:
        tokens = set(words(mention.name))
        if not tokens:
            return None
        scored = []
        for speaker in self.speakers:
            if speaker.kind not in kinds:
                continue
            name_words = set()
            for name in _names(speaker):
                name_words |= set(words(name))
            shared = tokens & name_words
            if _generic_only(mention, shared, speaker, self.context_words):
                continue
            if not _qualifiers_agree(mention, name_words) or (
                speaker.kind == "organisation" and not self._said_of_here(tokens, speaker)
            ):
                continue
            if len(shared) / len(tokens) >= DESCRIBED_SHARE:
                # the name before its parenthesis says who; the parenthesis, where
                head = set(words(re.sub(r"\(.*?\)", "", speaker.name)))
                scored.append(
                    (len(tokens & head) / len(tokens | head), len(shared) / len(tokens | name_words), speaker)
                )
        if not scored:
            return None
        scored.sort(key=lambda item: (-item[0], -item[1]))
        if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
            return None
        return scored[0][2]


def _generic_only(mention: SpeakerMention, shared: set[str], speaker: Speaker, context: set[str]) -> bool:
    """Whether an unnamed mention shares only a common noun with an unnamed speaker on file whose
    name says more: "unnamed questioner" is not the "Unnamed questioner at the 2014 Seliger youth
    forum" of another story unless the article says most of the rest (Seliger, the youth forum),
    while "one Kazakh" (a proper word) may be the "Unnamed Kazakh…"."""
    if mention.kind not in UNNAMED_KINDS or len(shared) != 1:
        return False
    (word,) = shared
    proper = any(fold(w) == word and w[:1].isupper() for w in re.findall(r"[^\W_]+", mention.name)[1:])
    head = set(words(re.sub(r"\(.*?\)", "", speaker.name)))
    qualifiers = {w for w in head - shared if len(w) >= 4 and not w.isdigit()}
    # the article must say most of what the name adds, not one of its words in passing: "Another
    # head" in a story about a school's education committee is not the "Head of the State Duma's
    # Education and Science Committee"
    return not proper and bool(qualifiers) and 2 * len(qualifiers & context) < len(qualifiers)


def _qualifiers_agree(mention: SpeakerMention, name_words: set[str]) -> bool:
    """Whether every proper word of a description (a country, a place, an organisation's name:
    the capitalised words) is in the speaker's names: "the Altmark foreign ministry" is not the
    "Kazakh Foreign Ministry" on file, whatever the words they share. A demonym agrees with its
    country ("Kazakh" ~ "Kazakhstan", "Russian" ~ "Russia"). The first word of a group or an
    unnamed speaker may be capitalised only by opening the sentence ("Officials at the Kremlin")."""
    found = re.findall(r"[^\W_]+", re.sub(r"['’]s\b", "", mention.name))
    if mention.kind in UNNAMED_KINDS:
        found = found[1:]
    proper = {fold(w) for w in found if w[:1].isupper()} - STOPWORDS
    return all(any(_same_root(word, name_word) for name_word in name_words) for word in proper)


def _same_root(word: str, name_word: str) -> bool:
    if word == name_word:
        return True
    short, long = sorted((word, name_word), key=len)
    return len(short) >= 4 and long.startswith(short)


def _holds(name_words: list[str], tokens: list[str]) -> bool:
    return bool(name_words) and tokens[-1] in name_words and all(t in name_words for t in tokens)


def edit_distance(a: str, b: str) -> int:
    """Letters inserted, deleted, replaced or swapped with the next to turn a into b."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def typo_of(word: str, name_word: str) -> bool:
    """A misspelling: one letter wrong in a word of four to six letters, two from seven on, the
    first letter right ("Medevev" ~ "Medvedev")."""
    if len(word) < 4 or word[0] != name_word[0] or abs(len(word) - len(name_word)) > 2:
        return False
    return edit_distance(word, name_word) <= (1 if len(word) < 7 else 2)


def _close(name_words: list[str], tokens: list[str]) -> bool:
    """Every word of the mention in the name or a misspelling of one, the surname among them."""
    if not name_words:
        return False
    for token in tokens:
        if token not in name_words and not any(typo_of(token, w) for w in name_words):
            return False
    surname = name_words[-1]
    return any(t not in name_words for t in tokens) and any(t == surname or typo_of(t, surname) for t in tokens)


def _only(speakers: list[Speaker], mention: SpeakerMention) -> Speaker | None:
    """The one speaker, preferring the mention's kind; None when it stays ambiguous."""
    unique = list({s.pk: s for s in speakers}.values())
    if len(unique) > 1:
        same_kind = [s for s in unique if s.kind == mention.kind]
        unique = same_kind or unique
    return unique[0] if len(unique) == 1 else None
