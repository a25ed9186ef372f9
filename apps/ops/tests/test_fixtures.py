"""The seed data set built from the five articles in ../shared/seeds."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from apps.claims.models import Quotation, Statement
from apps.ops.seed import SEED_FIXTURES, seed_archive_articles, seed_article_texts, seed_articles, seed_load
from apps.sources.models import Correction, Source
from apps.verification.models import Verification
from tests.shared_rows import module_rows

pytestmark = pytest.mark.django_db

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
SEEDS_DIR = Path(settings.CLAIMTRACK_SEEDS_DIR)
needs_seeds = pytest.mark.skipif(
    not SEEDS_DIR.is_dir(), reason=f"the seed articles are not at {SEEDS_DIR} (set CLAIMTRACK_SEEDS_DIR)"
)
SEED_APPS = ["sources", "speakers", "claims", "verification"]


def fixture_records():
    for name in SEED_FIXTURES:
        yield from json.loads((FIXTURES_DIR / f"{name}.json").read_text(encoding="utf-8"))


def snapshot() -> dict:
    """Every row of every seed table, many-to-many tables included."""
    rows = {}
    for app_label in SEED_APPS:
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
            rows[model._meta.label] = sorted(map(repr, model.objects.order_by("pk").values_list()))
    return rows


@pytest.fixture(scope="class")
def seeded(django_db_setup, django_db_blocker):
    """The seed data set, loaded once for the tests of TestTheSeedDataSet (tests/shared_rows.py:
    each test runs in its own savepoint, rolled back after it; the rows go at the end of the class)."""
    with module_rows(django_db_blocker):
        seed_load()
        yield


def test_fixtures_carry_no_primary_keys():
    records = list(fixture_records())
    assert records
    assert [record for record in records if "pk" in record] == []


class TestTheSeedDataSet:
    """What the seed data set holds once loaded."""

    def test_fixtures_load_every_kind_of_record(self, seeded):
        assert Source.objects.count() >= 5
        assert Statement.objects.count() >= 30
        assert Quotation.objects.count() >= Statement.objects.count()
        assert Correction.objects.count() >= 1

    def test_loading_twice_changes_nothing(self, seeded):
        before = snapshot()
        seed_load()
        assert snapshot() == before

    def test_every_seed_record_passes_validation(self, seeded):
        """Among others: every quotation is verbatim in its excerpt, dates agree with their precision."""
        for app_label in SEED_APPS:
            for model in apps.get_app_config(app_label).get_models():
                if model.__name__.startswith("Historical"):
                    continue  # history rows are written by the app, not curated
                for obj in model.objects.all():
                    obj.full_clean()

    def test_excerpts_stay_short(self, seeded):
        longest = max(Quotation.objects.all(), key=lambda quotation: len(quotation.context))
        assert len(longest.context) <= 300, longest

    def test_the_five_articles_are_sources_with_their_publishers_and_dates(self, seeded):
        articles = Source.objects.filter(slug__in=seed_articles()).prefetch_related("authors")
        assert articles.count() == 5
        for article in articles:
            assert article.quotations.exists(), article
            assert article.published_on is not None, article

    def test_the_putin_2014_remark_is_one_statement_reported_by_three_articles(self, seeded):
        article_slugs = set(seed_articles())
        shared = [
            statement
            for statement in Statement.objects.filter(speaker__name__contains="Putin", said_on__year=2014)
            if len({quotation.source.slug for quotation in statement.quotations.all()} & article_slugs) == 3
        ]
        assert len(shared) == 1
        wordings = {quotation.text for quotation in shared[0].quotations.all()}
        assert "Kazakhs never had a state of their own." in wordings
        assert len(wordings) >= 3

    def test_the_foreign_ministry_statement_is_one_statement_reported_by_two_articles(self, seeded):
        statements = [
            statement
            for statement in Statement.objects.filter(
                quotations__text__contains="Kazakhstan proceeds from the principles"
            ).distinct()
        ]
        assert len(statements) == 1
        assert statements[0].quotations.values("source").distinct().count() == 2

    def test_the_published_correction_is_a_correction_record(self, seeded):
        correction = Correction.objects.get(text__startswith="An earlier version of this article incorrectly stated")
        assert "hundreds of deaths" in correction.text
        assert correction.source.slug in seed_articles()

    def test_every_verdict_comes_with_its_evidence(self, seeded):
        for verification in Verification.objects.exclude(rating=None):
            assert verification.evidence.exists(), verification
        assert Verification.objects.count() < Statement.objects.count()  # the rest stays unchecked

    @needs_seeds
    def test_every_quotation_of_an_article_is_verbatim_in_the_article(self, seeded):
        texts = seed_article_texts(SEEDS_DIR)
        assert set(texts) == set(seed_articles())
        for quotation in Quotation.objects.filter(source__slug__in=texts).select_related("source"):
            article = texts[quotation.source.slug]
            assert quotation.context in article, quotation
            assert quotation.text in article, quotation

    @needs_seeds
    def test_archiving_the_seed_articles_anchors_every_quotation(self, seeded):
        assert seed_archive_articles(SEEDS_DIR) == 5
        texts = seed_article_texts(SEEDS_DIR)
        for quotation in Quotation.objects.filter(source__slug__in=texts).select_related("source"):
            assert texts[quotation.source.slug][quotation.char_start : quotation.char_end] == quotation.text


@needs_seeds
def test_no_fixture_copies_long_article_text():
    articles = [path.read_text(encoding="utf-8") for path in SEEDS_DIR.glob("*.txt")]
    for record in fixture_records():
        for value in record["fields"].values():
            if isinstance(value, str) and len(value) > 300:
                assert not any(value[:300] in article for article in articles), value[:80]


@pytest.mark.django_db
def test_loading_the_seed_gives_every_record_a_first_history_row_once():
    from apps.claims.models import Statement
    from apps.ops.seed import SEED_HISTORY_REASON

    seed_load()
    seed_load()
    for statement in Statement.objects.all():
        first = statement.history.earliest()
        assert first.history_change_reason == SEED_HISTORY_REASON or first.history_type == "~"
    counts = [statement.history.count() for statement in Statement.objects.all()]
    assert counts and max(counts) <= 2  # a second load adds nothing
