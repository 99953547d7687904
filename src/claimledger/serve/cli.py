"""``claimledger serve``: the web app on a local port."""

from __future__ import annotations

import click

# Largest article the server accepts: a long news article is ~50 kB.
DEFAULT_MAX_BYTES = 1_000_000


@click.command()
@click.option("--db", "url", envvar="CLAIMLEDGER_DB", default="sqlite:///claimledger.db", show_default=True,
              help="The ledger to browse: sqlite:///path.db or postgresql://user@host/db ($CLAIMLEDGER_DB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="The port to listen on.")
@click.option("--writable", is_flag=True,
              help="Let the check form save articles into the ledger (browsing still reads it read-only).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Largest article (pasted or uploaded) the server accepts, in bytes.")
def serve(url: str, host: str, port: int, writable: bool, max_bytes: int) -> None:
    """Check articles and browse the ledger in a web browser (http://HOST:PORT)."""
    try:
        import uvicorn

        from claimledger.serve.app import ServeSettings, create_app
    except ImportError as error:  # pragma: no cover - depends on the installed extras
        raise click.ClickException(f"the web app needs its extra: pip install 'claimledger[web]' ({error})") from None
    app = create_app(ServeSettings(db_url=url, writable=writable, max_bytes=max_bytes))
    click.echo(f"claimledger: open http://{host}:{port}/ in a browser (ledger {url}"
               f"{', writable' if writable else ', read-only'}); stop with Ctrl+C.", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(group: click.Group) -> None:
    """Add ``serve`` to the ``claimledger`` command group."""
    group.add_command(serve)
