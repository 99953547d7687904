"""Export ledger tables as CSV, JSON Lines or Parquet: one file per table.

Parquet columns take their types from the schema source (text, 64-bit integers, doubles,
booleans; dates and JSON as text), so an empty column still has its type.

>>> from claimledger.store.ledger import open_ledger
>>> import io
>>> out = io.StringIO()
>>> export_table(open_ledger("sqlite:///:memory:"), "articles", "csv", out)
0
>>> out.getvalue().split(",")[:3]
['id', 'title', 'text']
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import IO, Any

from claimledger.store.queries import Queries
from claimledger.store.schema import TABLE_NAMES, Table, table

EXPORT_FORMATS = ("csv", "jsonl", "parquet")
_SUFFIX = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}


def arrow_schema(t: Table) -> Any:
    """The pyarrow schema of a table, from its column types."""
    import pyarrow as pa

    types = {
        "text": pa.string(),
        "integer": pa.int64(),
        "real": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.string(),
        "json": pa.string(),
        "serial": pa.int64(),
    }
    return pa.schema([pa.field(c.name, types[c.type]) for c in t.columns])


def _parquet_value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "boolean":
        return bool(value)
    if kind in ("integer", "serial"):
        return int(value)
    if kind == "real":
        return float(value)
    return str(value)


def write_parquet(rows: list[dict[str, Any]], t: Table, path: str | os.PathLike[str]) -> None:
    """Write rows of table ``t`` to one Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {c.name: c.type for c in t.columns}
    columns = {c: [_parquet_value(r.get(c), kinds[c]) for r in rows] for c in t.column_names}
    pq.write_table(pa.table(columns, schema=arrow_schema(t)), path)


def export_table(ledger: Queries, name: str, fmt: str, out: IO[Any] | str | os.PathLike[str]) -> int:
    """Write every row of table ``name`` to ``out`` (a text stream or a path); return the count."""
    t = table(name)
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format '{fmt}' (known: {', '.join(EXPORT_FORMATS)})")
    if fmt == "parquet":
        if not isinstance(out, str | os.PathLike):
            raise ValueError("Parquet is written to a file: give a path")
        rows = list(ledger.rows(name))
        write_parquet(rows, t, out)
        return len(rows)
    if isinstance(out, str | os.PathLike):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return export_table(ledger, name, fmt, stream)
    count = 0
    writer = csv.writer(out) if fmt == "csv" else None
    if writer:
        writer.writerow(t.column_names)
    for row in ledger.rows(name):
        count += 1
        if writer:
            writer.writerow(["" if row[c] is None else row[c] for c in t.column_names])
        else:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return count


def export_all(
    ledger: Queries, fmt: str, directory: str | os.PathLike[str], tables: tuple[str, ...] = TABLE_NAMES
) -> dict[str, Path]:
    """Export each table to ``directory/<table>.<format>``; returns the files written."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in tables:
        path = folder / f"{name}{_SUFFIX[fmt]}"
        export_table(ledger, name, fmt, path)
        written[name] = path
    return written
