"""Reads of speakers. Speakers with their statements and verdicts counted are read in
apps.verification.selectors (`speaker_list`), which knows both."""

import operator
from functools import reduce

from django.db.models import Case, Exists, F, FloatField, Max, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Concat
from django.db.models.lookups import Contains, Exact, StartsWith

from apps.core.search import (
    FUZZY_MIN_WORD,
    FUZZY_NAME_SCAN_MAX,
    QUOTES,
    Folded,
    ILike,
    ParsedSearch,
    WordSimilar,
    WordSimilarity,
    close_name_matches,
    folded_contains,
    fulltext_search_available,
    like_pattern,
    matching_terms,
    parse_search,
    search_fold,
    stem,
)

from .models import Speaker

# How a speaker matched a search, best first: the name itself, the start of the name, every word
# starting a word of the name, every word inside the name, the aliases, a misspelt name; a
# mention in the role or description ranks last ("Unnamed questioner who asked Putin" comes
# after Vladimir Putin).
EXACT_NAME, NAME_START, NAME_WORDS, IN_NAME, IN_ALIASES, CLOSE_NAME, IN_DESCRIPTION = 60, 50, 40, 30, 20, 10, 0


def speakers_matching(
    queryset: QuerySet[Speaker], value: str, *, rank: bool = False, names_only: bool = False
) -> QuerySet[Speaker]:
    """Speakers whose name, aliases or role hold every word of a search box's value (web search
    syntax: "a phrase", OR, -excluded; any case, in any script). A word also matches a
    misspelling of itself in a name ("Medvedv" finds Medvedev): on PostgreSQL by trigram word
    similarity (served by a trigram index), elsewhere by comparing it with the words of the
    names (apps.core.search.close_name_matches, one query). `rank` orders the speakers by how
    they matched (`search_rank`: name before alias before role), then by name. `names_only`
    leaves the role out (a statement search for "Putin" is not about what his allies said)."""
    parsed = parse_search(value)
    if not parsed.required and not parsed.excluded:
        return queryset
    fields = ("name", "aliases") if names_only else ("name", "aliases", "description")
    if fulltext_search_available():
        queryset = queryset.filter(_trigram_condition(parsed))
        if names_only:  # among the few the index found
            queryset = queryset.filter(_names_condition(parsed))
        close = {}
    else:
        close = misspelt_speaker_names(parsed)

        def misspelt(term):
            return Q(pk__in=close[term]) if close.get(term) else Q()

        queryset = queryset.filter(matching_terms(parsed, fields, extra=misspelt))
    if rank and parsed.required:
        queryset = queryset.annotate(search_rank=_name_rank(value, parsed, close)).order_by(
            "-search_rank", "name", "pk"
        )
    return queryset


def _trigram_condition(parsed: ParsedSearch) -> Q:
    """PostgreSQL: each term in the trigram-indexed name, aliases and role, as a substring or,
    for a single word that no speaker holds as it is, a misspelling of it (as the fallback:
    "Medvedev" does not also list Medvedchuk). The test whether any speaker holds the word is
    one index probe per search, not per row."""

    def found(term):
        holds = Q(ILike(F("search_text"), Value(like_pattern(term))))
        if " " in term:
            return holds
        nobody_holds = ~Exists(Speaker.objects.filter(holds))
        return holds | (Q(WordSimilar(Value(term), F("search_text"))) & Q(nobody_holds))

    condition = Q()
    for alternatives in parsed.required:
        either = Q()
        for term in alternatives:
            either |= found(term)
        condition &= either
    for term in parsed.excluded:
        condition &= ~Q(ILike(F("search_text"), Value(like_pattern(term))))
    return condition


def _names_condition(parsed: ParsedSearch) -> Q:
    """PostgreSQL: each term in the name or aliases, as a substring or a misspelling."""
    names = Concat(F("name"), Value(" "), F("aliases"), output_field=TextField())

    def in_names(term):
        found = Q(folded_contains(names, term))
        return found if " " in term else found | Q(WordSimilar(Value(term), names))

    return Q(*(reduce(operator.or_, (in_names(term) for term in alternatives)) for alternatives in parsed.required))


def misspelt_speaker_names(parsed: ParsedSearch) -> dict[str, set[int]]:
    """The fallback's misspelt names: term (a word's stem) → ids of speakers with a name or
    alias word close to the word, for the words of four letters or more that no name or alias
    holds as they are. One query tells which words those are (LIKE, in the database); a second
    reads the names only if there are any."""
    words = [word for word in dict.fromkeys(parsed.words) if len(word) >= FUZZY_MIN_WORD]
    if not words:
        return {}
    held = Speaker.objects.aggregate(
        **{
            f"word_{index}": Max(
                Case(When(Q(folded_contains("name", word)) | Q(folded_contains("aliases", word)), then=1), default=0)
            )
            for index, word in enumerate(words)
        }
    )
    unknown = [word for index, word in enumerate(words) if not held[f"word_{index}"]]
    if not unknown:
        return {}
    # A word with one letter wrong keeps some run of three letters of the right one ("medvedv":
    # "med", "edv"): only names holding one are read, which LIKE finds in the database.
    chunks = {word[i : i + 3] for word in unknown for i in range(len(word) - 2)}
    candidates = Speaker.objects.filter(
        reduce(
            operator.or_,
            (Q(folded_contains("name", chunk)) | Q(folded_contains("aliases", chunk)) for chunk in chunks),
        )
    )
    names = (
        (pk, [name, *(aliases if isinstance(aliases, list) else [])])
        for pk, name, aliases in candidates.order_by().values_list("pk", "name", "aliases")[:FUZZY_NAME_SCAN_MAX]
    )
    return {stem(word): ids for word, ids in close_name_matches(unknown, names).items() if ids}


def _name_rank(value: str, parsed: ParsedSearch, close: dict[str, set[int]]):
    """`search_rank`: the best way the speaker matched (the tiers above); on PostgreSQL plus the
    trigram closeness of the value to the name (0 to 1), which also places misspelt names."""
    typed = " ".join(search_fold("".join(" " if c in QUOTES else c for c in value)).split())
    terms = [alternatives[0] for alternatives in parsed.required]
    name, spaced_name = Folded("name"), Folded(Concat(Value(" "), F("name")))
    every = lambda make: Q(*(Q(make(term)) for term in terms))  # noqa: E731
    tiers = [
        When(Q(Exact(name, typed)), then=Value(EXACT_NAME)),
        When(Q(StartsWith(name, typed)), then=Value(NAME_START)),
        When(every(lambda term: Contains(spaced_name, " " + term)), then=Value(NAME_WORDS)),
        When(every(lambda term: folded_contains("name", term)), then=Value(IN_NAME)),
        When(every(lambda term: folded_contains("aliases", term)), then=Value(IN_ALIASES)),
    ]
    close_ids = set().union(*close.values()) if close else set()
    if close_ids:
        tiers.append(When(pk__in=close_ids, then=Value(CLOSE_NAME)))
    tier = Case(*tiers, default=Value(IN_DESCRIPTION), output_field=FloatField())
    if fulltext_search_available():
        return tier + WordSimilarity(Value(typed), Folded("name"))
    return tier


def speaker_named(name: str, *, aliases: bool = False) -> Speaker | None:
    """The speaker on file with exactly this name, in any case (the oldest, if several), or with
    `aliases`, else the first with exactly this alias."""
    found = Speaker.objects.filter(name__iexact=name).order_by("pk").first()
    if found is not None or not aliases:
        return found
    folded = name.casefold()
    for speaker in Speaker.objects.filter(aliases__icontains=name).order_by("pk")[:20]:
        if any(str(alias).casefold() == folded for alias in speaker.aliases or []):
            return speaker
    return None
