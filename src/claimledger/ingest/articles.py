"""Articles from plain text and from records (dicts), with the checks every article passes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from claimledger.ingest.errors import BadRecord
from claimledger.ingest.language import looks_english
from claimledger.model import Article

STDIN_NAME = "<stdin>"
STDIN_STEM = "stdin"
_RECORD_NAME = re.compile(r"(.*?)(?:[:#](\d+))?")
# A first line longer than this is a paragraph, not a title, even when a blank line follows it.
MAX_TITLE_CHARS = 300
_NEWLINES = re.compile(r"\r\n?")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_JSON_TYPE_NAMES: dict[type, str] = {
    dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
    bool: "true or false", type(None): "null",
}
_OPTIONAL_TEXT_FIELDS = ("title", "source", "url")


def checked_text(text: str) -> str:
    """Return ``text`` if it can be analysed; raise `BadRecord` if it is empty or not English."""
    if not text.strip():
        raise BadRecord("text is empty")
    if not looks_english(text):
        raise BadRecord("text does not look like English")
    return text


def article_from_text(
    raw: str,
    *,
    id: str,
    published: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article:
    """An article from plain text, taken as written.

    The first line is the title when a blank line follows it (and it is not a whole
    paragraph); the rest, without outer whitespace, is the text. Line ends become ``\\n``.
    Raises `BadRecord` when the body is empty or not English.

    >>> article = article_from_text("Prices rise\\n\\nPrices rose 3% in May.", id="a1")
    >>> article.title, article.text
    ('Prices rise', 'Prices rose 3% in May.')
    """
    text = _NEWLINES.sub("\n", raw).strip()
    title: str | None = None
    first, blank, rest = text.partition("\n")
    if blank and rest.strip() and len(first) <= MAX_TITLE_CHARS and _BLANK_LINE.match("\n" + rest):
        title, text = first.strip(), rest.strip()
    return Article(id=id, text=checked_text(text), title=title or None, published=published,
                   source=source, url=url)


def parse_published(value: Any) -> dt.date | None:
    """A publication date from an ISO date or date-time string (or a date); None for null or empty.

    >>> parse_published("2016-04-27T10:00:00Z")
    datetime.date(2016, 4, 27)
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        candidate = value.strip()
        try:
            if len(candidate) == 10:
                return dt.date.fromisoformat(candidate)
            return dt.datetime.fromisoformat(candidate).date()
        except ValueError:
            pass
    shown = value if isinstance(value, str) else repr(value)
    raise BadRecord(f"published '{shown}' is not a date (expected YYYY-MM-DD)")


def article_from_record(
    record: Mapping[str, Any],
    *,
    record_name: str,
    default_id: str | None = None,
    published: dt.date | None = None,
) -> Article:
    """An article from a record with ``id``, ``title``, ``text``, ``published``, ``source``, ``url``.

    The types are checked and each problem raises `BadRecord` with a plain reason. Other
    keys (``dataset``, ``license`` ...) are ignored. ``default_id`` is used when the record has
    no id, else the id is made from ``record_name`` ("dir/news.jsonl:17" gives "news-17");
    ``published`` is used when the record has no date. The text is kept exactly as given.

    >>> article_from_record({"id": 7, "text": "Sales rose 10% to $110 million."}, record_name="a.jsonl:1").id
    '7'
    >>> article_from_record({"text": "Sales rose 10% to $110 million."}, record_name="dir/a.jsonl.gz:3").id
    'a-3'
    """
    if not isinstance(record, Mapping):
        raise BadRecord(f"the record is {_type_name(record)}, not an article object")
    text = record.get("text")
    if text is None:
        raise BadRecord("the record has no text")
    if not isinstance(text, str):
        raise BadRecord(f"text is {_type_name(text)}, not a string")
    article_id = _record_id(record.get("id"), default_id or id_from_record_name(record_name))
    fields = {name: _optional_text(record, name) for name in _OPTIONAL_TEXT_FIELDS}
    language = record.get("language")
    if isinstance(language, str) and language.strip() and not language.lower().startswith("en"):
        raise BadRecord(f"language is '{language}', not English")
    return Article(
        id=article_id,
        text=checked_text(text),
        title=fields["title"] or None,
        published=parse_published(record.get("published")) or published,
        source=fields["source"],
        url=fields["url"],
    )


def id_from_record_name(record_name: str) -> str:
    """The id of a record that has none: the file stem, and the line or item number if any.

    >>> id_from_record_name("corpus/news.jsonl.gz:17"), id_from_record_name("<stdin>:3")
    ('news-17', 'stdin-3')
    """
    match = _RECORD_NAME.fullmatch(record_name)
    path, number = match.groups() if match else (record_name, None)
    stem = STDIN_STEM if path == STDIN_NAME else file_stem(path)
    return f"{stem}-{number}" if number else stem


def file_stem(path: str | PurePath) -> str:
    """A file's name without its extensions for format and compression ("news.jsonl.gz" gives "news")."""
    name = PurePath(path).name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return PurePath(name).stem or name


def _record_id(value: Any, default_id: str) -> str:
    if value is None or value == "":
        return default_id
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadRecord(f"id is {_type_name(value)}, not a string")
    return str(value)


def _optional_text(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise BadRecord(f"{name} is {_type_name(value)}, not a string")


def _type_name(value: Any) -> str:
    return _JSON_TYPE_NAMES.get(type(value), f"a {type(value).__name__}")
