"""The language of a text when nobody gave it: py3langid (offline, 97 languages), restricted to
what a reading of a few words can tell apart, and "" when the text is too short to tell."""

from functools import lru_cache

from django.core.validators import RegexValidator

# A language as a BCP 47 tag: its 2- or 3-letter code, then subtags of 1 to 8 letters or digits
# ("en", "ru", "kk", "en-US", "zh-Hant-TW"). What is stored goes into the ClaimReview's
# `inLanguage`, the public pages' `lang` and the choice of each language's search: a language's
# name ("Russian", "русский") would pass for none of them.
language_code_validator = RegexValidator(
    r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
    "Give the language as its BCP 47 code, not its name: en, ru, kk, de, or with a region, en-US.",
)

# Below this many letters a guess is noise ("Nyet." is not a language sample).
MIN_LETTERS = 12


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """The BCP 47 code of the language `text` is written in ("en", "ru", "kk"...), or "" when it
    is too short or too uncertain to tell."""
    if sum(character.isalpha() for character in text or "") < MIN_LETTERS:
        return ""
    language, probability = _identifier().classify(text)
    return language if probability >= 0.5 else ""
