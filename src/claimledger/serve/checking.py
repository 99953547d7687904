"""The "check an article" form: pasted text or an uploaded file (txt, html, json) to an analysed article.

Every problem becomes a :class:`FormProblem` with a plain sentence for the reader and the
HTTP status to answer with (400 for bad input, 413 for too large, 503 without a model).

>>> article_from_form(text="   ", title="", published="", source="", upload=None)
Traceback (most recent call last):
...
claimledger.serve.checking.FormProblem: Paste the text of an article, or choose a file to upload.
"""

from __future__ import annotations

import dataclasses
import io
import threading
from dataclasses import dataclass

from claimledger.ingest import BadRecord, Reject, article_from_text, parse_published, read_stream, sniff_format
from claimledger.ingest.articles import checked_text, file_stem
from claimledger.ingest.limits import DEFAULT_MAX_BYTES, size_text
from claimledger.model import Analysis, Article
from claimledger.pipeline import analyze_article, article_id_for

UPLOAD_FORMATS = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
                  ".json": "json", ".jsonl": "jsonl"}
_ANALYSE_LOCK = threading.Lock()  # one spaCy pipeline shared by the server's threads
_WRITE_LOCK = threading.Lock()  # one writer at a time into the ledger


class FormProblem(ValueError):
    """Input the form cannot use: ``str(problem)`` is the sentence shown, ``status`` the HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Upload:
    """A file sent with the form."""

    filename: str
    data: bytes


def too_large_message(size: int | None, limit: int) -> str:
    """The sentence for an oversized article or upload.

    >>> too_large_message(7_200_000, 2_000_000).split(". ")[0]
    'The article is 7.2 MB, over the 2.0 MB this server accepts'
    """
    size_words = f"is {size_text(size)}" if size is not None else "is too large"
    return (f"The article {size_words}, over the {size_text(limit)} this server accepts. "
            "Send a shorter article, or start the server with a larger --max-bytes.")


def _published(value: str) -> object:
    try:
        return parse_published(value.strip() or None)
    except BadRecord:
        raise FormProblem(f"The publication date '{value.strip()}' is not a date; write it as YYYY-MM-DD "
                          "(for example 2016-04-27).") from None


def _from_upload(upload: Upload, published: object, max_bytes: int) -> tuple[Article, list[str]]:
    name = upload.filename or "upload"
    if not upload.data:
        raise FormProblem(f"The file '{name}' is empty.")
    if len(upload.data) > max_bytes:
        raise FormProblem(too_large_message(len(upload.data), max_bytes), status=413)
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    fmt = UPLOAD_FORMATS.get(suffix) or sniff_format(upload.data[:65536], whole=True)
    items = list(read_stream(io.BytesIO(upload.data), name=name, stem=file_stem(name), fmt=fmt,
                             published=published, max_bytes=max_bytes))  # type: ignore[arg-type]
    articles = [i for i in items if isinstance(i, Article)]
    if not articles:
        reasons = "; ".join(i.reason for i in items if isinstance(i, Reject)) or "it holds no article"
        raise FormProblem(f"The file '{name}' could not be read: {reasons}.")
    notes = []
    if len(items) > 1:
        notes.append(f"The file '{name}' holds {len(items)} records; the first article is shown.")
    article = articles[0]
    if fmt not in ("json", "jsonl"):  # a file name is no id: the content makes one
        article = dataclasses.replace(article, id=article_id_for(article.text, article.title))
    return article, notes


def article_from_form(
    *,
    text: str,
    title: str,
    published: str,
    source: str,
    upload: Upload | None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[Article, list[str]]:
    """The article the form describes, and notes for the reader; raises :class:`FormProblem`.

    An uploaded file wins over pasted text. Without a title, a short first line followed
    by a blank line is taken as the title, as ``claimledger analyze`` does.
    """
    date = _published(published)
    if upload is not None and upload.data:
        article, notes = _from_upload(upload, date, max_bytes)
    else:
        if not text.strip():
            raise FormProblem("Paste the text of an article, or choose a file to upload.")
        if len(text.encode("utf-8")) > max_bytes:
            raise FormProblem(too_large_message(len(text.encode("utf-8")), max_bytes), status=413)
        notes = []
        try:
            if title.strip():
                body = checked_text(text.replace("\r\n", "\n").replace("\r", "\n").strip())
                article = Article(id="", text=body, title=title.strip(), published=date)  # type: ignore[arg-type]
            else:
                article = article_from_text(text, id="", published=date)  # type: ignore[arg-type]
        except BadRecord as bad:
            raise FormProblem(f"This article cannot be analysed: {bad.reason}.") from None
        article = dataclasses.replace(article, id=article_id_for(article.text, article.title))
    if title.strip():
        article = dataclasses.replace(article, title=title.strip())
    if source.strip():
        article = dataclasses.replace(article, source=source.strip())
    return article, notes


def analyse(article: Article) -> Analysis:
    """Analyse one article with the shared spaCy pipeline; raises :class:`FormProblem` (503) without a model."""
    from claimledger.nlp.model import ModelNotInstalled, load_model

    try:
        nlp = load_model()
    except ModelNotInstalled as error:
        raise FormProblem(f"The server cannot analyse articles: {error}", status=503) from None
    with _ANALYSE_LOCK:
        return analyze_article(article, nlp)


def save(analysis: Analysis, url: str) -> None:
    """Write the analysed article into the ledger at ``url`` (replacing an earlier version) and relink measures."""
    from claimledger.store import open_ledger

    with _WRITE_LOCK, open_ledger(url) as ledger:
        ledger.write(analysis)
        ledger.relink()
