"""The web app: server-rendered pages to check an article and browse the ledger, and a JSON API under /api/.

>>> app = create_app(ServeSettings(db_url="sqlite:////nonexistent/claimledger.db"))
>>> sorted(r.path for r in app.routes if getattr(r, "path", "").startswith("/api/"))[:3]
['/api/analyze', '/api/articles', '/api/articles/{article_id:path}']
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimledger import __version__
from claimledger.serve.cli import DEFAULT_MAX_BYTES
from claimledger.serve.ledger_queries import LedgerReader
from claimledger.serve.readonly import NoLedger, open_reader
from claimledger.serve.views import number

HERE = Path(__file__).parent


@dataclass(frozen=True)
class ServeSettings:
    """How the server runs: which ledger, whether the check form may save into it, the largest article."""

    db_url: str = "sqlite:///claimledger.db"
    writable: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


def quote(value: object) -> str:
    """A path segment or query value, percent-encoded (``/`` included)."""
    return urllib.parse.quote(str(value), safe="")


def article_url(article_id: str) -> str:
    return f"/articles/{quote(article_id)}"


def measure_url(key: str) -> str:
    return f"/measure?key={quote(key)}"


def speaker_url(name: str) -> str:
    return f"/speaker?name={quote(name)}"


def page_url(path: str, params: dict[str, Any], **changes: Any) -> str:
    """``path`` with the query ``params`` updated by ``changes`` (empty values dropped)."""
    merged = {**params, **changes}
    query = urllib.parse.urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})
    return f"{path}?{query}" if query else path


def make_templates() -> Environment:
    """The Jinja2 environment: package templates, autoescaping on for every template."""
    env = Environment(loader=PackageLoader("claimledger.serve", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(article_url=article_url, measure_url=measure_url, speaker_url=speaker_url,
                       page_url=page_url, version=__version__)
    env.filters["number"] = number
    return env


class Site:
    """What every route needs: the settings, the templates and read-only ledger access."""

    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.templates = make_templates()

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.templates.get_template(template).render(settings=self.settings, status=status, **context)
        return HTMLResponse(html, status_code=status)

    def render_text(self, template: str, **context: Any) -> str:
        return self.templates.get_template(template).render(settings=self.settings, **context)

    @contextmanager
    def reader(self) -> Iterator[tuple[LedgerReader | None, str | None]]:
        """A read-only reader of the ledger for one request, or None and the reason there is none."""
        try:
            reader = open_reader(self.settings.db_url)
        except NoLedger as missing:
            yield None, str(missing)
            return
        try:
            yield reader, None
        finally:
            reader.close()


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def create_app(settings: ServeSettings | None = None) -> FastAPI:
    """The FastAPI application for ``settings`` (the ledger URL, saving, the size limit)."""
    from claimledger.serve import api, apidocs, pages
    from claimledger.serve.security import BodyLimit, SecurityHeaders

    settings = settings or ServeSettings()
    site = Site(settings)
    app = FastAPI(
        title="claimledger",
        version=__version__,
        description="Who said which number, when — and does it add up? Analyse an article's figures and "
        "browse the ledger of claims. Every page of the web app has a JSON twin here.",
        docs_url=None,  # Swagger UI would come from a CDN; /docs is a page of our own, from /openapi.json
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.site = site
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(apidocs.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Any:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)
        message = error.detail if error.status_code != 404 or error.detail != "Not Found" else \
            "There is no page at this address."
        return site.render("error.html", status=error.status_code, message=message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> Any:
        problems = "; ".join(_plain_problem(e) for e in error.errors())
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": f"The request is not valid: {problems}."}, status_code=422)
        return site.render("error.html", status=400, message=f"This address is not valid: {problems}.")

    app.add_middleware(BodyLimit, max_bytes=settings.max_bytes,  # type: ignore[arg-type]
                       render_page=lambda message, status: site.render_text("error.html", message=message,
                                                                             status=status))
    app.add_middleware(SecurityHeaders)  # type: ignore[arg-type]
    return app


def _plain_problem(error: dict[str, Any]) -> str:
    where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "body", "path"))
    return f"{where or 'the request'}: {error.get('msg', 'invalid').lower()}"
