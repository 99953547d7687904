"""Open the ledger for browsing, read-only: SQLite with ``mode=ro``, PostgreSQL in read-only transactions.

Browsing never migrates, creates or writes anything; a page that finds no ledger says so
and tells the reader how to make one.

>>> reader = open_reader("sqlite:////nonexistent/claimledger.db")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
claimledger.serve.readonly.NoLedger: there is no ledger at '/nonexistent/claimledger.db' yet; fill one with ...
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from typing import Any

from claimledger.serve.ledger_queries import LedgerReader
from claimledger.store.db import Database, LedgerError, dialect_of, sqlite_path
from claimledger.store.schema import VERSION_TABLE


class NoLedger(LedgerError):
    """There is no ledger to browse at the URL given (no file, or a database without the ledger's tables)."""


def _fill_hint(url: str) -> str:
    return f"fill one with `claimledger ingest FILES --db {url}`"


class ReadOnlyDatabase(Database):
    """A :class:`~claimledger.store.db.Database` that can only read: writes fail in the database itself."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect = dialect_of(url)
        self._in_transaction = False
        if self.dialect == "sqlite":
            self.raw = _sqlite_read_only(url)
        else:
            self.raw = _postgres_read_only(url)


def _sqlite_read_only(url: str) -> Any:
    path = sqlite_path(url)
    if path == ":memory:" or not os.path.isfile(path):
        raise NoLedger(f"there is no ledger at '{path}' yet; {_fill_hint(url)}")
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
    try:
        raw = sqlite3.connect(uri, uri=True, timeout=10, check_same_thread=False)
        raw.row_factory = sqlite3.Row
        raw.execute("PRAGMA query_only = ON")
        raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise NoLedger(f"'{path}' cannot be read as a ledger ({error})") from None
    return raw


def _postgres_read_only(url: str) -> Any:
    try:
        import psycopg
        from psycopg.rows import dict_row
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise LedgerError("PostgreSQL needs psycopg: pip install 'claimledger[postgres]'") from None
    target = url.replace("postgresql+psycopg://", "postgresql://")
    try:
        # every statement runs in a read-only transaction: the server refuses writes
        return psycopg.connect(target, autocommit=True, row_factory=dict_row,
                               options="-c default_transaction_read_only=on")
    except psycopg.OperationalError as error:
        raise NoLedger(f"cannot connect to the PostgreSQL ledger: {str(error).strip()}") from None


def open_reader(url: str) -> LedgerReader:
    """A read-only :class:`LedgerReader` of the ledger at ``url``; raises :class:`NoLedger` if there is none."""
    db = ReadOnlyDatabase(url)
    if "articles" not in db.tables() or VERSION_TABLE not in db.tables():
        db.close()
        raise NoLedger(f"the database at '{url}' holds no ledger yet; {_fill_hint(url)}")
    return LedgerReader(db)
