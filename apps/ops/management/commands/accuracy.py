from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.ops.accuracy import (
    DEVELOPMENT_ARTICLES_DIRS,
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
            action="append",
            help="Folder of articles the rules have not seen, NAME.txt with its gold NAME.json; repeat for "
            "several (default: none: every set in the repository has been used to develop the rules).",
        )
        parser.add_argument(
            "--development",
            action="append",
            help="Folder of articles measured like --articles but reported as used to develop the rules after "
            "their first measurement (no longer unseen); repeat for several (default: every set in "
            "apps/intake/tests/articles*, when --articles is not given either).",
        )
        parser.add_argument(
            "--rules-only",
            action="store_true",
            help="Read speakers with the rules alone, even when spaCy is installed (to compare with the parse).",
        )
        parser.add_argument("--no-seeds", action="store_true", help="Measure only the articles of --articles.")
        parser.add_argument("--load-fixtures", action="store_true", help="Load the fixtures first (an empty database).")
        parser.add_argument("--write", action="store_true", help="Write the figures to ACCURACY.md (see --output).")
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "ACCURACY.md"), help="File for --write.")

    def handle(self, *args, seeds, articles, development, no_seeds, load_fixtures, write, output, **options):
        parse = not options.get("rules_only")
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
                    parse=parse,
                )
            unseen_reports, wrong_scores = [], []
            if development is None and articles is None:
                development = DEVELOPMENT_ARTICLES_DIRS
            folders = [(folder, False) for folder in articles or []]
            folders += [(folder, True) for folder in development or []]
            for folder, developed in folders:
                unseen = article_cases(Path(folder))
                label = (
                    f"Articles used to develop the rules after their first measurement ({_shown(folder)})"
                    if developed
                    else f"Articles the rules were not written on ({_shown(folder)})"
                )
                unseen_reports.append(evaluate(label, unseen, seeds=False, parse=parse))
                wrong_scores += unseen_top_scores(unseen, parse=parse)
        except AccuracyError as error:
            raise CommandError(str(error)) from error
        self.stdout.write("\n".join(report_lines(seed_report, unseen_reports, wrong_scores=wrong_scores)))
        if write:
            path = Path(output)
            previous = path.read_text(encoding="utf-8") if path.is_file() else ""
            path.write_text(
                document(seed_report, unseen_reports, wrong_scores=wrong_scores, previous=previous), encoding="utf-8"
            )
            self.stdout.write(f"Wrote {output}.")


def _shown(folder) -> str:
    path = Path(folder).resolve()
    try:
        return str(path.relative_to(Path(settings.BASE_DIR).resolve()))
    except ValueError:
        return str(path)
