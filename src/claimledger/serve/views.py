"""What the article page shows, computed from an :class:`~claimledger.model.Analysis`: figures with every
detail a reader asks about, speakers with what each said, checks, signals, and the highlighted text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from claimledger.link.observe import observations_of
from claimledger.model import Analysis, Claim, Quantity
from claimledger.report import normalised
from claimledger.serve.highlight import FigureMark, Marks, SignalMark, StatementMark, highlight

UNRESOLVED = "unresolved speaker"
_VERDICT_RANK = {"inconsistent": 3, "consistent": 2, "unverifiable": 1}
_ROLE_WORDS = {"from": "the starting figure", "to": "the end figure", "by": "the stated change"}
_TYPE_WORDS = {"direct": "direct quote", "indirect": "reported speech", "according_to": "according to",
               "author": "the article's own voice"}


def number(x: float | None) -> str:
    """A number as people write it: 2,000 · 0.333 · 1.5.

    >>> number(2000.0), number(0.3333333), number(None)
    ('2,000', '0.3333', '')
    """
    if x is None:
        return ""
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def interval_words(q: Quantity) -> str:
    """The interval the words commit to, in words: "1,500 to 2,000", "at most 2,000", "at least 100"."""
    if q.low is not None and q.high is not None:
        return number(q.low) if q.low == q.high else f"{number(q.low)} to {number(q.high)}"
    if q.high is not None:
        return f"at most {number(q.high)}"
    if q.low is not None:
        return f"at least {number(q.low)}"
    return "open"


@dataclass
class CheckView:
    id: str
    kind: str
    verdict: str
    explanation: str
    figures: list[str] = field(default_factory=list)
    other_article: str | None = None
    measure: str | None = None


@dataclass
class FigureView:
    """One figure with everything the detail panel shows."""

    id: str
    text: str
    kind: str
    verdict: str
    value: str
    interval: str
    approximate: bool
    qualifier: str | None
    unit: str | None
    per: str | None
    counted: str | None
    period: str | None
    speaker: str | None
    attribution: str
    description: str | None
    cue: str | None
    sentence: str | None
    measure: str | None
    change: str | None
    checks: list[CheckView]
    signals: list[str]
    colour: int | None
    measure_key: str | None = None
    measure_label: str | None = None


@dataclass
class StatementView:
    id: str
    type: str
    content: str
    cue: str | None


@dataclass
class SpeakerView:
    name: str
    kind: str
    description: str | None
    colour: int
    statements: list[StatementView]
    figures: list[FigureView]


@dataclass
class ArticleView:
    """The whole article page."""

    analysis: Analysis
    title_html: Markup | None
    body_html: Markup
    figures: list[FigureView]
    speakers: list[SpeakerView]
    checks: list[CheckView]
    cross_checks: list[CheckView]
    signals: list[dict[str, Any]]
    counts: dict[str, int]


def _period(claim: Claim | None) -> str | None:
    if claim is None or claim.time is None:
        return None
    t = claim.time
    if t.start_date and t.end_date and t.start_date != t.end_date:
        return f"{t.text} ({t.start_date.isoformat()} to {t.end_date.isoformat()})"
    if t.start_date:
        return f"{t.text} ({t.start_date.isoformat()})"
    return f"{t.text} (not resolved to dates)"


def _change(analysis: Analysis, claim: Claim | None, q: Quantity) -> str | None:
    if claim is None or claim.change is None:
        return None
    c = claim.change
    texts = {qid: analysis.quantity(qid).text for qid in (c.from_, c.to, c.by) if qid}
    words = [f"{'An increase' if c.direction == 'increase' else 'A decrease'}"]
    if c.from_:
        words.append(f"from {texts[c.from_]}")
    if c.to:
        words.append(f"to {texts[c.to]}")
    if c.by:
        words.append(f"by {texts[c.by]}")
    if c.period:
        words.append(f"({c.period})")
    role = next((r for r, v in (("from", c.from_), ("to", c.to), ("by", c.by)) if v == q.id), None)
    sentence = " ".join(words) + "."
    return f"{sentence} This figure is {_ROLE_WORDS[role]}." if role else sentence


def _verdict(checks: Sequence[CheckView]) -> str:
    if not checks:
        return "unchecked"
    return max((c.verdict for c in checks), key=lambda v: _VERDICT_RANK.get(v, 0))


def figure_measures(analysis: Analysis) -> dict[str, tuple[str, str]]:
    """Quantity id → (measure key, label) for each figure that observes a measure the ledger can follow."""
    return {s.quantity.id: (s.measure.key, s.measure.label) for s in observations_of(analysis)}


def article_view(
    analysis: Analysis,
    cross_checks: Sequence[dict[str, Any]] = (),
    measures: dict[str, tuple[str, str]] | None = None,
) -> ArticleView:
    """Everything the article page shows.

    ``cross_checks`` are the ledger's cross_source rows for the article; ``measures`` maps a
    figure to the ledger measure (key, label) whose timeline it belongs to.
    """
    article = analysis.article
    measures = measures or {}
    checks = [CheckView(k.id, k.kind, k.verdict, k.explanation, list(k.quantity_ids)) for k in analysis.checks]
    prefix = f"{article.id}/"
    crosses = []
    for row in cross_checks:
        local = [uid[len(prefix):] for uid in row.get("quantity_ids", []) if uid.startswith(prefix)]
        crosses.append(CheckView(row["uid"].rsplit("/", 1)[-1], "cross_source", row["verdict"], row["explanation"],
                                 local, other_article=row.get("other"), measure=row.get("measure")))
    checks_of: dict[str, list[CheckView]] = {}
    for check in (*checks, *crosses):
        for qid in check.figures:
            checks_of.setdefault(qid, []).append(check)
    colour_of = {s.name: n for n, s in enumerate(analysis.speakers)}
    figures: list[FigureView] = []
    for q in analysis.quantities:
        claim = analysis.claim_of(q.id)
        a = claim.attribution if claim else None
        speaker = a.speaker if a and a.type != "author" else None
        figure_checks = checks_of.get(q.id, [])
        figures.append(FigureView(
            id=q.id, text=q.text, kind=q.kind, verdict=_verdict(figure_checks), value=normalised(q),
            interval=interval_words(q), approximate=q.approximate, qualifier=q.qualifier, unit=q.unit, per=q.per,
            counted=q.counted, period=_period(claim),
            speaker=speaker or (UNRESOLVED if a and a.type != "author" else None),
            attribution=_TYPE_WORDS.get(a.type if a else "author", "author"),
            description=a.description if a and a.type != "author" else None,
            cue=a.cue if a else None, sentence=claim.sentence.text if claim else None,
            measure=claim.measure if claim else None, change=_change(analysis, claim, q), checks=figure_checks,
            signals=[f"{s.type}: {s.text}" for s in (claim.signals if claim else ())],
            colour=colour_of.get(speaker) if speaker else None,
            measure_key=measures[q.id][0] if q.id in measures else None,
            measure_label=measures[q.id][1] if q.id in measures else None,
        ))
    document = analysis.document
    n_speakers = len(analysis.speakers)
    statement_marks = [
        StatementMark(s.id, s.content.start, s.content.end, s.speaker or UNRESOLVED,
                      colour_of.get(s.speaker or "", n_speakers), s.type)
        for s in analysis.statements
    ]
    marks = Marks(
        figures=[FigureMark(f.id, q.start, q.end, f.verdict)
                 for f, q in zip(figures, analysis.quantities, strict=True)],
        statements=statement_marks,
        signals=[SignalMark(s.type, s.start, s.end) for s in analysis.signals],
    )
    title_end = len(article.title) if article.title else 0
    title_html = highlight(document, 0, title_end, marks) if article.title else None
    body_html = highlight(document, article.body_offset, len(document), marks)
    speakers = []
    for n, sp in enumerate(analysis.speakers):
        said = [StatementView(s.id, _TYPE_WORDS.get(s.type, s.type), _clip(document[s.content.start:s.content.end]),
                              s.cue.text if s.cue else None) for s in analysis.statements if s.speaker == sp.name]
        speakers.append(SpeakerView(sp.name, sp.kind, sp.description, n, said,
                                    [f for f in figures if f.speaker == sp.name]))
    verdicts = [c.verdict for c in (*checks, *crosses)]
    counts = {
        "figures": len(figures),
        "claims": len(analysis.claims),
        "checks": len(verdicts),
        "consistent": verdicts.count("consistent"),
        "inconsistent": verdicts.count("inconsistent"),
        "unverifiable": verdicts.count("unverifiable"),
        "statements": len(analysis.statements),
        "speakers": len(analysis.speakers),
        "signals": len(analysis.signals),
    }
    signals = [{"type": s.type, "text": s.text, "start": s.start} for s in analysis.signals]
    return ArticleView(analysis, title_html, body_html, figures, speakers, checks, crosses, signals, counts)


def _clip(text: str, limit: int = 280) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
