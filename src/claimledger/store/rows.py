"""An analysis as ledger rows: one dict per row, keyed by table, with the columns of the schema.

Pure functions: no database, so the same rows go into SQLite, PostgreSQL or Parquet.

>>> from claimledger.model import Analysis, Article
>>> rows = analysis_rows(Analysis(Article(id="a1", text="Nothing.", title="T")), "h", "2024-01-01T00:00:00")
>>> rows["articles"][0]["id"], rows["articles"][0]["content_hash"], rows["claims"]
('a1', 'h', [])
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from claimledger.link.observe import main_measure, observations_of, uid
from claimledger.model import Analysis, Article
from claimledger.store.schema import TABLES

Row = dict[str, Any]
# The order rows are written in, so every foreign key finds its row.
WRITE_ORDER = (
    "articles",
    "measures",
    "claims",
    "quantities",
    "checks",
    "statements",
    "speakers",
    "signals",
    "observations",
)


def content_hash(article: Article) -> str:
    """SHA-256 of an article's title, text and publication date: what makes it "the same content".

    >>> from claimledger.model import Article
    >>> content_hash(Article(id="a", text="x")) == content_hash(Article(id="b", text="x"))
    True
    """
    published = article.published.isoformat() if article.published else ""
    payload = "\x1f".join((article.title or "", article.text, published))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def now() -> str:
    """The current UTC time, ISO 8601, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def analysis_rows(
    analysis: Analysis, hash_: str | None = None, ingested_at: str | None = None
) -> dict[str, list[Row]]:
    """Every row the article's analysis adds to the ledger, by table (measures included, deduplicated)."""
    a = analysis.article
    aid = a.id
    sightings = observations_of(analysis)
    claim_of = {q: c.id for c in analysis.claims for q in c.quantity_ids}
    rows: dict[str, list[Row]] = {name: [] for name in WRITE_ORDER}
    rows["articles"].append(
        {
            "id": aid,
            "title": a.title,
            "text": a.text,
            "published": _date(a.published),
            "source": a.source,
            "url": a.url,
            "language": a.language,
            "content_hash": hash_ or content_hash(a),
            "ingested_at": ingested_at or now(),
        }
    )
    seen_measures: set[str] = set()
    for s in sightings:
        m = s.measure
        if m.key not in seen_measures:
            seen_measures.add(m.key)
            rows["measures"].append(
                {
                    "key": m.key,
                    "label": m.label,
                    "counted": m.counted,
                    "place": m.place,
                    "per": m.per,
                    "unit": m.unit,
                    "observations": None,
                    "articles": None,
                    "sources": None,
                }
            )
    for c in analysis.claims:
        change = c.change
        rows["claims"].append(
            {
                "uid": uid(aid, c.id),
                "article_id": aid,
                "id": c.id,
                "sentence": c.sentence.text,
                "start": c.sentence.start,
                "end": c.sentence.end,
                "attribution_type": c.attribution.type,
                "speaker": c.attribution.speaker,
                "speaker_description": c.attribution.description,
                "cue": c.attribution.cue,
                "measure": c.measure,
                "measure_key": main_measure(sightings, c.id),
                "time_text": c.time.text if c.time else None,
                "start_date": _date(c.time.start_date) if c.time else None,
                "end_date": _date(c.time.end_date) if c.time else None,
                "change_direction": change.direction if change else None,
                "change_from": change.from_ if change else None,
                "change_to": change.to if change else None,
                "change_by": change.by if change else None,
                "change_period": change.period if change else None,
                "signals": json.dumps([s.to_dict() for s in c.signals], ensure_ascii=False),
            }
        )
    for q in analysis.quantities:
        claim_id = claim_of.get(q.id)
        rows["quantities"].append(
            {
                "uid": uid(aid, q.id),
                "article_id": aid,
                "claim_uid": uid(aid, claim_id) if claim_id else None,
                "id": q.id,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "value": q.value,
                "low": q.low,
                "high": q.high,
                "approximate": bool(q.approximate),
                "qualifier": q.qualifier,
                "unit": q.unit,
                "per": q.per,
                "counted": q.counted,
            }
        )
    for k in analysis.checks:
        stated, computed = k.stated, k.computed
        rows["checks"].append(
            {
                "uid": uid(aid, k.id),
                "article_id": aid,
                "id": k.id,
                "kind": k.kind,
                "quantity_ids": json.dumps(list(k.quantity_ids)),
                "stated_value": stated.value if stated else None,
                "stated_low": stated.low if stated else None,
                "stated_high": stated.high if stated else None,
                "computed_value": computed.value if computed else None,
                "computed_low": computed.low if computed else None,
                "computed_high": computed.high if computed else None,
                "verdict": k.verdict,
                "explanation": k.explanation,
                "measure_key": None,
                "other_article_id": None,
            }
        )
    document = analysis.document
    for st in analysis.statements:
        rows["statements"].append(
            {
                "uid": uid(aid, st.id),
                "article_id": aid,
                "id": st.id,
                "type": st.type,
                "speaker": st.speaker,
                "start": st.content.start,
                "end": st.content.end,
                "content": st.content.text or document[st.content.start : st.content.end],
                "cue": st.cue.text if st.cue else None,
                "cue_start": st.cue.start if st.cue else None,
                "source_text": st.source.text if st.source else None,
                "source_start": st.source.start if st.source else None,
            }
        )
    for n, sp in enumerate(analysis.speakers):
        rows["speakers"].append(
            {
                "uid": uid(aid, f"p{n}"),
                "article_id": aid,
                "name": sp.name,
                "kind": sp.kind,
                "description": sp.description,
                "mentions": json.dumps([m.to_dict() for m in sp.mentions], ensure_ascii=False),
            }
        )
    for n, sg in enumerate(analysis.signals):
        rows["signals"].append(
            {
                "uid": uid(aid, f"s{n}"),
                "article_id": aid,
                "type": sg.type,
                "text": sg.text,
                "start": sg.start,
                "end": sg.end,
            }
        )
    for s in sightings:
        o = s.observation
        rows["observations"].append(
            {
                "uid": uid(aid, o.quantity_id),
                "measure_key": o.measure_key,
                "article_id": aid,
                "claim_uid": uid(aid, s.claim_id),
                "quantity_uid": uid(aid, o.quantity_id),
                "value": o.value,
                "low": o.low,
                "high": o.high,
                "period": o.period,
                "start_date": _date(o.start_date),
                "end_date": _date(o.end_date),
                "speaker": o.speaker,
                "source": o.source,
            }
        )
    return rows


def check_columns(rows: dict[str, list[Row]]) -> None:
    """Raise ``ValueError`` if a row's columns differ from its table's (a guard for the schema source)."""
    for t in TABLES:
        for row in rows.get(t.name, ()):
            if list(row) != t.column_names:
                raise ValueError(
                    f"rows for table '{t.name}' have columns {list(row)}, the schema has {t.column_names}"
                )
