"""Bounded, streaming byte reading: gzip by its magic bytes, byte order marks, lines with a size limit.

Nothing here holds more than ``max_bytes`` (plus one read chunk) of a record in memory,
however large the file or however well it compresses.
"""

from __future__ import annotations

import codecs
import gzip
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from claimledger.ingest.decoding import bom_encoding

GZIP_MAGIC = b"\x1f\x8b"
# The ways reading a (compressed, transcoded) stream fails for good; see `broken_reads`.
READ_FAILURES = (EOFError, OSError, zlib.error, UnicodeDecodeError)
CHUNK = 1 << 16


@dataclass(frozen=True)
class TooLarge:
    """A record over the size limit; ``size`` is its full length in bytes."""

    size: int


@dataclass(frozen=True)
class Unreadable:
    """The stream broke here (truncated or corrupt compression, bad encoding); nothing after it is read."""

    reason: str


class StreamBroken(Exception):
    """Reading a stream failed for good; ``reason`` says why in a plain sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _PrefixedRaw(io.RawIOBase):
    """Bytes already read from a stream, followed by the rest of that stream."""

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._prefix:
            n = min(len(view), len(self._prefix))
            view[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = _read_some(self._rest, len(view))
        view[: len(data)] = data
        return len(data)


class _TranscodedRaw(io.RawIOBase):
    """A UTF-16 or UTF-32 stream re-encoded as UTF-8, chunk by chunk."""

    def __init__(self, rest: IO[bytes], codec: str) -> None:
        self._rest = rest
        self._decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        while not self._pending and not self._done:
            chunk = _read_some(self._rest, CHUNK)
            self._done = not chunk
            self._pending = self._decoder.decode(chunk, final=self._done).encode("utf-8")
        n = min(len(view), len(self._pending))
        view[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def _read_some(stream: IO[bytes], size: int) -> bytes:
    """Up to ``size`` bytes, without waiting for more than one underlying read.

    A plain ``read(size)`` would wait to fill ``size``: if a truncated gzip fails on the
    way, the bytes it had already decompressed would be lost with it.
    """
    read1 = getattr(stream, "read1", None)
    return read1(size) if read1 else stream.read(size)


def peek(stream: IO[bytes], n_bytes: int) -> tuple[bytes, IO[bytes]]:
    """Read up to ``n_bytes`` from ``stream``; return them and a stream that still starts at the beginning."""
    parts: list[bytes] = []
    wanted = n_bytes
    while wanted > 0:
        try:
            data = _read_some(stream, wanted)
        except READ_FAILURES:
            if not parts:
                raise
            break  # the stream fails again on the next read, after the records it did give
        if not data:
            break
        parts.append(data)
        wanted -= len(data)
    prefix = b"".join(parts)
    return prefix, io.BufferedReader(_PrefixedRaw(prefix, stream), buffer_size=CHUNK)


def decompressed(stream: IO[bytes]) -> IO[bytes]:
    """``stream`` itself, or its decompressed content when it starts with the gzip magic bytes."""
    magic, stream = peek(stream, len(GZIP_MAGIC))
    if magic == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=stream, mode="rb")
    return stream


def as_utf8(stream: IO[bytes]) -> IO[bytes]:
    """``stream`` as UTF-8 bytes: a UTF-8 byte order mark dropped, UTF-16 and UTF-32 re-encoded."""
    start, stream = peek(stream, 4)
    bom = bom_encoding(start)
    if bom is None:
        return stream
    codec, _ = bom
    if codec == "utf-8-sig":
        stream.read(len(codecs.BOM_UTF8))
        return stream
    return io.BufferedReader(_TranscodedRaw(stream, codec), buffer_size=CHUNK)


def read_bounded(stream: IO[bytes], max_bytes: int) -> bytes | TooLarge:
    """The whole content of ``stream`` if it is at most ``max_bytes``, else its size (counted, not kept)."""
    with broken_reads():
        data = stream.read(max_bytes + 1)
        if len(data) <= max_bytes:
            return data
        size = len(data)
        del data
        while chunk := stream.read(CHUNK):
            size += len(chunk)
        return TooLarge(size)


def iter_lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | TooLarge | Unreadable]]:
    """Number and yield the lines of ``stream`` (1-based, newline kept).

    A line longer than ``max_bytes`` comes as `TooLarge` and reading picks up at the next
    newline. If the stream breaks, one `Unreadable` with the next line number ends the lines.
    """
    line_number = 0
    try:
        with broken_reads():
            while line := stream.readline(max_bytes + 1):
                line_number += 1
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    yield line_number, TooLarge(len(line) + _skip_line(stream))
                else:
                    yield line_number, line
    except StreamBroken as broken:
        yield line_number + 1, Unreadable(broken.reason)


def _skip_line(stream: IO[bytes]) -> int:
    """Read past the rest of the current line without keeping it; return how many bytes it had."""
    skipped = 0
    while chunk := stream.readline(CHUNK):
        if chunk.endswith(b"\n"):
            return skipped + len(chunk) - 1
        skipped += len(chunk)
    return skipped


@contextmanager
def broken_reads() -> Iterator[None]:
    """Turn the ways a read can fail for good into `StreamBroken` with a plain reason."""
    try:
        yield
    except EOFError as error:
        raise StreamBroken("the compressed file ends early (it is truncated)") from error
    except (gzip.BadGzipFile, zlib.error) as error:
        raise StreamBroken(f"the compressed data is corrupt ({error})") from error
    except UnicodeDecodeError as error:
        reason = f"the text does not decode as its byte order mark says ({error.reason})"
        raise StreamBroken(reason) from error
    except OSError as error:
        raise StreamBroken(f"the file could not be read ({error.strerror or error})") from error
