"""The web app in a real browser: Debian's Chromium driven by Playwright (never a downloaded browser).

The server runs in a thread on a free 127.0.0.1 port against a small ledger built here. Set
CLAIMLEDGER_SCREENSHOTS=docs to refresh the screenshots in docs/ (otherwise they go to a temporary folder).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web_fixtures.corpus import HERE as WEB_FIXTURES
from tests.web_fixtures.corpus import HOSTILE_ID, SEED, SEED_PUBLISHED, build_ledger

pytestmark = pytest.mark.model
CHROMIUM = os.environ.get("CLAIMLEDGER_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
DOCS = Path(__file__).resolve().parents[1] / "docs"
MARKER = "PWNED"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``claimledger serve`` (uvicorn in a thread) on a free port, over a ledger built for these tests."""
    pytest.importorskip("fastapi", reason="the web app needs the web extra: pip install 'claimledger[web]'")
    import uvicorn

    from claimledger.serve import ServeSettings, create_app

    url = build_ledger(tmp_path_factory.mktemp("browser-ledger"))
    port = _free_port()
    config = uvicorn.Config(create_app(ServeSettings(db_url=url)), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start within 30 seconds")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (make test installs it as root)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the Python package playwright (dev extra)")
    with sync_api.sync_playwright() as p:
        yield p


def _browser(playwright: Any, tmp_path: Path, javascript: bool = True) -> Any:
    """A fresh Chromium profile (its own --user-data-dir) with the system browser."""
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    return playwright.chromium.launch_persistent_context(
        str(tmp_path / f"profile-{'js' if javascript else 'nojs'}"), executable_path=executable, headless=True,
        args=FLAGS, java_script_enabled=javascript, viewport={"width": 1280, "height": 900},
    )


class Watch:
    """Console messages, dialogs and page errors of a page: the test's evidence that no script ran."""

    def __init__(self, page: Any) -> None:
        self.messages: list[str] = []
        page.on("console", lambda m: self.messages.append(m.text))
        page.on("pageerror", lambda e: self.messages.append(f"pageerror: {e}"))
        page.on("dialog", lambda d: (self.messages.append(f"dialog: {d.message}"), d.dismiss()))

    def injected(self) -> list[str]:
        return [m for m in self.messages if MARKER in m or m.startswith("dialog")]


def _screenshot_dir(tmp_path: Path) -> Path:
    return DOCS if os.environ.get("CLAIMLEDGER_SCREENSHOTS") == "docs" else tmp_path


def test_seed_article_figures_speaker_check_timeline_and_search(server: str, playwright: Any, tmp_path: Path) -> None:
    context = _browser(playwright, tmp_path)
    page = context.new_page()
    watch = Watch(page)
    shots = _screenshot_dir(tmp_path)
    try:
        page.goto(server + "/")
        assert "Check the figures in a news article" in page.inner_text("h1")
        page.fill("textarea[name=text]", SEED.read_text(encoding="utf-8"))
        page.fill("input[name=published]", SEED_PUBLISHED)
        page.click("button[type=submit].primary")
        page.wait_for_selector(".doc-body")
        figures = page.locator(".doc a.fig")
        assert figures.count() == 11
        assert page.locator(".doc a.fig.fig-consistent").count() >= 8

        # select a figure: the side panel shows its speaker and its check
        page.locator(".doc a.fig", has_text="somewhere between 1,500 and 2,000").click()
        panel = page.locator("#panel")
        assert panel.is_visible()
        assert "Peter Gersten" in panel.locator(".speaker-name").inner_text()
        explanations = panel.locator(".explanation").all_inner_texts()
        assert any("From 1,500–2,000 to around 200 is a drop of" in e for e in explanations)
        assert "consistent" in panel.locator(".verdict").first.inner_text()
        page.screenshot(path=str(shots / "web-article.png"))

        # follow a measure to its timeline chart
        page.locator(".doc a.fig", has_text="nearly 36,500").click()
        assert "James Clapper" in panel.locator(".speaker-name").inner_text()
        panel.locator("a.measure-link").click()
        page.wait_for_selector("svg.timeline")
        assert page.locator("svg.timeline a.bar").count() >= 5
        assert page.locator("svg.timeline circle.contradiction").count() >= 2
        page.locator("figure.chart").screenshot(path=str(shots / "web-timeline.png"))

        # run a search
        page.click("header nav >> text=Articles")
        page.fill("input[name=q]", "foreign fighters")
        page.click("form.filters button[type=submit]")
        page.wait_for_url("**/articles?*q=foreign*")
        titles = page.locator("table.list a").all_inner_texts()
        assert any(t.startswith("Pentagon: Flow of Foreign Fighters") for t in titles)
        assert watch.injected() == []
    finally:
        context.close()


def test_hostile_article_renders_as_text_and_runs_nothing(server: str, playwright: Any, tmp_path: Path) -> None:
    context = _browser(playwright, tmp_path)
    page = context.new_page()
    watch = Watch(page)
    hostile = (WEB_FIXTURES / "hostile-article.txt").read_text(encoding="utf-8")
    try:
        page.goto(server + "/")
        page.fill("textarea[name=text]", hostile)
        page.click("button[type=submit].primary")
        page.wait_for_selector(".doc-body")
        pages = {"form": None, "stored": f"{server}/articles/{HOSTILE_ID}", "list": f"{server}/articles",
                 "upload": None}
        for name, address in pages.items():
            if name == "upload":
                page.goto(server + "/")
                page.set_input_files("input[type=file]", str(WEB_FIXTURES / "hostile-article.html"))
                page.click("button[type=submit].primary")
                page.wait_for_selector(".doc-body")
            elif address:
                page.goto(address)
            page.mouse.move(10, 10)
            for element in page.locator(".doc-title, .doc-body, table.list a").all()[:20]:
                element.hover()  # an injected onmouseover would fire here
            scripts = page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))")
            assert scripts == ["/static/app.js"], name
            handlers = page.evaluate(
                "Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes)"
                ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"
            )
            assert handlers == [], name
            assert page.evaluate("typeof window.__pwned") == "undefined", name
            assert page.locator("iframe, img, object, embed").count() == 0, name
        page.goto(f"{server}/articles/{HOSTILE_ID}")
        assert "<script>window.__pwned" in page.inner_text(".doc-title")
        assert '" onmouseover="console.log(' in page.inner_text(".doc-title")
        assert '<img src=x onerror="console.log' in page.inner_text(".doc-body")
        assert watch.injected() == [], watch.messages
    finally:
        context.close()


def test_reading_works_with_javascript_off(server: str, playwright: Any, tmp_path: Path) -> None:
    context = _browser(playwright, tmp_path, javascript=False)
    page = context.new_page()
    try:
        page.goto(server + "/")
        page.click("form.sample-form button")
        page.wait_for_selector(".doc-body")
        assert page.locator(".doc a.fig").count() > 5
        assert not page.locator("#panel").is_visible()  # the panel needs the script; the cards do not
        first = page.locator(".doc a.fig").first
        target = first.get_attribute("href")
        first.click()
        assert page.url.endswith(target)
        card = page.locator(target)
        assert card.is_visible() and "Speaker" in card.inner_text()
    finally:
        context.close()
