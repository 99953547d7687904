"""The one schema source of the ledger: tables, keys, indexes, full-text search and descriptions.

The SQLite DDL, the PostgreSQL DDL and Datasette's ``metadata.json`` are all generated
from :data:`TABLES`; nothing else in the code base spells a ``CREATE TABLE``.

Row keys: an article is keyed by its ``id``; everything found in an article by ``uid``,
the article id and the SPEC id joined by ``/`` (``"seed-foreign-fighters/q2"``), so that a
row can be linked to from anywhere (Datasette follows single-column foreign keys only).

>>> [t.name for t in TABLES][:3]
['articles', 'measures', 'claims']
>>> "CREATE VIRTUAL TABLE" in "\\n".join(sqlite_ddl())
True
>>> "tsvector" in "\\n".join(postgres_ddl())
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Dialect = Literal["sqlite", "postgresql"]
ColumnType = Literal["text", "integer", "real", "boolean", "date", "json", "serial"]

# (SQLite type, PostgreSQL type) of each column type; dates and JSON are ISO text in SQLite
_TYPES = {"text": ("TEXT", "TEXT"), "integer": ("INTEGER", "BIGINT"), "real": ("REAL", "DOUBLE PRECISION"),
          "boolean": ("INTEGER", "BOOLEAN"), "date": ("TEXT", "DATE"), "json": ("TEXT", "TEXT"),
          "serial": ("INTEGER", "BIGINT")}


@dataclass(frozen=True)
class Column:
    """One column: its name (as in SPEC.md), type, what it means, and its key or reference."""

    name: str
    type: ColumnType
    description: str
    primary_key: bool = False
    references: str | None = None  # "table(column)"
    not_null: bool = False
    unique: bool = False
    cascade: bool = True  # delete this row when the referenced row goes


@dataclass(frozen=True)
class Table:
    """One table: columns, indexes, the columns searched by full-text search, and its label column."""

    name: str
    description: str
    columns: tuple[Column, ...]
    indexes: tuple[tuple[str, ...], ...] = ()
    search: tuple[str, ...] = ()
    label_column: str | None = None
    unique_together: tuple[tuple[str, ...], ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def primary_key(self) -> str:
        return next(c.name for c in self.columns if c.primary_key)

    @property
    def fts_table(self) -> str | None:
        return f"{self.name}_fts" if self.search else None


def _article_ref(description: str = "The article it was found in.") -> Column:
    return Column("article_id", "text", description, references="articles(id)", not_null=True)


def _uid(what: str) -> Column:
    return Column(
        "uid",
        "text",
        f"Unique key of the {what}: the article id and the {what}'s id, joined by '/'.",
        primary_key=True,
    )


TABLES: tuple[Table, ...] = (
    Table(
        "articles",
        "One row per news article read; its content hash makes re-ingest idempotent.",
        (
            Column("id", "text", "The article's id, from its record or its file name.", primary_key=True),
            Column("title", "text", "The headline, if any (analysed as its own sentence)."),
            Column("text", "text", "The body text as read; offsets index title + blank line + text."),
            Column("published", "date", "Publication date (YYYY-MM-DD), if known."),
            Column("source", "text", "The outlet that published it (Reuters, Breitbart, politico.com)."),
            Column("url", "text", "Where it was published, if known."),
            Column("language", "text", "Language code (en)."),
            Column(
                "content_hash",
                "text",
                "SHA-256 of title, text and publication date: unchanged content is skipped.",
                not_null=True,
            ),
            Column("ingested_at", "text", "When the article's rows were written (UTC, ISO 8601)."),
        ),
        indexes=(("source",), ("published",)),
        search=("title", "text"),
        label_column="title",
    ),
    Table(
        "measures",
        "A normalised measure followed across articles: counted thing, place, rate, unit and subject.",
        (
            Column(
                "key",
                "text",
                "The normalised key: counted | place | per | unit | subject, each part lower-cased.",
                primary_key=True,
            ),
            Column(
                "label", "text", "The measure in words: 'foreign fighter entering iraq and syria per month'."
            ),
            Column("counted", "text", "What is counted or measured, lemmatised and lower-cased."),
            Column("place", "text", "The place the figure is about, if the sentence names one."),
            Column("per", "text", "The rate's time unit (month, year), if a rate."),
            Column(
                "unit", "text", "The unit: % for percents, an ISO 4217 code for money, a unit name, or count."
            ),
            Column(
                "observations", "integer", "How many observations the measure has (set after each ingest)."
            ),
            Column("articles", "integer", "How many articles observe it."),
            Column("sources", "integer", "How many outlets observe it."),
        ),
        indexes=(("observations",),),
        label_column="label",
    ),
    Table(
        "claims",
        "A sentence that asserts one or more quantities, with its attribution, time and change.",
        (
            _uid("claim"),
            _article_ref(),
            Column("id", "text", "The claim's id within its article (c0, c1, ...)."),
            Column("sentence", "text", "The sentence as written."),
            Column("start", "integer", "Where the sentence starts in the article's document."),
            Column("end", "integer", "Where the sentence ends (exclusive)."),
            Column("attribution_type", "text", "direct, indirect, according_to or author."),
            Column(
                "speaker", "text", "Who the article attributes it to (canonical name), null for the author."
            ),
            Column(
                "speaker_description",
                "text",
                "The speaker's role and organisation, as the article gives them.",
            ),
            Column("cue", "text", "The attributing words ('told reporters', 'according to')."),
            Column("measure", "text", "What is measured, as the extractor words it."),
            Column(
                "measure_key",
                "text",
                "The normalised measure of its main figure, linked across articles.",
                references="measures(key)",
                cascade=False,
            ),
            Column("time_text", "text", "The period the figures hold for, as written ('In February')."),
            Column("start_date", "date", "The period's first day, when resolved."),
            Column("end_date", "date", "The period's last day, when resolved."),
            Column("change_direction", "text", "increase or decrease, if the claim states a change."),
            Column("change_from", "text", "Quantity id of the change's starting figure."),
            Column("change_to", "text", "Quantity id of the change's end figure."),
            Column("change_by", "text", "Quantity id of the stated amount of change."),
            Column("change_period", "text", "The change's period as written."),
            Column("signals", "json", "Hedges, disputes and corroborations around the claim (JSON list)."),
        ),
        indexes=(("article_id",), ("speaker",), ("measure_key",)),
        search=("sentence",),
        label_column="sentence",
    ),
    Table(
        "quantities",
        "One mention of an amount, normalised (SPEC Quantity).",
        (
            _uid("quantity"),
            _article_ref(),
            Column("claim_uid", "text", "The claim that asserts it.", references="claims(uid)"),
            Column("id", "text", "The quantity's id within its article (q0, q1, ...)."),
            Column(
                "text", "text", "The surface span, with approximators and units ('nearly 2,000 per month')."
            ),
            Column("start", "integer", "Where the span starts in the article's document."),
            Column("end", "integer", "Where the span ends (exclusive)."),
            Column("kind", "text", "count, percent, money, ratio, measure, duration or other."),
            Column("value", "real", "The stated point value after scale words; null for a range."),
            Column("low", "real", "The interval's low end the words commit to; null when open."),
            Column("high", "real", "The interval's high end; null when open."),
            Column("approximate", "boolean", "True for about, around, nearly, some, an estimated ..."),
            Column("qualifier", "text", "The approximator or bound words as written."),
            Column(
                "unit", "text", "% for percent, ISO 4217 for money, a unit name for measures and durations."
            ),
            Column("per", "text", "The rate's time unit ('per month' gives month)."),
            Column("counted", "text", "What is counted or measured, as written."),
        ),
        indexes=(("article_id",), ("claim_uid",), ("kind",)),
        label_column="text",
    ),
    Table(
        "checks",
        "A verdict on arithmetic: within an article, or cross_source between two articles.",
        (
            _uid("check"),
            _article_ref("The article of the check (for cross_source, the earlier of the two)."),
            Column("id", "text", "The check's id within its article (k0, ...; x0, ... for cross_source)."),
            Column("kind", "text", "percent_change, part_whole, sum, same_measure or cross_source."),
            Column("quantity_ids", "json", "The quantities it uses (JSON list; uids for cross_source)."),
            Column("stated_value", "real", "The stated figure."),
            Column("stated_low", "real", "Low end of the stated interval."),
            Column("stated_high", "real", "High end of the stated interval."),
            Column("computed_value", "real", "The computed figure (for cross_source, the other article's)."),
            Column("computed_low", "real", "Low end of the computed interval."),
            Column("computed_high", "real", "High end of the computed interval."),
            Column("verdict", "text", "consistent, inconsistent or unverifiable."),
            Column("explanation", "text", "One plain sentence that shows the arithmetic."),
            Column(
                "measure_key",
                "text",
                "For cross_source: the measure both articles observe.",
                references="measures(key)",
                cascade=False,
            ),
            Column(
                "other_article_id", "text", "For cross_source: the other article.", references="articles(id)"
            ),
        ),
        indexes=(("article_id",), ("verdict",), ("kind",), ("other_article_id",), ("measure_key",)),
        label_column="explanation",
    ),
    Table(
        "statements",
        "An attributed statement with or without figures: who said what.",
        (
            _uid("statement"),
            _article_ref(),
            Column("id", "text", "The statement's id within its article."),
            Column("type", "text", "direct, indirect or according_to."),
            Column("speaker", "text", "The resolved speaker."),
            Column("start", "integer", "Where the content starts."),
            Column("end", "integer", "Where the content ends (exclusive)."),
            Column("content", "text", "The content as written."),
            Column("cue", "text", "The attributing words."),
            Column("cue_start", "integer", "Where the cue starts."),
            Column("source_text", "text", "The local mention of the source ('he', 'the general'), if any."),
            Column("source_start", "integer", "Where that mention starts."),
        ),
        indexes=(("article_id",), ("speaker",)),
        label_column="content",
    ),
    Table(
        "speakers",
        "A source the article quotes or cites, with its mentions.",
        (
            _uid("speaker"),
            _article_ref(),
            Column("name", "text", "The canonical name: the fullest form the article uses."),
            Column("kind", "text", "person, organisation or unknown."),
            Column("description", "text", "Role and organisation as the article gives them."),
            Column("mentions", "json", "Every mention that resolves to it (JSON list of text, start, end)."),
        ),
        indexes=(("article_id",), ("name",)),
        label_column="name",
    ),
    Table(
        "signals",
        "A hedge, dispute or corroboration found in the text.",
        (
            _uid("signal"),
            _article_ref(),
            Column("type", "text", "hedge, dispute or corroboration."),
            Column("text", "text", "The words as written."),
            Column("start", "integer", "Where they start."),
            Column("end", "integer", "Where they end (exclusive)."),
        ),
        indexes=(("article_id",), ("type",)),
        label_column="text",
    ),
    Table(
        "observations",
        "One sighting of a measure: value interval, period, speaker, article and outlet.",
        (
            _uid("observation (its quantity)"),
            Column(
                "measure_key",
                "text",
                "The measure observed.",
                references="measures(key)",
                not_null=True,
                cascade=False,
            ),
            _article_ref(),
            Column("claim_uid", "text", "The claim that states it.", references="claims(uid)"),
            Column("quantity_uid", "text", "The quantity observed.", references="quantities(uid)"),
            Column("value", "real", "The stated point value, if any."),
            Column("low", "real", "Low end of the interval the words commit to."),
            Column("high", "real", "High end of that interval."),
            Column(
                "period",
                "text",
                "The period as written, or 'published YYYY-MM-DD' when the claim gives none.",
            ),
            Column(
                "start_date", "date", "First day of the period (the publication date when none is given)."
            ),
            Column("end_date", "date", "Last day of the period."),
            Column("speaker", "text", "Who the article attributes the figure to; null for the author."),
            Column("source", "text", "The outlet (the article's source)."),
        ),
        indexes=(("measure_key", "start_date"), ("article_id",), ("claim_uid",), ("quantity_uid",)),
        label_column="period",
    ),
    Table(
        "rejects",
        "A record that could not be read or analysed, with the reason; the run went on.",
        (
            Column("id", "serial", "Row number.", primary_key=True),
            Column("source", "text", "The file or stream the record came from."),
            Column(
                "record",
                "text",
                "The record: 'path/news.jsonl:17', a file name, or an article id.",
                not_null=True,
                unique=True,
            ),
            Column("reason", "text", "Why it was skipped, as a plain sentence."),
            Column("time", "text", "When (UTC, ISO 8601)."),
        ),
        label_column="record",
    ),
)

TABLE_NAMES: tuple[str, ...] = tuple(t.name for t in TABLES)
# Tables whose rows belong to one article (deleted with it, written in its transaction).
ARTICLE_TABLES: tuple[str, ...] = (
    "claims",
    "quantities",
    "checks",
    "statements",
    "speakers",
    "signals",
    "observations",
)
VERSION_TABLE = "schema_migrations"


def table(name: str) -> Table:
    """The table called ``name``; raises ``KeyError`` with the known names otherwise."""
    for t in TABLES:
        if t.name == name:
            return t
    raise KeyError(f"no table '{name}' in the ledger (tables: {', '.join(TABLE_NAMES)})")


def quote(name: str) -> str:
    """An identifier quoted for both SQLite and PostgreSQL (``end`` is a keyword in both)."""
    return '"' + name.replace('"', '""') + '"'


def _column_sql(column: Column, dialect: Dialect) -> str:
    if column.type == "serial" and column.primary_key:
        if dialect == "sqlite":
            return f"{quote(column.name)} INTEGER PRIMARY KEY AUTOINCREMENT"
        return f"{quote(column.name)} BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    parts = [quote(column.name), _TYPES[column.type][0 if dialect == "sqlite" else 1]]
    if column.primary_key:
        parts.append("PRIMARY KEY")
    if column.not_null:
        parts.append("NOT NULL")
    if column.unique:
        parts.append("UNIQUE")
    if column.references:
        ref_table, ref_column = column.references.rstrip(")").split("(")
        parts.append(f"REFERENCES {quote(ref_table)}({quote(ref_column)})")
        if column.cascade:
            parts.append("ON DELETE CASCADE")
    return " ".join(parts)


def create_table_sql(t: Table, dialect: Dialect) -> str:
    """``CREATE TABLE`` for one table in one dialect."""
    lines = [_column_sql(c, dialect) for c in t.columns]
    if dialect == "postgresql" and t.search:
        document = " || ' ' || ".join(f"coalesce({quote(c)}, '')" for c in t.search)
        lines.append(f"search tsvector GENERATED ALWAYS AS (to_tsvector('english', {document})) STORED")
    body = ",\n    ".join(lines)
    return f"CREATE TABLE {quote(t.name)} (\n    {body}\n)"


def _index_sql(t: Table) -> list[str]:
    out = []
    for columns in t.indexes:
        name = f"idx_{t.name}_{'_'.join(columns)}"
        out.append(f"CREATE INDEX {quote(name)} ON {quote(t.name)} ({', '.join(quote(c) for c in columns)})")
    return out


def _sqlite_fts_sql(t: Table) -> list[str]:
    """An FTS5 table over ``t``'s text columns kept in step by triggers (sqlite-utils' enable_fts layout)."""
    fts = t.fts_table
    assert fts is not None
    cols = ", ".join(quote(c) for c in t.search)
    new = ", ".join(f"new.{quote(c)}" for c in t.search)
    old = ", ".join(f"old.{quote(c)}" for c in t.search)
    return [
        f"CREATE VIRTUAL TABLE {quote(fts)} USING FTS5 ({cols}, content={quote(t.name)})",
        f"CREATE TRIGGER {quote(t.name + '_ai')} AFTER INSERT ON {quote(t.name)} BEGIN\n"
        f"  INSERT INTO {quote(fts)} (rowid, {cols}) VALUES (new.rowid, {new});\nEND",
        f"CREATE TRIGGER {quote(t.name + '_ad')} AFTER DELETE ON {quote(t.name)} BEGIN\n"
        f"  INSERT INTO {quote(fts)} ({quote(fts)}, rowid, {cols}) VALUES ('delete', old.rowid, {old});\nEND",
        f"CREATE TRIGGER {quote(t.name + '_au')} AFTER UPDATE ON {quote(t.name)} BEGIN\n"
        f"  INSERT INTO {quote(fts)} ({quote(fts)}, rowid, {cols}) VALUES ('delete', old.rowid, {old});\n"
        f"  INSERT INTO {quote(fts)} (rowid, {cols}) VALUES (new.rowid, {new});\nEND",
    ]


def sqlite_ddl(tables: tuple[Table, ...] = TABLES) -> list[str]:
    """Every statement that creates the v1 schema in SQLite: tables, indexes, FTS5 tables and triggers."""
    out: list[str] = []
    for t in tables:
        out.append(create_table_sql(t, "sqlite"))
        out += _index_sql(t)
        if t.search:
            out += _sqlite_fts_sql(t)
    return out


def postgres_ddl(tables: tuple[Table, ...] = TABLES) -> list[str]:
    """Every statement that creates the v1 schema in PostgreSQL, with tsvector columns and GIN indexes."""
    out: list[str] = []
    for t in tables:
        out.append(create_table_sql(t, "postgresql"))
        out += _index_sql(t)
        if t.search:
            out.append(
                f"CREATE INDEX {quote('idx_' + t.name + '_search')} ON {quote(t.name)} USING GIN (search)"
            )
        out.append(f"COMMENT ON TABLE {quote(t.name)} IS {_literal(t.description)}")
        out += [
            f"COMMENT ON COLUMN {quote(t.name)}.{quote(c.name)} IS {_literal(c.description)}"
            for c in t.columns
        ]
    return out


def ddl(dialect: Dialect) -> list[str]:
    """The v1 DDL in ``dialect`` ("sqlite" or "postgresql")."""
    return sqlite_ddl() if dialect == "sqlite" else postgres_ddl()


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def datasette_metadata(database: str = "claimledger") -> dict[str, Any]:
    """Datasette's ``metadata.json`` for a ledger file called ``<database>.db``: descriptions, search, labels.

    >>> meta = datasette_metadata()
    >>> meta["databases"]["claimledger"]["tables"]["articles"]["fts_table"]
    'articles_fts'
    """
    tables: dict[str, Any] = {}
    for t in TABLES:
        entry: dict[str, Any] = {
            "description": t.description,
            "columns": {c.name: c.description for c in t.columns},
        }
        if t.label_column:
            entry["label_column"] = t.label_column
        if t.fts_table:
            entry["fts_table"] = t.fts_table
            entry["fts_pk"] = "rowid"
        tables[t.name] = entry
        if t.fts_table:
            tables[t.fts_table] = {"hidden": True}
    return {
        "title": "claimledger",
        "description": "A ledger of the quantitative claims in news articles: every figure, who said it, "
        "when it holds, and whether it adds up.",
        "databases": {database: {"tables": tables}},
    }
