"""`manage.py benchmark` runs end to end (on a small data set, without the wrk loads) and
writes its figures: the full runs take minutes (`make bench`), this catches a broken step."""

import re

import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmark measures PostgreSQL"),
]


def test_the_benchmark_measures_every_page_and_writes_the_figures(tmp_path):
    call_command("generate_demo_data", statements=3000, stdout=open("/dev/null", "w"))
    output = tmp_path / "BENCHMARKS.md"
    call_command(
        "benchmark",
        skip_generation=True,
        runs=10,
        load_seconds=0,
        mixed_load_seconds=0,
        output=str(output),
        stdout=open("/dev/null", "w"),
    )
    figures = output.read_text()
    for heading in ("## Data", "## The API against the raw database", "## Public site", "## Query plans"):
        assert heading in figures
    for page in ("Home (latest fact-checks)", "A fact-check page", "The busiest speaker's page", "Topics", "Search"):
        assert re.search(rf"\| {re.escape(page)}[^|]* \| [\d.]+ ms \| [\d.]+ ms \| p95 ≤ 50 ms \|", figures), page
    assert "| 3,000 |" in figures
    assert "API ÷ raw" in figures
    # The machine's speed, from the same fixed work at the start and at the end of the run.
    assert re.search(r"at the start, Python [\d.]+ ms and PostgreSQL [\d.]+ ms; at the end, Python", figures)


def test_without_wrk_the_benchmark_stops_before_any_work_and_says_how_to_install_it(monkeypatch):
    from django.core.management.base import CommandError

    monkeypatch.setattr("shutil.which", lambda name, *args, **kwargs: None if name == "wrk" else "/usr/bin/" + name)
    generated = []
    monkeypatch.setattr("apps.ops.benchmark.Benchmark.generate", lambda self: generated.append(True))

    with pytest.raises(CommandError, match=r"need wrk, which is not installed: Debian/Ubuntu `apt-get install wrk`"):
        call_command("benchmark", runs=10, stdout=open("/dev/null", "w"))
    assert not generated
