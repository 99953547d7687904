"""Bytes to text: byte order marks, declared HTML charsets, UTF-8, and a plain reason when that fails."""

from __future__ import annotations

import codecs
import re

from claimledger.ingest.errors import BadRecord

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BYTE_ORDER_MARKS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Control bytes that do not occur in text (tab, newlines, form feed and escape do).
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}
_TEXT_BYTES = bytes(sorted(set(range(256)) - _CONTROL_BYTES))
BINARY_SAMPLE = 8192
BINARY_CONTROL_SHARE = 0.10
# Browsers look for the charset in the first 1,024 bytes; generous pages put it a little later.
CHARSET_PRESCAN = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.:\-]+)""", re.IGNORECASE)
# The HTML standard reads these labels as windows-1252, and a <meta> can never mean UTF-16.
_HTML_LABEL_CODECS = {"ascii": "cp1252", "iso8859-1": "cp1252", "latin-1": "cp1252",
                      "utf-16": "utf-8", "utf-16-le": "utf-8", "utf-16-be": "utf-8"}
# Python codecs that are not character sets a page could honestly declare.
_NOT_CHARSETS = {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined", "mbcs",
                 "utf-7", "charmap"}


def bom_encoding(data: bytes) -> tuple[str, str] | None:
    """The Python codec and the display name of the byte order mark ``data`` starts with, if any."""
    for mark, codec, name in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return codec, name
    return None


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` is not text: it holds a NUL byte or many control bytes."""
    if b"\x00" in data:
        return True
    sample = data[:BINARY_SAMPLE]
    control = len(sample.translate(None, _TEXT_BYTES))  # delete the text bytes, count what is left
    return bool(sample) and control / len(sample) > BINARY_CONTROL_SHARE


def declared_charset(html: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>``, http-equiv or XML), as written."""
    head = html[:CHARSET_PRESCAN]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def html_codec(label: str) -> str | None:
    """The Python codec for a declared HTML charset label, or None when Python does not know it."""
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name.replace("_", "-")
    if name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None
    return _HTML_LABEL_CODECS.get(name, info.name)


def decode_text(data: bytes, *, declared: str | None = None, what: str = "file") -> str:
    """Decode ``data`` as text, or raise `BadRecord` with the reason.

    A byte order mark wins; then the ``declared`` charset (from HTML); then UTF-8.
    ``what`` names the thing in messages ("file", "line").

    >>> decode_text("café".encode())
    'café'
    >>> decode_text(b"caf\\xe9")
    Traceback (most recent call last):
    ...
    claimledger.ingest.errors.BadRecord: file is not valid UTF-8 (first bad byte 0xE9 at offset 3)
    """
    bom = bom_encoding(data)
    if bom:
        codec, name = bom
        try:
            return data.decode(codec)
        except UnicodeDecodeError as err:
            raise BadRecord(f"{what} starts with a {name} byte order mark but is not valid {name} "
                            f"({_bad_byte(data, err)})") from None
    if looks_binary(data):
        raise BadRecord(f"{what} looks binary, not text")
    codec = html_codec(declared) if declared else None
    if codec and codec != "utf-8":
        try:
            return data.decode(codec)
        except UnicodeDecodeError as err:
            raise BadRecord(f"{what} is not valid in its declared charset '{declared}' "
                            f"({_bad_byte(data, err)})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        hint = f" and its declared charset '{declared}' is unknown" if declared and not codec else ""
        raise BadRecord(f"{what} is not valid UTF-8 ({_bad_byte(data, err)}){hint}") from None


def _bad_byte(data: bytes, err: UnicodeDecodeError) -> str:
    return f"first bad byte 0x{data[err.start]:02X} at offset {err.start}"
