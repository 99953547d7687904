"""One connection to a ledger database, SQLite or PostgreSQL, with the same small interface.

SQL is written once with ``?`` placeholders and quoted identifiers; for PostgreSQL the
placeholders become ``%s``. SQLite runs in WAL mode with foreign keys on, so a process
killed at any moment leaves every committed article whole and nothing else.

>>> db = connect("sqlite:///:memory:")
>>> db.dialect
'sqlite'
>>> db.query("SELECT 1 + 1 AS two")
[{'two': 2}]
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from claimledger.store.schema import Dialect

DEFAULT_URL = "sqlite:///claimledger.db"


class LedgerError(RuntimeError):
    """The ledger database cannot be opened or used (a bad URL, a missing driver)."""


def sqlite_path(url: str) -> str:
    """The file path of a ``sqlite:///path`` URL (``sqlite:////abs/path`` for an absolute one).

    >>> sqlite_path("sqlite:///claimledger.db"), sqlite_path("sqlite:////tmp/x.db"), sqlite_path("x.db")
    ('claimledger.db', '/tmp/x.db', 'x.db')
    """
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///") :]
    if url.startswith("sqlite://"):
        return url[len("sqlite://") :] or ":memory:"
    return url


def dialect_of(url: str) -> Dialect:
    """``postgresql`` for a ``postgresql://``/``postgres://`` URL, else ``sqlite`` (a URL or a plain path)."""
    return "postgresql" if url.startswith(("postgresql://", "postgres://", "postgresql+")) else "sqlite"


def _use_wal(raw: sqlite3.Connection, path: str, patience: float = 60.0) -> None:
    """Put the database at ``path`` in WAL mode, waiting while another process holds it.

    Switching the journal mode takes an exclusive lock, and SQLite answers "database is
    locked" at once, without its busy handler, while another connection is setting up the
    same new file. Two ingests started together into one ledger meet exactly that, so the
    switch is retried with a short back-off for as long as the connection's own timeout.
    """
    deadline = time.monotonic() + patience
    pause = 0.01
    while True:
        try:
            raw.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise LedgerError(f"cannot open the SQLite ledger at '{path}': {error}") from None
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


class Database:
    """A connection with ``execute``, ``executemany``, ``query`` and ``transaction``, for either dialect."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect: Dialect = dialect_of(url)
        self._in_transaction = False
        if self.dialect == "sqlite":
            path = sqlite_path(url)
            if path != ":memory:" and os.path.dirname(path):
                os.makedirs(os.path.dirname(path), exist_ok=True)
            # autocommit mode: transactions are begun explicitly, one per article
            self.raw: Any = sqlite3.connect(path, isolation_level=None, timeout=60, check_same_thread=False)
            self.raw.row_factory = sqlite3.Row
            self.raw.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                _use_wal(self.raw, path)
            # NORMAL with WAL survives a killed process; only a power cut may lose the last commits
            self.raw.execute("PRAGMA synchronous = NORMAL")
        else:
            try:
                import psycopg
                from psycopg.rows import dict_row
            except ImportError:  # pragma: no cover - depends on the installed extras
                raise LedgerError("PostgreSQL needs psycopg: pip install 'claimledger[postgres]'") from None
            target = url.replace("postgresql+psycopg://", "postgresql://")
            try:
                self.raw = psycopg.connect(target, autocommit=True, row_factory=dict_row)
            except psycopg.OperationalError as error:
                raise LedgerError(
                    f"cannot connect to the PostgreSQL ledger at '{_hide_password(url)}': "
                    f"{str(error).strip()}"
                ) from None

    def sql(self, statement: str) -> str:
        """``statement`` with its placeholders in this dialect."""
        return statement if self.dialect == "sqlite" else statement.replace("?", "%s")

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        if not params:  # DDL and constant queries go as written ("%" and "?" in comments are text)
            return self.raw.execute(statement)
        return self.raw.execute(self.sql(statement), tuple(params))

    def executemany(self, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if self.dialect == "sqlite":
            self.raw.executemany(statement, rows)
        else:
            with self.raw.cursor() as cursor:
                cursor.executemany(self.sql(statement), rows)

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as plain dicts; dates as ISO strings and booleans as 0/1 in both dialects."""
        cursor = self.execute(statement, params)
        return [{k: _plain(v) for k, v in dict(row).items()} for row in cursor.fetchall()]

    def scalar(self, statement: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(statement, params).fetchone()
        if row is None:
            return None
        return _plain(next(iter(dict(row).values())))

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All statements inside commit together or not at all (nested use joins the outer one)."""
        if self._in_transaction:
            yield self
            return
        self._in_transaction = True
        try:
            if self.dialect == "sqlite":
                self.raw.execute("BEGIN IMMEDIATE")
                try:
                    yield self
                except BaseException:
                    self.raw.execute("ROLLBACK")
                    raise
                self.raw.execute("COMMIT")
            else:
                with self.raw.transaction():
                    yield self
        finally:
            self._in_transaction = False

    def tables(self) -> set[str]:
        """The names of the tables that exist."""
        if self.dialect == "sqlite":
            rows = self.query("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        else:
            rows = self.query(
                "SELECT table_name AS name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            )
        return {r["name"] for r in rows}

    def close(self) -> None:
        self.raw.close()


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _hide_password(url: str) -> str:
    if "@" in url and ":" in url.split("@")[0].split("//")[-1]:
        scheme, rest = url.split("//", 1)
        user = rest.split("@")[0].split(":")[0]
        return f"{scheme}//{user}:***@{rest.split('@', 1)[1]}"
    return url


def connect(url: str = DEFAULT_URL) -> Database:
    """A :class:`Database` for a URL: ``sqlite:///path.db`` (or a plain path) or ``postgresql://...``."""
    return Database(url)
