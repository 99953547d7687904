"""Versioned schema migrations: each version's statements run once, in one transaction, and are recorded.

Version 1 creates the schema of :mod:`claimledger.store.schema`. A later version is a
:class:`Migration` appended to :data:`MIGRATIONS` with the statements for each dialect
(an ``ALTER TABLE``, a new index ...), and the schema source updated to match, so a
fresh ledger and a migrated one end up the same.

>>> from claimledger.store.db import connect
>>> db = connect("sqlite:///:memory:")
>>> migrate(db)
[1]
>>> migrate(db), current_version(db)
([], 1)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from claimledger.store.db import Database
from claimledger.store.schema import VERSION_TABLE, Dialect, ddl, quote


@dataclass(frozen=True)
class Migration:
    """One schema version: what it does, and its statements per dialect."""

    version: int
    description: str
    statements: Callable[[Dialect], list[str]]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "create the ledger: articles, claims, quantities, checks, statements, speakers, signals, "
        "measures, observations, rejects, with full-text search",
        ddl,
    ),
)


def _ensure_version_table(db: Database) -> None:
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {quote(VERSION_TABLE)} ("
        '"version" INTEGER PRIMARY KEY, "description" TEXT, "applied_at" TEXT)'
    )


def current_version(db: Database) -> int:
    """The highest schema version applied (0 for an empty database)."""
    _ensure_version_table(db)
    return int(db.scalar(f'SELECT coalesce(max("version"), 0) FROM {quote(VERSION_TABLE)}') or 0)


def migrate(db: Database, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Apply every migration newer than the database's version; returns the versions applied.

    Each runs in its own transaction with its record, so a crash leaves a whole version or none.
    A database newer than this code raises ``RuntimeError``.
    """
    applied: list[int] = []
    version = current_version(db)
    known = max((m.version for m in migrations), default=0)
    if version > known:
        raise RuntimeError(
            f"the ledger at '{db.url}' has schema version {version}, newer than this "
            f"claimledger knows ({known}); upgrade claimledger"
        )
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version <= version:
            continue
        with db.transaction():
            # another process may have migrated meanwhile
            if current_version(db) >= migration.version:
                continue
            for statement in migration.statements(db.dialect):
                db.execute(statement)
            db.execute(
                f'INSERT INTO {quote(VERSION_TABLE)} ("version", "description", "applied_at") '
                "VALUES (?, ?, ?)",
                (migration.version, migration.description, dt.datetime.now(dt.UTC).isoformat()),
            )
        applied.append(migration.version)
    return applied
