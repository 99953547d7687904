"""The SQLite ledger opens as-is in Datasette: foreign-key links, full-text search, descriptions."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from claimledger.store import datasette_metadata, ingest
from tests.pg import free_port, wait_for_port
from tests.test_ledger_articles import cross_source_records, write_jsonl

pytestmark = pytest.mark.model


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=20) as response:
        return response.read().decode("utf-8")


def test_datasette_serves_tables_links_and_search(tmp_path: Path) -> None:
    pytest.importorskip("datasette", reason="needs datasette (the dev extra)")
    db = tmp_path / "claimledger.db"
    ingest([write_jsonl(tmp_path / "acme.jsonl", cross_source_records())], f"sqlite:///{db}")
    metadata = tmp_path / "metadata.json"
    metadata.write_text(json.dumps(datasette_metadata("claimledger")), encoding="utf-8")
    port = free_port()
    datasette = shutil.which("datasette", path=str(Path(sys.executable).parent)) or "datasette"
    server = subprocess.Popen(
        [datasette, "serve", str(db), "--metadata", str(metadata), "-h", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert wait_for_port(port, timeout=30), "datasette did not start"
        base = f"http://127.0.0.1:{port}/claimledger"
        page = fetch(f"{base}/quantities")
        assert "What is counted or measured" in page  # a column description from the metadata
        assert 'href="/claimledger/articles/acme-daily"' in page  # the foreign key is a link
        found = json.loads(fetch(f"{base}/articles.json?_search=Globex&_shape=array"))
        assert [row["id"] for row in found] == ["globex-texas"]
        claims = json.loads(fetch(f"{base}/claims.json?_search=union&_shape=array"))
        assert [row["article_id"] for row in claims] == ["acme-union"]
        observations = json.loads(fetch(f"{base}/observations.json?_shape=array&_labels=on"))
        assert observations and observations[0]["measure_key"]["label"] == "worker in ohio"
    finally:
        server.terminate()
        server.wait(timeout=20)
