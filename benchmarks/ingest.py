"""Time `claimledger ingest` on a sample of a corpus: articles per second for each worker count and backend.

    python benchmarks/ingest.py ../shared/corpus/dev.jsonl --sample 300 --workers 1 2
    python benchmarks/ingest.py ../shared/corpus/dev.jsonl --db postgresql://user@host/bench

Each run starts from an empty ledger (a temporary SQLite file, or the PostgreSQL database
given, whose ledger tables are dropped first), then ingests the same articles again to
time the idempotent pass (hash look-ups only). Prints one line per run.
"""

from __future__ import annotations

import argparse
import gzip
import random
import tempfile
import time
from pathlib import Path

from claimledger.store import IngestOptions, ingest
from claimledger.store.db import connect
from claimledger.store.schema import TABLES, VERSION_TABLE, quote


def sample(corpus: str, n: int, seed: int, folder: Path) -> Path:
    opener = gzip.open if corpus.endswith(".gz") else open
    with opener(corpus, "rt", encoding="utf-8") as stream:
        lines = [line for line in stream if line.strip()]
    random.Random(seed).shuffle(lines)
    path = folder / "sample.jsonl"
    path.write_text("".join(lines[:n]), encoding="utf-8")
    return path


def empty(url: str, folder: Path, name: str) -> str:
    if not url.startswith("postgres"):
        return f"sqlite:///{folder / name}.db"
    db = connect(url)
    for t in reversed(TABLES):
        db.execute(f"DROP TABLE IF EXISTS {quote(t.name)} CASCADE")
    db.execute(f"DROP TABLE IF EXISTS {quote(VERSION_TABLE)}")
    db.close()
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--db", default="sqlite", help="sqlite (a temporary file) or a PostgreSQL URL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = sample(args.corpus, args.sample, args.seed, folder)
        for workers in args.workers:
            url = empty(args.db, folder, f"w{workers}")
            started = time.perf_counter()
            stats = ingest([source], url, IngestOptions(workers=workers))
            first = time.perf_counter() - started
            started = time.perf_counter()
            again = ingest([source], url, IngestOptions(workers=workers))
            second = time.perf_counter() - started
            print(f"workers={workers} backend={'postgresql' if url.startswith('postgres') else 'sqlite'} "
                  f"articles={stats.written} time={first:.1f}s rate={stats.written / first:.1f}/s "
                  f"second_pass={second:.1f}s unchanged={again.unchanged} counts={stats.counts}")


if __name__ == "__main__":
    main()
