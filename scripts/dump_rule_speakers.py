"""Write the speakers the rules of this checkout suggest for gold articles, for training the
attribution model (scripts/train_attribution.py).

usage: python scripts/dump_rule_speakers.py OUT.json DIR [DIR ...]

Run it from a checkout of the commit whose rules you want (a `git worktree` of an older commit
reads the article folders of any other checkout): for each NAME.txt with its gold NAME.json,
every quotation found, its speaker and cue, and the gold speaker when the quotation is a gold one.
Paths inside this repository are written relative to it.
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path.cwd()))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings.test")
import django  # noqa: E402

django.setup()

from apps.intake.quotes import find_quotations  # noqa: E402


def dump(directory: Path) -> list[dict]:
    articles = []
    for path in sorted(directory.glob("*.txt")):
        gold_path = path.with_suffix(".json")
        if not gold_path.exists():
            continue
        text = path.read_text()
        remaining: dict[str, list[dict]] = {}
        for gold in json.loads(gold_path.read_text())["quotations"]:
            remaining.setdefault(gold["text"].strip(), []).append(gold)
        spans = []
        for span in find_quotations(text):
            golds = remaining.get(span.text.strip())
            gold = golds.pop(0) if golds else None
            spans.append(
                {
                    "start": span.char_start,
                    "end": span.char_end,
                    "mode": span.mode,
                    "cue": span.cue,
                    "notes": list(span.notes),
                    "name": span.speaker.name if span.speaker else "",
                    "kind": span.speaker.kind if span.speaker else "",
                    "gold": (gold.get("speaker") or "") if gold else None,
                }
            )
        resolved = path.resolve()
        shown = resolved.relative_to(ROOT) if resolved.is_relative_to(ROOT) else resolved
        articles.append({"set": directory.name, "path": str(shown), "spans": spans})
    return articles


def main():
    out, *directories = sys.argv[1:]
    articles = [article for directory in directories for article in dump(Path(directory))]
    Path(out).write_text(json.dumps(articles, ensure_ascii=False))
    print(f"{out}: {len(articles)} articles, {sum(len(a['spans']) for a in articles)} quotations")


if __name__ == "__main__":
    main()
