"""How well intake's quotation suggester does, measured (`make accuracy`, ACCURACY.md).

Two sets of articles:

* the five seed articles (../shared/seeds, mapped to their sources by fixtures/seed_articles.json),
  whose gold is the fixtures' quotations of that source in mode direct or partial (paraphrases
  are not expected from the suggester), with their statements' speakers;
* articles the rules were not written on (`--articles DIR`: NAME.txt with NAME.json next to it,
  {"quotations": [{"text", "mode", "speaker"}]}), by default apps/intake/tests/articles.

A suggestion is correct when its words are exactly a gold quotation's words: both stripped of
surrounding whitespace, nothing else (punctuation inside the marks counts, curly and straight
marks differ). Each gold quotation is matched once. Mode accuracy and speaker accuracy are over
the correct suggestions: on the seeds the speaker is right when the Speaker matched on file is the
gold statement's speaker; on other articles when the speaker's name (the matched speaker's, else
as the text names them) equals the gold name, compared case-folded, accents and honorifics
(Sir, Lord, Mr, Ms, Dr…) and a leading article or determiner left out.

Statement matching (seeds only): for every gold quotation whose statement has another quotation
on file, the quotation is deleted inside a transaction that is rolled back, so its own words are
not evidence, and same_remark_candidates ranks the statements for its words, with the speaker the
suggester matched for it: is the right statement first, and among the first five?
"""

import json
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction

from apps.claims.matching import same_remark_candidates
from apps.claims.models import Quotation
from apps.intake import parsing
from apps.intake.speakers import fold
from apps.intake.suggest import STATEMENT_THRESHOLD, suggest
from apps.intake.types import Article
from apps.ops.seed import seed_articles

DEFAULT_ARTICLES_DIR = Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles"
# Written after the rules, measured without tuning on them (see ACCURACY.md).
HOLDOUT_ARTICLES_DIR = Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles_holdout"
BLIND_ARTICLES_DIR = Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles_blind"
# written for issue 17 before its rules were changed, then used to develop them
OWN_ARTICLES_DIR = Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles_own"
# written for issue 17's second round, measured once before any rule change, then used to develop
OWN_ARTICLES_DIR_2 = Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles_own2"
# written by the parse's developer (a hearing with question-and-answer turns, unnamed speakers
# quoted after they are introduced), measured once before the turn rules were written
OWN_ARTICLES_DIR_3 = Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles_own3"
# written for the fifth round in genres the sets lacked (a printed Q&A interview, an obituary, a
# briefing through an interpreter, posts on social media, an inquest), measured once before tuning
OWN_ARTICLES_DIR_4 = Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles_own4"
# The outside sets: written by evaluators who never saw the rules (invented articles), each
# measured once as it came, then used to develop the rules (their first figures are in ACCURACY.md).
OUTSIDE_ARTICLES_DIRS = [
    Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / f"articles_outside{number}" for number in range(1, 68)
]
# Articles in the other languages intake reads (apps/intake/other_languages.py), written by
# evaluators in Russian, German, French and Spanish: the first set of each language was written
# for the first rules, the second, third and fourth measured blind once each (ACCURACY.md); one
# set each in Italian and Portuguese, measured blind once with the first draft of their tables; a
# fifth and a sixth Russian set measured blind in session ten, a seventh in session eleven, an
# eighth, ninth and tenth in session twelve.
OTHER_LANGUAGE_ARTICLES_DIRS = [
    *(
        Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / f"articles_{code}{number}"
        for code in ("ru", "de", "fr", "es")
        for number in (1, 2, 3, 4)
    ),
    Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles_ru5",
    Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles_ru6",
    *(Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / f"articles_ru{number}" for number in range(7, 11)),
    Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles_it1",
    Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles_pt1",
    # five of the Russian articles with their interrupted quotations printed inside one pair of marks
    Path(settings.BASE_DIR) / "apps" / "intake" / "tests" / "articles_ru_interrupted",
]
# Every set in the repository: each was measured once before the rules were tuned on it, and
# none is unseen any more, so `make accuracy` reports them all as development sets.
DEVELOPMENT_ARTICLES_DIRS = [
    DEFAULT_ARTICLES_DIR,
    HOLDOUT_ARTICLES_DIR,
    BLIND_ARTICLES_DIR,
    OWN_ARTICLES_DIR,
    OWN_ARTICLES_DIR_2,
    OWN_ARTICLES_DIR_3,
    OWN_ARTICLES_DIR_4,
    *OUTSIDE_ARTICLES_DIRS,
    *OTHER_LANGUAGE_ARTICLES_DIRS,
]
TARGETS = {
    "seeds": {"precision": 0.95, "recall": 0.95, "speaker": 0.95, "statement_rank1": 0.95},
    "unseen": {"precision": 0.90, "recall": 0.90, "speaker": 0.90},
}
SECONDS_TARGET = 2.0  # for a 2,000-word article
MEMORY_TARGET_MB = 500
HONORIFICS = {
    "sir",
    "lord",
    "dame",
    "lady",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "the",
    "a",
    "an",
    "one",
    "another",
}


class AccuracyError(Exception):
    """The benchmark cannot run as asked (no seed articles, fixtures not loaded...)."""


@dataclass
class Gold:
    text: str
    mode: str
    speaker: str  # the speaker's slug (seeds) or name (other articles)
    quotation_id: int | None = None
    statement_id: int | None = None


@dataclass
class Case:
    name: str
    text: str
    gold: list[Gold]
    language: str = "en"


@dataclass
class CaseResult:
    name: str
    words: int
    seconds: float
    suggested: int
    gold: int
    correct: int
    mode_right: int
    speaker_right: int
    misses: list[str] = field(default_factory=list)  # gold quotations not suggested
    extras: list[str] = field(default_factory=list)  # suggestions that are no gold quotation
    wrong_speakers: list[str] = field(default_factory=list)
    unmarked: int = 0  # correct suggestions whose speaker is not marked for a check
    unmarked_right: int = 0  # of those, the ones whose speaker is right


@dataclass
class Report:
    label: str
    cases: list[CaseResult]
    statement_total: int = 0
    statement_rank1: int = 0
    statement_top5: int = 0
    statement_misses: list[str] = field(default_factory=list)
    right_scores: list[float] = field(default_factory=list)  # the right statement's score at rank 1
    parse: bool = True  # speakers read with the parse too (when installed), else by the rules alone

    def _sum(self, name):
        return sum(getattr(c, name) for c in self.cases)

    @property
    def precision(self):
        return _ratio(self._sum("correct"), self._sum("suggested"))

    @property
    def recall(self):
        return _ratio(self._sum("correct"), self._sum("gold"))

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def mode(self):
        return _ratio(self._sum("mode_right"), self._sum("correct"))

    @property
    def speaker(self):
        return _ratio(self._sum("speaker_right"), self._sum("correct"))

    @property
    def unmarked_speaker(self):
        """Speaker accuracy of the correct suggestions not marked "check the speaker"."""
        return _ratio(self._sum("unmarked_right"), self._sum("unmarked"))

    @property
    def wrong_marked(self):
        """Of the correct suggestions with a wrong speaker, the share marked for a check."""
        wrong = self._sum("correct") - self._sum("speaker_right")
        return _ratio(wrong - (self._sum("unmarked") - self._sum("unmarked_right")), wrong)

    @property
    def rank1(self):
        return _ratio(self.statement_rank1, self.statement_total)

    @property
    def top5(self):
        return _ratio(self.statement_top5, self.statement_total)


def _ratio(a, b):
    return a / b if b else 0.0


def _words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def name_key(name: str) -> str:
    tokens = [t for t in re.findall(r"[^\W_]+(?:'[^\W_]+)?", fold(name)) if t not in HONORIFICS]
    return " ".join(tokens)


def seed_cases(seeds_dir: Path) -> list[Case]:
    """The seed articles found in `seeds_dir`, with their gold from the database."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise AccuracyError(
            f"The seed articles are not at {seeds_dir}: pass --seeds DIR (or set CLAIMTRACK_SEEDS_DIR) to the "
            "folder holding the files named in fixtures/seed_articles.json."
        )
    cases = []
    for slug, file_name in seed_articles().items():
        path = seeds_dir / file_name
        if not path.is_file():
            raise AccuracyError(
                f"{path} is missing: the seed folder must hold every file of fixtures/seed_articles.json."
            )
        rows = Quotation.objects.filter(source__slug=slug, mode__in=("direct", "partial")).select_related(
            "statement__speaker"
        )
        gold = [
            Gold(q.text.strip(), q.mode, q.statement.speaker.slug, q.pk, q.statement_id) for q in rows.order_by("pk")
        ]
        if not gold:
            raise AccuracyError(
                f"No quotations of the source {slug!r} are on file: load the fixtures first (make accuracy does, "
                "or `manage.py accuracy --load-fixtures`)."
            )
        cases.append(Case(file_name, path.read_text(encoding="utf-8"), gold))
    return cases


def article_cases(articles_dir: Path) -> list[Case]:
    """NAME.txt articles of `articles_dir` with their gold in NAME.json."""
    articles_dir = Path(articles_dir)
    if not articles_dir.is_dir():
        raise AccuracyError(f"{articles_dir} is not a folder: --articles takes a folder of NAME.txt + NAME.json.")
    cases = []
    for path in sorted(articles_dir.glob("*.txt")):
        gold_path = path.with_suffix(".json")
        if not gold_path.is_file():
            raise AccuracyError(f"{path.name} has no gold: write {gold_path.name} next to it.")
        try:
            data = json.loads(gold_path.read_text(encoding="utf-8"))
            gold = [Gold(q["text"].strip(), q["mode"], q.get("speaker") or "") for q in data["quotations"]]
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise AccuracyError(
                f'{gold_path} is not a gold file: it needs {{"quotations": [{{"text", "mode", "speaker"}}]}} ({error}).'
            ) from error
        cases.append(Case(path.stem, path.read_text(encoding="utf-8"), gold, data.get("language") or "en"))
    if not cases:
        raise AccuracyError(f"{articles_dir} holds no NAME.txt article.")
    return cases


SCALED_MIN_WORDS = 500  # the shortest article whose time per word is scaled to 2,000 words
_parser_load_seconds: list[float] = []


def warm_up() -> float:
    """Load the parser (when installed) before any article is timed, as a server does once per
    process; the seconds of the first load."""
    if not _parser_load_seconds:
        started = time.perf_counter()
        parsing.load()
        _parser_load_seconds.append(time.perf_counter() - started)
    return _parser_load_seconds[0]


def evaluate(label: str, cases: list[Case], *, seeds: bool, statements: bool = False, parse: bool = True) -> Report:
    from apps.speakers.models import Speaker

    if parse:
        warm_up()
    report = Report(label, [], parse=parse)
    slugs = dict(Speaker.objects.values_list("pk", "slug"))
    for case in cases:
        article = Article(text=case.text, language=case.language)
        started = time.perf_counter()
        suggestions = suggest(article, parse=parse)
        seconds = time.perf_counter() - started
        remaining = {}
        for gold in case.gold:
            remaining.setdefault(gold.text, []).append(gold)
        result = CaseResult(case.name, _words(case.text), seconds, len(suggestions), len(case.gold), 0, 0, 0)
        matched: dict[int, object] = {}
        for suggestion in suggestions:
            candidates = remaining.get(suggestion.text.strip())
            if not candidates:
                result.extras.append(suggestion.text)
                continue
            gold = candidates.pop(0)
            result.correct += 1
            result.mode_right += suggestion.mode == gold.mode
            if seeds:
                right = slugs.get(suggestion.speaker_id) == gold.speaker
            else:
                # the speaker on file it was matched to, or the name as the article writes it: a
                # Russian article's "Дмитрий Песков" matched to Dmitry Peskov on file is right either way
                written = suggestion.speaker.name if suggestion.speaker else ""
                right = name_key(gold.speaker) in (name_key(suggestion.speaker_name), name_key(written))
            result.speaker_right += right
            if not suggestion.check:
                result.unmarked += 1
                result.unmarked_right += right
            if not right:
                said = suggestion.speaker_name or "(none)"
                result.wrong_speakers.append(f"{suggestion.text[:50]!r}: {said} (gold {gold.speaker})")
            if gold.quotation_id:
                matched[gold.quotation_id] = suggestion
        result.misses = [g.text for golds in remaining.values() for g in golds]
        report.cases.append(result)
        if statements:
            _statement_matching(report, case, matched)
    return report


def _statement_matching(report: Report, case: Case, matched: dict) -> None:
    """Rank 1 and top 5 of the right statement, each quotation left out of the evidence."""
    for gold in case.gold:
        others = Quotation.objects.filter(statement_id=gold.statement_id).exclude(pk=gold.quotation_id).exists()
        if not others:
            continue
        suggestion = matched.get(gold.quotation_id)
        speaker_id = suggestion.speaker_id if suggestion else None
        with transaction.atomic():
            Quotation.objects.filter(pk=gold.quotation_id).delete()
            ranked = same_remark_candidates(gold.text, language=case.language, speaker_id=speaker_id, limit=5)
            transaction.set_rollback(True)
        ids = [c.statement_id for c in ranked]
        report.statement_total += 1
        if ids[:1] == [gold.statement_id]:
            report.statement_rank1 += 1
            report.right_scores.append(ranked[0].score)
        else:
            report.statement_misses.append(
                f"{gold.text[:50]!r}: rank {ids.index(gold.statement_id) + 1 if gold.statement_id in ids else '>5'}"
            )
        report.statement_top5 += gold.statement_id in ids


def unseen_top_scores(cases: list[Case], *, parse: bool = True) -> list[float]:
    """The best statement's score for each suggestion in articles about something else: what a
    wrong match scores, to set STATEMENT_THRESHOLD above."""
    scores = []
    for case in cases:
        for suggestion in suggest(Article(text=case.text, language=case.language), parse=parse):
            scores.append(suggestion.score)
    return scores


def peak_memory_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!ACCURACY.md"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return out.stdout.strip() + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _mark(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return "yes" if value >= target else "**no**"


def report_lines(seeds: Report | None, unseen: list[Report], *, wrong_scores: list[float] | None = None) -> list[str]:
    lines = []
    for report, key in ((seeds, "seeds"), *((r, "unseen") for r in unseen)):
        if report is None:
            continue
        targets = TARGETS[key]
        lines += [
            f"### {report.label}",
            "",
            "| Measure | Value | Target | Met |",
            "| --- | --- | --- | --- |",
        ]
        rows = [
            ("Quotations: precision", report.precision, targets.get("precision")),
            ("Quotations: recall", report.recall, targets.get("recall")),
            ("Quotations: F1", report.f1, None),
            ("Mode (of the correct ones)", report.mode, None),
            ("Speaker (of the correct ones)", report.speaker, targets.get("speaker")),
            (
                f"Speaker, of the {report._sum('unmarked')} not marked “check the speaker”",
                report.unmarked_speaker,
                None,
            ),
            ("Wrong speakers marked “check the speaker”", report.wrong_marked, None),
        ]
        if report.statement_total:
            rows += [
                (
                    f"Statement at rank 1 ({report.statement_total} quotations)",
                    report.rank1,
                    targets.get("statement_rank1"),
                ),
                ("Statement in the top 5", report.top5, None),
                (
                    f"Statement linked (rank 1 and score ≥ {STATEMENT_THRESHOLD})",
                    _ratio(sum(score >= STATEMENT_THRESHOLD for score in report.right_scores), report.statement_total),
                    None,
                ),
            ]
        for label, value, target in rows:
            lines.append(
                f"| {label} | {value:.3f} | {'' if target is None else f'≥ {target:.2f}'} | {_mark(value, target)} |"
            )
        found = sum(c.correct for c in report.cases)
        lines += [
            "",
            f"{found} of {sum(c.gold for c in report.cases)} gold quotations found, "
            f"{sum(c.suggested for c in report.cases)} suggested.",
            "",
            "| Article | Words | Seconds | Gold | Suggested | Correct | Speaker right |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for c in report.cases:
            lines.append(
                f"| {c.name} | {c.words} | {c.seconds:.3f} | {c.gold} | {c.suggested} | {c.correct} | {c.speaker_right} |"
            )
        details = [
            *(f"- missed: {m[:70]!r} ({c.name})" for c in report.cases for m in c.misses),
            *(f"- not in the gold: {m[:70]!r} ({c.name})" for c in report.cases for m in c.extras),
            *(f"- speaker: {m} ({c.name})" for c in report.cases for m in c.wrong_speakers),
            *(f"- statement: {m}" for m in report.statement_misses),
        ]
        if details:
            lines += ["", "Errors:", "", *details]
        lines.append("")
    cases = [c for r in (seeds, *unseen) if r for c in r.cases]
    if cases:
        longest = max(cases, key=lambda c: c.words)
        # per word, among articles of SCALED_MIN_WORDS or more: one timing of a 200-word article scaled
        # tenfold is mostly its fixed cost and the timer's noise, not what 2,000 words would take
        scaled = [c for c in cases if c.words >= SCALED_MIN_WORDS] or cases
        slowest = max(scaled, key=lambda c: c.seconds / max(c.words, 1))
        per_2000 = slowest.seconds / max(slowest.words, 1) * 2000
        lines += [
            "### Speed and memory",
            "",
            "| Measure | Value | Target | Met |",
            "| --- | --- | --- | --- |",
            f"| Seconds for the longest article ({longest.name}, {longest.words} words) | {longest.seconds:.3f} | "
            f"≤ {SECONDS_TARGET:.0f} for 2,000 words | {'yes' if longest.seconds <= SECONDS_TARGET else '**no**'} |",
            f"| Seconds per 2,000 words, the slowest article per word of {SCALED_MIN_WORDS} words or more "
            f"({slowest.name}, {slowest.words} words) scaled | {per_2000:.3f} | "
            f"≤ {SECONDS_TARGET:.0f} | {'yes' if per_2000 <= SECONDS_TARGET else '**no**'} |",
            f"| Peak memory of the process (MB, maxrss) | {peak_memory_mb():.0f} | ≤ {MEMORY_TARGET_MB} | "
            f"{'yes' if peak_memory_mb() <= MEMORY_TARGET_MB else '**no**'} |",
            "",
            (
                f"Speakers read by {parsing.description()}; loading it took {warm_up():.2f} s, once per process "
                "(before the first article, not in the seconds above)."
                if any(r.parse for r in (seeds, *unseen) if r)
                else "Speakers read by the rules alone (--rules-only)."
            ),
            "",
        ]
    if seeds and seeds.right_scores and wrong_scores is not None:
        lines += [
            "### Statement threshold",
            "",
            f"A suggestion is linked to the best statement when its score is ≥ {STATEMENT_THRESHOLD} "
            "(apps/intake/suggest.py). Right statements at rank 1 on the seeds scored "
            f"{min(seeds.right_scores):.3f} to {max(seeds.right_scores):.3f}; the best statement for the "
            f"quotations of the other articles (none of whose remarks is on file) scored at most "
            f"{max(wrong_scores, default=0.0):.3f} ({sum(s >= STATEMENT_THRESHOLD for s in wrong_scores)} of "
            f"{len(wrong_scores)} at or above the threshold, i.e. wrongly linked).",
            "",
        ]
    return lines


MEASURED_START = "<!-- measured: `make accuracy` rewrites everything up to the end marker -->"
MEASURED_END = "<!-- end of the measured part; what follows is kept -->"


def document(seeds: Report | None, unseen: list[Report], *, wrong_scores=None, previous: str = "") -> str:
    """ACCURACY.md: the measured part, then whatever followed it in `previous` (the notes)."""
    measured = [
        MEASURED_START,
        "# Accuracy of the quotation suggester",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at commit {commit()} by `make accuracy` "
        "(`manage.py accuracy --write`), on SQLite with the fixtures loaded. How the figures are computed: "
        "apps/ops/accuracy.py.",
        "",
        *report_lines(seeds, unseen, wrong_scores=wrong_scores),
        MEASURED_END,
    ]
    kept = previous.split(MEASURED_END, 1)[1] if MEASURED_END in previous else "\n"
    return "\n".join(measured) + kept
