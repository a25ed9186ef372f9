"""The seed data set in fixtures/, built by hand from the five articles in ../shared/seeds."""

import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

# In dependency order; natural keys, so loading twice changes nothing.
SEED_FIXTURES = ["publishers", "speakers", "topics", "sources", "statements", "quotations", "verifications"]
SEED_ARTICLES_FILE = settings.BASE_DIR / "fixtures" / "seed_articles.json"


SEED_HISTORY_REASON = "Loaded from the seed data set"


@transaction.atomic
def seed_load(*, verbosity: int = 0) -> None:
    """Load the fixtures, and give every loaded record that has no history yet a first history
    row, so that the first real edit of it shows what it changed from."""
    call_command("loaddata", *SEED_FIXTURES, verbosity=verbosity)
    from apps.claims.services import records_language_fill

    records_language_fill()  # what the admin and the API would have filled in (searched in it)
    for model in apps.get_models():
        manager = getattr(model, "history", None)
        if manager is None or model.__name__.startswith("Historical"):
            continue
        recorded = manager.values_list("id", flat=True).distinct()
        missing = list(model._default_manager.exclude(pk__in=recorded))
        if missing:
            manager.bulk_history_create(missing, default_change_reason=SEED_HISTORY_REASON)
    from apps.verification.services import claimreview_digests_fill

    claimreview_digests_fill()  # so that archiving the articles' text later moves no dateModified


def seed_articles() -> dict[str, str]:
    """Source slug -> seed article file name, for the five articles."""
    return json.loads(SEED_ARTICLES_FILE.read_text(encoding="utf-8"))


def seed_article_texts(seeds_dir: str | Path) -> dict[str, str]:
    """Source slug -> full article text, for the articles present in `seeds_dir`."""
    seeds_dir = Path(seeds_dir)
    return {
        slug: (seeds_dir / name).read_text(encoding="utf-8")
        for slug, name in seed_articles().items()
        if (seeds_dir / name).is_file()
    }


@transaction.atomic
def seed_archive_articles(seeds_dir: str | Path) -> int:
    """Archive the seed articles' text in the database (never in the repository) and anchor
    their quotations. Returns how many sources were archived."""
    from apps.claims.services import source_set_archived_text
    from apps.sources.models import Source

    texts = seed_article_texts(seeds_dir)
    for source in Source.objects.filter(slug__in=texts):
        if source.archived_text != texts[source.slug]:
            source_set_archived_text(source=source, archived_text=texts[source.slug])
    return len(texts)
