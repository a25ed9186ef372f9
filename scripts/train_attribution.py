"""Train the attribution model's weights (apps/intake/data/attribution.json).

usage: python scripts/train_attribution.py DUMP.json [DUMP.json ...] [--write] [--margin M]

Each DUMP is the rules' output on gold articles, written by scripts/dump_rule_speakers.py from a
checkout of rules that had NOT been developed on those articles (their first, blind
measurement), so that the model learns how far the rules can be trusted where they were not
tuned. The weights in the repository were trained on two such dumps:

    git worktree add /tmp/rules-0591748 0591748   # the rules before outside9-20 were read
    (cd /tmp/rules-0591748 && python $REPO/scripts/dump_rule_speakers.py /tmp/a.json \
        $REPO/apps/intake/tests/articles_outside{9..20})
    git worktree add /tmp/rules-1a4d0b5 1a4d0b5   # the rules before outside19-24 were read
    (cd /tmp/rules-1a4d0b5 && python $REPO/scripts/dump_rule_speakers.py /tmp/b.json \
        $REPO/apps/intake/tests/articles_outside{19..24})
    python scripts/train_attribution.py /tmp/a.json /tmp/b.json --write

It prints, for each dump, the rules' accuracy and how often the gold speaker is among the
candidates, then the leave-one-set-out accuracy of rules + model for a range of margins (the
model replaces the rules' speaker only when its best candidate is this much likelier), then the
weights fitted on everything. --write keeps them, with the margin best on the last dump.
Needs numpy (a development dependency; scoring at run time is pure Python).
"""

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings.test")
import django  # noqa: E402

django.setup()

from apps.intake.attribution import WEIGHTS, features, key, probabilities  # noqa: E402
from apps.intake.quotes import _Article  # noqa: E402
from apps.intake.types import QuoteSpan, SpeakerMention  # noqa: E402


def examples(dumps: list[str]):
    """(set, per quotation: gold key or None, rules key, [(candidate key, features)])"""
    for number, dump in enumerate(dumps):
        for item in json.loads(Path(dump).read_text()):
            path = Path(item["path"])
            text = (path if path.is_absolute() else ROOT / path).read_text()
            spans = [
                QuoteSpan(
                    text[s["start"] : s["end"]],
                    s["start"],
                    s["end"],
                    s["mode"],
                    SpeakerMention(s["name"], s["kind"] or "person") if s["name"] else None,
                    s["cue"],
                    notes=tuple(s.get("notes", ())),
                )
                for s in item["spans"]
            ]
            options = features(_Article(text), text, spans)
            for s, opts in zip(item["spans"], options, strict=True):
                if s["gold"] is None:
                    continue
                yield item["set"], key(s["gold"]), [(key(m.name) if m else "", f) for m, f in opts], number


def fit(quotes, names, l2=1.0, steps=1500, rate=1.0):
    """A conditional logit: for each quotation whose speaker is among its candidates, the
    softmax over its candidates' scores, fitted to put the gold one first."""
    index = {n: i for i, n in enumerate(names)}
    rows, starts, golds = [], [], []
    for _, gold, opts, _ in quotes:
        labels = [k == gold for k, _ in opts]
        if not any(labels):
            continue
        starts.append(len(rows))
        golds.append(len(rows) + labels.index(True))
        for _, f in opts:
            row = np.zeros(len(names))
            for n, v in f.items():
                row[index[n]] = v
            rows.append(row)
    X, starts, golds = np.array(rows), np.array(starts), np.array(golds)
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(rows))))
    w = np.zeros(len(names))
    for _ in range(steps):
        z = X @ w
        e = np.exp(z - z.max())
        p = e / np.add.reduceat(e, starts)[group]
        grad = X.T @ p - X[golds].sum(axis=0) + l2 * w
        w -= rate * grad / len(starts)
    return dict(zip(names, (round(float(v), 4) for v in w), strict=True))


def accuracy(quotes, weights, margin):
    right = 0
    for _, gold, opts, _ in quotes:
        scored = list(zip(probabilities(weights, [f for _, f in opts]), (k for k, _ in opts), strict=True))
        best_score, best = max(scored)
        choice = best if best and best_score - scored[0][0] > margin else opts[0][0]
        right += choice == gold
    return right / len(quotes)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dumps", nargs="+")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--margin", type=float)
    args = parser.parse_args()
    quotes = list(examples(args.dumps))
    names = sorted({n for _, _, opts, _ in quotes for _, f in opts for n in f})
    sets = sorted({q[0] for q in quotes})
    for number, dump in enumerate(args.dumps):
        mine = [q for q in quotes if q[3] == number]
        rules = sum(opts[0][0] == gold for _, gold, opts, _ in mine) / len(mine)
        oracle = sum(any(k == gold for k, _ in opts) for _, gold, opts, _ in mine) / len(mine)
        print(f"{dump}: {len(mine)} quotations; rules {rules:.3f}; gold among candidates {oracle:.3f}")
    margins = [0.0, 0.05, 0.1, 0.2, 0.3, 0.5]
    held = {(m, number): [] for m in margins for number in range(len(args.dumps))}
    for left_out in sets:
        weights = fit([q for q in quotes if q[0] != left_out], names)
        test = [q for q in quotes if q[0] == left_out]
        for m in margins:
            for number in range(len(args.dumps)):
                mine = [q for q in test if q[3] == number]
                if mine:
                    held[m, number].append((len(mine), accuracy(mine, weights, m)))

    def pooled(m, number):
        total = sum(n for n, _ in held[m, number])
        return sum(n * a for n, a in held[m, number]) / total

    for m in margins:
        print(f"margin {m:.2f}: leave-one-set-out " + " / ".join(f"{pooled(m, k):.3f}" for k in range(len(args.dumps))))
    weights = fit(quotes, names)
    for name, value in sorted(weights.items(), key=lambda item: -abs(item[1])):
        print(f"  {name:28} {value:+.3f}")
    if args.write:
        margin = args.margin if args.margin is not None else max(margins, key=lambda m: pooled(m, len(args.dumps) - 1))
        WEIGHTS.write_text(json.dumps({"margin": margin, "weights": weights}, indent=1, sort_keys=True) + "\n")
        print(f"written {WEIGHTS} (margin {margin})")


if __name__ == "__main__":
    main()
