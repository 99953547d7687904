"""Write query results as a table (rich), JSON, JSON Lines or CSV: the shared ``--format`` of the commands.

>>> import io
>>> out = io.StringIO()
>>> write_rows([{"a": 1, "b": "x"}], "csv", out)
>>> out.getvalue().splitlines()
['a,b', '1,x']
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMATS = ("table", "json", "jsonl", "csv")
# Cells wider than this are cut in the table view (the JSON and CSV keep everything).
MAX_CELL = 90


def _cell(value: Any, width: int = MAX_CELL) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:.6g}"
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def write_rows(
    rows: Iterable[dict[str, Any]],
    fmt: str,
    out: TextIO,
    columns: Sequence[str] | None = None,
    title: str | None = None,
) -> None:
    """Write ``rows`` to ``out`` in ``fmt`` (table, json, jsonl or csv); ``columns`` picks and orders them."""
    rows = list(rows)
    cols = list(columns) if columns else (list(rows[0]) if rows else [])
    if fmt == "json":
        out.write(
            json.dumps([{c: r.get(c) for c in cols} for r in rows], ensure_ascii=False, indent=1) + "\n"
        )
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps({c: r.get(c) for c in cols}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(cols)
        for r in rows:
            writer.writerow(["" if r.get(c) is None else r.get(c) for c in cols])
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False, header_style="bold")
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(_cell(r.get(c)) for c in cols))
        console = Console(file=out, width=None if out.isatty() else 200, markup=False, highlight=False)
        console.print(table)
    else:
        raise ValueError(f"unknown format '{fmt}' (known: {', '.join(FORMATS)})")
