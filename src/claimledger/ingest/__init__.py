"""The ingest stage: read articles from files, directories, patterns and standard input.

>>> from claimledger.ingest import read_sources, Reject
>>> for item in read_sources(["corpus.jsonl.gz"]):  # doctest: +SKIP
...     print(item.message() if isinstance(item, Reject) else item.id)
"""

from claimledger.ingest.articles import article_from_record, article_from_text, parse_published
from claimledger.ingest.errors import BadRecord, InputError, Reject
from claimledger.ingest.html import article_from_html
from claimledger.ingest.language import looks_english
from claimledger.ingest.limits import DEFAULT_MAX_BYTES
from claimledger.ingest.readers import read_path, read_sources, read_stdin, read_stream, sniff_format
from claimledger.ingest.sources import FORMATS, expand_sources, format_of

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "BadRecord",
    "InputError",
    "Reject",
    "article_from_html",
    "article_from_record",
    "article_from_text",
    "expand_sources",
    "format_of",
    "looks_english",
    "parse_published",
    "read_path",
    "read_sources",
    "read_stdin",
    "read_stream",
    "sniff_format",
]
