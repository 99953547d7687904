"""Analyse a batch of articles into ledger rows: the unit of work of a worker process or a Dask task.

Each process loads the spaCy model once (:func:`claimledger.nlp.model.load_model` caches
it); an article whose analysis fails is returned with the reason instead of its rows, so
one bad article never stops a batch.

>>> analyse_batch([])
[]
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from claimledger.model import Article
from claimledger.store.rows import Row, analysis_rows, content_hash, now

MODEL_ENV = "CLAIMLEDGER_MODEL"


@dataclass(frozen=True)
class Outcome:
    """One article's result: its rows, or the reason it could not be analysed."""

    article_id: str
    rows: dict[str, list[Row]] | None
    error: str | None = None


def _nlp(model: str | None) -> Any:
    from claimledger.nlp.model import load_model

    return load_model(model)


def init_worker(model: str | None = None) -> None:
    """Load the model when a worker process starts, so the first batch does not wait for it."""
    if model:
        os.environ[MODEL_ENV] = model
    _nlp(model)


def analyse_batch(articles: list[Article], model: str | None = None, batch_size: int = 16) -> list[Outcome]:
    """The rows of each article, in order; a failure is reported in plain words and the rest go on."""
    if not articles:
        return []
    from claimledger.pipeline import batch_zone

    nlp = _nlp(model)
    with batch_zone(nlp):   # the words this batch adds to spaCy's vocabulary are dropped after it
        return _analyse(articles, nlp, batch_size)


def _analyse(articles: list[Article], nlp: Any, batch_size: int) -> list[Outcome]:
    from claimledger.pipeline import ArticleTooLong, analyze_doc, parse_many

    # the same fast parse as `claimledger analyze`, so the ledger holds the same analysis
    failed: dict[str, Exception] = {}
    try:
        parsed = {a.id: d for d, a in parse_many(articles, nlp, batch_size,
                                                  on_error=lambda a, e: failed.__setitem__(a.id, e))}
    except Exception:  # one article broke the batch: parse each on its own to find it
        parsed = {}
        for article in articles:
            try:
                parsed.update((a.id, d) for d, a in parse_many([article], nlp, 1))
            except Exception as error:
                failed[article.id] = error
    out: list[Outcome] = []
    for article in articles:
        doc = parsed.get(article.id)
        if doc is None:
            error = failed.get(article.id, RuntimeError("not parsed"))
            reason = str(error) if isinstance(error, ArticleTooLong) else \
                f"the language model failed on it ({_describe(error)})"
            out.append(Outcome(article.id, None, reason))
            continue
        try:
            analysis = analyze_doc(doc, article)
            out.append(Outcome(article.id, analysis_rows(analysis, content_hash(article), now())))
        except Exception as error:
            out.append(Outcome(article.id, None, f"the analysis failed ({_describe(error)})"))
    return out


def _describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}"[:300] if text else type(error).__name__
