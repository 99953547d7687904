"""Load: ``claimledger serve`` on loopback under a bounded number of concurrent requests.

    python benchmarks/serve_load.py                                  # 5,000 requests at concurrency 32
    python benchmarks/serve_load.py --requests 2000 --concurrency 16
    python benchmarks/serve_load.py --db sqlite:///news.db           # an existing ledger

The server is ``claimledger serve`` started as a subprocess on 127.0.0.1 and a free port (never another
address), over the ledger given by ``--db`` or, without it, a small ledger built in a temporary folder from
the articles of ``tests/fixtures/gold``. The requests cycle through three kinds of page: an article
(``/articles/{id}``), a measure's timeline (``/measure?key=``) and a search (``/articles?q=``), with ids, keys
and words taken from the ledger itself. Clients are ``httpx.AsyncClient`` tasks (asyncio), at most
``--concurrency`` in flight. It prints the throughput, p50/p99 latency overall and per kind, and the errors
(any answer but 200, a timeout or a refused connection); it exits 1 if there was any error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gold"
HOST = "127.0.0.1"  # loopback only
SEARCH_WORDS = ["percent", "million", "fighters", "Clinton", "poll", "Trump", "tax", "billion", "said", "year"]


def build_ledger(folder: Path) -> str:
    """A SQLite ledger of the gold articles (needs the spaCy model, as ``claimledger ingest`` does)."""
    from claimledger.store import ingest

    rows = []
    for path in sorted(GOLD.glob("*.gold.json")):
        article = json.loads(path.read_text(encoding="utf-8"))["article"]
        rows.append({k: article.get(k) for k in ("id", "title", "text", "published", "source", "url")})
    source = folder / "gold.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    url = f"sqlite:///{folder / 'ledger.db'}"
    ingest([str(source)], url)
    return url


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(db_url: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from claimledger.cli import main; main()", "serve", "--db", db_url,
               "--host", HOST, "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"claimledger serve stopped: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/ledger", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit("claimledger serve did not answer within 60 s")


def targets(base: str) -> list[tuple[str, str]]:
    """(kind, path) for the article, measure and search pages, from what the ledger holds."""
    from urllib.parse import quote

    articles = httpx.get(f"{base}/api/articles", params={"limit": 100}).json()["articles"]
    measures = httpx.get(f"{base}/api/measures", params={"limit": 50}).json()["measures"]
    if not articles:
        raise SystemExit("the ledger holds no article")
    out: list[tuple[str, str]] = []
    out += [("article", f"/articles/{quote(a['id'], safe='')}") for a in articles]
    out += [("measure", f"/measure?key={quote(m['key'], safe='')}") for m in measures]
    out += [("search", f"/articles?q={quote(w)}") for w in SEARCH_WORDS]
    return out


def cycle(pages: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    """``n`` requests, the three kinds in turn, each kind cycling through its pages."""
    by_kind: dict[str, list[str]] = {}
    for kind, path in pages:
        by_kind.setdefault(kind, []).append(path)
    kinds = sorted(by_kind)
    return [(k, by_kind[k][(i // len(kinds)) % len(by_kind[k])]) for i in range(n) for k in [kinds[i % len(kinds)]]]


async def drive(base: str, plan: list[tuple[str, str]], concurrency: int
                ) -> tuple[float, list[tuple[str, float]], Counter[str]]:
    latencies: list[tuple[str, float]] = []
    errors: Counter[str] = Counter()
    queue = iter(plan)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        async def worker() -> None:
            for kind, path in queue:  # the iterator is shared: each request is taken once
                began = time.perf_counter()
                try:
                    response = await client.get(path)
                    await response.aread()
                    if response.status_code != 200:
                        errors[f"{kind} HTTP {response.status_code}"] += 1
                    elif "database is locked" in response.text:
                        errors[f"{kind} database is locked"] += 1
                except httpx.HTTPError as error:
                    errors[f"{kind} {type(error).__name__}"] += 1
                latencies.append((kind, time.perf_counter() - began))

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - began, latencies, errors


def percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if q < 100 else max(values)


def report(elapsed: float, latencies: list[tuple[str, float]], errors: Counter[str], args: Any, db: str) -> None:
    total = len(latencies)
    print(f"claimledger serve on {HOST}, ledger {db}")
    print(f"{total} requests at concurrency {args.concurrency} in {elapsed:.2f} s: {total / elapsed:.1f} requests/s")
    rows = [("all", [t for _, t in latencies])]
    rows += [(k, [t for kind, t in latencies if kind == k]) for k in sorted({k for k, _ in latencies})]
    print(f"{'page':<8} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, values in rows:
        print(f"{name:<8} {len(values):>8} {1000 * percentile(values, 50):>8.1f} {1000 * percentile(values, 99):>8.1f}"
              f" {1000 * max(values):>8.1f}")
    print(f"errors: {sum(errors.values())}" + "".join(f"\n  {n} × {e}" for e, n in errors.most_common()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5000, help="how many requests in all (default 5,000)")
    parser.add_argument("--concurrency", type=int, default=32, help="requests in flight at once (default 32)")
    parser.add_argument("--db", help="the ledger URL (default: a small ledger built from tests/fixtures/gold)")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.concurrency < 1:
        parser.error("--requests and --concurrency must be at least 1")
    with tempfile.TemporaryDirectory(prefix="serve-load-") as tmp:
        db = args.db or build_ledger(Path(tmp))
        port = free_port()
        server = start_server(db, port)
        try:
            base = f"http://{HOST}:{port}"
            plan = cycle(targets(base), args.requests)
            elapsed, latencies, errors = asyncio.run(drive(base, plan, args.concurrency))
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        report(elapsed, latencies, errors, args, db if args.db else "built from tests/fixtures/gold")
    return 1 if errors else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
