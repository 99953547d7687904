"""Readable renderings of an analysis for the terminal: the ledger table and the statements view."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from claimledger.model import Analysis, Quantity

_VERDICT_STYLE = {"consistent": "green", "inconsistent": "bold red", "unverifiable": "yellow"}


def _number(x: float) -> str:
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def normalised(q: Quantity) -> str:
    """The value interval of a quantity as people read it: "≤ 2,000 /month", "1,500–2,000", "≥ 100"."""
    if q.low is not None and q.high is not None and q.low != q.high:
        text = f"{_number(q.low)}–{_number(q.high)}"
    elif q.low is not None and q.high is not None:
        text = _number(q.low)
    elif q.high is not None:
        text = f"≤ {_number(q.high)}"
    elif q.low is not None:
        text = f"≥ {_number(q.low)}"
    else:
        text = "?"
    if q.approximate:
        text = f"~{text}"
    if q.unit:
        text = f"{text} {q.unit}"
    if q.per:
        text = f"{text} /{q.per}"
    return text


def ledger_table(analysis: Analysis) -> Table:
    """One row per figure: what it says, what it counts, when, who, the change and the checks."""
    article = analysis.article
    title = article.title or article.id
    caption = f"{len(analysis.quantities)} figures · {len(analysis.claims)} claims · {len(analysis.checks)} checks"
    if article.published:
        caption += f" · published {article.published.isoformat()}"
    table = Table(title=title, caption=caption, show_lines=False, expand=False)
    for column in ("id", "figure", "value", "kind", "counted", "when", "speaker", "change", "checks"):
        table.add_column(column, overflow="fold")
    checks_of: dict[str, list[str]] = {}
    for check in analysis.checks:
        for qid in check.quantity_ids:
            checks_of.setdefault(qid, []).append(check.verdict)
    for q in analysis.quantities:
        claim = analysis.claim_of(q.id)
        when = speaker = change = ""
        if claim is not None:
            if claim.time:
                dates = ""
                if claim.time.start_date:
                    dates = f" ({claim.time.start_date.isoformat()}"
                    if claim.time.end_date and claim.time.end_date != claim.time.start_date:
                        dates += f"…{claim.time.end_date.isoformat()}"
                    dates += ")"
                when = f"{claim.time.text}{dates}"
            attribution = claim.attribution
            if attribution.type != "author":
                speaker = f"{attribution.speaker or 'unresolved'} [{attribution.type}]"
                if attribution.description:
                    speaker += f"\n{attribution.description}"
            if claim.change is not None:
                role = next((r for r, v in (("by", claim.change.by), ("from", claim.change.from_),
                                             ("to", claim.change.to)) if v == q.id), "")
                change = f"{claim.change.direction} ({role})" if role else claim.change.direction
        verdicts = Text()
        for n, verdict in enumerate(checks_of.get(q.id, [])):
            if n:
                verdicts.append(", ")
            verdicts.append(verdict, style=_VERDICT_STYLE.get(verdict, ""))
        table.add_row(q.id, q.text, normalised(q), q.kind, q.counted or "", when, speaker, change, verdicts)
    return table


def checks_table(analysis: Analysis) -> Table:
    table = Table(title="Checks", show_lines=False)
    for column in ("id", "kind", "figures", "verdict", "explanation"):
        table.add_column(column, overflow="fold")
    for check in analysis.checks:
        table.add_row(check.id, check.kind, ", ".join(check.quantity_ids),
                      Text(check.verdict, style=_VERDICT_STYLE.get(check.verdict, "")), check.explanation)
    return table


def statements_table(analysis: Analysis) -> Table:
    """Who said what: every attributed statement with its speaker, cue and content."""
    table = Table(title="Statements", show_lines=True)
    for column in ("id", "type", "speaker", "cue", "content"):
        table.add_column(column, overflow="fold")
    for s in analysis.statements:
        content = s.content.text if len(s.content.text) < 240 else s.content.text[:237] + "…"
        table.add_row(s.id, s.type, s.speaker or "unresolved", s.cue.text if s.cue else "", content)
    return table


def render(analysis: Analysis, console: Console, statements: bool = False) -> None:
    parts = [ledger_table(analysis)]
    if analysis.checks:
        parts.append(checks_table(analysis))
    if statements:
        parts.append(statements_table(analysis))
    console.print(Group(*parts))
