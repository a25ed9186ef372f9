"""Languages filled in for what was loaded without them (the seed data set)."""

import pytest

from apps.claims.models import Quotation, Statement
from apps.core.language import detect_language
from apps.ops.seed import seed_load

pytestmark = pytest.mark.django_db


def languages() -> dict:
    return {
        "statements": dict(Statement.objects.values_list("slug", "language")),
        "quotations": dict(Quotation.objects.values_list("pk", "language")),
    }


def test_the_seed_gets_the_languages_the_admin_would_have_filled_in():
    seed_load()
    assert Statement.objects.exclude(language="").count() > 30  # 30 given in the fixtures, more detected
    for text in Statement.objects.filter(language="").values_list("text", flat=True):
        assert detect_language(text) == "", text  # blank only when the text is too short to tell
    assert not Quotation.objects.filter(language="").exclude(source__language="").exists()
    for quotation in Quotation.objects.select_related("source"):
        assert quotation.language == quotation.source.language
    first = languages()
    seed_load()
    assert languages() == first
