"""The store stage: the ledger database (SQLite or PostgreSQL), ingest into it, and its queries.

>>> from claimledger.store import open_ledger
>>> with open_ledger("sqlite:///:memory:") as ledger:
...     sorted(ledger.counts())[:3]
['articles', 'checks', 'claims']
"""

from claimledger.store.db import DEFAULT_URL, Database, LedgerError, connect
from claimledger.store.ledger import Ledger, open_ledger
from claimledger.store.migrations import MIGRATIONS, Migration, current_version, migrate
from claimledger.store.queries import MeasureNotFound
from claimledger.store.runner import Ingest, IngestOptions, IngestStats, count_records, ingest
from claimledger.store.schema import TABLE_NAMES, TABLES, datasette_metadata, postgres_ddl, sqlite_ddl

__all__ = [
    "DEFAULT_URL",
    "MIGRATIONS",
    "TABLES",
    "TABLE_NAMES",
    "Database",
    "Ingest",
    "IngestOptions",
    "IngestStats",
    "Ledger",
    "LedgerError",
    "MeasureNotFound",
    "Migration",
    "connect",
    "count_records",
    "current_version",
    "datasette_metadata",
    "ingest",
    "migrate",
    "open_ledger",
    "postgres_ddl",
    "sqlite_ddl",
]
