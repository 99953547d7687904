"""Small articles written for the ledger tests, and the backend fixture both ledger suites share.

The articles are short on purpose (the model reads ~10 articles a second): a pair that
corroborates, one that contradicts, one about another company and place, one about
another period, and filler articles with figures for the ingest tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.pg import create_database

PUBLISHED = "2016-04-27"

# (id, source, text): the same measure "worker in ohio" for Acme, on the same day.
CROSS_SOURCE = [
    ("acme-daily", "Daily Planet", "Acme Corp said it employs 5,200 workers in Ohio."),
    ("acme-ledger", "Ohio Ledger", "Acme Corp employs about 5,000 workers in Ohio, a spokeswoman said."),
    ("acme-union", "Union Gazette", "Acme Corp now employs 9,000 workers in Ohio, the union said."),
    ("globex-texas", "Daily Planet", "Globex Inc said it employs 300 workers in Texas."),
    ("acme-2014", "Ohio Ledger", "Acme Corp employed 7,000 workers in Ohio in 2014, the company said."),
]

_TOWNS = ["Springfield", "Riverton", "Lakeside", "Hillview", "Brookfield", "Fairmont"]


def cross_source_records() -> list[dict[str, Any]]:
    return [
        {"id": i, "title": None, "text": text, "published": PUBLISHED, "source": source, "url": None}
        for i, source, text in CROSS_SOURCE
    ]


def filler_records(n: int = 30) -> list[dict[str, Any]]:
    """``n`` short, distinct articles with a figure or two each."""
    out = []
    for i in range(n):
        town = _TOWNS[i % len(_TOWNS)]
        text = (
            f"The council of {town} said {120 + i * 7} homes were connected to the water network, "
            f"up from {80 + i} a year earlier. The project cost ${2 + i % 5} million, officials said."
        )
        out.append(
            {
                "id": f"water-{i:02d}",
                "title": f"{town} water network grows",
                "text": text,
                "published": f"2021-07-{1 + i % 28:02d}",
                "source": "Regional Wire",
                "url": None,
            }
        )
    return out


def write_jsonl(path: Path, records: list[dict[str, Any]], bad_lines: int = 0) -> Path:
    lines = [json.dumps(r) for r in records] + ["{not json"] * bad_lines
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty ledger on each backend: a SQLite file, and a fresh database on the test PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    server = request.getfixturevalue("postgres_url")
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    return create_database(server, name)


def test_records_are_distinct() -> None:
    records = filler_records() + cross_source_records()
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) == len(records)
