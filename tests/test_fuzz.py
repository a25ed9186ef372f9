"""schemathesis fuzzes a live server of the app with the app's own OpenAPI schema: every
operation, with examples from the schema, boundary values, random data (valid and not), and
chains of calls where it can link them (ids from responses, Location headers). Anonymous and
authenticated (an editor's token: every write) in turn. Every check schemathesis has runs but
one (EXCLUDED_CHECKS): zero responses may be server errors, differ from what the schema promises
(status code, content type, headers, body), accept what the schema refuses, ignore credentials,
answer an undocumented method with anything but 405, or lose a record just created or keep one
just deleted.

In `make test` the run is bounded (a fixed seed, a few examples per operation, a time limit of
30 s per client, which schemathesis shares out among the operations: every one of them is still
sent boundary values, random data and chains of calls, and the test fails if one was left out);
`make fuzz` runs a longer campaign with a fresh seed (CLAIMTRACK_FUZZ_* below)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rest_framework.authtoken.models import Token

from apps.accounts.roles import EDITORS
from apps.ops.seed import seed_load
from tests.database import remember_migrated_rows, reset_to_migrated_rows
from tests.factories import make_user
from tests.openapi import openapi_document

EXAMPLES = int(os.environ.get("CLAIMTRACK_FUZZ_EXAMPLES", "5"))  # per operation and phase
SECONDS = int(os.environ.get("CLAIMTRACK_FUZZ_SECONDS", "30"))  # per client
SEED = os.environ.get("CLAIMTRACK_FUZZ_SEED", "20261121")  # "random": a fresh one each run
CHECKS = ["all"]
EXCLUDED_CHECKS = [
    # positive_data_acceptance wants every request the schema allows answered with a success. This
    # API deliberately refuses, with a 400 (or 409, 412) that names the problem, well-formed
    # requests that break a rule no OpenAPI document can state: a record named that does not exist
    # (?speaker_id=0), parameters that exclude each other (a cursor with page numbers,
    # claims:search with neither query nor reviewPublisherSiteFilter), a name already taken, a
    # quotation not verbatim in its context, an If-Match of another version. What a document can
    # state (patterns, ranges, enums, empty values) it states, and negative_data_rejection holds
    # the API to it.
    "positive_data_acceptance",
]
# The statuses some checks expect, where the API's answer is a right one schemathesis does not list.
CONFIG = Path(__file__).resolve().parent / "schemathesis.toml"
ROOT = Path(__file__).resolve().parent.parent
REPORTS = Path(__file__).resolve().parent.parent / "test-output" / "fuzz"

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def schemathesis_command(base_url: str, *, headers: dict[str, str], report: Path) -> list[str]:
    st = shutil.which("st", path=os.path.dirname(sys.executable))
    command = [
        st,
        "--config-file",
        str(CONFIG),
        "run",
        f"{base_url}/api/schema/",
        "--url",
        base_url,
        "--checks",
        ",".join(CHECKS),
        "--exclude-checks",
        ",".join(EXCLUDED_CHECKS),
        "--max-examples",
        str(EXAMPLES),
        "--max-time",
        str(SECONDS),
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--report",
        "junit",
        "--report-junit-path",
        str(report),
        "--output-truncate",
        "false",
    ]
    if SEED != "random":
        command += ["--seed", SEED]
    for name, value in headers.items():
        command += ["--header", f"{name}: {value}"]
    return command


@pytest.fixture
def fuzzed_server(live_server):
    """The live server, with the migrations' rows (see tests/database.py), the seed data set
    (five articles, their statements, quotations and verdicts) and an editor's token."""
    remember_migrated_rows()
    reset_to_migrated_rows()
    seed_load()
    editor = make_user("fuzzing-editor", group=EDITORS)
    return live_server.url, Token.objects.create(user=editor).key


@pytest.mark.parametrize("client", ["anonymous", "editor"])
def test_fuzzing_finds_no_server_error_and_no_answer_outside_the_schema(fuzzed_server, client):
    base_url, token = fuzzed_server
    headers = {"Authorization": f"Token {token}"} if client == "editor" else {}
    REPORTS.mkdir(parents=True, exist_ok=True)
    report = REPORTS / f"{client}.xml"
    command = schemathesis_command(base_url, headers=headers, report=report)
    environment = os.environ | {"SCHEMATHESIS_HOOKS": "tests.schemathesis_hooks", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(command, capture_output=True, text=True, timeout=SECONDS + 600, env=environment)
    output = result.stdout + result.stderr
    (REPORTS / f"{client}.log").write_text(output)  # kept for a failure that does not come back
    assert result.returncode == 0, f"schemathesis found problems ({report}):\n{output[-20000:]}"
    root = ElementTree.parse(report).getroot()
    summary = root.attrib  # one test case per operation, and the stateful run
    assert int(summary["tests"]) > 40 and summary["failures"] == summary["errors"] == "0", summary
    # Every operation of the document was fuzzed, however short the time limit.
    tested = {case.get("name") for case in root.iter("testcase")}
    assert operations() <= tested, sorted(operations() - tested)


def operations() -> set[str]:
    """The operations of the API's OpenAPI document, named as schemathesis names them ("GET /api/v1/topics/")."""
    return {
        f"{method.upper()} {path}"
        for path, item in openapi_document()["paths"].items()
        for method in item
        if method in {"get", "put", "post", "patch", "delete", "head", "options", "trace"}
    }
