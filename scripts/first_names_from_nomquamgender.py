"""Write apps/intake/data/first_names.txt from nomquamgender's name data (MIT licence, Ian Van
Buskirk, https://github.com/ianvanbuskirk/nomquamgender): the first names given overwhelmingly to
one gender, to tell who "he" or "she" can be, and the names given to both, to tell where a
person's name starts (apps/intake/names.py).

Kept: a name of letters (one hyphen or apostrophe allowed) seen at least MIN_COUNT times, with a
probability of being a woman's name of at least 0.97 ("f"), at most 0.03 ("m"), or in between
("?": Jean, Kerry, Robin, Alex; only the article's pronouns tell their gender).

    pip download --no-deps nomquamgender==0.1.4 && unzip nomquamgender-0.1.4-py3-none-any.whl -d nqg
    python scripts/first_names_from_nomquamgender.py nqg/nomquamgender/name_data.json
"""

import json
import re
import sys
from pathlib import Path

MIN_COUNT = 1000
OUT = Path(__file__).resolve().parent.parent / "apps" / "intake" / "data" / "first_names.txt"


def main(path: str) -> None:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rows = []
    for name, (_, count, p_female, *_) in data.items():
        if len(name) < 2 or count < MIN_COUNT or not re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)?", name):
            continue
        if p_female >= 0.97:
            rows.append(f"{name} f")
        elif p_female <= 0.03:
            rows.append(f"{name} m")
        else:
            rows.append(f"{name} ?")
    header = "# first name, f, m or ? (both): from nomquamgender 0.1.4 (MIT), see scripts/first_names_from_nomquamgender.py\n"
    OUT.write_text(header + "\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"{len(rows)} names written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
