"""Run the ingest pipeline on a Dask cluster: workers write partitioned Parquet, merged into the ledger.

The parent reads the sources and skips unchanged articles exactly as the local engine
does; each partition (``partition_size`` articles) is a task. A worker loads the spaCy
model once — a worker plugin loads it when the worker joins, and the cached loader keeps
it — analyses its partition and writes one Parquet file per table under
``<parquet_dir>/part-<run>-<n>/``. The parent merges each finished partition into the
ledger, one transaction per article, so a killed run resumes like a local one.

The Parquet folder must be reachable by the workers and the parent at the same path (a
shared file system on a real cluster); it is kept after the run as a columnar copy of the
new rows.
"""

from __future__ import annotations

import os
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimledger.model import Article
from claimledger.store.analyse import Outcome, analyse_batch, init_worker
from claimledger.store.export import write_parquet
from claimledger.store.rows import WRITE_ORDER, Row
from claimledger.store.runner import Ingest, IngestStats, _batches
from claimledger.store.schema import table

DEFAULT_PARTITION_SIZE = 64


def _plugin_class() -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadModel(WorkerPlugin):  # type: ignore[misc]
        """Load the claimledger spaCy model once, when a worker starts."""

        name = "claimledger-model"

        def __init__(self, model: str | None = None) -> None:
            self.model = model

        def setup(self, worker: Any) -> None:
            init_worker(self.model)

    return LoadModel


def analyse_partition(
    articles: list[Article], folder: str, model: str | None = None, batch_size: int = 16
) -> dict[str, Any]:
    """Analyse a partition on a worker, write its rows as Parquet; return the folder and the failures."""
    outcomes = analyse_batch(articles, model, batch_size)
    tables: dict[str, list[Row]] = defaultdict(list)
    for outcome in outcomes:
        for name, rows in (outcome.rows or {}).items():
            tables[name].extend(rows)
    partial = Path(f"{folder}.partial")
    partial.mkdir(parents=True, exist_ok=True)
    for name in WRITE_ORDER:
        write_parquet(tables.get(name, []), table(name), partial / f"{name}.parquet")
    os.replace(partial, folder)  # a folder without ".partial" is complete
    return {
        "folder": folder,
        "order": [o.article_id for o in outcomes],
        "failed": {o.article_id: o.error for o in outcomes if o.rows is None},
    }


def read_partition(result: dict[str, Any]) -> list[Outcome]:
    """The outcomes of a finished partition, read back from its Parquet files, in article order."""
    import pyarrow.parquet as pq

    folder = Path(result["folder"])
    per_article: dict[str, dict[str, list[Row]]] = defaultdict(lambda: {n: [] for n in WRITE_ORDER})
    for name in WRITE_ORDER:
        for row in pq.read_table(folder / f"{name}.parquet").to_pylist():
            if name == "measures":
                continue
            owner = row["id"] if name == "articles" else row["article_id"]
            per_article[owner][name].append(row)
    measures = {r["key"]: r for r in pq.read_table(folder / "measures.parquet").to_pylist()}
    out = []
    for article_id in result["order"]:
        if article_id in result["failed"]:
            out.append(Outcome(article_id, None, result["failed"][article_id]))
            continue
        rows = per_article[article_id]
        keys = dict.fromkeys(o["measure_key"] for o in rows["observations"])
        rows["measures"] = [measures[k] for k in keys]
        out.append(Outcome(article_id, rows))
    return out


def run_dask(
    ingest: Ingest,
    sources: Iterable[str],
    scheduler: str,
    parquet_dir: str | os.PathLike[str],
    partition_size: int = DEFAULT_PARTITION_SIZE,
    max_inflight: int | None = None,
) -> IngestStats:
    """Ingest on the Dask cluster at ``scheduler`` (``tcp://host:8786``), merging partitions as they end."""
    try:
        from distributed import Client, wait
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise RuntimeError(
            "the Dask engine needs dask and distributed: pip install 'claimledger[dask]'"
        ) from None
    options = ingest.options
    run = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    base = Path(parquet_dir).resolve()
    base.mkdir(parents=True, exist_ok=True)
    with Client(scheduler, timeout="30s") as client:
        client.register_plugin(_plugin_class()(options.model))
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        limit = max_inflight or workers * 2
        inflight: list[Any] = []

        def merge_first_done() -> None:
            done, _ = wait(inflight, return_when="FIRST_COMPLETED")
            # merge in submission order among the finished ones, for a steady, repeatable ledger
            for future in [f for f in inflight if f in done]:
                inflight.remove(future)
                ingest.write(read_partition(future.result()))

        for n, batch in enumerate(_batches(ingest.pending(sources), partition_size)):
            folder = str(base / f"part-{run}-{n:05d}")
            inflight.append(
                client.submit(analyse_partition, batch, folder, options.model, options.batch_size, pure=False)
            )
            while len(inflight) >= limit:
                merge_first_done()
        while inflight:
            merge_first_done()
    return ingest.finish()
