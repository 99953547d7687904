"""A small ledger for the web tests: the seed article, a measure followed over time by several outlets (with a
contradiction), the Acme workers of the ledger tests, and a hostile article whose text and title carry markup."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
SEED = HERE.parent / "fixtures" / "gold" / "seed-article.txt"
SEED_PUBLISHED = "2016-04-27"
SEED_ID = "seed-foreign-fighters"
HOSTILE_ID = "hostile-budget"
FIGHTERS = "foreign fighter in iraq and syria"

# (id, published, source, text): totals of foreign fighters in Iraq and Syria over time, one contradiction.
FIGHTER_TOTALS = [
    ("fighters-2015-01", "2015-01-20", "The Guardian",
     "About 20,000 foreign fighters have traveled to Iraq and Syria, officials said."),
    ("fighters-2015-09", "2015-09-28", "New York Times",
     "Nearly 30,000 foreign fighters have traveled to Iraq and Syria, intelligence officials said."),
    ("fighters-2016-02", "2016-02-29", "Monitor Weekly",
     "In February, only 12,000 foreign fighters had joined the Islamic State in Iraq and Syria, "
     "a monitoring group said."),
    ("fighters-2016-02b", "2016-02-26", "Daily Planet",
     "In February, some 36,000 foreign fighters had joined the Islamic State in Iraq and Syria, officials said."),
    ("fighters-2016-09", "2016-09-01", "Reuters",
     "More than 40,000 foreign fighters have traveled to Iraq and Syria, officials said."),
]
ACME = [
    ("acme-daily", "Daily Planet", "Acme Corp said it employs 5,200 workers in Ohio."),
    ("acme-ledger", "Ohio Ledger", "Acme Corp employs about 5,000 workers in Ohio, a spokeswoman said."),
    ("acme-union", "Union Gazette", "Acme Corp now employs 9,000 workers in Ohio, the union said."),
]


def records() -> list[dict[str, Any]]:
    """The articles of the web tests' ledger, as ingest records."""
    from claimledger.ingest import article_from_text

    seed = article_from_text(SEED.read_text(encoding="utf-8"), id=SEED_ID)
    hostile = article_from_text((HERE / "hostile-article.txt").read_text(encoding="utf-8"), id=HOSTILE_ID)
    out: list[dict[str, Any]] = [
        {"id": SEED_ID, "title": seed.title, "text": seed.text, "published": SEED_PUBLISHED, "source": "Breitbart"},
        {"id": HOSTILE_ID, "title": hostile.title, "text": hostile.text, "published": "2016-05-02",
         "source": "<b>Hostile</b> Times"},
    ]
    out += [{"id": i, "title": None, "text": t, "published": d, "source": s} for i, d, s, t in FIGHTER_TOTALS]
    out += [{"id": i, "title": None, "text": t, "published": SEED_PUBLISHED, "source": s} for i, s, t in ACME]
    return out


def build_ledger(folder: Path, url: str | None = None) -> str:
    """Ingest :func:`records` into the ledger at ``url`` (default: a new SQLite file in ``folder``); returns its URL."""
    from claimledger.store import ingest

    source = folder / "web.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records()) + "\n", encoding="utf-8")
    url = url or f"sqlite:///{folder / 'ledger.db'}"
    ingest([str(source)], url)
    return url
