import sys
import time

from django.core.management.base import BaseCommand, CommandError

from apps.ops.demo_data import GENERATED_PREFIX, Plan, demo_data_generate, existing_real_data


class Command(BaseCommand):
    help = (
        "Generate realistic synthetic data for benchmarks and demos: N statements, about N/10 speakers, N/5 "
        "sources, 1.5 quotations per statement, topics, and a mix of workflow states and verdicts. Uses "
        "PostgreSQL's COPY in batches (flat memory); refuses a database that holds real (not generated) records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--statements", type=int, required=True, help="How many statements (N).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same data.")
        parser.add_argument(
            "--allow-real-data",
            action="store_true",
            help="Generate even though the database holds records a person entered (they are kept).",
        )

    def handle(self, *args, statements, seed, allow_real_data, **options):
        if statements < 1:
            raise CommandError("--statements must be at least 1.")
        real = existing_real_data()
        if real and not allow_real_data:
            listed = ", ".join(f"{count:,} {name}" for name, count in real.items())
            raise CommandError(
                f"This database holds records that were not generated ({listed}). Generated records would be mixed "
                f"with them. Use an empty database, or pass --allow-real-data to add to it anyway (generated "
                f"records' slugs start with “{GENERATED_PREFIX}”)."
            )
        plan = Plan(statements)
        self.stdout.write(
            f"Generating {statements:,} statements, {plan.speakers:,} speakers, {plan.sources:,} sources (seed {seed})…"
        )
        started = time.monotonic()
        counts = demo_data_generate(statements=statements, seed=seed, progress=self._progress(started))
        elapsed = time.monotonic() - started
        sys.stderr.write("\n")
        rows = sum(counts.values())
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {rows:,} rows in {elapsed:.1f} s ({rows / max(elapsed, 1e-9):,.0f} rows/s):")
        )
        for table, count in counts.items():
            self.stdout.write(f"  {table:35} {count:>12,}")

    def _progress(self, started):
        interactive = sys.stderr.isatty()
        shown = {"tenth": -1}

        def show(done: int, total: int) -> None:
            fraction = done / total
            bar = "#" * int(fraction * 30)
            line = f"[{bar:30}] {fraction:4.0%} {done:>11,}/{total:,} statements {time.monotonic() - started:6.1f} s"
            if interactive:
                sys.stderr.write("\r" + line)
            elif int(fraction * 10) > shown["tenth"]:  # a line per tenth in logs
                shown["tenth"] = int(fraction * 10)
                sys.stderr.write(line + "\n")
            sys.stderr.flush()

        return show
