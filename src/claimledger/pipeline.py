"""Analyse one article end to end: figures, changes, time, attribution, signals and checks.

>>> import claimledger
>>> analysis = claimledger.analyze("Exports fell 10% to $90 million from $100 million.")  # doctest: +SKIP
>>> [c.verdict for c in analysis.checks]  # doctest: +SKIP
['consistent']
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator

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


def parse_many(articles: Iterable[Article], nlp: Language | None = None,
               batch_size: int = 32) -> Iterator[tuple[Doc, Article]]:
    """Each article's document parsed where the analysis needs it (:mod:`claimledger.nlp.fast`), in order."""
    nlp = nlp or load_model()
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
                 batch_size: int = 32) -> Iterator[Analysis]:
    """Analyse a stream of articles in batches, in order; memory stays flat however long the stream."""
    for doc, article in parse_many(articles, nlp, batch_size):
        yield analyze_doc(doc, article)
