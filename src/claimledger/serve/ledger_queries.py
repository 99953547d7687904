"""The web pages' read-only questions to the ledger, beyond those of :class:`claimledger.store.queries.Queries`.

Plain SQL against the ledger schema (:mod:`claimledger.store.schema`) that runs the same on
SQLite and PostgreSQL; every method returns plain dicts with dates as ISO strings.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from claimledger.store.db import Database
from claimledger.store.queries import Queries

Row = dict[str, Any]
PAGE_SIZE = 50
_WORD = re.compile(r"\w+", re.UNICODE)
_INCONSISTENT = (
    'EXISTS (SELECT 1 FROM "checks" k WHERE k."verdict" = \'inconsistent\' '
    'AND (k."article_id" = a."id" OR k."other_article_id" = a."id"))'
)


@dataclass(frozen=True)
class Page:
    """One page of rows and how many rows there are in all."""

    rows: list[Row]
    total: int
    offset: int
    limit: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


def fts_query(text: str) -> str | None:
    """A full-text query that cannot be a syntax error: each word of ``text`` as a quoted term.

    >>> fts_query('foreign "fighters" OR(')
    '"foreign" "fighters" "OR"'
    >>> fts_query("  ") is None
    True
    """
    words = _WORD.findall(text)
    return " ".join(f'"{w}"' for w in words) if words else None


class LedgerReader(Queries):
    """Read-only access to a ledger for the web pages and the JSON API."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> LedgerReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the whole ledger ---------------------------------------------------------------------

    def summary(self) -> Row:
        """How much the ledger holds: articles, figures, checks (and contradictions), measures, speakers."""
        one = self.db.scalar
        return {
            "articles": int(one('SELECT count(*) FROM "articles"') or 0),
            "figures": int(one('SELECT count(*) FROM "quantities"') or 0),
            "checks": int(one('SELECT count(*) FROM "checks"') or 0),
            "inconsistent": int(one('SELECT count(*) FROM "checks" WHERE "verdict" = \'inconsistent\'') or 0),
            "measures": int(one('SELECT count(*) FROM "measures" WHERE coalesce("observations", 0) > 0') or 0),
            "speakers": int(one('SELECT count(DISTINCT "name") FROM "speakers"') or 0),
        }

    def sources(self) -> list[str]:
        """Every outlet in the ledger, alphabetically."""
        rows = self.db.query('SELECT DISTINCT "source" FROM "articles" WHERE "source" IS NOT NULL ORDER BY "source"')
        return [r["source"] for r in rows]

    # --- articles -----------------------------------------------------------------------------

    def articles(
        self,
        search: str | None = None,
        source: str | None = None,
        published_from: str | None = None,
        published_to: str | None = None,
        inconsistent: bool = False,
        offset: int = 0,
        limit: int = PAGE_SIZE,
    ) -> Page:
        """Articles, newest first, filtered by full-text search, outlet, publication dates and contradictions."""
        where: list[str] = []
        params: list[Any] = []
        query = fts_query(search or "")
        if query and self.db.dialect == "sqlite":
            where.append('a.rowid IN (SELECT rowid FROM "articles_fts" WHERE "articles_fts" MATCH ?)')
            params.append(query)
        elif query:
            where.append("a.search @@ plainto_tsquery('english', ?)")
            params.append(" ".join(_WORD.findall(search or "")))
        if source:
            where.append('a."source" = ?')
            params.append(source)
        if published_from:
            where.append('a."published" >= ?')
            params.append(published_from)
        if published_to:
            where.append('a."published" <= ?')
            params.append(published_to)
        if inconsistent:
            where.append(_INCONSISTENT)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        total = int(self.db.scalar(f'SELECT count(*) FROM "articles" a{clause}', params) or 0)
        rows = self.db.query(
            'SELECT a."id", a."title", a."source", a."published", a."url", '
            '(SELECT count(*) FROM "quantities" q WHERE q."article_id" = a."id") AS figures, '
            '(SELECT count(*) FROM "checks" k WHERE k."article_id" = a."id" OR k."other_article_id" = a."id") '
            "AS checks, "
            '(SELECT count(*) FROM "checks" k WHERE k."verdict" = \'inconsistent\' '
            'AND (k."article_id" = a."id" OR k."other_article_id" = a."id")) AS inconsistent '
            f'FROM "articles" a{clause} ORDER BY a."published" IS NULL, a."published" DESC, a."id" '
            f"LIMIT {int(limit)} OFFSET {int(offset)}",
            params,
        )
        return Page(rows, total, offset, limit)

    def article(self, article_id: str) -> Row | None:
        """The article's row (with its text), or None."""
        rows = self.db.query(
            'SELECT "id", "title", "text", "published", "source", "url", "language" FROM "articles" WHERE "id" = ?',
            (article_id,),
        )
        return rows[0] if rows else None

    def article_rows(self, article_id: str) -> dict[str, list[Row]]:
        """Everything the ledger holds about one article, by table, in document order."""
        q = self.db.query
        return {
            "quantities": q('SELECT * FROM "quantities" WHERE "article_id" = ? ORDER BY "start", "id"', (article_id,)),
            "claims": q('SELECT * FROM "claims" WHERE "article_id" = ? ORDER BY "start", "id"', (article_id,)),
            "checks": q(
                'SELECT * FROM "checks" WHERE "article_id" = ? AND "kind" <> \'cross_source\'', (article_id,)
            ),
            "statements": q('SELECT * FROM "statements" WHERE "article_id" = ? ORDER BY "start"', (article_id,)),
            "speakers": q('SELECT * FROM "speakers" WHERE "article_id" = ?', (article_id,)),
            "signals": q('SELECT * FROM "signals" WHERE "article_id" = ? ORDER BY "start"', (article_id,)),
        }

    def cross_checks_of(self, article_id: str) -> list[Row]:
        """The cross_source checks an article takes part in, contradictions first, with the other article."""
        rows = self.db.query(
            'SELECT k."uid", k."verdict", k."explanation", k."quantity_ids", k."measure_key", m."label" AS measure, '
            'k."article_id", k."other_article_id" FROM "checks" k LEFT JOIN "measures" m ON m."key" = k."measure_key" '
            'WHERE k."kind" = \'cross_source\' AND (k."article_id" = ? OR k."other_article_id" = ?) '
            'ORDER BY k."verdict" = \'inconsistent\' DESC, k."uid"',
            (article_id, article_id),
        )
        for r in rows:
            r["other"] = r["other_article_id"] if r["article_id"] == article_id else r["article_id"]
            r["quantity_ids"] = json.loads(r["quantity_ids"] or "[]")
        return rows

    # --- speakers -----------------------------------------------------------------------------

    def speakers(self, search: str | None = None, offset: int = 0, limit: int = PAGE_SIZE) -> Page:
        """Speakers by name with how many articles cite them and how many figures they stand behind."""
        where, params = "", []
        words = _WORD.findall(search or "")
        if words:
            where = " WHERE " + " AND ".join('lower(s."name") LIKE ?' for _ in words)
            params = [f"%{w.lower()}%" for w in words]
        total = int(self.db.scalar(f'SELECT count(DISTINCT s."name") FROM "speakers" s{where}', params) or 0)
        rows = self.db.query(
            'SELECT s."name", count(DISTINCT s."article_id") AS articles, max(s."description") AS description, '
            'max(s."kind") AS kind, (SELECT count(*) FROM "quantities" q JOIN "claims" c ON c."uid" = q."claim_uid" '
            'WHERE c."speaker" = s."name") AS figures '
            f'FROM "speakers" s{where} GROUP BY s."name" ORDER BY figures DESC, articles DESC, s."name" '
            f"LIMIT {int(limit)} OFFSET {int(offset)}",
            params,
        )
        return Page(rows, total, offset, limit)

    def speaker(self, name: str) -> Row | None:
        """One speaker: descriptions, the articles that cite them, and every figure attributed to them."""
        cited = self.db.query(
            'SELECT s."article_id", s."description", s."kind", a."title", a."source", a."published" '
            'FROM "speakers" s JOIN "articles" a ON a."id" = s."article_id" WHERE s."name" = ? '
            'ORDER BY a."published" IS NULL, a."published" DESC, a."id"',
            (name,),
        )
        if not cited:
            return None
        figures = self.db.query(
            'SELECT q."id", q."text", q."kind", q."value", q."low", q."high", q."approximate", q."unit", q."per", '
            'q."counted", c."article_id", c."sentence", c."time_text", c."attribution_type", c."measure_key", '
            'a."title", a."published", a."source" FROM "quantities" q JOIN "claims" c ON c."uid" = q."claim_uid" '
            'JOIN "articles" a ON a."id" = c."article_id" WHERE c."speaker" = ? '
            'ORDER BY a."published" IS NULL, a."published" DESC, a."id", q."start"',
            (name,),
        )
        descriptions = sorted({r["description"] for r in cited if r["description"]})
        kind = next((r["kind"] for r in cited if r["kind"]), None)
        return {"name": name, "kind": kind, "descriptions": descriptions, "articles": cited, "figures": figures}

    # --- checks -------------------------------------------------------------------------------

    def check_list(
        self,
        verdict: str | None = None,
        kind: str | None = None,
        article: str | None = None,
        offset: int = 0,
        limit: int = PAGE_SIZE,
    ) -> Page:
        """Checks, inconsistent first, each with its article's title (and the other article for cross_source)."""
        where: list[str] = []
        params: list[Any] = []
        if article:
            where.append('(k."article_id" = ? OR k."other_article_id" = ?)')
            params += [article, article]
        if verdict:
            where.append('k."verdict" = ?')
            params.append(verdict)
        if kind:
            where.append('k."kind" = ?')
            params.append(kind)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        total = int(self.db.scalar(f'SELECT count(*) FROM "checks" k{clause}', params) or 0)
        rows = self.db.query(
            'SELECT k."uid", k."id", k."kind", k."verdict", k."explanation", k."article_id", k."other_article_id", '
            'k."measure_key", a."title", a."source", a."published", o."title" AS other_title, '
            'o."source" AS other_source FROM "checks" k JOIN "articles" a ON a."id" = k."article_id" '
            f'LEFT JOIN "articles" o ON o."id" = k."other_article_id"{clause} '
            "ORDER BY CASE k.\"verdict\" WHEN 'inconsistent' THEN 0 WHEN 'unverifiable' THEN 2 ELSE 1 END, "
            'a."published" IS NULL, a."published" DESC, k."uid" '
            f"LIMIT {int(limit)} OFFSET {int(offset)}",
            params,
        )
        return Page(rows, total, offset, limit)

    def check_kinds(self) -> list[str]:
        """The kinds of check the ledger holds."""
        return [r["kind"] for r in self.db.query('SELECT DISTINCT "kind" FROM "checks" ORDER BY "kind"')]

    # --- measures -----------------------------------------------------------------------------

    def measure_count(self, search: str | None = None) -> int:
        """How many observed measures match ``search`` (words of the label)."""
        where, params = ['coalesce("observations", 0) > 0'], []
        for word in (search or "").split():
            where.append('lower("label") LIKE ?')
            params.append(f"%{word.lower()}%")
        return int(self.db.scalar(f'SELECT count(*) FROM "measures" WHERE {" AND ".join(where)}', params) or 0)

    def measures_by_key(self, keys: list[str]) -> dict[str, Row]:
        """The measures among ``keys`` that the ledger holds, by key."""
        if not keys:
            return {}
        marks = ", ".join("?" for _ in keys)
        rows = self.db.query(
            f'SELECT "key", "label", "observations", "articles", "sources" FROM "measures" WHERE "key" IN ({marks}) '
            'AND coalesce("observations", 0) > 0',
            keys,
        )
        return {r["key"]: r for r in rows}

    def article_measures(self, article_id: str) -> list[Row]:
        """The measures an article observes, with how many articles observe each."""
        return self.db.query(
            'SELECT DISTINCT m."key", m."label", m."observations", m."articles", m."sources" FROM "observations" o '
            'JOIN "measures" m ON m."key" = o."measure_key" WHERE o."article_id" = ? ORDER BY m."articles" DESC, '
            'm."label"',
            (article_id,),
        )
