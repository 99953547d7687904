"""Ingest sources into a ledger: read, skip what is unchanged, analyse (in workers), write, link.

* **Idempotent**: an article already in the ledger with the same content hash (title, text,
  publication date) is skipped before analysis; a changed one is analysed and replaces
  the old rows.
* **Resumable**: each article's rows are written in one transaction by one writer (this
  process), so a run killed at any moment leaves whole articles only; the next run skips
  them and analyses the rest. Measures and ``cross_source`` checks are derived data,
  redone at the end of every run.
* **Bad records** go to the ``rejects`` table with a plain reason, and the run goes on.

>>> stats = IngestStats()
>>> stats.summary()
'0 articles written (0 new, 0 replaced), 0 unchanged, 0 rejected'
"""

from __future__ import annotations

import datetime as dt
import gzip
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from claimledger.ingest import DEFAULT_MAX_BYTES, InputError, Reject, expand_sources, format_of, read_sources
from claimledger.model import Article
from claimledger.store.analyse import Outcome, analyse_batch, init_worker
from claimledger.store.ledger import Ledger, open_ledger
from claimledger.store.rows import content_hash

Notify = Callable[[str], None]


@dataclass
class IngestStats:
    """What a run did, record by record."""

    read: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    cross_source: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def written(self) -> int:
        return self.new + self.replaced

    def summary(self) -> str:
        return (
            f"{self.written} articles written ({self.new} new, {self.replaced} replaced), "
            f"{self.unchanged} unchanged, {self.rejected} rejected"
        )


@dataclass
class IngestOptions:
    """How to read and analyse: the reader options, the model, workers and batch size."""

    published: dt.date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    csv_columns: Mapping[str, str] | None = None
    model: str | None = None
    workers: int = 1
    batch_size: int = 16


def count_records(sources: Iterable[str]) -> int | None:
    """How many records the sources hold, when that is cheap to know (lines of JSON Lines, one per
    text or HTML file); ``None`` for standard input, CSV or JSON, whose count needs a full parse."""
    total = 0
    try:
        files = expand_sources(sources)
    except InputError:
        return None
    for path in files:
        fmt = format_of(path)
        if path == "-" or fmt in (None, "csv", "json"):
            return None
        if fmt == "jsonl":
            opener: Any = gzip.open if path.lower().endswith(".gz") else open
            try:
                with opener(path, "rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            except (OSError, EOFError):
                return None
        else:
            total += 1
    return total


class Ingest:
    """One ingest run into a ledger; ``advance`` and ``notify`` report progress and rejects."""

    def __init__(
        self,
        ledger: Ledger,
        options: IngestOptions | None = None,
        advance: Callable[[int], None] | None = None,
        notify: Notify | None = None,
    ) -> None:
        self.ledger = ledger
        self.options = options or IngestOptions()
        self.stats = IngestStats()
        self._advance = advance or (lambda n: None)
        self._notify = notify or (lambda message: None)
        self._written_this_run: dict[str, str] = {}
        self._existed: set[str] = set()

    # --- reading: rejects and unchanged articles never reach the model ----------------------------

    def _reject(self, record: str, reason: str, source: str | None = None) -> None:
        self.stats.rejected += 1
        self.ledger.add_reject(record, reason, source)
        self._notify(f"article '{record}' skipped: {reason}")
        self._advance(1)

    def pending(self, sources: Iterable[str]) -> Iterator[Article]:
        """The articles to analyse: read, rejects recorded, unchanged ones skipped (looked up in chunks)."""
        o = self.options
        window: list[Article] = []
        for path in expand_sources(list(sources)):
            try:  # each source on its own: one that cannot be read does not stop the others
                for item in read_sources(
                    [path], published=o.published, max_bytes=o.max_bytes, csv_columns=o.csv_columns
                ):
                    self.stats.read += 1
                    if isinstance(item, Reject):
                        self._reject(item.record, item.reason)
                        continue
                    window.append(item)
                    if len(window) >= max(64, o.batch_size * 4):
                        yield from self._changed(window)
                        window = []
            except InputError as error:
                self._reject(path, str(error), source=path)
        yield from self._changed(window)

    def _changed(self, articles: list[Article]) -> Iterator[Article]:
        known = self.ledger.known_hashes(a.id for a in articles)
        for article in articles:
            digest = content_hash(article)
            if known.get(article.id) == digest or self._written_this_run.get(article.id) == digest:
                self.stats.unchanged += 1
                self._advance(1)
                continue
            if article.id in known:
                self._existed.add(article.id)
            self._written_this_run[article.id] = digest
            yield article

    # --- writing: one transaction per article ------------------------------------------------------

    def write(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            if outcome.rows is None:
                self._reject(outcome.article_id, outcome.error or "the analysis failed", source="analysis")
                continue
            self.ledger.write_rows(outcome.rows)
            if outcome.article_id in self._existed:
                self.stats.replaced += 1
            else:
                self.stats.new += 1
            self._advance(1)

    def finish(self) -> IngestStats:
        """Link measures across articles and count the tables."""
        self.stats.cross_source = self.ledger.relink()
        self.stats.counts = self.ledger.counts()
        return self.stats

    # --- engines -------------------------------------------------------------------------------------

    def run(self, sources: Iterable[str]) -> IngestStats:
        """Analyse in this process (``workers`` ≤ 1) or in a pool of worker processes."""
        o = self.options
        batches = _batches(self.pending(sources), o.batch_size)
        if o.workers <= 1:
            for batch in batches:
                self.write(analyse_batch(batch, o.model, o.batch_size))
            return self.finish()
        context = multiprocessing.get_context("spawn")  # no fork of a process with threads
        with context.Pool(o.workers, initializer=init_worker, initargs=(o.model,)) as pool:
            inflight: deque[Any] = deque()
            for batch in batches:
                inflight.append(pool.apply_async(analyse_batch, (batch, o.model, o.batch_size)))
                while len(inflight) >= o.workers * 2:
                    self.write(inflight.popleft().get())
            while inflight:
                self.write(inflight.popleft().get())
        return self.finish()


def _batches(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    sources: Iterable[str | os.PathLike[str]],
    url: str,
    options: IngestOptions | None = None,
    advance: Callable[[int], None] | None = None,
    notify: Notify | None = None,
) -> IngestStats:
    """Ingest ``sources`` into the ledger at ``url``; returns what was done and the counts per table.

    >>> stats = ingest(["corpus.jsonl.gz"], "sqlite:///claimledger.db")  # doctest: +SKIP
    >>> stats.summary()  # doctest: +SKIP
    '1798 articles written (1798 new, 0 replaced), 0 unchanged, 0 rejected'
    """
    with open_ledger(url) as ledger:
        return Ingest(ledger, options, advance, notify).run([os.fspath(s) for s in sources])
