"""The ledger on both backends (SQLite and a real PostgreSQL): schema, migrations, writes, idempotent ingest,
replacement, rejects, full-text search and the queries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.store import (
    TABLE_NAMES,
    TABLES,
    IngestOptions,
    Migration,
    connect,
    current_version,
    datasette_metadata,
    ingest,
    migrate,
    open_ledger,
    postgres_ddl,
    sqlite_ddl,
)
from claimledger.store.rows import analysis_rows, check_columns
from tests.pg import postgres_url  # noqa: F401  (the session's PostgreSQL server)
from tests.test_ledger_articles import (
    PUBLISHED,
    cross_source_records,
    filler_records,
    ledger_url,  # noqa: F401  (the backend fixture)
    write_jsonl,
)

pytestmark = pytest.mark.model


def test_one_schema_source_describes_every_column() -> None:
    for t in TABLES:
        assert t.description
        for column in t.columns:
            assert column.description, f"{t.name}.{column.name} has no description"
    sqlite, postgres = "\n".join(sqlite_ddl()), "\n".join(postgres_ddl())
    for name in TABLE_NAMES:
        assert f'CREATE TABLE "{name}"' in sqlite and f'CREATE TABLE "{name}"' in postgres
    assert 'USING FTS5 ("title", "text", content="articles")' in sqlite
    assert 'USING FTS5 ("sentence", content="claims")' in sqlite
    assert "to_tsvector('english'" in postgres and "USING GIN (search)" in postgres
    meta = datasette_metadata("ledger")["databases"]["ledger"]["tables"]
    assert meta["articles"]["fts_table"] == "articles_fts"
    assert meta["quantities"]["columns"]["counted"].startswith("What is counted")


def test_migrations_are_versioned_and_apply_once(tmp_path: Path) -> None:
    db = connect(f"sqlite:///{tmp_path / 'm.db'}")
    assert migrate(db) == [1] and current_version(db) == 1
    v2 = Migration(
        2,
        "index quantities by unit",
        lambda dialect: ['CREATE INDEX "idx_quantities_unit" ON "quantities" ("unit")'],
    )
    from claimledger.store.migrations import MIGRATIONS

    assert migrate(db, (*MIGRATIONS, v2)) == [2]
    assert migrate(db, (*MIGRATIONS, v2)) == []
    assert current_version(db) == 2
    with pytest.raises(RuntimeError, match="newer than this claimledger knows"):
        migrate(db)


def test_rows_follow_the_schema(gold_analyses) -> None:
    for _, _, analysis in gold_analyses:
        check_columns(analysis_rows(analysis))


def test_gold_analyses_written_on_both_backends(ledger_url: str, gold_analyses) -> None:  # noqa: F811
    with open_ledger(ledger_url) as ledger:
        for _, _, analysis in gold_analyses:
            ledger.write(analysis)
        for _, _, analysis in gold_analyses[:3]:  # writing again replaces, adds nothing
            ledger.write(analysis)
        ledger.relink()
        counts = ledger.counts()
    assert counts["articles"] == len(gold_analyses)
    assert counts["quantities"] == sum(len(a.quantities) for _, _, a in gold_analyses)
    assert counts["claims"] == sum(len(a.claims) for _, _, a in gold_analyses)
    assert counts["statements"] == sum(len(a.statements) for _, _, a in gold_analyses)
    within = sum(len(a.checks) for _, _, a in gold_analyses)
    assert counts["checks"] >= within
    assert counts["observations"] > 0 and counts["measures"] > 0
    with open_ledger(ledger_url) as ledger:
        seed = ledger.claims(article="seed-foreign-fighters", speaker="Clapper")
        assert seed and all("Clapper" in row["speaker"] for row in seed)
        assert [r["id"] for r in ledger.search("foreign fighters")][:1] == ["seed-foreign-fighters"]
        fighters = ledger.measures(search="foreign fighter")
        assert fighters, "the seed article's foreign fighters are a measure"
        timeline = ledger.timeline(fighters[0]["key"])
        assert timeline["observations"][0]["article_id"] == "seed-foreign-fighters"


def test_ingest_is_idempotent_replaces_changes_and_records_rejects(ledger_url: str, tmp_path: Path) -> None:  # noqa: F811
    records = filler_records(4) + cross_source_records()
    source = write_jsonl(tmp_path / "news.jsonl", records, bad_lines=1)
    first = ingest([source], ledger_url)
    assert (first.new, first.unchanged, first.rejected) == (len(records), 0, 1)
    counts = first.counts
    assert counts["rejects"] == 1 and counts["articles"] == len(records)

    again = ingest([source], ledger_url)
    assert (again.written, again.unchanged) == (0, len(records))
    assert again.counts == counts, "a second ingest adds nothing"

    records[0] = {**records[0], "text": records[0]["text"] + " A further 12 pumps were installed."}
    write_jsonl(source, records, bad_lines=1)
    changed = ingest([source], ledger_url)
    assert (changed.new, changed.replaced, changed.unchanged) == (0, 1, len(records) - 1)
    assert changed.counts["articles"] == counts["articles"]
    assert changed.counts["quantities"] == counts["quantities"] + 1
    with open_ledger(ledger_url) as ledger:
        [reject] = list(ledger.rows("rejects"))
        assert reject["record"].endswith("news.jsonl:" + str(len(records) + 1))
        assert "not valid JSON" in reject["reason"]


def test_cross_source_corroboration_and_contradiction(ledger_url: str, tmp_path: Path) -> None:  # noqa: F811
    source = write_jsonl(tmp_path / "acme.jsonl", cross_source_records())
    stats = ingest([source], ledger_url, IngestOptions(workers=1))
    assert stats.cross_source == 3
    with open_ledger(ledger_url) as ledger:
        found = {(r["article_id"], r["other_article_id"]): r for r in ledger.cross_source(limit=None)}
        timeline = ledger.timeline("worker in ohio")
        contradicted = ledger.claims(verdict="inconsistent")
    assert found[("acme-daily", "acme-ledger")]["verdict"] == "consistent"
    assert found[("acme-daily", "acme-union")]["verdict"] == "inconsistent"
    assert found[("acme-ledger", "acme-union")]["verdict"] == "inconsistent"
    explanation = found[("acme-daily", "acme-union")]["explanation"]
    assert "Daily Planet" in explanation and "Union Gazette" in explanation
    assert "5,200" in explanation and "9,000" in explanation
    # Globex (another company, another place) and Acme in 2014 (another period) are never compared
    assert not any("globex-texas" in pair or "acme-2014" in pair for pair in found)
    assert next(o["article_id"] for o in timeline["observations"]) == "acme-2014"
    assert {o["source"] for o in timeline["observations"]} == {"Daily Planet", "Ohio Ledger", "Union Gazette"}
    assert {c["article_id"] for c in contradicted} == {"acme-daily", "acme-ledger", "acme-union"}
    assert all(
        PUBLISHED in o["start_date"] or o["article_id"] == "acme-2014" for o in timeline["observations"]
    )


def test_export_rows_are_json_safe(ledger_url: str, tmp_path: Path) -> None:  # noqa: F811
    source = write_jsonl(tmp_path / "acme.jsonl", cross_source_records()[:2])
    ingest([source], ledger_url)
    with open_ledger(ledger_url) as ledger:
        for name in TABLE_NAMES:
            for row in ledger.rows(name, batch=2):
                json.dumps(row)


def _links(ledger) -> tuple[list, list, dict, list]:
    observations = [tuple(sorted(r.items())) for r in ledger.rows("observations")]  # in key order
    measures = [tuple(sorted(r.items())) for r in ledger.rows("measures")]
    claims = {r["uid"]: r["measure_key"] for r in ledger.rows("claims")}
    checks = [tuple(sorted(r.items())) for r in ledger.rows("checks")]
    return observations, measures, claims, checks


def test_relink_recomputes_measure_keys_from_stored_rows(ledger_url: str, gold_analyses) -> None:  # noqa: F811
    with open_ledger(ledger_url) as ledger:
        for _, _, analysis in gold_analyses:
            ledger.write(analysis)
        checks = ledger.relink()
        before = _links(ledger)
        assert before[0], "the gold articles have observations"
        # rekeying with the same normaliser gives the same links as the ingest did
        assert ledger.relink(rekey=True) == checks
        assert _links(ledger) == before
        # links lost or stale (an older normaliser) are rebuilt from claims and quantities alone
        ledger.db.execute('DELETE FROM "checks" WHERE "kind" = ?', ("cross_source",))
        ledger.db.execute('DELETE FROM "observations"')
        ledger.db.execute('UPDATE "claims" SET "measure_key" = NULL')
        ledger.db.execute('DELETE FROM "measures"')
        ledger.relink(rekey=True)
        assert _links(ledger) == before
