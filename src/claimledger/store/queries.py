"""Questions a ledger answers: which measures, a measure's timeline, claims by speaker or verdict, raw rows.

Mixed into :class:`claimledger.store.ledger.Ledger`; every method returns plain dicts
(dates as ISO strings), the same from SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from claimledger.check import reading
from claimledger.model import Quantity
from claimledger.store.db import Database
from claimledger.store.schema import quote, table

Row = dict[str, Any]
_CHUNK = 500


def _reads(o: Row) -> tuple[float | None, float | None]:
    """The interval an observed figure stands for once rounding and approximators are allowed for."""
    q = Quantity(id="q", text=o["figure"], start=0, end=len(o["figure"]), kind=o["kind"], value=o["value"],
                 low=o["low"], high=o["high"], approximate=bool(o["approximate"]), qualifier=o["qualifier"],
                 unit=o["unit"], per=o["per"])
    interval = reading(q).to_interval()
    return interval.low, interval.high


class MeasureNotFound(LookupError):
    """No measure, or more than one, answers to the name given."""


class Queries:
    """Read-only queries over a ledger's :class:`~claimledger.store.db.Database` (``self.db``)."""

    db: Database

    def measures(self, search: str | None = None, limit: int | None = 50, min_articles: int = 1) -> list[Row]:
        """Measures, most observed first; ``search`` matches words of the label (case-insensitive).

        >>> from claimledger.store.ledger import open_ledger
        >>> open_ledger("sqlite:///:memory:").measures(search="fighter")
        []
        """
        where, params = ['coalesce("articles", 0) >= ?'], [min_articles]
        for word in (search or "").split():
            where.append('lower("label") LIKE ?')
            params.append(f"%{word.lower()}%")
        sql = (
            'SELECT "key", "label", "counted", "place", "per", "unit", "observations", "articles", "sources" '
            f'FROM "measures" WHERE {" AND ".join(where)} '
            'ORDER BY coalesce("observations", 0) DESC, coalesce("sources", 0) DESC, "key"'
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.db.query(sql, params)

    def measure(self, name: str) -> Row:
        """The measure whose key or label is ``name``, else the one whose label contains it.

        Raises :class:`MeasureNotFound` naming the candidates when none or several match.
        """
        cols = '"key", "label", "counted", "place", "per", "unit", "observations", "articles", "sources"'
        exact = self.db.query(
            f'SELECT {cols} FROM "measures" WHERE "key" = ? OR lower("label") = lower(?) '
            'ORDER BY "observations" DESC',
            (name, name),
        )
        if exact:
            return exact[0]
        found = self.measures(search=name, limit=6)
        if len(found) == 1:
            return found[0]
        if not found:
            raise MeasureNotFound(f"no measure matches '{name}'; list them with `claimledger measures`")
        shown = "; ".join(f"'{m['label']}'" for m in found[:5])
        raise MeasureNotFound(
            f"'{name}' matches several measures ({shown} ...); give the key or the full label"
        )

    def timeline(self, name: str) -> dict[str, Any]:
        """A measure's observations in time order with the cross_source checks between them.

        Returns ``{"measure": {...}, "observations": [...], "checks": [...]}``; each observation
        has its date range, period, figure as written, interval, speaker, outlet and article.
        """
        measure = self.measure(name)
        observations = self.db.query(
            'SELECT o."start_date", o."end_date", o."period", q."text" AS figure, o."value", o."low", '
            'o."high", o."speaker", o."source", o."article_id", a."title", a."published", c."sentence", '
            'o."uid", q."kind", q."qualifier", q."approximate", q."unit", q."per" '
            'FROM "observations" o JOIN "quantities" q ON q."uid" = o."quantity_uid" '
            'JOIN "articles" a ON a."id" = o."article_id" LEFT JOIN "claims" c ON c."uid" = o."claim_uid" '
            'WHERE o."measure_key" = ? ORDER BY o."start_date", o."end_date", o."article_id", o."uid"',
            (measure["key"],),
        )
        checks = self.db.query(
            'SELECT "article_id", "other_article_id", "verdict", "explanation", "quantity_ids" FROM "checks" '
            'WHERE "kind" = ? AND "measure_key" = ? ORDER BY "article_id", "uid"',
            ("cross_source", measure["key"]),
        )
        for check in checks:
            check["quantity_ids"] = json.loads(check["quantity_ids"])
        for o in observations:
            o["reads_low"], o["reads_high"] = _reads(o)
        return {"measure": measure, "observations": observations, "checks": checks}

    def cross_source(self, verdict: str | None = None, limit: int | None = 50) -> list[Row]:
        """cross_source checks, contradictions first, each with its measure's label."""
        sql = (
            'SELECT k."verdict", m."label" AS measure, k."article_id", k."other_article_id", k."explanation" '
            'FROM "checks" k LEFT JOIN "measures" m ON m."key" = k."measure_key" WHERE k."kind" = ?'
        )
        params: list[Any] = ["cross_source"]
        if verdict:
            sql += ' AND k."verdict" = ?'
            params.append(verdict)
        sql += ' ORDER BY k."verdict" DESC, m."observations" DESC, k."uid"'
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.db.query(sql, params)

    def claims(
        self,
        speaker: str | None = None,
        verdict: str | None = None,
        measure: str | None = None,
        article: str | None = None,
        limit: int | None = 50,
    ) -> list[Row]:
        """Claims with their figures, filtered by speaker (substring), check verdict, measure or article.

        >>> from claimledger.store.ledger import open_ledger
        >>> open_ledger("sqlite:///:memory:").claims(speaker="Clapper", verdict="inconsistent")
        []
        """
        where: list[str] = []
        params: list[Any] = []
        if speaker:
            where.append('lower(c."speaker") LIKE ?')
            params.append(f"%{speaker.lower()}%")
        if article:
            where.append('c."article_id" = ?')
            params.append(article)
        if measure:
            key = self.measure(measure)["key"]
            where.append('c."uid" IN (SELECT "claim_uid" FROM "observations" WHERE "measure_key" = ?)')
            params.append(key)
        verdicts: dict[str, set[str]] = {}
        if verdict:
            verdicts = self._claim_verdicts(verdict, article)
            if not verdicts:
                return []
        sql = (
            'SELECT c."uid", c."article_id", c."id", c."speaker", c."attribution_type", c."measure_key", '
            'c."time_text", c."sentence" FROM "claims" c'
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += ' ORDER BY c."article_id", c."start"'
        out: list[Row] = []
        for row in self.db.query(sql, params):
            if verdict and row["uid"] not in verdicts:
                continue
            out.append(row)
            if limit and len(out) >= limit:
                break
        figures = self._figures([r["uid"] for r in out])
        for row in out:
            row["figures"] = "; ".join(figures.get(row["uid"], []))
            if verdict:
                row["verdict"] = verdict
        return [
            {
                k: r[k]
                for k in (
                    "article_id",
                    "id",
                    "speaker",
                    "attribution_type",
                    "figures",
                    "measure_key",
                    "time_text",
                    "sentence",
                    *(("verdict",) if verdict else ()),
                )
            }
            for r in out
        ]

    def _claim_verdicts(self, verdict: str, article: str | None) -> dict[str, set[str]]:
        """Claim uid → the uids of checks with ``verdict`` that use one of its quantities."""
        sql = 'SELECT "uid", "article_id", "kind", "quantity_ids" FROM "checks" WHERE "verdict" = ?'
        params: list[Any] = [verdict]
        if article:
            sql += ' AND ("article_id" = ? OR "other_article_id" = ?)'
            params += [article, article]
        quantity_checks: dict[str, set[str]] = {}
        for check in self.db.query(sql, params):
            for qid in json.loads(check["quantity_ids"]):
                quid = qid if check["kind"] == "cross_source" else f"{check['article_id']}/{qid}"
                quantity_checks.setdefault(quid, set()).add(check["uid"])
        out: dict[str, set[str]] = {}
        uids = list(quantity_checks)
        for start in range(0, len(uids), _CHUNK):
            chunk = uids[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for row in self.db.query(
                f'SELECT "uid", "claim_uid" FROM "quantities" WHERE "uid" IN ({marks})', chunk
            ):
                if row["claim_uid"]:
                    out.setdefault(row["claim_uid"], set()).update(quantity_checks[row["uid"]])
        return out

    def _figures(self, claim_uids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for start in range(0, len(claim_uids), _CHUNK):
            chunk = claim_uids[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for row in self.db.query(
                f'SELECT "claim_uid", "text" FROM "quantities" WHERE "claim_uid" IN ({marks}) '
                'ORDER BY "claim_uid", "start"',
                chunk,
            ):
                out.setdefault(row["claim_uid"], []).append(" ".join(row["text"].split()))
        return out

    def rows(self, name: str, batch: int = 1000) -> Iterator[Row]:
        """Every row of a table, in key order, fetched ``batch`` at a time (no full load in memory)."""
        t = table(name)
        columns = ", ".join(quote(c) for c in t.column_names)
        key = quote(t.primary_key)
        last: Any = None
        while True:
            sql = f"SELECT {columns} FROM {quote(name)}"
            params: list[Any] = []
            if last is not None:
                sql += f" WHERE {key} > ?"
                params.append(last)
            rows = self.db.query(f"{sql} ORDER BY {key} LIMIT {int(batch)}", params)
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1][t.primary_key]

    def search(self, text: str, limit: int = 20) -> list[Row]:
        """Articles whose title or text match ``text`` by full-text search (FTS5 or tsvector)."""
        if self.db.dialect == "sqlite":
            sql = (
                'SELECT a."id", a."title", a."source", a."published" FROM "articles_fts" f '
                'JOIN "articles" a ON a.rowid = f.rowid WHERE "articles_fts" MATCH ? ORDER BY rank '
                f"LIMIT {int(limit)}"
            )
            return self.db.query(sql, (text,))
        sql = (
            'SELECT "id", "title", "source", "published" FROM "articles" '
            "WHERE search @@ plainto_tsquery('english', ?) "
            "ORDER BY ts_rank(search, plainto_tsquery('english', ?)) DESC, \"id\" "
            f"LIMIT {int(limit)}"
        )
        return self.db.query(sql, (text, text))
