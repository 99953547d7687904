"""The JSON API under /api/: the same questions as the pages, answered as JSON (documented at /docs).

``/api/analyze`` and ``/api/articles/{id}`` answer with the analysis object of SPEC.md, which
validates against the JSON Schema shipped in :mod:`claimledger.schema`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from claimledger.serve.app import site_of
from claimledger.serve.checking import FormProblem, analyse, article_from_form, save
from claimledger.serve.ledger_queries import PAGE_SIZE, LedgerReader, Page
from claimledger.serve.rebuild import analysis_from_ledger
from claimledger.store.queries import MeasureNotFound

router = APIRouter(prefix="/api", tags=["claimledger"])
Offset = Annotated[int, Query(ge=0, le=2**31, description="How many rows to skip (for paging).")]
Limit = Annotated[int, Query(ge=1, le=500, description="How many rows to return.")]


class ArticleIn(BaseModel):
    """An article to analyse."""

    text: str = Field(description="The article's text. Without a title, a short first line followed by a blank "
                      "line is taken as the title.")
    title: str | None = Field(None, description="The headline (analysed as its own sentence).")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD: resolves 'last week' to dates.")
    source: str | None = Field(None, description="The outlet that published it.")


def _page(page: Page, key: str) -> dict[str, Any]:
    return {"total": page.total, "offset": page.offset, "limit": page.limit, key: page.rows}


def _reader_or_404(reader: LedgerReader | None, problem: str | None) -> LedgerReader:
    if reader is None:
        raise HTTPException(404, problem or "There is no ledger.")
    return reader


@router.post("/analyze", summary="Analyse an article")
async def analyze(request: Request, article_in: ArticleIn,
                  save_to_ledger: Annotated[bool, Query(alias="save", description="Also write it into the ledger "
                                                        "(only on a server started with --writable).")] = False,
                  ) -> dict[str, Any]:
    """Every figure, claim, check, statement, speaker and signal of the article: the analysis JSON of SPEC.md."""
    site = site_of(request)
    try:
        article, _ = article_from_form(text=article_in.text, title=article_in.title or "",
                                       published=article_in.published or "", source=article_in.source or "",
                                       upload=None, max_bytes=site.settings.max_bytes)
        analysis = await run_in_threadpool(analyse, article)
    except FormProblem as problem:
        raise HTTPException(problem.status, str(problem)) from None
    if save_to_ledger:
        if not site.settings.writable:
            raise HTTPException(403, "This server browses the ledger read-only; start it with --writable to save.")
        await run_in_threadpool(save, analysis, site.settings.db_url)
    return analysis.to_dict()


@router.get("/ledger", summary="What the ledger holds")
def ledger(request: Request) -> dict[str, Any]:
    """How many articles, figures, checks (and contradictions), measures and speakers the ledger holds."""
    with site_of(request).reader() as (reader, problem):
        return _reader_or_404(reader, problem).summary()


@router.get("/articles", summary="Search and filter articles")
def articles(
    request: Request,
    q: Annotated[str, Query(description="Full-text search in titles and texts.")] = "",
    source: Annotated[str, Query(description="Only this outlet.")] = "",
    published_from: Annotated[str, Query(description="Published on or after (YYYY-MM-DD).")] = "",
    published_to: Annotated[str, Query(description="Published on or before (YYYY-MM-DD).")] = "",
    inconsistent: Annotated[bool, Query(description="Only articles with an inconsistent check.")] = False,
    offset: Offset = 0,
    limit: Limit = PAGE_SIZE,
) -> dict[str, Any]:
    """Articles, newest first, with how many figures, checks and contradictions each has."""
    with site_of(request).reader() as (reader, problem):
        page = _reader_or_404(reader, problem).articles(
            search=q, source=source or None, published_from=published_from or None,
            published_to=published_to or None, inconsistent=inconsistent, offset=offset, limit=limit)
    return _page(page, "articles")


@router.get("/articles/{article_id:path}", summary="One article's analysis")
def article(request: Request, article_id: str) -> dict[str, Any]:
    """The stored article's analysis JSON (SPEC.md). Its cross_source checks are at /api/checks?article=ID."""
    with site_of(request).reader() as (reader, problem):
        analysis = analysis_from_ledger(_reader_or_404(reader, problem), article_id)
    if analysis is None:
        raise HTTPException(404, f"There is no article '{article_id}' in the ledger.")
    return analysis.to_dict()


@router.get("/speakers", summary="Speakers")
def speakers(request: Request, q: Annotated[str, Query(description="Words of the name.")] = "",
             offset: Offset = 0, limit: Limit = PAGE_SIZE) -> dict[str, Any]:
    """Everyone quoted or cited, with how many articles cite them and how many figures they stand behind."""
    with site_of(request).reader() as (reader, problem):
        page = _reader_or_404(reader, problem).speakers(search=q, offset=offset, limit=limit)
    return _page(page, "speakers")


@router.get("/speaker", summary="One speaker and their figures")
def speaker(request: Request, name: Annotated[str, Query(description="The speaker's name, exactly.")]
            ) -> dict[str, Any]:
    """A speaker's descriptions, the articles citing them, and every figure attributed to them."""
    with site_of(request).reader() as (reader, problem):
        found = _reader_or_404(reader, problem).speaker(name)
    if found is None:
        raise HTTPException(404, f"No article in the ledger cites a speaker called '{name}'.")
    return found


@router.get("/measures", summary="Measures")
def measures(request: Request, q: Annotated[str, Query(description="Words of the measure's label.")] = "",
             limit: Limit = 100) -> dict[str, Any]:
    """Measures followed across articles, most observed first."""
    with site_of(request).reader() as (reader, problem):
        r = _reader_or_404(reader, problem)
        return {"total": r.measure_count(q or None), "measures": r.measures(search=q or None, limit=limit)}


@router.get("/measure", summary="One measure's timeline")
def measure(request: Request, key: Annotated[str, Query(description="The measure's key (or its label).")]
            ) -> dict[str, Any]:
    """The measure, its observations in time order, and the cross_source checks between them."""
    with site_of(request).reader() as (reader, problem):
        try:
            return _reader_or_404(reader, problem).timeline(key)
        except MeasureNotFound as missing:
            raise HTTPException(404, str(missing)) from None


@router.get("/checks", summary="Checks, contradictions first")
def checks(
    request: Request,
    verdict: Annotated[str, Query(description="consistent, inconsistent or unverifiable.")] = "",
    kind: Annotated[str, Query(description="percent_change, part_whole, sum, same_measure or cross_source.")] = "",
    article: Annotated[str, Query(description="Only checks of this article (either side of a cross_source).")] = "",
    offset: Offset = 0,
    limit: Limit = PAGE_SIZE,
) -> dict[str, Any]:
    """Every check with its verdict and explanation, inconsistent first, with the article(s) it belongs to."""
    with site_of(request).reader() as (reader, problem):
        page = _reader_or_404(reader, problem).check_list(verdict=verdict or None, kind=kind or None,
                                                          article=article or None, offset=offset, limit=limit)
    return _page(page, "checks")
