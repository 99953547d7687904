"""What the readers report: a skipped record (`Reject`), a bad record, a source that cannot be read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reject:
    """A record that could not be read; the run goes on without it.

    >>> Reject("corpus.jsonl:17", "line is not valid JSON (Expecting ',' delimiter at column 40)").message()
    "article 'corpus.jsonl:17' skipped: line is not valid JSON (Expecting ',' delimiter at column 40)"
    """

    record: str  # where the record is: "path/to/file.jsonl:17", "path/to/a.html", "<stdin>:3"
    reason: str  # a plain sentence: "body is empty after HTML extraction"

    def message(self) -> str:
        """The line a user sees: which article was skipped and why."""
        return f"article '{self.record}' skipped: {self.reason}"


class InputError(Exception):
    """A whole source cannot be read at all (a missing path, a CSV without a text column)."""


class BadRecord(ValueError):
    """One record is unusable; ``reason`` is the plain sentence that goes into its `Reject`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
