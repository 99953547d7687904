"""Articles from web pages: the main text and metadata, extracted with trafilatura."""

from __future__ import annotations

import datetime as dt
import re

import trafilatura
from trafilatura.settings import Document
from trafilatura.xml import xmltotxt

from claimledger.ingest.articles import checked_text, parse_published
from claimledger.ingest.decoding import declared_charset, decode_text
from claimledger.ingest.errors import BadRecord
from claimledger.model import Article

EMPTY_BODY = "body is empty after HTML extraction"
_SPACES = re.compile(r"\s+")


def article_from_html(
    html: str | bytes,
    *,
    id: str,
    url: str | None = None,
    published: dt.date | None = None,
) -> Article:
    """An article from a web page: its main text (page boilerplate dropped), title, date, URL and site.

    Bytes are decoded by their byte order mark, else the charset the page declares, else
    UTF-8. Paragraphs are separated by a blank line. ``url`` wins over the page's own
    canonical URL and ``published`` over the date found in the page (a guess).
    Raises `BadRecord` when nothing readable is left.

    >>> page = "<html><body><article><p>Sales rose 10% to $110 million in May.</p></article></body></html>"
    >>> article_from_html(page, id="p1").text
    'Sales rose 10% to $110 million in May.'
    """
    if isinstance(html, bytes):
        html = decode_text(html, declared=declared_charset(html))
    if not html.strip():
        raise BadRecord("file is empty")
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
        text = _paragraphs(document) if isinstance(document, Document) else ""
    except RecursionError:
        raise BadRecord("HTML is nested too deeply to extract its text") from None
    except Exception as error:  # a third-party parser: any failure is this page's problem, not the run's
        raise BadRecord(f"HTML extraction failed ({type(error).__name__}: {error})") from None
    if not isinstance(document, Document) or not text.strip():
        raise BadRecord(EMPTY_BODY)
    title = (document.title or "").strip() or None
    if title:
        text = _without_heading(text, title)
    if not text:
        raise BadRecord(EMPTY_BODY)
    return Article(
        id=id,
        text=checked_text(text),
        title=title,
        published=published or _page_date(document.date),
        source=document.sitename or document.hostname or None,
        url=url or document.url or None,
    )


def _paragraphs(document: Document) -> str:
    """The main text with a blank line between blocks (trafilatura's own text uses one newline)."""
    blocks = [xmltotxt(block, False).strip() for block in document.body]
    text = "\n\n".join(block for block in blocks if block)
    return text or (document.text or "").strip()


def _without_heading(text: str, title: str) -> str:
    """The text without a first paragraph that only repeats the title (the page's <h1>)."""
    first, _, rest = text.partition("\n\n")
    if _SPACES.sub(" ", first).strip().casefold() == _SPACES.sub(" ", title).strip().casefold():
        return rest.strip()
    return text


def _page_date(value: str | None) -> dt.date | None:
    try:
        return parse_published(value)
    except BadRecord:
        return None
