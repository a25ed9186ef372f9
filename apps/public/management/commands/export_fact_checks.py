import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.public import dump


class Command(BaseCommand):
    help = (
        "Write the bulk downloads of every published fact-check (a schema.org DataFeed of ClaimReviews, "
        "JSON-LD, and a CSV) to CLAIMTRACK_PUBLIC_DUMP_DIR, replacing the served files only once complete. "
        "The site rewrites them after each publication or correction; run this from cron with --if-changed "
        "to catch up after a failed or skipped rewrite."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-changed",
            action="store_true",
            help="Write only when the published verdicts changed since the files were written.",
        )
        parser.add_argument(
            "--directory", type=Path, help="Write there instead of CLAIMTRACK_PUBLIC_DUMP_DIR (a copy to publish)."
        )

    def handle(self, *args, if_changed, directory, **options):
        if if_changed and directory is None and dump.dump_is_current():
            meta = dump.dump_meta()
            self.stdout.write(f"Up to date: {meta['count']} fact-checks, written {meta['generated_at']}.")
            return
        started = time.monotonic()
        try:
            meta = dump.dump_write(directory)
        except OSError as error:
            target = directory or dump.dump_directory()
            raise CommandError(
                f"Could not write the fact-check downloads to {target}: {error}. The files served before are "
                "unchanged; fix the directory (CLAIMTRACK_PUBLIC_DUMP_DIR) and run this again."
            ) from None
        target = directory or dump.dump_directory()
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {meta['count']} fact-checks to {target / dump.JSON_NAME} and {target / dump.CSV_NAME} "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
