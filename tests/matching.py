"""Tests match statements lexically, without the optional meaning model (see conftest.py)."""


def lexical_matching_only(monkeypatch) -> None:
    """The meaning vectors (apps/claims/semantic.py) cost tens of milliseconds per statement or
    quotation saved: matching is lexical, as on a server without the optional model."""
    from apps.claims import semantic

    monkeypatch.setattr(semantic, "_model", None)
    monkeypatch.setattr(semantic, "_failed", True)
