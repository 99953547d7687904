"""`claimledger ingest` as a user runs it: worker processes, a run killed with SIGKILL and started again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimledger.store import open_ledger
from tests.test_ledger_articles import filler_records, write_jsonl

pytestmark = pytest.mark.model
CLAIMLEDGER = [sys.executable, "-c", "from claimledger.cli import main; main()"]
KILL_AFTER = 6  # articles committed before the kill
TIMEOUT = 180


def _ingest(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLAIMLEDGER, "ingest", *args], capture_output=True, text=True, timeout=TIMEOUT)


def _articles(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_workers_and_a_killed_run_end_with_the_same_ledger(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "water.jsonl", filler_records(30), bad_lines=1)
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"

    done = _ingest(str(source), "--db", f"sqlite:///{whole}", "--workers", "2", "--batch-size", "4")
    assert done.returncode == 0, done.stderr
    assert "30 articles written (30 new, 0 replaced), 0 unchanged, 1 rejected" in done.stderr
    assert "article '" in done.stderr and "skipped: line is not valid JSON" in done.stderr

    run = subprocess.Popen(
        [*CLAIMLEDGER, "ingest", str(source), "--db", f"sqlite:///{killed}", "--batch-size", "1", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + TIMEOUT
    while _articles(killed) < KILL_AFTER and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    interrupted = _articles(killed)
    assert KILL_AFTER <= interrupted < 30, "the run was killed part-way"

    resumed = _ingest(str(source), "--db", f"sqlite:///{killed}", "--quiet")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{30 - interrupted} articles written" in resumed.stderr
    with open_ledger(f"sqlite:///{whole}") as a, open_ledger(f"sqlite:///{killed}") as b:
        assert a.counts() == b.counts()
        assert a.counts()["articles"] == 30
        with sqlite3.connect(killed) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")

    again = _ingest(str(source), "--db", f"sqlite:///{killed}", "--quiet")
    assert "0 articles written (0 new, 0 replaced), 30 unchanged, 1 rejected" in again.stderr


def test_ingest_reads_csv_with_a_column_mapping(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "ingest" / "articles.csv"
    db = tmp_path / "csv.db"
    done = _ingest(
        str(fixture),
        "--db",
        f"sqlite:///{db}",
        "--csv-columns",
        "text=body,title=headline,published=date,source=outlet",
        "--published",
        "2020-01-01",
    )
    assert done.returncode == 0, done.stderr
    with open_ledger(f"sqlite:///{db}") as ledger:
        counts = ledger.counts()
    assert counts["articles"] >= 1 and counts["rejects"] >= 1


def test_ingest_of_a_missing_file_is_an_error(tmp_path: Path) -> None:
    done = _ingest(str(tmp_path / "nope.jsonl"), "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert done.returncode != 0 and "no such file or directory" in done.stderr
