"""Read articles from files, directories, patterns and standard input.

Every reader is a generator of `Article` and `Reject`: a record that cannot be read is
reported and skipped, and the run goes on. Only a source that cannot be opened at all
raises `InputError`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from claimledger.ingest.articles import STDIN_NAME, STDIN_STEM, article_from_text, file_stem
from claimledger.ingest.decoding import decode_text
from claimledger.ingest.errors import BadRecord, InputError, Reject
from claimledger.ingest.html import article_from_html
from claimledger.ingest.limits import DEFAULT_MAX_BYTES, check_max_bytes, too_large_reason
from claimledger.ingest.records import json_layout, read_csv, read_json, read_jsonl, sniff_text
from claimledger.ingest.sources import STDIN, expand_sources, format_of
from claimledger.ingest.streams import StreamBroken, TooLarge, broken_reads, decompressed, peek, read_bounded
from claimledger.model import Article

# How much of a stream is looked at to guess its format.
SNIFF_BYTES = 1 << 16


def read_sources(
    sources: Iterable[str | os.PathLike[str]],
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    csv_columns: Mapping[str, str] | None = None,
) -> Iterator[Article | Reject]:
    """Articles from each source in turn: a file, a directory, a glob pattern, or "-" for standard input.

    All sources are checked before the first article comes, so a mistyped path fails
    fast with `InputError`. ``published`` is the date of articles that carry none of
    their own (it also wins over the date guessed from a web page); ``max_bytes`` limits
    one article; ``csv_columns`` maps our field names to CSV column names.

    >>> for item in read_sources(["corpus.jsonl.gz", "pages/"]):  # doctest: +SKIP
    ...     print(item.message() if isinstance(item, Reject) else item.id)
    """
    check_max_bytes(max_bytes)
    for source in expand_sources(sources):
        try:
            if source == STDIN:
                yield from read_stdin(published=published, max_bytes=max_bytes, csv_columns=csv_columns)
            else:
                yield from read_path(source, published=published, max_bytes=max_bytes, csv_columns=csv_columns)
        except InputError as error:
            # one unreadable file (a CSV with no usable header) is reported; the other sources go on
            yield Reject(str(source), str(error))


def read_path(
    path: str | os.PathLike[str],
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    csv_columns: Mapping[str, str] | None = None,
) -> Iterator[Article | Reject]:
    """Articles from one file, read by its extension (unknown extensions are read as plain text).

    Gzip is recognised by content. Raises `InputError` if the path does not exist or is a directory.
    """
    check_max_bytes(max_bytes)
    path = Path(path)
    if path.is_dir():
        raise InputError(f"'{path}' is a directory; read it with read_sources")
    if not path.exists():
        raise InputError(f"no such file: '{path}'")
    name = str(path)
    try:
        stream = path.open("rb")
    except OSError as error:
        yield Reject(name, f"the file could not be opened ({error.strerror or error})")
        return
    with stream:
        yield from read_stream(stream, name=name, stem=file_stem(path), fmt=format_of(path) or "text",
                               published=published, max_bytes=max_bytes, csv_columns=csv_columns)


def read_stdin(
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    csv_columns: Mapping[str, str] | None = None,
) -> Iterator[Article | Reject]:
    """Articles from standard input, its format guessed from its first bytes (gzip allowed).

    A JSON object or array is JSON, lines of JSON objects are JSON Lines, a page starting
    ``<html`` or ``<!doctype`` is HTML, anything else is plain text.
    """
    raw = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))
    try:
        with broken_reads():
            prefix, stream = peek(decompressed(raw), SNIFF_BYTES)
    except StreamBroken as broken:
        yield Reject(STDIN_NAME, broken.reason)
        return
    fmt = sniff_format(prefix, whole=len(prefix) < SNIFF_BYTES)
    yield from read_stream(stream, name=STDIN_NAME, stem=STDIN_STEM, fmt=fmt, published=published,
                           max_bytes=max_bytes, csv_columns=csv_columns)


def sniff_format(prefix: bytes, *, whole: bool) -> str:
    """The format of a stream from its first bytes: "json", "jsonl", "html" or "text".

    >>> sniff_format(b"<!DOCTYPE html><html>...", whole=True), sniff_format(b"Prices rose.", whole=True)
    ('html', 'text')
    """
    text = sniff_text(prefix).lstrip()
    if text.startswith("{") or (text.startswith("[") and text[1:].lstrip()[:1] in ("{", "]")):
        return json_layout(prefix, whole=whole)
    head = text[:1024].lower()
    if head.startswith(("<!doctype", "<html")) or (head.startswith("<") and "<html" in head):
        return "html"
    return "text"


def read_stream(
    stream: IO[bytes],
    *,
    name: str,
    stem: str,
    fmt: str,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    csv_columns: Mapping[str, str] | None = None,
) -> Iterator[Article | Reject]:
    """Articles from a byte stream in a known format; ``name`` names its records, ``stem`` makes ids."""
    try:
        with broken_reads():
            stream = decompressed(stream)
            if fmt == "json":
                prefix, stream = peek(stream, SNIFF_BYTES)
                fmt = json_layout(prefix, whole=len(prefix) < SNIFF_BYTES)
    except StreamBroken as broken:
        yield Reject(name, broken.reason)
        return
    if fmt == "jsonl":
        yield from read_jsonl(stream, name=name, stem=stem, max_bytes=max_bytes, published=published)
    elif fmt == "json":
        yield from read_json(stream, name=name, stem=stem, max_bytes=max_bytes, published=published)
    elif fmt == "csv":
        yield from read_csv(stream, name=name, stem=stem, max_bytes=max_bytes, published=published,
                            csv_columns=csv_columns)
    else:
        yield _read_document(stream, name=name, stem=stem, html=fmt == "html", max_bytes=max_bytes,
                             published=published)


def _read_document(
    stream: IO[bytes], *, name: str, stem: str, html: bool, max_bytes: int, published: dt.date | None
) -> Article | Reject:
    """One article from a whole plain-text or HTML file."""
    try:
        data = read_bounded(stream, max_bytes)
    except StreamBroken as broken:
        return Reject(name, broken.reason)
    if isinstance(data, TooLarge):
        return Reject(name, too_large_reason(data.size, max_bytes))
    if not data:
        return Reject(name, "file is empty")
    try:
        if html:
            return article_from_html(data, id=stem, published=published)
        return article_from_text(decode_text(data), id=stem, published=published)
    except BadRecord as bad:
        return Reject(name, bad.reason)
