"""The web app without a browser (FastAPI's TestClient): every page, escaping, headers, limits, bad input,
the JSON API against the shipped schema, and a ledger that browsing never writes to."""

from __future__ import annotations

import doctest
import hashlib
import shutil
import sqlite3
import warnings
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi", reason="the web app needs the web extra: pip install 'claimledger[web]'")
with warnings.catch_warnings():  # starlette's notice that its test client will move to httpx2
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from claimledger.schema import check_offsets, validate_analysis
from claimledger.serve import ServeSettings, create_app
from claimledger.serve.readonly import NoLedger, open_reader
from tests.pg import create_database, postgres_url  # noqa: F401  (the session's PostgreSQL server)
from tests.web_fixtures.corpus import HERE as WEB_FIXTURES
from tests.web_fixtures.corpus import HOSTILE_ID, SEED, SEED_ID, SEED_PUBLISHED, build_ledger

pytestmark = pytest.mark.model
# the measure the seed article shares with the fighter articles (a label is accepted where a key is)
FIGHTERS = "foreign fighter in iraq and syria"
OUR_SCRIPT = "/static/app.js"


@pytest.fixture(scope="module")
def ledger_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_ledger(tmp_path_factory.mktemp("web-ledger"))


@pytest.fixture(scope="module")
def client(ledger_url: str) -> TestClient:
    return TestClient(create_app(ServeSettings(db_url=ledger_url)))


class Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def assert_no_injected_markup(html: str) -> None:
    """Only our own script, no event handler attributes, no frames or images from the article."""
    for tag, attrs in tags_of(html):
        assert not [a for a in attrs if a.startswith("on")], f"an event handler got into <{tag} {attrs}>"
        if tag == "script":
            assert attrs.get("src") == OUR_SCRIPT, f"a script that is not ours: {attrs}"
        assert tag not in ("iframe", "img", "object", "embed", "b"), f"article markup became a <{tag}> element"
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").lower().startswith("javascript:")


def figures_in_text(html: str) -> list[str]:
    return [attrs["data-figure"] or "" for tag, attrs in tags_of(html)
            if tag == "a" and "fig" in (attrs.get("class") or "").split()
            and (attrs.get("id") or "").startswith("fig-")]


def seed_form() -> dict[str, str]:
    return {"text": SEED.read_text(encoding="utf-8"), "published": SEED_PUBLISHED, "title": "", "source": ""}


def test_every_page_answers(client: TestClient) -> None:
    pages = ["/", "/articles", "/articles?q=fighters", "/articles?source=Breitbart&inconsistent=true",
             "/articles?published_from=2016-01-01&published_to=2016-12-31", f"/articles/{SEED_ID}",
             f"/articles/{HOSTILE_ID}", "/speakers", "/speakers?q=clapper", f"/speaker?name={quote('James Clapper')}",
             "/measures", "/measures?q=fighter", f"/measure?key={quote(FIGHTERS)}", "/checks",
             "/checks?verdict=inconsistent&kind=cross_source", "/docs", "/openapi.json", "/static/style.css",
             "/static/app.js", "/api/ledger", "/api/articles", "/api/speakers", "/api/measures", "/api/checks"]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        if response.headers["content-type"].startswith("text/html"):
            assert_no_injected_markup(response.text)
            assert 'src="http' not in response.text and "cdn" not in response.text.lower(), page


def test_missing_pages_say_so(client: TestClient) -> None:
    assert client.get("/articles/no-such-article").status_code == 404
    missing = client.get("/articles/no-such-article").text
    assert "There is no article &#39;no-such-article&#39; in the ledger." in missing
    assert client.get("/measure?key=nothing-like-it").status_code == 404
    assert client.get("/speaker?name=Nobody").status_code == 404
    api = client.get("/api/articles/no-such-article")
    assert api.status_code == 404 and api.json()["detail"] == "There is no article 'no-such-article' in the ledger."
    bad = client.get("/articles?offset=-3")
    assert bad.status_code == 400 and "offset" in bad.text


def test_security_headers(client: TestClient) -> None:
    for page in ("/", "/api/ledger", "/static/style.css", "/nowhere"):
        headers = client.get(page).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_seed_article_through_the_form(client: TestClient) -> None:
    response = client.post("/check", data=seed_form())
    assert response.status_code == 200
    html = response.text
    assert len(figures_in_text(html)) == 11
    assert "Peter Gersten" in html and "James Clapper" in html
    assert "From nearly 2,000 to 200 is a drop of" in html
    assert 'class="fig fig-consistent"' in html and "not saved" in html
    # the figure of the seed that the ledger follows links to its timeline
    key = client.get("/api/measure", params={"key": FIGHTERS}).json()["measure"]["key"]
    assert f'href="/measure?key={quote(key, safe="")}"' in html


def test_uploads_in_each_format(client: TestClient) -> None:
    seed = SEED.read_bytes()
    text = client.post("/check", data={"published": SEED_PUBLISHED}, files={"file": ("seed.txt", seed, "text/plain")})
    assert text.status_code == 200 and len(figures_in_text(text.text)) == 11
    for name in ("hostile-article.html", "hostile-article.json", "hostile-article.txt"):
        response = client.post("/check", files={"file": (name, (WEB_FIXTURES / name).read_bytes())})
        assert response.status_code == 200, name
        assert figures_in_text(response.text), name
        assert_no_injected_markup(response.text)


def test_hostile_text_and_title_are_escaped(client: TestClient) -> None:
    hostile = (WEB_FIXTURES / "hostile-article.txt").read_text(encoding="utf-8")
    for response in (client.post("/check", data={"text": hostile}),
                     client.post("/check", data={"text": "Sales rose 10% to $110 million.",
                                                 "title": '<script>x</script>" onmouseover="y'}),
                     client.get(f"/articles/{HOSTILE_ID}"), client.get("/articles"), client.get("/speakers"),
                     client.get("/checks"), client.get("/measures")):
        assert response.status_code == 200
        assert_no_injected_markup(response.text)
    page = client.get(f"/articles/{HOSTILE_ID}").text
    assert "&lt;script&gt;window.__pwned" in page
    assert "&#34; onmouseover=&#34;console.log(&#39;PWNED-title-attr&#39;)&#34;" in page
    assert "&lt;b&gt;Hostile&lt;/b&gt; Times" in page


def test_bad_input_gets_a_plain_sentence(client: TestClient) -> None:
    cases = [
        ({"text": "   "}, None, "Paste the text of an article, or choose a file to upload."),
        ({"text": "Sales rose 10%.", "published": "27/04/2016"}, None, "is not a date; write it as YYYY-MM-DD"),
        ({}, ("x.txt", b"\x00\x01\x02binary", "application/octet-stream"), "looks binary"),
        ({}, ("x.json", b"{not json", "application/json"), "could not be read"),
        ({}, ("x.txt", b"", "text/plain"), None),  # an empty file input counts as no file
        ({"text": "Der Umsatz stieg im Mai um zehn Prozent auf 110 Millionen Euro, teilte das Unternehmen mit. "
                  "Die Regierung hat am Montag beschlossen, dass die Steuern nicht erhöht werden. Der Minister "
                  "sagte, dass die Wirtschaft wieder wachse und die Arbeitslosigkeit sinke."},
         None, "does not look like English"),
    ]
    for data, file, message in cases:
        response = client.post("/check", data=data, files={"file": file} if file else None)
        assert response.status_code == 400, (data, file)
        assert 'role="alert"' in response.text
        if message:
            assert message in response.text, response.text
    api = client.post("/api/analyze", json={"text": ""})
    assert api.status_code == 400 and api.json()["detail"].startswith("Paste the text")
    assert client.post("/api/analyze", json={"title": "no text"}).status_code == 422


def test_oversized_input_is_refused_with_413(ledger_url: str) -> None:
    small = TestClient(create_app(ServeSettings(db_url=ledger_url, max_bytes=10_000)))
    big = "Sales rose 10% to $110 million. " * 4000
    page = small.post("/check", data={"text": big})
    assert page.status_code == 413 and "over the 10.0 kB this server accepts" in page.text
    upload = small.post("/check", files={"file": ("big.txt", big.encode(), "text/plain")})
    assert upload.status_code == 413 and "this server accepts" in upload.text
    api = small.post("/api/analyze", json={"text": big})
    assert api.status_code == 413 and "this server accepts" in api.json()["detail"]

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(40):
            yield b"x" * 4000

    chunked = small.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert chunked.status_code == 413
    just_under = small.post("/check", data={"text": "Sales rose 10% to $110 million. " * 300})
    assert just_under.status_code == 200


def test_api_analysis_follows_the_schema(client: TestClient) -> None:
    fresh = client.post("/api/analyze", json={"text": SEED.read_text(encoding="utf-8"), "published": SEED_PUBLISHED})
    assert fresh.status_code == 200
    validate_analysis(fresh.json())
    assert check_offsets(fresh.json()) == []
    assert len(fresh.json()["quantities"]) == 11
    stored = client.get(f"/api/articles/{SEED_ID}").json()
    validate_analysis(stored)
    assert check_offsets(stored) == []
    # the ledger's copy is the same analysis (only the id and outlet differ)
    for key in ("document", "quantities", "claims", "checks", "statements", "speakers", "signals"):
        assert stored[key] == fresh.json()[key], key


def test_api_mirrors_the_pages(client: TestClient) -> None:
    summary = client.get("/api/ledger").json()
    assert summary["articles"] == 10 and summary["inconsistent"] >= 2
    found = client.get("/api/articles", params={"q": "foreign fighters"}).json()
    assert SEED_ID in [a["id"] for a in found["articles"]]
    assert client.get("/api/articles", params={"q": 'fighters" OR ('}).status_code == 200
    flagged = {a["id"] for a in client.get("/api/articles", params={"inconsistent": "true"}).json()["articles"]}
    assert {"acme-union", "fighters-2016-02"} <= flagged and SEED_ID not in flagged
    checks = client.get("/api/checks").json()["checks"]
    assert checks[0]["verdict"] == "inconsistent"
    timeline = client.get("/api/measure", params={"key": FIGHTERS}).json()
    assert len(timeline["observations"]) >= 5
    clapper = client.get("/api/speaker", params={"name": "James Clapper"}).json()
    assert "nearly 36,500" in [f["text"] for f in clapper["figures"]]
    speakers = client.get("/api/speakers", params={"q": "gersten"}).json()
    assert speakers["speakers"][0]["name"] == "Peter Gersten"


def test_timeline_chart_is_drawn_on_the_server(client: TestClient) -> None:
    timeline = client.get("/api/measure", params={"key": FIGHTERS}).json()
    dated = [o for o in timeline["observations"] if o["start_date"]]
    contradictions = [c for c in timeline["checks"] if c["verdict"] == "inconsistent"]
    assert len(dated) >= 5 and contradictions
    html = client.get("/measure", params={"key": FIGHTERS}).text
    bars = [attrs for tag, attrs in tags_of(html) if tag == "a" and (attrs.get("class") or "").startswith("bar ")]
    assert len(bars) == len(dated)
    assert len({b["class"] for b in bars}) == len({o["source"] for o in dated}), "one colour per outlet"
    assert html.count('class="contradiction-link"') == len(contradictions)
    assert html.count('class="contradiction"') == len({u for c in contradictions for u in c["quantity_ids"]})
    assert "Monitor Weekly" in html and "12,000" in html


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/analyze", "/api/articles", "/api/measure", "/api/checks"} <= set(spec["paths"])
    docs = client.get("/docs").text
    assert "/api/analyze" in docs and "<script" not in docs.replace(f'<script src="{OUR_SCRIPT}" defer></script>', "")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_browsing_opens_the_ledger_read_only(ledger_url: str, client: TestClient) -> None:
    path = Path(ledger_url.removeprefix("sqlite:///"))
    before = _digest(path)
    for page in ("/", "/articles", f"/articles/{SEED_ID}", "/measures", "/checks", "/speakers", "/api/ledger"):
        client.get(page)
    assert _digest(path) == before
    with open_reader(ledger_url) as reader, pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only"):
        reader.db.execute('DELETE FROM "rejects"')
    with pytest.raises(NoLedger, match="no ledger at"):
        open_reader(f"sqlite:///{path.parent / 'missing.db'}")
    assert not (path.parent / "missing.db").exists()


def test_postgresql_ledger_is_browsed_read_only(postgres_url: str, tmp_path: Path) -> None:  # noqa: F811
    url = build_ledger(tmp_path, create_database(postgres_url, "t_web_read_only"))
    pg = TestClient(create_app(ServeSettings(db_url=url)))
    for page in ("/", "/articles?q=foreign+fighters&inconsistent=true", f"/articles/{SEED_ID}", "/speakers",
                 f"/measure?key={quote(FIGHTERS)}", "/checks?verdict=inconsistent", "/measures?q=fighter"):
        assert pg.get(page).status_code == 200, page
    found = pg.get("/api/articles", params={"q": "foreign fighters"}).json()["articles"]
    assert SEED_ID in [a["id"] for a in found]
    validate_analysis(pg.get(f"/api/articles/{SEED_ID}").json())
    with open_reader(url) as reader, pytest.raises(Exception, match="read-only transaction"):
        reader.db.execute('DELETE FROM "rejects"')


def test_without_a_ledger_pages_explain_and_checking_still_works(tmp_path: Path) -> None:
    bare = TestClient(create_app(ServeSettings(db_url=f"sqlite:///{tmp_path / 'none.db'}")))
    for page in ("/", "/articles", "/speakers", "/measures", "/checks"):
        response = bare.get(page)
        assert response.status_code == 200 and "claimledger ingest" in response.text, page
    assert bare.get("/api/articles").status_code == 404
    assert bare.post("/check", data={"sample": "1"}).status_code == 200
    assert not (tmp_path / "none.db").exists()


def test_saving_needs_a_writable_server(ledger_url: str, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(Path(ledger_url.removeprefix("sqlite:///")), copy)
    article = {"text": "Exports fell 10% to $90 million from $100 million, the ministry said.", "title": "Exports fall",
               "published": "2016-05-01", "save": "1"}
    read_only = TestClient(create_app(ServeSettings(db_url=f"sqlite:///{copy}")))
    assert "start it with --writable" in read_only.post("/check", data=article).text
    assert read_only.post("/api/analyze?save=true", json={"text": article["text"]}).status_code == 403
    writable = TestClient(create_app(ServeSettings(db_url=f"sqlite:///{copy}", writable=True)))
    saved = writable.post("/check", data=article)
    assert "Saved to the ledger" in saved.text
    assert writable.get("/api/articles", params={"q": "exports"}).json()["total"] == 1


@pytest.mark.parametrize("module", ["highlight", "timeline", "ledger_queries", "checking", "readonly", "views"])
def test_serve_doctests(module: str) -> None:
    import importlib

    result = doctest.testmod(importlib.import_module(f"claimledger.serve.{module}"))
    assert result.failed == 0


def test_the_web_app_is_documented() -> None:
    from claimledger.serve.cli import serve

    text = (Path(__file__).resolve().parents[1] / "docs" / "web.md").read_text(encoding="utf-8")
    assert "claimledger serve" in text
    for option in serve.params:
        assert f"`--{option.name.replace('_', '-')}" in text or f"`{option.opts[0]}" in text, option.name
    app = create_app(ServeSettings(db_url="sqlite:////nonexistent/claimledger.db"))
    for route in app.routes:
        path = getattr(route, "path", "")
        if path.startswith("/api/"):
            assert path.replace("{article_id:path}", "{id}") in text, f"docs/web.md does not describe {path}"
    for screenshot in ("web-article.png", "web-timeline.png"):
        assert f"({screenshot})" in text and (Path(__file__).resolve().parents[1] / "docs" / screenshot).exists()
