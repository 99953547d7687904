"""`ingest --engine dask`: the same pipeline on a local Dask cluster of two worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.store import Ingest, open_ledger
from tests.test_ledger_articles import cross_source_records, filler_records, write_jsonl

pytestmark = pytest.mark.model


def test_dask_cluster_writes_parquet_merged_into_the_same_ledger(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="needs dask and distributed (the dask extra)")
    pytest.importorskip("pyarrow", reason="needs pyarrow (the parquet extra)")
    from claimledger.store.dask_engine import run_dask

    source = write_jsonl(tmp_path / "news.jsonl", filler_records(6) + cross_source_records(), bad_lines=1)
    local_url, dask_url = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    with open_ledger(local_url) as ledger:
        local = Ingest(ledger).run([str(source)])
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
        ) as cluster,
        open_ledger(dask_url) as ledger,
    ):
        stats = run_dask(
            Ingest(ledger), [str(source)], cluster.scheduler_address, tmp_path / "parts", partition_size=3
        )
        assert stats.counts == local.counts
        assert stats.cross_source == local.cross_source == 3
        again = run_dask(Ingest(ledger), [str(source)], cluster.scheduler_address, tmp_path / "parts")
        assert again.written == 0 and again.counts == local.counts
    parts = sorted((tmp_path / "parts").iterdir())
    assert len(parts) == 4 and all((p / "quantities.parquet").exists() for p in parts)
    assert not list((tmp_path / "parts").glob("*.partial"))
