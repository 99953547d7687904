"""The HTML pages: check an article, and browse the ledger's articles, speakers, measures and checks.

Every page works without JavaScript; all text from articles goes through Jinja's autoescaping.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from claimledger.model import Analysis
from claimledger.serve.app import article_url, site_of
from claimledger.serve.checking import FormProblem, Upload, analyse, article_from_form, save
from claimledger.serve.ledger_queries import LedgerReader
from claimledger.serve.rebuild import analysis_from_ledger
from claimledger.serve.timeline import timeline_chart
from claimledger.serve.views import article_view, figure_measures
from claimledger.store.queries import MeasureNotFound

router = APIRouter(include_in_schema=False)
Offset = Annotated[int, Query(ge=0, le=2**31)]  # SQLite holds 64-bit integers; no page is that far
SAMPLE_PUBLISHED = "2016-04-27"


def sample_text() -> str:
    """The bundled sample article (fiction, written for the demo)."""
    return resources.files("claimledger.serve").joinpath("samples/sample-article.txt").read_text(encoding="utf-8")


def ledger_measures(reader: LedgerReader | None, analysis: Analysis) -> tuple[dict[str, tuple[str, str]], list[Any]]:
    """The article's figures that belong to measures the ledger follows, and those measures."""
    candidates = figure_measures(analysis)
    if reader is None or not candidates:
        return {}, []
    known = reader.measures_by_key(sorted({key for key, _ in candidates.values()}))
    links = {qid: (key, known[key]["label"]) for qid, (key, _) in candidates.items() if key in known}
    rows = sorted(known.values(), key=lambda m: (-(m["articles"] or 0), m["label"] or ""))
    return links, rows


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Any:
    """The check form, what the ledger holds, and where to go next."""
    site = site_of(request)
    with site.reader() as (reader, problem):
        summary = reader.summary() if reader else None
    return site.render("home.html", summary=summary, ledger_problem=problem, form={}, active="check")


@router.get("/check")
def check_form() -> Any:
    return RedirectResponse("/", status_code=303)


@router.post("/check", response_class=HTMLResponse)
async def check(request: Request) -> Any:
    """Analyse the posted article (pasted text or an uploaded file) and show it."""
    site = site_of(request)
    form = await request.form()
    fields = {k: str(form.get(k) or "") for k in ("text", "title", "published", "source")}
    upload = None
    file = form.get("file")
    if isinstance(file, UploadFile) and file.filename:
        upload = Upload(file.filename, await file.read())
    if form.get("sample"):
        fields = {"text": sample_text(), "title": "", "published": SAMPLE_PUBLISHED, "source": ""}
        upload = None
    wants_save = bool(form.get("save"))
    try:
        article, notes = article_from_form(upload=upload, max_bytes=site.settings.max_bytes, **fields)
        analysis = await run_in_threadpool(analyse, article)
    except FormProblem as problem:
        return site.render("home.html", status=problem.status, form=fields, error=str(problem), summary=None,
                           active="check")
    saved = False
    if wants_save and site.settings.writable:
        await run_in_threadpool(save, analysis, site.settings.db_url)
        saved = True
    elif wants_save:
        notes.append("This server browses the ledger read-only, so the article was not saved; "
                     "start it with --writable to save checked articles.")
    with site.reader() as (reader, _):
        links, measure_rows = ledger_measures(reader, analysis)
    return site.render("article.html", view=article_view(analysis, measures=links), notes=notes, saved=saved,
                       from_form=True, measures=measure_rows, active="check")


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request,
    q: str = "",
    source: str = "",
    published_from: str = "",
    published_to: str = "",
    inconsistent: bool = False,
    offset: Offset = 0,
) -> Any:
    """The ledger's articles, with full-text search and filters."""
    site = site_of(request)
    params = {"q": q, "source": source, "published_from": published_from, "published_to": published_to,
              "inconsistent": inconsistent}
    with site.reader() as (reader, problem):
        if reader is None:
            return site.render("empty.html", message=problem, active="articles", heading="Articles")
        page = reader.articles(search=q, source=source or None, published_from=published_from or None,
                               published_to=published_to or None, inconsistent=inconsistent, offset=offset)
        sources = reader.sources()
    return site.render("articles.html", page=page, params=params, sources=sources, active="articles")


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> Any:
    """One article from the ledger with its figures highlighted."""
    site = site_of(request)
    with site.reader() as (reader, problem):
        if reader is None:
            return site.render("empty.html", status=404, message=problem, active="articles", heading="Article")
        analysis = analysis_from_ledger(reader, article_id)
        if analysis is None:
            raise HTTPException(404, f"There is no article '{article_id}' in the ledger.")
        crosses = reader.cross_checks_of(article_id)
        links, measure_rows = ledger_measures(reader, analysis)
    return site.render("article.html", view=article_view(analysis, crosses, links), notes=[], saved=False,
                       from_form=False, measures=measure_rows, active="articles")


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, q: str = "", offset: Offset = 0) -> Any:
    """Everyone the ledger's articles quote or cite, with how many figures each stands behind."""
    site = site_of(request)
    with site.reader() as (reader, problem):
        if reader is None:
            return site.render("empty.html", message=problem, active="speakers", heading="Speakers")
        page = reader.speakers(search=q, offset=offset)
    return site.render("speakers.html", page=page, params={"q": q}, active="speakers")


@router.get("/speaker", response_class=HTMLResponse)
def speaker(request: Request, name: str) -> Any:
    """One speaker: who they are and every figure attributed to them."""
    site = site_of(request)
    with site.reader() as (reader, problem):
        if reader is None:
            return site.render("empty.html", status=404, message=problem, active="speakers", heading="Speaker")
        found = reader.speaker(name)
    if found is None:
        raise HTTPException(404, f"No article in the ledger cites a speaker called '{name}'.")
    return site.render("speaker.html", speaker=found, active="speakers")


@router.get("/measures", response_class=HTMLResponse)
def measures(request: Request, q: str = "") -> Any:
    """Measures followed across articles, most observed first."""
    site = site_of(request)
    with site.reader() as (reader, problem):
        if reader is None:
            return site.render("empty.html", message=problem, active="measures", heading="Measures")
        rows = reader.measures(search=q or None, limit=100)
        total = reader.measure_count(q or None)
    return site.render("measures.html", rows=rows, total=total, params={"q": q}, active="measures")


@router.get("/measure", response_class=HTMLResponse)
def measure(request: Request, key: str) -> Any:
    """One measure's timeline: a chart of its observations, the observations, and the checks between them."""
    site = site_of(request)
    with site.reader() as (reader, problem):
        if reader is None:
            return site.render("empty.html", status=404, message=problem, active="measures", heading="Measure")
        try:
            data = reader.timeline(key)
        except MeasureNotFound as missing:
            raise HTTPException(404, f"{str(missing)[:1].upper()}{str(missing)[1:]}.") from None
    chart = timeline_chart(data, article_url)
    return site.render("measure.html", data=data, chart=chart, active="measures")


@router.get("/checks", response_class=HTMLResponse)
def checks(request: Request, verdict: str = "", kind: str = "", offset: Offset = 0) -> Any:
    """Every check in the ledger, contradictions first, each linking to its article."""
    site = site_of(request)
    with site.reader() as (reader, problem):
        if reader is None:
            return site.render("empty.html", message=problem, active="checks", heading="Checks")
        page = reader.check_list(verdict=verdict or None, kind=kind or None, offset=offset)
        kinds = reader.check_kinds()
    return site.render("checks.html", page=page, kinds=kinds, params={"verdict": verdict, "kind": kind},
                       active="checks")
