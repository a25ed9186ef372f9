"""A second opinion on who said each quotation: a small logistic model that scores every person
and organisation the text names near a quotation, with the rules' choice as one of its signals,
and replaces the rules' speaker only when it is clearly surer of another one.

The rules in quotes.py read the text's grammar (cues, pronouns, titles, appositions); they fail
on what no single rule weighs together: "he said" when two men alternate, a quotation long after
the last cue, an interview whose subject is named once. The model weighs the same evidence a
reader does (who was named how recently, who spoke before, who speaks elsewhere in the article,
whether the pronoun fits) with weights learned from gold quotations.

The weights (data/attribution.json) are trained by scripts/train_attribution.py on the rules'
output for articles the rules had not been written on, so that the model learns how far the
rules can be trusted where they have not been tuned. Scoring is pure Python: no dependency.
"""

import json
import math
import re
import unicodedata
from dataclasses import replace
from functools import cache
from pathlib import Path

from .types import QuoteSpan, SpeakerMention

WEIGHTS = Path(__file__).resolve().parent / "data" / "attribution.json"

PARAGRAPHS_BACK = 2  # candidates are named in the quotation's paragraph or the two before it
PRONOUN = re.compile(r"\b(he|she|He|She)\b")
SENTENCE_END = re.compile(r"[.!?]\s")
NOT_IN_KEY = {"mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "the", "a", "an", "one"}


def key(name: str) -> str:
    """A name folded for comparison: no accents, case, honorifics or articles."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    return " ".join(t for t in re.findall(r"[^\W_]+", folded) if t not in NOT_IN_KEY)


def cue_category(cue: str) -> str:
    if not cue:
        return "none"
    if cue in ("(previous quotation)", "(previous sentence)", "(turn)"):
        return cue.strip("()").replace(" ", "_")
    if cue.startswith("("):
        return "other_inferred"
    return "cue"


CATEGORIES = ("cue", "previous_quotation", "previous_sentence", "turn", "none", "other_inferred")
KINDS = ("person", "organisation", "group", "anonymous")


def _pronoun_near(text: str, span: QuoteSpan) -> str | None:
    """ "he" or "she" when the cue next to the quotation is one: “…,” she said / He said: “…”."""
    after = text[span.char_end : span.char_end + 40]
    end = SENTENCE_END.search(after, 2)
    found = PRONOUN.search(after[: end.start() if end else len(after)])
    if found is None:
        before = text[max(0, span.char_start - 60) : span.char_start]
        cut = max(before.rfind(". "), before.rfind("\n"))
        found = PRONOUN.search(before[cut + 1 :])
    return found.group(1).lower() if found else None


PREPOSITION_BEFORE = re.compile(
    r"\b(?:from|in|at|of|near|to|for|with|by|on|into|across|outside|against)\s+(?:the\s+)?$", re.I
)
NOT_BEFORE_SUBJECT = {
    *"from in at of near to for with by on into about after before as if when while because that whether".split(),
    *"who which said says told asked added is was has had".split(),
}


class _Candidates:
    """The people and organisations named near each quotation, under their fullest names, and
    how each mention sits in its sentence."""

    def __init__(self, article, text: str):
        self.article = article
        self.text = text
        self.paragraph_starts = [m.start() for m in re.finditer(r"[^\n]+", text)]
        mentions = [(m.pos, m, "person") for m in article.persons]
        mentions += [(m.pos, m, "organisation") for m in article.organisations if not getattr(m, "possessive", False)]
        mentions.sort(key=lambda item: item[0])
        self.mentions = []  # (pos, fullest name, kind, first in its sentence, after a preposition)
        self.counts: dict[str, int] = {}
        for pos, mention, kind in mentions:
            name = article.fullest(mention.name, pos) if kind == "person" else mention.name
            lead = text[max(text.rfind(". ", 0, pos) + 1, text.rfind("\n", 0, pos) + 1, pos - 60) : pos]
            # "Ridgewell coach Lyle Pettigrew defended…", "But Mr Okafor…": a few words of job, title
            # or conjunction before the name still leave it the sentence's subject
            words = {w.lower() for w in re.findall(r"[\w’'-]+", lead)}
            first = len(words) <= 4 and "," not in lead and not words & NOT_BEFORE_SUBJECT
            self.mentions.append((pos, name, kind, first, bool(PREPOSITION_BEFORE.search(lead))))
            self.counts[key(name)] = self.counts.get(key(name), 0) + 1

    def paragraph_of(self, pos: int) -> int:
        low, high = 0, len(self.paragraph_starts)
        while low < high:
            middle = (low + high) // 2
            if self.paragraph_starts[middle] <= pos:
                low = middle + 1
            else:
                high = middle
        return low - 1

    def near(self, span: QuoteSpan) -> dict[str, dict]:
        paragraph = self.paragraph_of(span.char_start)
        first = self.paragraph_starts[max(0, paragraph - PARAGRAPHS_BACK)]
        last = self.paragraph_starts[paragraph + 1] if paragraph + 1 < len(self.paragraph_starts) else len(self.text)
        found: dict[str, dict] = {}
        latest = latest_subject = None
        for pos, name, kind, subject, after_preposition in self.mentions:
            if pos < first or pos >= last:
                continue
            entry = found.setdefault(
                key(name), {"name": name, "kind": kind, "before": None, "after": None, "subject": False}
            )
            if pos < span.char_start:
                entry["before"] = pos
                entry["paragraph"] = self.paragraph_of(pos)
                entry["after_preposition"] = after_preposition
                entry["subject"] = entry["subject"] or subject
                if kind == "person":
                    latest = key(name)
                    if subject:
                        latest_subject = key(name)
            elif entry["after"] is None and pos >= span.char_end:
                entry["after"] = pos
                entry["subject_after"] = subject
        if latest in found:
            found[latest]["latest_person"] = True
        if latest_subject in found:
            found[latest_subject]["latest_subject"] = True
        return found


def features(article, text: str, spans: list[QuoteSpan]) -> list[list[tuple[SpeakerMention | None, dict]]]:
    """For each quotation, its candidates (the rules' speaker first) with their features."""
    candidates = _Candidates(article, text)
    said_by: dict[str, int] = {}
    speakers: dict[str, SpeakerMention] = {}  # everyone the rules found speaking in the article
    for span in spans:
        if span.speaker:
            said_by[key(span.speaker.name)] = said_by.get(key(span.speaker.name), 0) + 1
            if span.speaker.kind in ("person", "organisation"):
                speakers.setdefault(key(span.speaker.name), span.speaker)
    result = []
    for k, span in enumerate(spans):
        rules = span.speaker
        rules_key = key(rules.name) if rules else ""
        previous = [key(s.speaker.name) for s in spans[max(0, k - 2) : k] if s.speaker][::-1]
        near = candidates.near(span)
        paragraph = candidates.paragraph_of(span.char_start)
        pronoun = _pronoun_near(text, span)
        category = cue_category(span.cue)
        options: list[tuple[SpeakerMention | None, dict]] = []
        seen = set()
        named = [(rules_key, rules.name if rules else "", rules.kind if rules else "")]
        named += [(name_key, e["name"], e["kind"]) for name_key, e in near.items()]
        named += [(name_key, m.name, m.kind) for name_key, m in speakers.items() if name_key not in near]
        for name_key, name, kind in named:
            if name_key in seen or (not name_key and options):
                continue
            seen.add(name_key)
            entry = near.get(name_key, {})
            f: dict[str, float] = {"bias": 1.0}
            is_rules = name_key == rules_key
            if is_rules:
                f["rules"] = 1.0
                f[f"rules_{category}"] = 1.0
                f[f"rules_kind_{kind or 'none'}"] = 1.0
                if pronoun:
                    f["rules_pronoun"] = 1.0
                if span.notes and any("tidied" in n for n in span.notes):
                    f["rules_tidied"] = 1.0
                if kind in ("person", "organisation") and not candidates.counts.get(name_key):
                    f["rules_not_a_name_in_text"] = 1.0
            if not name_key:
                f["nobody"] = 1.0
                options.append((None, f))
                continue
            if previous and name_key == previous[0]:
                f["previous_1"] = 1.0
            elif name_key in previous:
                f["previous_2"] = 1.0
            others = said_by.get(name_key, 0) - (1 if is_rules else 0)
            f["speaks_elsewhere"] = math.log1p(max(0, others))
            f["mentions"] = math.log1p(candidates.counts.get(name_key, 0))
            before, after = entry.get("before"), entry.get("after")
            if not entry:
                f["not_near"] = 1.0
            surname = name.split()[-1] if name.split() else ""
            if not is_rules and rules and len(surname) > 2 and surname in rules.name:
                f["inside_rules_name"] = 1.0  # "By Monday evening Ferreira-Quist" read as a name
            if before is not None:
                f["named_before"] = 1.0
                f["distance_before"] = math.log1p(span.char_start - before) / 8
                back = paragraph - entry.get("paragraph", paragraph)
                f[f"paragraphs_back_{min(back, 2)}"] = 1.0
                if entry.get("subject"):
                    f["named_first_in_sentence"] = 1.0
                if entry.get("after_preposition"):
                    f["after_preposition"] = 1.0
                if entry.get("latest_person"):
                    f["latest_person"] = 1.0
                if entry.get("latest_subject"):
                    f["latest_subject"] = 1.0
                if re.search(r"(?:[’']s)\b", text[before : before + len(entry["name"]) + 3]):
                    f["named_possessive"] = 1.0
                if article.cues_in(before, min(span.char_start, before + 80)):
                    f["cue_after_name"] = 1.0
            if after is not None and candidates.paragraph_of(after) == paragraph:
                f["named_after_in_paragraph"] = 1.0
                f["distance_after"] = math.log1p(after - span.char_end) / 8
            if kind == "person":
                f["person"] = 1.0
                gender = article.gender(name)
                if pronoun and gender:
                    f["gender_fits" if (gender == "f") == (pronoun == "she") else "gender_clashes"] = 1.0
                elif pronoun:
                    f["gender_unknown"] = 1.0
            elif kind == "organisation":
                f["organisation"] = 1.0
            else:
                f[f"kind_{kind}"] = 1.0
            if surname and len(surname) > 2 and surname in span.text:
                f["named_in_quotation"] = 1.0
            if pronoun and kind != "person":
                f["pronoun_not_person"] = 1.0
            options.append((SpeakerMention(name, kind or "person"), f))
        result.append(options)
    return result


@cache
def _model() -> dict | None:
    try:
        return json.loads(WEIGHTS.read_text())
    except (OSError, ValueError):
        return None


def probabilities(weights: dict[str, float], options: list[dict[str, float]]) -> list[float]:
    """How likely each candidate is the speaker: a softmax over the candidates' scores."""
    scores = [sum(weights.get(name, 0.0) * value for name, value in f.items()) for f in options]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    return [e / sum(exps) for e in exps]


def second_opinion(article, text: str, spans: list[QuoteSpan], model: dict | None = None) -> list[QuoteSpan]:
    """`spans` with a speaker replaced where the model is surer of another by its margin."""
    model = model or _model()
    if not model or not spans:
        return spans
    weights, margin = model["weights"], model["margin"]
    result = []
    for span, options in zip(spans, features(article, text, spans), strict=True):
        scored = list(zip(probabilities(weights, [f for _, f in options]), (m for m, _ in options), strict=True))
        rules_score = scored[0][0]
        best_score, best = max(scored, key=lambda item: item[0])
        if best is not None and best_score - rules_score > margin:
            note = f"speaker chosen by the attribution model ({best_score:.2f} against {rules_score:.2f})"
            span = replace(span, speaker=best, notes=(*span.notes, note))
        result.append(span)
    return result
