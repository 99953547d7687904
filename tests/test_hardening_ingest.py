"""Issue 7, no data lost: `claimledger ingest` killed with SIGKILL at random points and restarted, two
ingests into one SQLite ledger at once, and an ingest through hostile inputs.

The corpus is ~40 short articles written here, in four formats, with three bad records. A ledger is
compared with an uninterrupted run's table by table: every row, less the times at which rows were
written (``ingested_at``, ``rejects.time``) and the rejects' row numbers.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from claimledger.store.schema import TABLES, quote

pytestmark = pytest.mark.model
CLAIMLEDGER = [sys.executable, "-c", "from claimledger.cli import main; main()"]
TIMEOUT = 180
SEED = 7  # the kill points are random, but the same on every run
KILLS = 5
PUBLISHED = "2021-06-15"

# --- the corpus -----------------------------------------------------------------------------------------------

_TOWNS = ["Springfield", "Riverton", "Lakeside", "Hillview", "Brookfield", "Fairmont", "Oakdale"]
_STATES = ["Ohio", "Texas"]  # places the ledger knows, so figures become observations of measures
_TEMPLATES = [
    "The council of {town} said {a:,} homes were connected to the water network, up from {b:,} a year "
    "earlier. The project cost ${c} million, officials said.",
    "Acme Corp said it employs {a:,} workers in {state}.",
    "Unemployment in {town} fell to {p}.{q} percent in May from {p2}.{q} percent in April, according to "
    "the state labour office.",
    "Acme Corp employs about {b:,} workers in {state}, a spokeswoman said.",
    "“We expect about {a:,} visitors this summer,” said Mayor Ellen {name} of {town}. Last year the town "
    "counted {b:,} visitors.",
    "Globex Inc said it employs {c}00 workers in {state}.",
    "Ticket sales at the {town} stadium rose {p} percent to {a:,} in the first quarter, the club said in "
    "a statement.",
    "The {town} school board estimated that {c} of its {p2} schools need new roofs, at a cost of nearly "
    "${b:,}.",
]
_NAMES = ["Ortiz", "Brandt", "Okafor", "Lindqvist", "Moreau", "Tanaka"]


def _article(n: int) -> dict[str, Any]:
    town = _TOWNS[n % len(_TOWNS)]
    text = _TEMPLATES[n % len(_TEMPLATES)].format(
        town=town, state=_STATES[n // len(_TEMPLATES) % 2], name=_NAMES[n % len(_NAMES)],
        a=1_200 + 37 * n, b=900 + 11 * n, c=2 + n % 7, p=3 + n % 5, p2=9 + n % 4, q=n % 10,
    )
    return {"id": f"news-{n:02d}", "title": f"News from {town}", "text": text,
            "published": PUBLISHED, "source": f"Wire {n % 3}", "url": None}


def write_corpus(folder: Path) -> dict[str, Any]:
    """~40 articles in JSON Lines (gzip and plain), text and HTML, and three bad records.

    Returns the article ids, the bad records and the files (in the order a directory is read).
    """
    folder.mkdir()
    part_a = [_article(n) for n in range(20)]
    part_b = [_article(n) for n in range(20, 34)]
    with gzip.open(folder / "part-a.jsonl.gz", "wt", encoding="utf-8") as out:
        for n, record in enumerate(part_a):
            out.write(json.dumps(record) + "\n")
            if n == 9:
                out.write('{"id": "broken", "text": \n')  # line 11
    lines = [json.dumps(r) for r in part_b]
    lines.insert(5, json.dumps({"id": "numeric", "text": 42}))  # line 6
    (folder / "part-b.jsonl").write_text("\n".join(lines) + "\n")
    briefs = []
    for n in range(1, 5):
        record = _article(40 + n)
        (folder / f"brief-{n}.txt").write_text(f"{record['title']}\n\n{record['text']}\n")
        briefs.append(f"brief-{n}")
    (folder / "page.html").write_text(
        "<html><head><title>Transit budget doubles</title></head><body><nav>Home | News</nav><article>"
        "<h1>Transit budget doubles</h1><p>The city council approved a budget of $1.2 billion on Monday, "
        "up 4 percent from last year, with spending on buses doubling to $80 million, the finance "
        "director said.</p><p>Councillor Tom Reed said the city could not afford 150 new drivers.</p>"
        "</article><footer>© 2021</footer></body></html>"
    )
    (folder / "empty.txt").write_bytes(b"")
    ids = sorted([r["id"] for r in part_a + part_b] + briefs + ["page"])
    files = sorted(str(p) for p in folder.iterdir())
    rejects = sorted([f"{folder / 'part-a.jsonl.gz'}:11", f"{folder / 'part-b.jsonl'}:6", str(folder / "empty.txt")])
    return {"ids": ids, "rejects": rejects, "files": files}


# --- running and reading the ledger ---------------------------------------------------------------------------


def ingest_command(db: Path, sources: Iterable[str | Path], *options: str) -> list[str]:
    return [*CLAIMLEDGER, "ingest", *map(str, sources), "--db", f"sqlite:///{db}", "--workers", "1",
            "--published", PUBLISHED, *options]


def ingest(db: Path, sources: Iterable[str | Path], *options: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(ingest_command(db, sources, "--quiet", *options), capture_output=True, text=True,
                          timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    return done


def article_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet, or busy for a moment
        return -1


VOLATILE = {"ingested_at", "time"}


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without the times they were written and the rejects' row numbers."""
    out = {}
    with sqlite3.connect(db) as conn:
        for t in TABLES:
            columns = [c for c in t.column_names if c not in VOLATILE and not (t.name == "rejects" and c == "id")]
            rows = conn.execute(f"SELECT {', '.join(map(quote, columns))} FROM {quote(t.name)}").fetchall()
            out[t.name] = sorted(rows, key=repr)
    return out


def per_article(db: Path) -> dict[str, dict[str, list[tuple[Any, ...]]]]:
    """For each article: its rows in every table that belongs to an article (cross_source checks,
    redone at the end of each run, left out)."""
    out: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
    with sqlite3.connect(db) as conn:
        for t in TABLES:
            key = "id" if t.name == "articles" else "article_id"
            if key not in t.column_names:
                continue
            columns = [c for c in t.column_names if c not in VOLATILE]
            where = " WHERE kind != 'cross_source'" if t.name == "checks" else ""
            cursor = conn.execute(f"SELECT {', '.join(map(quote, columns))} FROM {quote(t.name)}{where}")
            at = columns.index(key)
            for row in cursor:
                out.setdefault(row[at], {}).setdefault(t.name, []).append(row)
    for tables in out.values():
        for rows in tables.values():
            rows.sort(key=repr)
    return out


def assert_healthy(db: Path) -> None:
    """No corruption, no dangling rows, the full-text index in step, one reject row per record."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        assert conn.execute('SELECT count(*) - count(DISTINCT "record") FROM rejects').fetchone() == (0,)


def ids_of(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]


def rejects_of(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute('SELECT "record" FROM rejects ORDER BY "record"')]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The corpus and the ledger of one uninterrupted run over it."""
    root = tmp_path_factory.mktemp("hardening")
    corpus = write_corpus(root / "corpus")
    whole = root / "whole.db"
    done = ingest(whole, [root / "corpus"])
    n = len(corpus["ids"])
    assert f"{n} articles written ({n} new, 0 replaced), 0 unchanged, 3 rejected" in done.stderr
    assert ids_of(whole) == corpus["ids"] and rejects_of(whole) == corpus["rejects"]
    assert_healthy(whole)
    return {**corpus, "folder": root / "corpus", "whole": whole, "snapshot": snapshot(whole),
            "per_article": per_article(whole)}


def test_the_corpus_fills_every_table(corpus: dict[str, Any]) -> None:
    """The comparisons below mean something only if every kind of row is there."""
    counts = {name: len(rows) for name, rows in corpus["snapshot"].items()}
    assert len(corpus["ids"]) >= 38
    empty = [name for name, count in counts.items() if count == 0]
    assert not empty, counts
    kinds = {row[3] for row in corpus["snapshot"]["checks"]}  # (uid, article_id, id, kind, ...)
    assert "cross_source" in kinds, kinds


# --- killed at random points, restarted -----------------------------------------------------------------------


def test_ingest_killed_at_random_points_and_restarted_ends_with_every_article_exactly_once(
    corpus: dict[str, Any], tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    n = len(corpus["ids"])
    db = tmp_path / "killed.db"
    command = ingest_command(db, [corpus["folder"]], "--batch-size", "1", "--quiet")
    # the first kill lands while the process starts (imports, creating the ledger, loading the model);
    # the others once a random number of the remaining articles is committed, plus a random moment
    kills: list[tuple[int, int]] = []  # (the kill's target, articles in the ledger after it)
    for kill in range(KILLS):
        before = max(article_count(db), 0)
        share = max(1, (n - 5 - before) // (KILLS - kill + 1))  # a few articles are left to kill
        target = 0 if kill == 0 else before + rng.randint(1, share)
        run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            if target == 0:
                time.sleep(rng.uniform(0.3, 3.0))
            else:
                deadline = time.monotonic() + TIMEOUT
                while article_count(db) < target and run.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.02)
                time.sleep(rng.uniform(0.0, 0.05))
            assert run.poll() is None, f"the run ended before its kill (target {target}): {run.returncode}"
            os.kill(run.pid, signal.SIGKILL)
        finally:
            run.kill()
            run.wait(timeout=30)
        assert run.returncode == -signal.SIGKILL
        after = max(article_count(db), 0)
        kills.append((target, after))
        assert after >= before, "a kill never loses committed articles"
        if db.exists() and after > 0:
            assert_healthy(db)
            present = per_article(db)
            for article_id, tables in present.items():
                # only whole articles: each one present has exactly the rows of the uninterrupted run
                assert tables == corpus["per_article"][article_id], article_id
    print(f"kills survived (target, articles in the ledger after the kill): {kills}")
    assert len(kills) == KILLS
    assert 0 < kills[-1][1] < n, f"the kills landed part-way: {kills}"

    present = max(article_count(db), 0)
    resumed = ingest(db, [corpus["folder"]])
    assert f"{n - present} articles written ({n - present} new, 0 replaced), {present} unchanged, 3 rejected" \
        in resumed.stderr, (kills, resumed.stderr)
    assert_healthy(db)
    assert ids_of(db) == corpus["ids"]
    assert snapshot(db) == corpus["snapshot"]

    again = ingest(db, [corpus["folder"]])  # and once complete, a rerun changes nothing
    assert f"0 articles written (0 new, 0 replaced), {n} unchanged, 3 rejected" in again.stderr
    assert snapshot(db) == corpus["snapshot"]


# --- two ingests at once ----------------------------------------------------------------------------------------


def test_two_ingests_into_one_sqlite_ledger_at_once_end_whole_without_duplicates(
    corpus: dict[str, Any], tmp_path: Path
) -> None:
    files = corpus["files"]  # brief-1..4.txt, empty.txt, page.html, part-a.jsonl.gz, part-b.jsonl
    part_a, part_b = files[-2], files[-1]
    first = [part_a, part_b, *files[:2]]  # overlapping sources, read in different orders
    second = [part_b, *files[:6], part_a]
    db = tmp_path / "shared.db"
    runs = [
        subprocess.Popen(ingest_command(db, sources, "--batch-size", "1", "--quiet"),
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for sources in (first, second)
    ]
    errors = []
    for run in runs:
        _, stderr = run.communicate(timeout=TIMEOUT)
        errors.append(stderr)
        assert run.returncode == 0, stderr
    assert all("Traceback" not in e and "locked" not in e for e in errors), errors
    print("two ingests at once:", [e.strip().splitlines()[0] for e in errors])
    assert_healthy(db)
    assert ids_of(db) == corpus["ids"]
    assert rejects_of(db) == corpus["rejects"]
    assert {name: len(rows) for name, rows in snapshot(db).items()} == \
        {name: len(rows) for name, rows in corpus["snapshot"].items()}
    assert snapshot(db) == corpus["snapshot"]

    again = ingest(db, [corpus["folder"]])
    n = len(corpus["ids"])
    assert f"0 articles written (0 new, 0 replaced), {n} unchanged, 3 rejected" in again.stderr


# --- an ingest through hostile inputs -------------------------------------------------------------------------

GOOD = "Prices rose 3% to $103 in May, the company said."
FRENCH = ("Le gouvernement a annoncé que la croissance sera de 2 % cette année, selon le ministre des "
          "Finances, qui a présenté le budget devant les députés mardi. ")


def test_ingest_through_hostile_inputs_records_each_reason_and_writes_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    with gzip.open(folder / "bomb.jsonl.gz", "wb") as out:  # line 2 decompresses to 50 MiB
        out.write(json.dumps({"id": "before-bomb", "text": GOOD}).encode() + b"\n")
        out.write(b'{"id": "bomb", "text": "')
        block = b"a" * (1 << 20)
        for _ in range(50):
            out.write(block)
        out.write(b'"}\n' + json.dumps({"id": "after-bomb", "text": GOOD}).encode() + b"\n")
    (folder / "big.txt").write_text("word " * 400_000)  # 2 MB: over the limit given below
    depth = 100_000
    (folder / "deep.html").write_text(
        "<html><head><title>Deep page</title></head><body><article><p>Sales rose 3% to $103 million in "
        f"May, the company said.</p>{'<div>' * depth}Prices rose 5% in June.{'</div>' * depth}"
        "</article></body></html>"
    )
    lines = [
        json.dumps({"id": "first", "text": GOOD}),
        "x" * 1_000_000,  # a megabyte that is not JSON
        json.dumps({"id": "french", "text": FRENCH * 8_000}),  # a megabyte of French
        "[" * depth + "]" * depth,
        json.dumps({"id": "last", "text": GOOD}),
    ]
    (folder / "lines.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "latin1.txt").write_bytes("The café sold 300 crêpes in May.".encode("latin-1"))

    db = tmp_path / "hostile.db"
    done = subprocess.run(ingest_command(db, [folder], "--max-bytes", "1500000"), capture_output=True,
                          text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    assert "5 articles written (5 new, 0 replaced), 0 unchanged, 7 rejected" in done.stderr, done.stderr
    assert ids_of(db) == ["after-bomb", "before-bomb", "deep", "first", "last"]
    with sqlite3.connect(db) as conn:
        reasons = dict(conn.execute('SELECT "record", "reason" FROM rejects').fetchall())
    expected = {
        f"{folder / 'bomb.jsonl.gz'}:2": "article is 52.4 MB, over the 1.5 MB limit (--max-bytes)",
        str(folder / "big.txt"): "article is 2.0 MB, over the 1.5 MB limit (--max-bytes)",
        f"{folder / 'lines.jsonl'}:2": "line is not valid JSON",
        f"{folder / 'lines.jsonl'}:3": "text does not look like English",
        f"{folder / 'lines.jsonl'}:4": "line is nested too deeply to be read as JSON",
        str(folder / "binary.txt"): "file looks binary, not text",
        str(folder / "latin1.txt"): "file is not valid UTF-8",
    }
    assert sorted(reasons) == sorted(expected)
    for record, reason in expected.items():
        assert reasons[record].startswith(reason), (record, reasons[record])
        assert len(reasons[record]) < 300, "a reason never quotes the record back"
    message = " ".join(done.stderr.split())  # the console may wrap a long message
    for record in expected:
        assert f"article '{record}' skipped: " in message, record
    assert_healthy(db)
