"""The ledger's query commands on a small real ledger: measures, timeline (table and chart), claims,
cross-source, export and datasette-metadata; and that every command and table is documented."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.ledger_cli import COMMANDS
from claimledger.store import TABLES, ingest
from tests.test_ledger_articles import cross_source_records, write_jsonl

pytestmark = pytest.mark.model
DOCS = Path(__file__).resolve().parents[1] / "docs" / "ledger.md"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("ledger")
    source = write_jsonl(folder / "acme.jsonl", cross_source_records())
    url = f"sqlite:///{folder / 'claimledger.db'}"
    ingest([source], url)
    return url


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_measures(db: str) -> None:
    rows = json.loads(run("measures", "--db", db, "--format", "json"))
    assert rows[0]["label"] == "worker in ohio" and rows[0]["observations"] == 4 and rows[0]["sources"] == 3
    assert (
        json.loads(run("measures", "--db", db, "--format", "json", "--search", "texas"))[0]["articles"] == 1
    )
    assert "worker in ohio" in run("measures", "--db", db)


def test_timeline_table_json_and_charts(db: str, tmp_path: Path) -> None:
    table = run("timeline", "worker in ohio", "--db", db)
    assert "Union Gazette" in table and "[inconsistent]" in table
    data = json.loads(run("timeline", "worker|ohio||count|", "--db", db, "--format", "json"))
    assert next(o["figure"] for o in data["observations"]) == "7,000"
    assert len(data["checks"]) == 3
    for name in ("timeline.png", "timeline.svg"):
        run("timeline", "worker in ohio", "--db", db, "--plot", str(tmp_path / name), "--format", "csv")
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "timeline.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in (tmp_path / "timeline.svg").read_bytes()[:400]


def test_relink_recomputes_the_links(db: str) -> None:
    before = json.loads(run("measures", "--db", db, "--format", "json"))
    result = CliRunner().invoke(main, ["relink", "--db", db], catch_exceptions=False)
    assert result.exit_code == 0 and "3 cross_source checks" in result.output
    assert json.loads(run("measures", "--db", db, "--format", "json")) == before


def test_timeline_of_an_unknown_measure_says_so(db: str) -> None:
    result = CliRunner().invoke(main, ["timeline", "unicorn sightings", "--db", db])
    assert result.exit_code != 0 and "no measure matches 'unicorn sightings'" in result.output


def test_claims_filters(db: str) -> None:
    rows = list(
        csv.DictReader(io.StringIO(run("claims", "--db", db, "--verdict", "inconsistent", "--format", "csv")))
    )
    assert {r["article_id"] for r in rows} == {"acme-daily", "acme-ledger", "acme-union"}
    rows = json.loads(run("claims", "--db", db, "--article", "globex-texas", "--format", "json"))
    assert [r["figures"] for r in rows] == ["300"]
    rows = json.loads(
        run("claims", "--db", db, "--measure", "worker in ohio", "--format", "json", "--limit", "2")
    )
    assert len(rows) == 2
    lines = run("cross-source", "--db", db, "--verdict", "inconsistent", "--format", "jsonl").splitlines()
    assert len(lines) == 2 and all("Union Gazette" in json.loads(line)["explanation"] for line in lines)


def test_export(db: str, tmp_path: Path) -> None:
    out = run("export", "--db", db, "--format", "jsonl", "--table", "observations")
    assert len(out.splitlines()) == 5
    run("export", "--db", db, "--format", "csv", "-o", str(tmp_path / "csv"))
    assert {p.stem for p in (tmp_path / "csv").iterdir()} == {t.name for t in TABLES}
    run(
        "export",
        "--db",
        db,
        "--format",
        "parquet",
        "--table",
        "quantities",
        "-o",
        str(tmp_path / "q.parquet"),
    )
    import pyarrow.parquet as pq

    quantities = pq.read_table(tmp_path / "q.parquet")
    assert quantities.num_rows == 5 and quantities.schema.field("low").type == "double"


def test_datasette_metadata(tmp_path: Path, db: str) -> None:
    run("datasette-metadata", "--db", db, "-o", str(tmp_path / "metadata.json"))
    meta = json.loads((tmp_path / "metadata.json").read_text())
    tables = meta["databases"]["claimledger"]["tables"]
    assert tables["claims"]["fts_table"] == "claims_fts"
    assert tables["observations"]["columns"]["period"]


def test_every_command_table_and_column_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"claimledger {command.name}" in text, (
            f"docs/ledger.md does not show `claimledger {command.name}`"
        )
    for t in TABLES:
        assert f"`{t.name}`" in text, f"docs/ledger.md does not describe table {t.name}"
        for column in t.columns:
            assert f"`{column.name}`" in text, f"docs/ledger.md does not describe {t.name}.{column.name}"
