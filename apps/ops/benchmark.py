"""`manage.py benchmark`: ClaimTrack at scale on PostgreSQL, measured and written down.

It generates the data (`generate_demo_data`), then measures, all in one run so that the figures
can be compared with each other:
- the API's list, filter, search and detail pages, as server time (the request handled in
  process: middleware, view, queries, serialization; no network);
- the same pages fetched by one hand-written SQL query through psycopg and encoded with orjson,
  the physical limit of this stack, and the API's ratio to it;
- the admin's statements and quotations changelists, plain and searched;
- the statements list under load: gunicorn with 2 workers on loopback and wrk, 16 connections;
- a mixed load, reads and an editor's writes (creations and edits), after which every write the
  server acknowledged must be found in the database;
- the query plans (EXPLAIN ANALYZE, BUFFERS) of the list, filter and search queries, none of
  which may read the statements table sequentially.

Benchmarks print figures; they never pass or fail on time (the brief's rule). They do fail when
a page answers with an error or a plan scans the statements table.
"""

import datetime
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from apps.accounts.roles import EDITORS
from apps.api.claims.statement_json import statement_json_params, statement_json_select
from apps.claims.models import Statement
from apps.claims.selectors import statements_matching
from apps.core.search import fulltext_query, in_languages_on_file
from apps.speakers.models import Speaker
from apps.speakers.selectors import speakers_matching

ROOT = Path(settings.BASE_DIR)
MIXED_LOAD_SCRIPT = Path(__file__).with_name("load_mixed.lua")
SEARCHES = ("pipeline tariffs", '"border treaty"', "drought OR flood", "uranium exports -Russia", "referendum")
LIST_FILTERS = "language=ru&said_from=2020-01-01"


class BenchmarkFailed(Exception):
    pass


@dataclass
class Timing:
    label: str
    times: list[float] = field(default_factory=list)  # milliseconds

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times)
        return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def timed(label: str, runs: int, call) -> Timing:
    """`call(i)` run `runs` times after two warm-up calls; wall time of each, in milliseconds."""
    call(0)
    call(1)
    timing = Timing(label)
    for i in range(runs):
        started = time.perf_counter()
        call(i)
        timing.times.append((time.perf_counter() - started) * 1000)
    return timing


def timed_in_turns(runs: int, first, second) -> tuple[Timing, Timing]:
    """`first(i)` and `second(i)` each run `runs` times, in turns, after two warm-up calls each:
    a ratio of their medians is not skewed by the machine slowing down or speeding up between
    two separate series (a shared host's neighbours come and go)."""
    for call in (first, second, first, second):
        call(0)
    timings = (Timing("first"), Timing("second"))
    for i in range(runs):
        for call, timing in zip((first, second), timings, strict=True):
            started = time.perf_counter()
            call(i)
            timing.times.append((time.perf_counter() - started) * 1000)
    return timings


# The raw path: one hand-written query per page, returning the same rows as the API (the API's
# own JSON-building SELECT, apps/api/claims/statement_json.py, joined to the page picked by a
# hand-written WHERE, ORDER BY and LIMIT), wrapped with orjson; the benchmark checks that each
# raw page holds the API's statements in the API's order. It fetches no count: the API counts a
# list that fits on its page from the page, and a longer one with an estimate or a COUNT
# (apps/core/paginator.py), queries the raw path is spared, so that it stays the floor. Its
# search ranks every match, where the API ranks only up to 2,000 and otherwise walks the list
# newest first: for common words it is slower than the API.

RAW_LIST_PAGE = """
    SELECT s.id, s.said_on FROM claims_statement s
     WHERE upper(s.language) = upper(%(language)s) AND s.said_on >= %(said_from)s
     ORDER BY s.said_on DESC NULLS LAST, s.id DESC LIMIT 20
"""
# The search in each row's language (apps.core.search): the query as each configuration of the
# table's languages reads it, one index scan each, and in the row's own for its rank; and, as the
# API finds them too, the statements of the speakers named (apps.speakers.selectors.
# speakers_matching). Both depend on the words and on the languages on file: written in per
# search, before any timing (which spares the raw path the API's reading of the languages).
RAW_SEARCH_PAGE = """
    WITH matches AS (
        %(in_statements)s
        UNION %(in_quotations)s
        UNION SELECT s.id FROM claims_statement s WHERE s.speaker_id IN (%(speakers)s)
    )
    SELECT s.id, coalesce(ts_rank(s.search_document, %(own_query)s), 0) AS rank, s.said_on
      FROM claims_statement s
     WHERE s.id IN (SELECT id FROM matches)
     ORDER BY rank DESC, s.said_on DESC NULLS LAST, s.id DESC LIMIT 20
"""


# Beyond RANKED_SEARCH_MAX_MATCHES matches (the planner's estimate), the API does not rank: it
# reads the list in its own order and tests each row (apps.claims.selectors._ranked_or_walked).
# Its raw twin does the same, with the API's OFFSET 0 (apps.core.search.ExistsRowByRow) that
# keeps the EXISTS a probe per row: without it PostgreSQL hashes every matching quotation first
# and the twin took 0.53 s where the API took 0.05 s ('drought OR flood', 1M statements).
RAW_WALKED_SEARCH_PAGE = """
    SELECT s.id, 0 AS rank, s.said_on
      FROM claims_statement s
     WHERE %(statement_matches)s
        OR EXISTS (SELECT 1 FROM claims_quotation q WHERE q.statement_id = s.id AND %(quotation_matches)s OFFSET 0)
        OR s.speaker_id IN (%(speakers)s)
     ORDER BY s.said_on DESC NULLS LAST, s.id DESC LIMIT 20
"""


def api_ranks(value: str) -> bool:
    """Does the API rank this search's matches (few enough), or walk the list (too many)?"""
    return "search_rank" in statements_matching(Statement.objects.all(), value).query.annotations


def raw_search(value: str) -> tuple[str, dict]:
    """The raw search page's SQL for `value`: the queries of the languages on file and the
    speakers named by it as the API finds them, written into the SQL as literals."""
    select, _ = statement_json_select(sees_work=False)
    speakers = speakers_matching(Speaker.objects.all(), value, names_only=True).order_by().values("pk")
    in_statements, in_quotations = in_languages_on_file(fulltext_query(value), "claims_statement", "claims_quotation")
    with connection.cursor() as cursor:

        def literal(sql_params):
            return cursor.mogrify(*sql_params)

        parts = {
            "speakers": literal(speakers.query.sql_with_params()),
            "in_statements": literal(in_statements.rows_sql("claims_statement")),
            "in_quotations": literal(in_quotations.rows_sql("claims_quotation", "statement_id")),
            "own_query": literal(in_statements.own_query_sql("s.language")),
            "statement_matches": literal(in_statements.match_sql("s.search_document", "s.language")),
            "quotation_matches": literal(in_quotations.match_sql("q.search_document", "q.language")),
        }
    page = RAW_SEARCH_PAGE if api_ranks(value) else RAW_WALKED_SEARCH_PAGE
    for name, sql in parts.items():
        page = page.replace(f"%({name})s", sql.replace("%", "%%"))
    sql = f"""{select} JOIN ({page}) page ON page.id = statement_json.id
              ORDER BY page.rank DESC, page.said_on DESC NULLS LAST, page.id DESC"""
    return sql, {}


def raw_queries() -> dict[str, str]:
    """The raw path's SQL for the list and the detail pages."""
    select, _ = statement_json_select(sees_work=False)
    return {
        "filtered": f"""{select} JOIN ({RAW_LIST_PAGE}) page ON page.id = statement_json.id
                        ORDER BY page.said_on DESC NULLS LAST, page.id DESC""",
        "detail": f"{select} WHERE statement_json.id = %(id)s",
    }


def _ids(page: dict) -> list[int]:
    """The ids of the statements of a page (a list's, or one statement's)."""
    return [row["id"] for row in page["results"]] if "results" in page else [page["id"]]


def raw_page(cursor, sql: str, params: dict, *, one: bool = False) -> bytes:
    cursor.execute(sql, {**statement_json_params(sees_work=False, request=None), **params})
    rows = [orjson.Fragment(json) for _, json in cursor.fetchall()]
    return orjson.dumps(rows[0] if one else {"results": rows})


# Load: gunicorn and wrk


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wrk_load(path: str, *, seconds: int, connections: int = 16, script: Path | None = None, env=None) -> dict:
    """gunicorn (2 sync workers) serving the app, wrk on `path` (or what its Lua `script` asks,
    given `env`): requests/s, p99, errors."""
    if not shutil.which("wrk"):
        raise BenchmarkFailed("wrk is not installed: install it (Debian/Ubuntu: apt-get install wrk) and run again.")
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "claimtrack.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--access-logfile",
            "-",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}{path}"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise BenchmarkFailed("gunicorn did not start listening within 10 s.")
        subprocess.run(["wrk", "-t2", "-c4", "-d2s", url], check=True, capture_output=True)  # warm both workers
        report = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
            + (["--script", str(script)] if script else [])
            + [url],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
        ).stdout
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", report).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", report)
    p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = 0
    for pattern in (
        r"Non-2xx or 3xx responses: (\d+)",
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
    ):
        if found := re.search(pattern, report):
            errors += sum(int(number) for number in found.groups())
    total = int(re.search(r"(\d+) requests in", report).group(1))
    return {"requests_per_second": requests, "p99_ms": p99_ms, "errors": errors, "requests": total, "report": report}


# Machine

# Fixed work, the same in every run, timed at the start and at the end of a run: on a shared host
# whose speed changes with its neighbours, it tells whether two runs' figures are comparable.
REFERENCE_SQL = (
    "SELECT sum(length(to_tsvector('english', 'Kazakhstan and Russia share a border of ' || n || ' km')::text)) "
    "FROM generate_series(1, 20000) AS n"
)


def reference_work() -> dict[str, float]:
    """Median milliseconds of a fixed pure-Python loop and of a fixed PostgreSQL query (the
    text-search parsing that generation and search spend most of their time in)."""

    def python_loop(_i):
        total = 0
        for number in range(1_000_000):
            total += number * number
        return total

    def postgres_query(_i):
        with connection.cursor() as cursor:
            cursor.execute(REFERENCE_SQL)
            cursor.fetchone()

    return {
        "python": timed("reference Python", 7, python_loop).median,
        "postgres": timed("reference PostgreSQL", 7, postgres_query).median,
    }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, AttributeError):
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared_buffers = cursor.fetchone()[0]
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; PostgreSQL {postgres} (shared_buffers {shared_buffers})"
    )


class Benchmark:
    def __init__(self, *, scale: int, runs: int, load_seconds: int, mixed_load_seconds: int, out):
        self.scale, self.runs, self.load_seconds, self.out = scale, runs, load_seconds, out
        self.mixed_load_seconds = mixed_load_seconds
        self.rows: list[tuple[str, str, str, str]] = []  # (what, median, p95, note)
        self.plans: list[tuple[str, str]] = []
        self.figures: dict[str, object] = {}
        self.public_pages: list[tuple[str, str]] = []  # (figure key, label) of the public pages measured

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    # Steps

    def reference(self, when: str) -> None:
        work = reference_work()
        self.figures[f"reference_{when}"] = work
        self.say(f"Reference work ({when}): Python {work['python']:.1f} ms, PostgreSQL {work['postgres']:.1f} ms")

    def generate(self) -> None:
        self.say(f"Generating {self.scale:,} statements…")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "manage.py", "generate_demo_data", "--statements", str(self.scale)],
            cwd=ROOT,
            check=True,
        )
        seconds = time.perf_counter() - started
        peak_mib = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        self.figures.update(generation_seconds=seconds, generation_peak_mib=peak_mib)
        self.count_existing()
        self.say(f"  {seconds:.1f} s, peak memory {peak_mib:.0f} MiB; database {self.figures['database_size']}")

    def count_existing(self) -> None:
        with connection.cursor() as cursor:
            # VACUUM cannot run in a transaction (a test's): statistics are what the plans need.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
            cursor.execute(
                "SELECT (SELECT count(*) FROM claims_statement), (SELECT count(*) FROM claims_quotation), "
                "(SELECT count(*) FROM speakers_speaker), (SELECT count(*) FROM sources_source), "
                "pg_size_pretty(pg_database_size(current_database()))"
            )
            statements, quotations, speakers, sources, size = cursor.fetchone()
        self.figures.update(
            statements=statements, quotations=quotations, speakers=speakers, sources=sources, database_size=size
        )

    def api(self) -> None:
        client = Client()
        with connection.cursor() as cursor:
            cursor.execute("SELECT id FROM claims_statement TABLESAMPLE SYSTEM (1) LIMIT %s", [self.runs + 2])
            sample = [row[0] for row in cursor.fetchall()]
            if len(sample) < self.runs + 2:
                # 1 % of the pages of a small table is often none of them (the test's 3,000 rows).
                cursor.execute("SELECT id FROM claims_statement ORDER BY random() LIMIT %s", [self.runs + 2])
                sample = [row[0] for row in cursor.fetchall()]
            cursor.execute(
                "SELECT sp.slug FROM speakers_speaker sp JOIN claims_statement s ON s.speaker_id = sp.id "
                "GROUP BY sp.slug ORDER BY count(*) DESC LIMIT 1"
            )
            busiest_speaker = cursor.fetchone()[0]
        pages = {
            "list": ("Statements list, 20 rows, unfiltered", lambda i: "/api/v1/statements/"),
            "filtered": (
                "Statements list, two filters (language, date)",
                lambda i: f"/api/v1/statements/?{LIST_FILTERS}",
            ),
            "speaker": ("Statements list, busiest speaker", lambda i: f"/api/v1/statements/?speaker={busiest_speaker}"),
            "search": (
                f"Statements full-text search ({len(SEARCHES)} queries in turn)",
                lambda i: f"/api/v1/statements/?search={SEARCHES[i % len(SEARCHES)]}",
            ),
            "detail": ("Statement detail", lambda i: f"/api/v1/statements/{sample[i % len(sample)]}/"),
            "quotations": ("Quotations list", lambda i: "/api/v1/quotations/"),
            "quotation_search": (
                "Quotations full-text search",
                lambda i: f"/api/v1/quotations/?search={SEARCHES[i % len(SEARCHES)]}",
            ),
            "speaker_search": ("Speakers search, misspelt (trigrams)", lambda i: "/api/v1/speakers/?search=Abenv"),
            "similar": (
                "Similar statements (trigrams)",
                lambda i: f"/api/v1/statements/{sample[i % len(sample)]}/similar/",
            ),
        }

        def get(url):
            response = client.get(url)
            if response.status_code != 200:
                raise BenchmarkFailed(f"{url} answered {response.status_code}: {response.content[:300]!r}")
            return response

        self.say("API, server time in process:")
        for key, (label, url) in pages.items():
            runs = self.runs if key not in ("similar",) else max(10, self.runs // 5)
            timing = timed(label, runs, lambda i, url=url: get(url(i)))
            self.figures[f"api_{key}"] = timing
            self.say(f"  {label:55} median {timing.median:8.1f} ms   p95 {timing.p95:8.1f} ms")
            if key in ("list", "filtered", "search"):
                with CaptureQueriesContext(connection) as queries:
                    get(url(0))
                self.explain(label, [query["sql"] for query in queries.captured_queries])

        with connection.cursor() as cursor:
            raw = cursor.cursor
            queries = raw_queries()
            searches = [raw_search(value) for value in SEARCHES]
            raw_pages = {
                "filtered": lambda i: raw_page(
                    raw, queries["filtered"], {"language": "ru", "said_from": datetime.date(2020, 1, 1)}
                ),
                "search": lambda i: raw_page(raw, *searches[i % len(searches)]),
                "detail": lambda i: raw_page(raw, queries["detail"], {"id": sample[i % len(sample)]}, one=True),
            }
            for key, page in raw_pages.items():
                # A twin that found other rows (fewer, say) would measure other work.
                for i in range(len(SEARCHES) if key == "search" else 1):
                    api_ids = _ids(get(pages[key][1](i)).json())
                    raw_ids = _ids(orjson.loads(page(i)))
                    if api_ids != raw_ids:
                        raise BenchmarkFailed(
                            f"The raw twin of {pages[key][1](i)} finds statements {raw_ids}, the API {api_ids}."
                        )
            self.say(
                "Raw path (one SQL query through psycopg, orjson), in turns with the API page, request by request:"
            )
            for key, page in raw_pages.items():
                url = pages[key][1]
                api, timing = timed_in_turns(self.runs, lambda i, url=url: get(url(i)), page)
                self.figures[f"api_in_turns_{key}"], self.figures[f"raw_{key}"] = api, timing
                ratio = self.figures[f"ratio_{key}"] = api.median / timing.median
                self.say(f"  {key:55} median {timing.median:8.1f} ms (API {api.median:.1f} ms)   API ÷ raw {ratio:.2f}")

    def public(self) -> None:
        """The public site's pages, as a reader's browser asks for them the first time (no
        conditional request: every page is built)."""
        from apps.public.selectors import published_fact_checks

        sample = [
            f"/fact-checks/{pk}-{slug}/"
            for pk, slug in published_fact_checks().values_list("pk", "slug")[: self.runs + 2]
        ]
        if not sample:
            self.say("Public site: no published fact-check in this data, not measured.")
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sp.id, sp.slug FROM speakers_speaker sp JOIN claims_statement s ON s.speaker_id = sp.id "
                "GROUP BY sp.id, sp.slug ORDER BY count(*) DESC LIMIT 1"
            )
            speaker_pk, speaker_slug = cursor.fetchone()
            cursor.execute(
                "SELECT t.slug FROM claims_topic t JOIN claims_statement_topics st ON st.topic_id = t.id "
                "GROUP BY t.slug ORDER BY count(*) DESC LIMIT 1"
            )
            topic = cursor.fetchone()
        pages = {
            "public_home": ("Home (latest fact-checks)", lambda i: "/"),
            "public_fact_check": ("A fact-check page", lambda i: sample[i % len(sample)]),
            "public_speaker": (
                "The busiest speaker's page (scorecard)",
                lambda i: f"/speakers/{speaker_pk}-{speaker_slug}/",
            ),
            "public_topics": ("Topics", lambda i: "/topics/"),
            "public_search": (
                f"Search ({len(SEARCHES)} queries in turn)",
                lambda i: f"/search/?q={SEARCHES[i % len(SEARCHES)]}",
            ),
        }
        if topic:
            pages["public_topic"] = ("The largest topic's page", lambda i: f"/topics/{topic[0]}/")
        self.say("Public site, server time in process:")
        self.measure_pages(Client(), pages, self.runs)
        self.public_pages = [(key, label) for key, (label, _) in pages.items()]

    def admin(self) -> None:
        user, _ = get_user_model().objects.get_or_create(
            username="benchmark-admin", defaults={"is_staff": True, "is_superuser": True}
        )
        client = Client()
        client.force_login(user)
        pages = {
            "admin_statements": ("Admin: statements changelist", lambda i: "/admin/claims/statement/"),
            "admin_statements_search": (
                "Admin: statements changelist, searched",
                lambda i: "/admin/claims/statement/?q=pipeline+tariffs",
            ),
            "admin_quotations": ("Admin: quotations changelist", lambda i: "/admin/claims/quotation/"),
            "admin_quotations_search": (
                "Admin: quotations changelist, searched",
                lambda i: "/admin/claims/quotation/?q=pipeline+tariffs",
            ),
        }
        self.say("Admin, server time in process:")
        self.measure_pages(client, pages, max(10, self.runs // 10))

    def measure_pages(self, client, pages: dict, runs: int) -> None:
        """Time each page (key → (label, url of the i-th request)) `runs` times through `client`,
        refusing any answer but 200; the timing goes into the figures under its key."""
        for key, (label, url) in pages.items():

            def get(i, url=url):
                response = client.get(url(i))
                if response.status_code != 200:
                    raise BenchmarkFailed(f"{url(i)} answered {response.status_code}: {response.content[:300]!r}")

            timing = timed(label, runs, get)
            self.figures[key] = timing
            self.say(f"  {label:55} median {timing.median:8.1f} ms   p95 {timing.p95:8.1f} ms")

    def load(self) -> None:
        path = f"/api/v1/statements/?{LIST_FILTERS}"
        self.say(f"Load: gunicorn, 2 workers; wrk, 16 connections, {self.load_seconds} s on {path}")
        result = wrk_load(path, seconds=self.load_seconds)
        self.figures["load"] = result
        self.say(
            f"  {result['requests_per_second']:.1f} requests/s, p99 {result['p99_ms']:.1f} ms, "
            f"{result['errors']} errors in {result['requests']:,} requests"
        )
        if result["errors"]:
            raise BenchmarkFailed(f"Errors under load:\n{result['report']}")

    def mixed_load(self) -> None:
        """Reads and authenticated writes together (apps/ops/load_mixed.lua): then every write
        the server acknowledged must be in the database, as acknowledged."""
        editor, _ = get_user_model().objects.get_or_create(username="benchmark-editor", defaults={"is_staff": True})
        editor.groups.add(Group.objects.get(name=EDITORS))
        token, _ = Token.objects.get_or_create(user=editor)
        with connection.cursor() as cursor:
            cursor.execute("SELECT id FROM claims_statement TABLESAMPLE SYSTEM (1) LIMIT 200")
            read_ids = ",".join(str(row[0]) for row in cursor.fetchall())
        seconds = self.mixed_load_seconds
        self.say(
            f"Mixed load: gunicorn, 2 workers; wrk, 16 connections, {seconds} s; reads, and 1 request in 5 a write"
        )
        with tempfile.TemporaryDirectory() as directory:
            acked_file = Path(directory) / "acked.tsv"
            env = {
                "TOKEN": token.key,
                "SPEAKER_ID": str(Speaker.objects.order_by("pk").values_list("pk", flat=True).first()),
                "READ_IDS": read_ids,
                "ACKED_FILE": str(acked_file),
            }
            result = wrk_load("/api/v1/statements/", seconds=seconds, script=MIXED_LOAD_SCRIPT, env=env)
            lines = [line.split("\t") for line in acked_file.read_text(encoding="utf-8").splitlines()]
        writes = sum(int(line[1]) for line in lines if line[0] == "writes")
        acknowledged = {int(line[1]): (line[2], line[3]) for line in lines if line[0] == "statement"}
        stored = dict(Statement.objects.filter(pk__in=acknowledged).values_list("pk", "text"))
        # An edit still unanswered when wrk stopped may have been saved after its predecessor's answer.
        lost = sorted(pk for pk, texts in acknowledged.items() if stored.get(pk) not in texts)
        result.update(writes=writes, statements_written=len(acknowledged), lost_writes=len(lost))
        self.figures["mixed_load"] = result
        self.say(
            f"  {result['requests_per_second']:.1f} requests/s, p99 {result['p99_ms']:.1f} ms, "
            f"{result['errors']} errors in {result['requests']:,} requests; {writes:,} writes acknowledged "
            f"({len(acknowledged):,} statements), {len(lost)} of them lost"
        )
        if result["errors"] or lost or not writes:
            raise BenchmarkFailed(
                f"Mixed load: {result['errors']} errors, {writes} writes acknowledged, lost: {lost[:20]}\n"
                f"{result['report']}"
            )

    def explain(self, label: str, queries: list[str]) -> None:
        """The plan of each query of a page that reads the statements table; a sequential scan
        of it fails the benchmark."""
        with connection.cursor() as cursor:
            for sql in queries:
                if "claims_statement" not in sql or sql.startswith(("SAVEPOINT", "RELEASE", "EXPLAIN")):
                    continue
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                self.plans.append((label, f"{sql}\n\n{plan}"))
                if "Seq Scan on claims_statement " in plan + " ":
                    raise BenchmarkFailed(f"{label}: a query scans the statements table sequentially:\n{sql}\n{plan}")

    # Output

    def _reference_lines(self) -> list[str]:
        runs = [
            (when, self.figures[f"reference_{when}"])
            for when in ("start", "end")
            if f"reference_{when}" in self.figures
        ]
        if not runs:
            return []
        measured = "; ".join(
            f"at the {when}, Python {work['python']:.1f} ms and PostgreSQL {work['postgres']:.1f} ms"
            for when, work in runs
        )
        return [
            "Machine speed during this run: the same fixed work in every run (a pure-Python loop, and "
            f"`to_tsvector` over 20,000 short texts in PostgreSQL) took {measured}. Lower is faster; figures from "
            "two runs compare only when these do.",
            "",
        ]

    def markdown(self) -> str:
        f = self.figures

        def row(label, key, note=""):
            timing = f[key]
            return f"| {label} | {timing.median:.1f} ms | {timing.p95:.1f} ms | {note} |"

        lines = [
            "# Benchmarks",
            "",
            f"Written by `make bench SCALE={self.scale}` on {datetime.date.today().isoformat()}. Machine: {machine()}.",
            "",
            "Server time is the request handled in process (middleware, view, queries, serialization; no network), "
            f"{self.runs} requests after two warm-up ones. The raw path is the same page fetched with one hand-written "
            "SQL query through psycopg and encoded with orjson: the limit of this stack. For the ratio, a page and "
            "its raw twin are measured again in turns, request by request, so that it does not depend on the "
            "machine's speed changing between two series (this machine's neighbours come and go). Targets are the "
            "issue's; "
            "they are read here, never asserted by a test.",
            "",
            *self._reference_lines(),
            "## Data",
            "",
            "| Statements | Quotations | Speakers | Sources | Database | Generated in | Peak memory |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            f"| {f['statements']:,} | {f['quotations']:,} | {f['speakers']:,} | {f['sources']:,} | {f['database_size']} "
            f"| {f['generation_seconds']:.0f} s | {f['generation_peak_mib']:.0f} MiB |"
            if "generation_seconds" in f
            else f"| {f['statements']:,} | {f['quotations']:,} | {f['speakers']:,} | {f['sources']:,} | "
            f"{f['database_size']} | (not generated in this run) | |",
            "",
            "Target at 1,000,000 statements: generated in ≤ 3 minutes, peak memory ≤ 500 MB.",
            "",
            "## API",
            "",
            "| Page | Median | p95 | Target at 1M |",
            "|---|---:|---:|---|",
            row("Statements list, unfiltered (estimated count)", "api_list"),
            row("Statements list, two filters (`" + LIST_FILTERS + "`)", "api_filtered", "median ≤ 15 ms, p95 ≤ 30 ms"),
            row("Statements list, the busiest speaker", "api_speaker"),
            row("Statements full-text search", "api_search", "p95 ≤ 50 ms"),
            row("Statement detail", "api_detail", "≤ 10 ms"),
            row("Quotations list", "api_quotations"),
            row("Quotations full-text search", "api_quotation_search"),
            row("Speakers search, misspelt (`Abenv`)", "api_speaker_search"),
            row("Similar statements", "api_similar"),
            "",
            "Searches, in turn: " + ", ".join(f"`{query}`" for query in SEARCHES) + ".",
            "",
            "## The API against the raw database",
            "",
            f"Each page and its raw twin in turns, {self.runs} requests each (so the API medians differ from the "
            "table above).",
            "",
            "| Page | API median | Raw median | API ÷ raw | Target |",
            "|---|---:|---:|---:|---|",
        ]
        ratios = (
            ("filtered", "List, two filters", "≤ 2"),
            ("search", "Full-text search", ""),
            ("detail", "Detail", ""),
        )
        for key, label, target in ratios:
            lines.append(
                f"| {label} | {f['api_in_turns_' + key].median:.1f} ms | {f['raw_' + key].median:.1f} ms | "
                f"{f['ratio_' + key]:.2f} | {target} |"
            )
        if self.public_pages:
            lines += [
                "",
                "## Public site",
                "",
                "| Page | Median | p95 | Target at 1M |",
                "|---|---:|---:|---|",
                *(row(label, key, "p95 ≤ 50 ms") for key, label in self.public_pages),
            ]
        lines += [
            "",
            "## Admin",
            "",
            "| Page | Median | p95 | Target at 1M |",
            "|---|---:|---:|---|",
            row("Statements changelist", "admin_statements", "≤ 300 ms"),
            row("Statements changelist, searched", "admin_statements_search", "≤ 500 ms"),
            row("Quotations changelist", "admin_quotations", "≤ 300 ms"),
            row("Quotations changelist, searched", "admin_quotations_search", "≤ 500 ms"),
        ]
        if "load" in f:
            load = f["load"]
            lines += [
                "",
                "## Under load",
                "",
                f"gunicorn with 2 sync workers on loopback; wrk, 2 threads, 16 connections, {self.load_seconds} s, "
                f"on `/api/v1/statements/?{LIST_FILTERS}`.",
                "",
                "| Requests/s | p99 | Errors | Requests |",
                "|---:|---:|---:|---:|",
                f"| {load['requests_per_second']:.1f} | {load['p99_ms']:.1f} ms | {load['errors']} | {load['requests']:,} |",
            ]
        if "mixed_load" in f:
            mixed = f["mixed_load"]
            lines += [
                "",
                "## Reads and writes under load, and no write lost",
                "",
                f"The same server and wrk, {self.mixed_load_seconds} s (apps/ops/load_mixed.lua): lists, filtered "
                "lists, searches and detail pages, and one request in five an editor's write (a new statement, or "
                "an edit with `If-Match` of one written earlier). Afterwards every write the server acknowledged "
                "is looked for in the database, with the text it acknowledged.",
                "",
                "| Requests/s | p99 | Errors | Requests | Writes acknowledged | Statements written | Lost writes |",
                "|---:|---:|---:|---:|---:|---:|---:|",
                f"| {mixed['requests_per_second']:.1f} | {mixed['p99_ms']:.1f} ms | {mixed['errors']} "
                f"| {mixed['requests']:,} | {mixed['writes']:,} | {mixed['statements_written']:,} "
                f"| {mixed['lost_writes']} |",
            ]
        lines += [
            "",
            "## Query plans",
            "",
            "`EXPLAIN (ANALYZE, BUFFERS)` of each query of the list, filter and search pages that reads the "
            "statements table. The benchmark fails if any of them scans it sequentially.",
            "",
        ]
        for label, plan in self.plans:
            lines += [f"### {label}", "", "```", plan, "```", ""]
        return "\n".join(lines).rstrip() + "\n"
