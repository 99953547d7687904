"""Analyse one article end to end: figures, changes, time, attribution, signals and checks.

>>> import claimledger
>>> analysis = claimledger.analyze("Exports fell 10% to $90 million from $100 million.")  # doctest: +SKIP
>>> [c.verdict for c in analysis.checks]  # doctest: +SKIP
['consistent']
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from claimledger.check.plan import plan_checks
from claimledger.extract.attribution import attribute
from claimledger.extract.claims import build_claims
from claimledger.extract.figures import all_quantities, find_figures
from claimledger.model import Analysis, Article
from claimledger.nlp.docindex import DocIndex
from claimledger.nlp.fast import FastPipeline
from claimledger.nlp.model import load_model

_FAST: dict[int, tuple[Language, FastPipeline | None]] = {}


def article_id_for(text: str, title: str | None) -> str:
    digest = hashlib.sha1(f"{title or ''}\n\n{text}".encode()).hexdigest()
    return f"article-{digest[:12]}"


def analyze_doc(doc: Doc, article: Article) -> Analysis:
    """The analysis of an article whose document has already been parsed by the pipeline."""
    ix = DocIndex(doc)
    if ix.text != article.document:
        raise ValueError(f"article '{article.id}': the parsed text is not the article's document")
    sentences = find_figures(doc, article.published, ix)
    attribution = attribute(doc, article, ix)
    claims = build_claims(sentences, article.id, attribution.attribution_of, attribution.signals_of)
    quantities = all_quantities(sentences)
    title_end = len(article.title) if article.title else 0
    checks = plan_checks(quantities, claims, article.document, title_end)
    return Analysis(
        article=article,
        quantities=tuple(quantities),
        claims=tuple(claims),
        checks=tuple(checks),
        statements=attribution.statements,
        speakers=attribution.speakers,
        signals=attribution.signals,
    )


OnError = Callable[[Article, Exception], None]


def fast_pipeline(nlp: Language) -> FastPipeline | None:
    """The fast parse for this pipeline (built once), or None when it lacks a component the fast path
    needs (then the whole pipeline runs on the whole text)."""
    cached = _FAST.get(id(nlp))
    if cached is None or cached[0] is not nlp:
        try:
            fast: FastPipeline | None = FastPipeline(nlp)
        except (ValueError, KeyError):
            fast = None
        cached = _FAST[id(nlp)] = (nlp, fast)
    return cached[1]


def _title_end(article: Article) -> int:
    return len(article.title) if article.title else 0


class ArticleTooLong(ValueError):
    """An article longer than the language model reads in one piece (spaCy's ``nlp.max_length``)."""


def _within_model_length(articles: Iterable[Article], nlp: Language,
                         on_error: OnError | None) -> Iterator[Article]:
    for article in articles:
        if len(article.document) > nlp.max_length:
            error = ArticleTooLong(f"article is {len(article.document):,} characters, over the "
                                   f"{nlp.max_length:,} the language model reads in one piece")
            if on_error is None:
                raise error
            on_error(article, error)
            continue
        yield article


def parse_many(articles: Iterable[Article], nlp: Language | None = None,
               batch_size: int = 32, on_error: OnError | None = None) -> Iterator[tuple[Doc, Article]]:
    """Each article's document parsed where the analysis needs it (:mod:`claimledger.nlp.fast`), in order.

    An article the model cannot read (longer than ``nlp.max_length``) raises :class:`ArticleTooLong`,
    or, with ``on_error``, is handed to it and skipped.
    """
    nlp = nlp or load_model()
    articles = _within_model_length(articles, nlp, on_error)
    fast = fast_pipeline(nlp)
    if fast is None:
        stream = ((a.document, a) for a in articles)
        yield from nlp.pipe(stream, as_tuples=True, batch_size=batch_size)
        return
    for batch in minibatch(articles, size=batch_size):
        docs = fast.pipe([(a.document, _title_end(a)) for a in batch], batch_size=batch_size)
        yield from zip(docs, batch, strict=True)


def analyze_article(article: Article, nlp: Language | None = None) -> Analysis:
    """Analyse an :class:`~claimledger.model.Article`."""
    nlp = nlp or load_model()
    with batch_zone(nlp):
        doc, _ = next(parse_many([article], nlp))
        return analyze_doc(doc, article)


def analyze(
    text: str,
    title: str | None = None,
    published: dt.date | str | None = None,
    *,
    id: str | None = None,
    source: str | None = None,
    url: str | None = None,
    nlp: Language | None = None,
) -> Analysis:
    """Analyse one article given as text; returns the typed :class:`~claimledger.model.Analysis`.

    >>> a = analyze("Sales rose 10% to $110 million.", published="2016-04-27")  # doctest: +SKIP
    >>> a.quantities[0].kind  # doctest: +SKIP
    'percent'
    """
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    article = Article(id=id or article_id_for(text, title), text=text, title=title or None,
                      published=published, source=source, url=url)
    return analyze_article(article, nlp)


def analyze_many(articles: Iterable[Article], nlp: Language | None = None,
                 batch_size: int = 32, on_error: OnError | None = None) -> Iterator[Analysis]:
    """Analyse a stream of articles in batches, in order; memory stays flat however long the stream.

    With ``on_error``, an article that cannot be analysed is handed to it with the error and
    skipped, and the others go on; without it, the error is raised.
    """
    nlp = nlp or load_model()
    for batch in minibatch(articles, size=batch_size):
        with batch_zone(nlp):
            analyses = list(_analyze_batch(batch, nlp, on_error))
        yield from analyses


_WARM: set[int] = set()   # pipelines (by id) whose tokenizer cache a first batch has filled
_ZONE_LOCK = threading.RLock()
_TRIM = None              # glibc's malloc_trim once looked up; False where there is none


@contextmanager
def batch_zone(nlp: Language) -> Iterator[None]:
    """Analyse one batch in a spaCy memory zone: spaCy keeps every new word in its vocabulary, and the
    words added in a zone are dropped when it ends, so a stream of any length keeps flat memory.
    Nothing made in the zone (Docs, Spans) may be used after it; analyses and rows are plain values.

    The first batch of a process runs outside a zone, so that the tokenizer caches its frequent words
    (it caches none in a zone); inside a zone the caller opened, the batch runs in that one (zones do
    not nest). The fast parse is built before any zone, so the strings it adds stay.
    """
    with _ZONE_LOCK:   # one batch at a time per process: a zone's end must not drop another thread's words
        fast_pipeline(nlp)
        if id(nlp) not in _WARM or nlp.vocab.in_memory_zone:
            _WARM.add(id(nlp))
            yield
            return
        try:
            with nlp.memory_zone():
                yield
        finally:
            _return_freed_memory()


def _return_freed_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's ``malloc_trim``): the model's arrays differ
    in size from batch to batch, and glibc would otherwise keep the freed pages, so the resident set
    would creep up over a long stream. Elsewhere it does nothing."""
    global _TRIM
    if _TRIM is None:
        try:
            import ctypes
            import ctypes.util

            _TRIM = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


def _analyze_batch(batch: list[Article], nlp: Language, on_error: OnError | None) -> Iterator[Analysis]:
    for doc, article in parse_many(batch, nlp, len(batch), on_error):
        if on_error is None:
            yield analyze_doc(doc, article)
            continue
        try:
            analysis = analyze_doc(doc, article)
        except Exception as error:
            on_error(article, error)
            continue
        yield analysis
