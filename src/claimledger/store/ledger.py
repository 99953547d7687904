"""The ledger: write analysed articles (one transaction each), record rejects, link measures across articles.

>>> ledger = open_ledger("sqlite:///:memory:")
>>> ledger.counts()["articles"]
0
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from claimledger.link.cross import Seen, cross_source_checks, partial
from claimledger.link.normalise import measure_key
from claimledger.link.places import places_in
from claimledger.link.subjects import subject_names
from claimledger.model import Analysis, Quantity
from claimledger.store import queries
from claimledger.store.db import DEFAULT_URL, Database, connect
from claimledger.store.migrations import migrate
from claimledger.store.rows import WRITE_ORDER, Row, analysis_rows, content_hash, now
from claimledger.store.schema import TABLE_NAMES, quote, table

# How many ids one "which of these do we have?" query asks about.
LOOKUP_CHUNK = 500


def _insert_sql(name: str, columns: Sequence[str], on_conflict: str | None = None) -> str:
    cols = ", ".join(quote(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {quote(name)} ({cols}) VALUES ({marks})"
    if on_conflict:
        sql += f" ON CONFLICT ({quote(on_conflict)}) DO NOTHING"
    return sql


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def stored_period(
    time_text: str | None, start: dt.date | None, end: dt.date | None, published: dt.date | None
) -> tuple[str | None, dt.date | None, dt.date | None]:
    """:func:`claimledger.link.observe.period_of` from a stored claim's columns.

    >>> day = dt.date(2016, 4, 27)
    >>> stored_period(None, None, None, day)
    ('published 2016-04-27', datetime.date(2016, 4, 27), datetime.date(2016, 4, 27))
    >>> stored_period("In February", None, None, day)[0]
    'In February'
    """
    if start and end:
        return time_text, start, end
    if published:
        return (time_text if time_text is not None else f"published {published.isoformat()}"), published, published
    return time_text, None, None


class Ledger(queries.Queries):
    """A ledger database (SQLite or PostgreSQL), migrated to the current schema when opened.

    The query methods (``measures``, ``timeline``, ``claims``, ``rows``, ``export``) come from
    :class:`claimledger.store.queries.Queries`.
    """

    def __init__(self, url: str = DEFAULT_URL) -> None:
        self.url = url
        self.db: Database = connect(url)
        migrate(self.db)

    # --- writing ----------------------------------------------------------------------------------

    def known_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """The content hash of each of ``ids`` already in the ledger."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), LOOKUP_CHUNK):
            chunk = wanted[start : start + LOOKUP_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for row in self.db.query(
                f'SELECT "id", "content_hash" FROM "articles" WHERE "id" IN ({marks})', chunk
            ):
                found[row["id"]] = row["content_hash"]
        return found

    def write_rows(self, rows: dict[str, list[Row]]) -> None:
        """Write one article's rows in one transaction, replacing whatever it had before."""
        article_ids = {r["id"] for r in rows.get("articles", ())}
        with self.db.transaction():
            for article_id in article_ids:
                self.db.execute('DELETE FROM "articles" WHERE "id" = ?', (article_id,))
            for name in WRITE_ORDER:
                batch = rows.get(name) or []
                if not batch:
                    continue
                columns = list(batch[0])
                conflict = table(name).primary_key if name == "measures" else None
                self.db.executemany(
                    _insert_sql(name, columns, conflict), [[r[c] for c in columns] for r in batch]
                )

    def write(self, analysis: Analysis) -> None:
        """Write an analysed article (replacing an earlier version of it)."""
        self.write_rows(analysis_rows(analysis, content_hash(analysis.article), now()))

    def add_reject(self, record: str, reason: str, source: str | None = None) -> None:
        """Record a skipped record (the latest reason wins when the same record is rejected again)."""
        source = source if source is not None else record.rsplit(":", 1)[0]
        with self.db.transaction():
            self.db.execute('DELETE FROM "rejects" WHERE "record" = ?', (record,))
            self.db.execute(
                'INSERT INTO "rejects" ("source", "record", "reason", "time") VALUES (?, ?, ?, ?)',
                (source, record, reason, now()),
            )

    # --- linking ----------------------------------------------------------------------------------

    def relink(self, rekey: bool = False) -> int:
        """Count each measure's observations, drop measures nobody observes, redo the cross_source checks.

        With ``rekey``, first recompute every figure's measure key from the stored rows
        (claims, quantities, articles) with the current normaliser, and rebuild ``measures``,
        ``observations`` and ``claims.measure_key`` from them: a normaliser change needs no
        re-ingest. Derived data only, in one transaction: a run killed here leaves the previous
        links, and the next run redoes them. Returns the number of cross_source checks.
        """
        with self.db.transaction():
            if rekey:
                self._rekey()
            self.db.execute(
                'UPDATE "measures" SET '
                '"observations" = (SELECT count(*) FROM "observations" o '
                'WHERE o."measure_key" = "measures"."key"), '
                '"articles" = (SELECT count(DISTINCT o."article_id") FROM "observations" o '
                'WHERE o."measure_key" = "measures"."key"), '
                '"sources" = (SELECT count(DISTINCT o."source") FROM "observations" o '
                'WHERE o."measure_key" = "measures"."key")'
            )
            self.db.execute('DELETE FROM "checks" WHERE "kind" = ?', ("cross_source",))
            self.db.execute(
                'DELETE FROM "measures" WHERE "observations" = 0 AND "key" NOT IN '
                '(SELECT "measure_key" FROM "claims" WHERE "measure_key" IS NOT NULL)'
            )
            return self._cross_source()

    def _rekey(self) -> None:
        """Rebuild measures, observations and claims' measure keys from the stored claims and quantities."""
        claims = self.db.query(
            'SELECT c."uid", c."article_id", c."sentence", c."speaker", c."time_text", c."start_date", '
            'c."end_date", c."change_from", c."change_by", a."title", a."published", a."source" '
            'FROM "claims" c JOIN "articles" a ON a."id" = c."article_id" ORDER BY c."uid"'
        )
        figures: dict[str, list[Row]] = defaultdict(list)
        for q in self.db.query(
            'SELECT "uid", "claim_uid", "id", "text", "start", "end", "kind", "value", "low", "high", '
            '"unit", "per", "counted" FROM "quantities" WHERE "claim_uid" IS NOT NULL ORDER BY "start", "uid"'
        ):
            figures[q["claim_uid"]].append(q)
        measures: dict[str, Row] = {}
        observations: list[list[Any]] = []
        main: list[tuple[str, str]] = []
        for c in claims:
            published = _date(c["published"])
            period, start, end = stored_period(c["time_text"], _date(c["start_date"]), _date(c["end_date"]), published)
            not_levels = {c["change_from"], c["change_by"]} - {None}
            first = None
            for r in figures.get(c["uid"], ()):
                if r["id"] in not_levels:
                    continue
                q = Quantity(r["id"], r["text"], r["start"], r["end"], r["kind"], r["value"], r["low"], r["high"],
                             unit=r["unit"], per=r["per"], counted=r["counted"])
                m = measure_key(q, c["sentence"] or "", c["title"], c["speaker"])
                if m is None:
                    continue
                first = first or m.key
                measures.setdefault(m.key, {"key": m.key, "label": m.label, "counted": m.counted, "place": m.place,
                                            "per": m.per, "unit": m.unit, "observations": None, "articles": None,
                                            "sources": None})
                observations.append([r["uid"], m.key, c["article_id"], c["uid"], r["uid"], r["value"], r["low"],
                                     r["high"], period, _iso(start), _iso(end), c["speaker"], c["source"]])
            if first:
                main.append((first, c["uid"]))
        self.db.execute('DELETE FROM "checks" WHERE "kind" = ?', ("cross_source",))
        self.db.execute('DELETE FROM "observations"')
        self.db.execute('UPDATE "claims" SET "measure_key" = NULL WHERE "measure_key" IS NOT NULL')
        self.db.execute('DELETE FROM "measures"')
        if measures:
            columns = list(next(iter(measures.values())))
            self.db.executemany(_insert_sql("measures", columns), [list(m.values()) for m in measures.values()])
        self.db.executemany('UPDATE "claims" SET "measure_key" = ? WHERE "uid" = ?', main)
        self.db.executemany(_insert_sql("observations", table("observations").column_names), observations)

    def _cross_source(self) -> int:
        rows = self.db.query(
            'SELECT o."uid" AS obs_uid, o."measure_key", o."article_id", o."source", o."period", '
            'o."start_date" AS obs_start, o."end_date" AS obs_end, a."published", a."title", m."label", '
            'q."id" AS q_id, q."text", q."start", q."end", q."kind", q."value", q."low", q."high", '
            'q."approximate", q."qualifier", q."unit", q."per", q."counted", c."sentence" '
            'FROM "observations" o JOIN "measures" m ON m."key" = o."measure_key" '
            'LEFT JOIN "claims" c ON c."uid" = o."claim_uid" '
            'JOIN "quantities" q ON q."uid" = o."quantity_uid" JOIN "articles" a ON a."id" = o."article_id" '
            'WHERE m."articles" >= 2 ORDER BY o."measure_key", o."uid"'
        )
        by_measure: dict[str, list[Seen]] = defaultdict(list)
        labels: dict[str, str] = {}
        for r in rows:
            q = Quantity(
                id=r["q_id"],
                text=r["text"],
                start=r["start"],
                end=r["end"],
                kind=r["kind"],
                value=r["value"],
                low=r["low"],
                high=r["high"],
                approximate=bool(r["approximate"]),
                qualifier=r["qualifier"],
                unit=r["unit"],
                per=r["per"],
                counted=r["counted"],
            )
            labels[r["measure_key"]] = r["label"]
            by_measure[r["measure_key"]].append(
                Seen(
                    uid=r["obs_uid"],
                    article_id=r["article_id"],
                    source=r["source"],
                    published=_date(r["published"]),
                    quantity=q,
                    start_date=_date(r["obs_start"]),
                    end_date=_date(r["obs_end"]),
                    period=r["period"],
                    names=subject_names(r["sentence"] or "", r["title"]),
                    title_places=places_in(r["title"] or ""),
                    partial=partial(r["sentence"]),
                )
            )
        out: list[list[Any]] = []
        for key, seen in by_measure.items():
            for cross in cross_source_checks(labels[key], seen, key):
                k = cross.check
                stated, computed = k.stated, k.computed
                out.append(
                    [
                        f"{cross.article_id}/{k.id}",
                        cross.article_id,
                        k.id,
                        k.kind,
                        json.dumps(list(k.quantity_ids)),
                        stated.value if stated else None,
                        stated.low if stated else None,
                        stated.high if stated else None,
                        computed.value if computed else None,
                        computed.low if computed else None,
                        computed.high if computed else None,
                        k.verdict,
                        k.explanation,
                        key,
                        cross.other_article_id,
                    ]
                )
        self.db.executemany(_insert_sql("checks", table("checks").column_names), out)
        return len(out)

    # --- counting ---------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table, in schema order."""
        return {name: int(self.db.scalar(f"SELECT count(*) FROM {quote(name)}") or 0) for name in TABLE_NAMES}

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_ledger(url: str = DEFAULT_URL) -> Ledger:
    """Open (creating or migrating as needed) the ledger at ``url``: ``sqlite:///path.db`` or ``postgresql://...``.

    >>> with open_ledger("sqlite:///:memory:") as ledger:
    ...     ledger.measures()
    []
    """
    return Ledger(url)
