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


@pytest.mark.parametrize("max_matches", [2_000, 0], ids=["ranked", "walked"])
def test_the_raw_search_twin_finds_the_apis_page_whether_it_ranks_or_walks(client, monkeypatch, max_matches):
    import orjson

    from apps.ops import benchmark
    from tests.factories import make_quotation, make_speaker, make_statement

    monkeypatch.setattr("apps.claims.selectors.RANKED_SEARCH_MAX_MATCHES", max_matches)
    farmer = make_speaker(name="Drought Farmer")
    for n in range(5):
        make_statement(text=f"The drought of year {n} was the worst.")
        make_quotation(statement=make_statement(text=f"Harvest {n}."), text="the flood took everything")
    make_statement(speaker=farmer, text="We will plant again.")
    make_statement(text="Nothing to do with it.")
    value = "drought OR flood"
    assert benchmark.api_ranks(value) is (max_matches > 0)

    api_ids = [row["id"] for row in client.get("/api/v1/statements/", {"search": value}).json()["results"]]
    with connection.cursor() as cursor:
        raw_ids = [
            row["id"]
            for row in orjson.loads(benchmark.raw_page(cursor.cursor, *benchmark.raw_search(value)))["results"]
        ]

    assert len(api_ids) == 11 and raw_ids == api_ids
