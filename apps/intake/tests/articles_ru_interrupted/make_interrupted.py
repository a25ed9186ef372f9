"""Make this set from Russian sets written with two pairs of marks around an interrupted quotation:
«X», — сказал он, — «Y»  ->  «X, — сказал он, — Y». The gold is the set's own, X keeping its comma
(as an English "…," he said) and Y as written.

usage: python3 make_interrupted.py OUTDIR SETDIR...
"""

import json
import re
import sys
from pathlib import Path

PAIR = re.compile(
    r"«(?P<x>[^«»\n]{3,400}?)»(?P<c>,?)[ \u00a0]*(?P<d1>[—–-])[ \u00a0]*(?P<mid>[а-яё][^«»\n—–]{2,100}?)"
    r"(?P<p>[,.])[ \u00a0]*(?P<d2>[—–-])[ \u00a0]*«(?P<y>[^«»\n]{3,400}?)»"
)


def one_pair(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text with each interrupted quotation inside one pair of marks, and (X, X as now quoted)."""
    changed = []
    pieces, last = [], 0
    for m in PAIR.finditer(text):
        x, y = m.group("x"), m.group("y")
        comma = m.group("c") or ("" if x.rstrip().endswith((".", "!", "?", "…")) else ",")
        pieces += [
            text[last : m.start()],
            f"«{x}{comma} {m.group('d1')} {m.group('mid')}{m.group('p')} {m.group('d2')} {y}»",
        ]
        last = m.end()
        changed.append((x, x + comma))
    return "".join(pieces) + text[last:], changed


def main(out: Path, folders: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for folder in folders:
        for txt in sorted(Path(folder).glob("*.txt")):
            gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
            text, changed = one_pair(txt.read_text(encoding="utf-8"))
            quotations = [dict(q) for q in gold["quotations"]]
            made = 0
            for x, quoted in changed:
                entry = next((q for q in quotations if q["text"] == x), None)
                if entry is not None:
                    entry["text"] = quoted
                    made += 1
            if not made:
                continue
            total += made
            name = f"{Path(folder).name}_{txt.stem}"
            (out / f"{name}.txt").write_text(text, encoding="utf-8")
            gold["quotations"] = quotations
            (out / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    print("interrupted quotations made:", total)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
