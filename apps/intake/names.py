"""Common first names by gender, to tell who "he" or "she" can be (apps/intake/quotes.py).

A small offline list: names that are given overwhelmingly to one gender in the English-language
press (British, American, European, African, Latin American, South and East Asian names). Names
given to both (Kerry, Jordan, Alex, Sam, Robin, Jean…) are in neither list: for them, and for any
name not listed, only the article's own pronouns after the name tell ("Kerry Tait is 29, and
she…").
"""

import unicodedata
from functools import cache
from pathlib import Path

FEMALE = set(
    """
    aaliyah abigail ada adaeze adriana agnes aisha alice alicia alison amanda amelia amina aminata amy
    ana anastasia andrea angela angelica anita ann anna anne annette antonia astrid aurelie barbara
    beatrice beatriz bella beth bettina birgit brenda bridget brigitte camila carla carmen carol
    caroline catherine cecilia celine charlotte chiara chloe christina christine claire clara claudia
    colette cristina cynthia dagmar daniela deborah diana dolores donna dorothy edith elena eleanor
    elif elisabeth elizabeth ella ellen elsa emily emma erika esther eva eve fatima fatou fiona
    florence frances francesca freya gabriela gabrielle giulia grace greta hannah harriet heather
    helen helena helga ingrid irene iris isabel isabella isabelle jacqueline jane janet janice jennifer
    jessica joan joanna johanna josephine judith julia julie juliet karen karin katarzyna kate katharina
    katherine kathleen katie katrin laura lauren leila lena linda lisa lucia lucy lydia magdalena
    maja margaret margarethe maria marie marina marion marta martha mary maureen megan melanie
    michelle miriam monica monika morag nadia nadine nancy natalia natasha nicola nicole nina noura
    olga olivia paola patricia paula pauline petra phoebe priya rachel rebecca renata rita rosa
    rosalind rose ruth sabine sandra sara sarah silvia simone sofia sophie stephanie susan susanne
    svetlana sylvia tamara tatiana teresa theresa ursula valentina valerie vanessa vera veronica
    victoria virginia wendy yasmin yvonne zainab zoe zofia
    """.split()
)

MALE = set(
    """
    aaron abdul adam adrian ahmed aibek alan albert aleksandr alexander alexei alfred ali andre
    andreas andrew andrzej angus anthony antoine antonio arthur ben benjamin bernard bill bob boris
    brian bruce callum carl carlos charles chris christian christopher colin connor craig daniel
    darren david dennis derek diego dmitry donald douglas duncan edward emmanuel enrique eric erik
    ernst euan fabio felix fernando francesco francis francisco frank franz fred frederick gary
    george gerald gerhard giorgio giovanni gordon graham gregory gustav hamish hans harold harry
    hector henrik henry herbert hugh hugo ian igor ivan jack jacob jakob james jamie jason javier
    jean-luc jeffrey jens jeremy jim joe johan johannes john jonah jonathan jorge jose josef joseph
    juan julian julien jurgen karl keith kenneth kevin klaus kwame lars laurent leonardo liam lorenzo
    louis luca lucas luis luke magnus malcolm manuel marc marco marcus mario mark martin mateus
    matteo matthew maurice max michael miguel mikhail milan mohammed muhammad nathan neil nicholas
    nigel nikolai oliver olivier omar oscar owen pablo patrick paul pedro peter philip philippe
    pierre piotr rafael ralph ramon raymond richard robert roberto roger ronald ross roy rudolf
    russell ryan samuel scott sean sebastian sergei simon stefan stephen steven stuart sven thomas
    timothy tobias tom tomasz tony tunde victor vincent viktor vladimir walter wayne william wolfgang
    xavier yusuf
    """.split()
)


DATA = Path(__file__).resolve().parent / "data" / "first_names.txt"


@cache
def _more_names() -> dict[str, str]:
    """About 17,500 more first names: "f" or "m" when given overwhelmingly to one gender, "?" when
    to both, from nomquamgender's data (MIT licence, data/first_names.LICENSE;
    scripts/first_names_from_nomquamgender.py)."""
    try:
        lines = DATA.read_text(encoding="utf-8").splitlines()
    except OSError:  # a broken install costs the pronouns some names, never the suggestions
        return {}
    return dict(line.split() for line in lines if line and not line.startswith("#"))


def first_name_gender(name: str) -> str | None:
    """ "f", "m" or None for the first word of `name`, by the list above: names common enough in
    the press that a capitalised word among them is taken for a person's first name."""
    first = _first_word(name)
    if first in FEMALE:
        return "f"
    if first in MALE:
        return "m"
    return None


def person_gender(name: str) -> str | None:
    """ "f", "m" or None for a person's name (known to be one), by its first word: the list above,
    then the larger one, which also holds words that are not always names (Marine, Royal, Hope)."""
    first = _first_word(name)
    return first_name_gender(first) or {"f": "f", "m": "m"}.get(_more_names().get(first, ""))


def is_first_name(word: str) -> bool:
    """Whether `word` is given as a first name, to either gender ("Kerry", "Curtis"): read only
    inside a person's name, where it tells where the name starts after a job or a title."""
    return first_name_gender(word) is not None or _first_word(word) in _more_names()


def _first_word(name: str) -> str:
    """The first word of a name as the lists spell it: lower case, without accents ("Amélie" ->
    "amelie", "Siobhán" -> "siobhan"), so that a name written with its accents is known too."""
    words = name.split()
    return fold(words[0]).strip(".,") if words else ""


def fold(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe, single spaces: how two spellings of a name
    are compared (apps/intake/speakers.py, quotes.py)."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())
