"""Readers for article records: JSON (an object or a list), JSON Lines and CSV, streamed."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any, Literal

from claimledger.ingest.articles import article_from_record
from claimledger.ingest.decoding import bom_encoding, decode_text
from claimledger.ingest.errors import BadRecord, InputError, Reject
from claimledger.ingest.limits import too_large_reason
from claimledger.ingest.streams import (
    StreamBroken,
    TooLarge,
    Unreadable,
    as_utf8,
    broken_reads,
    iter_lines,
    read_bounded,
)
from claimledger.model import Article

RECORD_FIELDS = ("id", "title", "text", "published", "source", "url")
LOST_AFTER = "; the records from here on are lost"
JsonLayout = Literal["json", "jsonl"]


def read_jsonl(
    stream: IO[bytes], *, name: str, stem: str, max_bytes: int, published: dt.date | None = None
) -> Iterator[Article | Reject]:
    """Articles from JSON Lines, one object per line; a bad line is a `Reject` and the others go on.

    Records are named ``name:line``; a record without an id gets ``stem-line``. Blank lines
    are skipped. A line over ``max_bytes`` is rejected without being held in memory.
    """
    try:
        with broken_reads():
            stream = as_utf8(stream)
    except StreamBroken as broken:
        yield Reject(name, broken.reason)
        return
    for line_number, line in iter_lines(stream, max_bytes):
        record_name = f"{name}:{line_number}"
        if isinstance(line, Unreadable):
            yield Reject(record_name, line.reason + LOST_AFTER)
            return
        if isinstance(line, TooLarge):
            yield Reject(record_name, too_large_reason(line.size, max_bytes))
            continue
        if not line.strip():
            continue
        try:
            record = _parse_json(decode_text(line.rstrip(b"\r\n"), what="line"), what="line")
            yield article_from_record(record, record_name=record_name, default_id=f"{stem}-{line_number}",
                                      published=published)
        except BadRecord as bad:
            yield Reject(record_name, bad.reason)


def read_json(
    stream: IO[bytes], *, name: str, stem: str, max_bytes: int, published: dt.date | None = None
) -> Iterator[Article | Reject]:
    """Articles from one JSON document: an article object, or a list of them (``name#1``, ``name#2`` ...).

    The document is read whole, so it is held to ``max_bytes``; large collections belong in JSON Lines.
    """
    try:
        data = read_bounded(stream, max_bytes)
    except StreamBroken as broken:
        yield Reject(name, broken.reason)
        return
    if isinstance(data, TooLarge):
        reason = too_large_reason(data.size, max_bytes, what="JSON file")
        yield Reject(name, f"{reason}; write large collections as JSON Lines (.jsonl), one article a line")
        return
    try:
        if not data.strip():
            raise BadRecord("file is empty")
        value = _parse_json(decode_text(data), what="file")
        if isinstance(value, list):
            yield from _list_items(value, name=name, stem=stem, published=published)
        else:
            yield article_from_record(value, record_name=name, default_id=stem, published=published)
    except BadRecord as bad:
        yield Reject(name, bad.reason)


def _list_items(
    items: list[Any], *, name: str, stem: str, published: dt.date | None
) -> Iterator[Article | Reject]:
    for number, item in enumerate(items, start=1):
        record_name = f"{name}#{number}"
        try:
            yield article_from_record(item, record_name=record_name, default_id=f"{stem}-{number}",
                                      published=published)
        except BadRecord as bad:
            yield Reject(record_name, bad.reason)


def _parse_json(text: str, *, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        where = f"line {err.lineno}, column {err.colno}" if what == "file" else f"column {err.colno}"
        message = err.msg.removesuffix(" at")  # "Invalid control character at"
        raise BadRecord(f"{what} is not valid JSON ({message} at {where})") from None
    except RecursionError:
        raise BadRecord(f"{what} is nested too deeply to be read as JSON") from None
    except ValueError:  # not a syntax error: an integer over Python's 4,300-digit limit
        raise BadRecord(f"{what} is not valid JSON (a number in it has too many digits)") from None


def json_layout(prefix: bytes, *, whole: bool) -> JsonLayout:
    """Whether a JSON file is one document or JSON Lines, judged from its first bytes.

    JSON Lines when the first line is a whole JSON object and more follows, or when the
    first line runs past ``prefix`` (``whole`` says whether ``prefix`` is all there is).

    >>> json_layout(b'{"text": "a"}\\n{"text": "b"}\\n', whole=True)
    'jsonl'
    >>> json_layout(b'{\\n  "text": "a"\\n}\\n', whole=True)
    'json'
    """
    text = sniff_text(prefix).lstrip()
    if not text.startswith("{"):
        return "json"
    first, newline, rest = text.partition("\n")
    if not newline:
        return "json" if whole else "jsonl"
    try:
        json.loads(first)
    except ValueError:
        return "json"
    return "jsonl" if rest.strip() else "json"


def sniff_text(prefix: bytes) -> str:
    """The first bytes of a stream as text, for guessing its format (bad bytes replaced)."""
    bom = bom_encoding(prefix)
    return prefix.decode(bom[0] if bom else "utf-8", errors="replace")


def read_csv(
    stream: IO[bytes],
    *,
    name: str,
    stem: str,
    max_bytes: int,
    published: dt.date | None = None,
    csv_columns: Mapping[str, str] | None = None,
) -> Iterator[Article | Reject]:
    """Articles from CSV with a header row; ``csv_columns`` maps our fields to its columns.

    ``{"text": "body", "title": "headline"}`` reads the text from ``body`` and the title from
    ``headline``; other fields keep their own names. Rows are named ``name:line`` by the line
    they start on. Raises `InputError` when there is no text column.
    """
    columns = {field: field for field in RECORD_FIELDS} | dict(csv_columns or {})
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))  # the default (128 kB) is below an article
    try:
        with broken_reads():
            stream = as_utf8(stream)
    except StreamBroken as broken:
        yield Reject(name, broken.reason)
        return
    lines = _CsvLines(iter_lines(stream, max_bytes), max_bytes)
    rows = csv.reader(lines, strict=True)
    header = _header(rows, name)
    if header is None:
        yield Reject(name, "file is empty")
        return
    index = _column_index(header, columns, explicit=set(csv_columns or ()), name=name)
    while True:
        start = lines.line_number + 1
        lines.new_record()
        try:
            row = next(rows)
        except StopIteration:
            return
        except _LineProblem as problem:
            yield Reject(f"{name}:{problem.line_number}", problem.reason)
            continue
        except csv.Error as error:
            yield Reject(f"{name}:{start}", f"row is not valid CSV ({error})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        record_name = f"{name}:{start}"
        if len(row) != len(header):
            yield Reject(record_name, f"row has {len(row)} fields but the header has {len(header)}")
            continue
        record = {field: row[i] if field == "text" else row[i] or None for field, i in index.items()}
        try:
            yield article_from_record(record, record_name=record_name, default_id=f"{stem}-{start}",
                                      published=published)
        except BadRecord as bad:
            yield Reject(record_name, bad.reason)


def _header(rows: Iterator[list[str]], name: str) -> list[str] | None:
    try:
        return [column.strip() for column in next(rows)]
    except StopIteration:
        return None
    except (_LineProblem, csv.Error) as problem:
        raise InputError(f"the header row of '{name}' cannot be read: {_reason(problem)}") from None


def _column_index(
    header: list[str], columns: dict[str, str], *, explicit: set[str], name: str
) -> dict[str, int]:
    found = ", ".join(f"'{column}'" for column in header)
    for field in ("text", *sorted(explicit - {"text"})):
        if columns[field] not in header:
            hint = "" if field in explicit else " (choose one with csv_columns, e.g. {'text': 'body'})"
            raise InputError(
                f"'{name}' has no {field} column '{columns[field]}'; its columns are {found}{hint}"
            )
    return {field: header.index(column) for field, column in columns.items() if column in header}


def _reason(problem: Exception) -> str:
    return problem.reason if isinstance(problem, _LineProblem) else f"not valid CSV ({problem})"


class _LineProblem(Exception):
    def __init__(self, line_number: int, reason: str) -> None:
        super().__init__(reason)
        self.line_number = line_number
        self.reason = reason


class _CsvLines:
    """Decoded lines for `csv.reader`; a bad line raises `_LineProblem`, and reading can go on after it."""

    def __init__(self, lines: Iterator[tuple[int, bytes | TooLarge | Unreadable]], max_bytes: int) -> None:
        self._lines = lines
        self._max_bytes = max_bytes
        self.line_number = 0
        self._record_bytes = 0

    def new_record(self) -> None:
        self._record_bytes = 0

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        self.line_number, line = next(self._lines)
        if isinstance(line, Unreadable):
            raise _LineProblem(self.line_number, line.reason + LOST_AFTER)
        if isinstance(line, TooLarge):
            raise _LineProblem(self.line_number, too_large_reason(line.size, self._max_bytes))
        self._record_bytes += len(line)
        if self._record_bytes > self._max_bytes:  # a quoted field running over many lines
            raise _LineProblem(self.line_number, too_large_reason(self._record_bytes, self._max_bytes))
        try:
            return decode_text(line, what="line")
        except BadRecord as bad:
            raise _LineProblem(self.line_number, bad.reason) from None
