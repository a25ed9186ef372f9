import shutil

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from apps.ops.benchmark import Benchmark, BenchmarkFailed


class Command(BaseCommand):
    help = (
        "Generate SCALE statements into an empty PostgreSQL database, measure the API, the raw database, the "
        "admin and the load a server takes, and write the figures to a Markdown file. `make bench` runs it in a "
        "throwaway cluster."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=100_000, help="Statements to generate (default 100,000).")
        parser.add_argument("--runs", type=int, default=200, help="Requests per measured page (default 200).")
        parser.add_argument("--load-seconds", type=int, default=30, help="Length of the wrk run (default 30).")
        parser.add_argument(
            "--mixed-load-seconds", type=int, default=60, help="Length of the reads-and-writes wrk run (default 60)."
        )
        parser.add_argument("--output", default="BENCHMARKS.md", help="Markdown file to write (default BENCHMARKS.md).")
        parser.add_argument("--skip-generation", action="store_true", help="Measure the data already in the database.")

    def handle(self, *args, scale, runs, load_seconds, mixed_load_seconds, output, skip_generation, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "The benchmark measures PostgreSQL, the production database: run `make bench`, which starts a "
                "throwaway one, or set DATABASE_URL to an empty PostgreSQL database."
            )
        if runs < 10:
            raise CommandError("--runs must be at least 10, for a median and a 95th percentile worth reading.")
        if (load_seconds or mixed_load_seconds) and not shutil.which("wrk"):
            # Said now, not after minutes of generation.
            raise CommandError(
                "The load tests need wrk, which is not installed: Debian/Ubuntu `apt-get install wrk`, macOS "
                "`brew install wrk`; or run without them (--load-seconds 0 --mixed-load-seconds 0)."
            )
        benchmark = Benchmark(
            scale=scale, runs=runs, load_seconds=load_seconds, mixed_load_seconds=mixed_load_seconds, out=self.stdout
        )
        try:
            benchmark.reference("start")
            if not skip_generation:
                benchmark.generate()
            else:
                benchmark.count_existing()
            benchmark.api()
            benchmark.public()
            benchmark.admin()
            if load_seconds:
                benchmark.load()
            if mixed_load_seconds:
                benchmark.mixed_load()
            benchmark.reference("end")
        except BenchmarkFailed as error:
            raise CommandError(str(error)) from error
        with open(output, "w", encoding="utf-8") as file:
            file.write(benchmark.markdown())
        self.stdout.write(self.style.SUCCESS(f"Figures written to {output}."))
