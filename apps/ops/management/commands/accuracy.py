from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.ops.accuracy import (
    DEFAULT_ARTICLES_DIR,
    AccuracyError,
    article_cases,
    document,
    evaluate,
    report_lines,
    seed_cases,
    unseen_top_scores,
)


class Command(BaseCommand):
    help = (
        "Measure intake's quotation suggester: precision, recall and F1 of the quotations, mode, speaker and "
        "statement matching on the five seed articles (gold: the fixtures), the same on articles written for the "
        "tests (gold: NAME.json next to each NAME.txt), time per article and peak memory. `make accuracy` runs it "
        "in a throwaway SQLite database with the fixtures loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds",
            default=settings.CLAIMTRACK_SEEDS_DIR,
            help="Folder of the seed articles (default: CLAIMTRACK_SEEDS_DIR, ../shared/seeds).",
        )
        parser.add_argument(
            "--articles",
            default=str(DEFAULT_ARTICLES_DIR),
            help="Folder of other articles, NAME.txt with its gold NAME.json (default: apps/intake/tests/articles).",
        )
        parser.add_argument("--no-seeds", action="store_true", help="Measure only the articles of --articles.")
        parser.add_argument("--load-fixtures", action="store_true", help="Load the fixtures first (an empty database).")
        parser.add_argument("--write", action="store_true", help="Write the figures to ACCURACY.md (see --output).")
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "ACCURACY.md"), help="File for --write.")

    def handle(self, *args, seeds, articles, no_seeds, load_fixtures, write, output, **options):
        if load_fixtures:
            from apps.ops.seed import seed_load

            seed_load()
        try:
            seed_report = None
            if not no_seeds:
                seed_report = evaluate(
                    "Seed articles (the rules were written on them)",
                    seed_cases(Path(seeds)),
                    seeds=True,
                    statements=True,
                )
            unseen = article_cases(Path(articles))
            unseen_report = evaluate(f"Articles written for the tests ({Path(articles).name})", unseen, seeds=False)
            wrong_scores = unseen_top_scores(unseen)
        except AccuracyError as error:
            raise CommandError(str(error)) from error
        self.stdout.write("\n".join(report_lines(seed_report, unseen_report, wrong_scores=wrong_scores)))
        if write:
            Path(output).write_text(document(seed_report, unseen_report, wrong_scores=wrong_scores), encoding="utf-8")
            self.stdout.write(f"Wrote {output}.")
