"""An article's :class:`~claimledger.model.Analysis` rebuilt from its ledger rows.

The article page and ``/api/articles/{id}`` show a stored article exactly as a freshly
checked one: the same typed objects, the same SPEC JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from claimledger.model import (
    Analysis,
    Article,
    Attribution,
    Change,
    Check,
    Claim,
    Interval,
    Quantity,
    Signal,
    Speaker,
    Statement,
    TextSpan,
    TimeExpression,
)
from claimledger.serve.ledger_queries import LedgerReader, Row


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _number_key(item_id: str) -> tuple[int, str]:
    digits = "".join(ch for ch in item_id if ch.isdigit())
    return (int(digits) if digits else 0, item_id)


def _interval(row: Row, prefix: str) -> Interval | None:
    low, high, value = row[f"{prefix}_low"], row[f"{prefix}_high"], row[f"{prefix}_value"]
    if low is None and high is None and value is None:
        return None
    return Interval(low=low, high=high, value=value)


def _quantity(r: Row) -> Quantity:
    return Quantity(id=r["id"], text=r["text"], start=r["start"], end=r["end"], kind=r["kind"], value=r["value"],
                    low=r["low"], high=r["high"], approximate=bool(r["approximate"]), qualifier=r["qualifier"],
                    unit=r["unit"], per=r["per"], counted=r["counted"])


def _claim(r: Row, quantity_ids: tuple[str, ...], article_id: str) -> Claim:
    time = None
    if r["time_text"]:
        time = TimeExpression(text=r["time_text"], start_date=_date(r["start_date"]), end_date=_date(r["end_date"]))
    change = None
    if r["change_direction"]:
        change = Change(direction=r["change_direction"], from_=r["change_from"], to=r["change_to"],
                        by=r["change_by"], period=r["change_period"])
    signals = tuple(Signal.from_dict(s) for s in json.loads(r["signals"] or "[]"))
    return Claim(
        id=r["id"],
        sentence=TextSpan(r["sentence"] or "", r["start"], r["end"]),
        quantity_ids=quantity_ids,
        attribution=Attribution(type=r["attribution_type"] or "author", speaker=r["speaker"],
                                description=r["speaker_description"], cue=r["cue"]),
        measure=r["measure"],
        time=time,
        change=change,
        signals=signals,
        article_id=article_id,
    )


def _statement(r: Row) -> Statement:
    cue = TextSpan(r["cue"], r["cue_start"], r["cue_start"] + len(r["cue"])) if r["cue"] is not None else None
    source = None
    if r["source_text"] is not None and r["source_start"] is not None:
        source = TextSpan(r["source_text"], r["source_start"], r["source_start"] + len(r["source_text"]))
    return Statement(id=r["id"], type=r["type"], speaker=r["speaker"],
                     content=TextSpan(r["content"] or "", r["start"], r["end"]), cue=cue, source=source)


def analysis_from_ledger(reader: LedgerReader, article_id: str) -> Analysis | None:
    """The analysis of the article ``article_id`` as the ledger holds it, or None if there is no such article.

    Cross-source checks are not part of it (their figures belong to two articles); see
    :meth:`LedgerReader.cross_checks_of`.
    """
    row = reader.article(article_id)
    if row is None:
        return None
    article = Article(id=row["id"], text=row["text"] or "", title=row["title"] or None,
                      published=_date(row["published"]), source=row["source"], url=row["url"],
                      language=row["language"] or "en")
    rows = reader.article_rows(article_id)
    quantities = tuple(_quantity(r) for r in rows["quantities"])
    ids_of: dict[str, list[str]] = {}
    for r in rows["quantities"]:
        if r["claim_uid"]:
            ids_of.setdefault(r["claim_uid"], []).append(r["id"])
    claims = tuple(_claim(r, tuple(ids_of.get(r["uid"], ())), article_id) for r in rows["claims"])
    checks = tuple(
        Check(id=r["id"], kind=r["kind"], quantity_ids=tuple(json.loads(r["quantity_ids"] or "[]")),
              stated=_interval(r, "stated"), computed=_interval(r, "computed"), verdict=r["verdict"],
              explanation=r["explanation"] or "")
        for r in sorted(rows["checks"], key=lambda r: _number_key(r["id"]))
    )
    speakers = tuple(
        Speaker(name=r["name"], kind=r["kind"] or "unknown", description=r["description"],
                mentions=tuple(TextSpan.from_dict(m) for m in json.loads(r["mentions"] or "[]")))
        for r in sorted(rows["speakers"], key=lambda r: _number_key(r["uid"].rsplit("/", 1)[-1]))
    )
    signals = tuple(Signal(type=r["type"], text=r["text"], start=r["start"], end=r["end"]) for r in rows["signals"])
    return Analysis(
        article=article,
        quantities=quantities,
        claims=claims,
        checks=checks,
        statements=tuple(_statement(r) for r in rows["statements"]),
        speakers=speakers,
        signals=signals,
    )
