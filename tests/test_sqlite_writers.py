"""The embedded database (SQLite, what `make run` serves) with several writers at once, as when
two editors accept suggestions or save records at the same moment: each waits for the others,
and every write is kept. SQLite's default transactions, which read first and take the write lock
later, failed at once with "database is locked" (the API's 503) for all but one."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_writers_at_once_on_the_embedded_database_each_wait_their_turn_and_all_are_kept(tmp_path):
    environment = os.environ | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'desk.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "claimtrack.settings.test",
        "PYTHONPATH": str(ROOT),
    }
    run = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "sqlite_writers.py"), "4"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )

    assert run.returncode == 0, run.stderr
    counter, *writers = run.stdout.split("\n")[:5]
    assert writers == ["ok"] * 4  # was one "ok" and three "OperationalError: database is locked"
    assert counter == "4"
