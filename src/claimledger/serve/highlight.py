"""The article's text as HTML with its figures, statements and signals marked.

Article text is hostile input: every slice of it is escaped on its own with
:func:`markupsafe.escape`, and only fixed class names and escaped ids go into the tags,
so no text can open or close an element.

>>> marks = Marks(figures=[FigureMark("q0", 9, 12, "consistent")], statements=[], signals=[])
>>> str(highlight("Sales <b>10%</b>", 0, 16, marks)).replace(' title="q0: consistent"', "")
'Sales &lt;b&gt;<a class="fig fig-consistent" id="fig-q0" href="#figure-q0" data-figure="q0">10%</a>&lt;/b&gt;'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class FigureMark:
    """A figure to highlight: its quantity id, offsets and verdict.

    The verdict is consistent, inconsistent, unverifiable or unchecked.
    """

    id: str
    start: int
    end: int
    verdict: str


@dataclass(frozen=True)
class StatementMark:
    """A statement to underline in its speaker's colour (``colour`` is a small index)."""

    id: str
    start: int
    end: int
    speaker: str
    colour: int
    type: str


@dataclass(frozen=True)
class SignalMark:
    """A hedge, dispute or corroboration to mark."""

    type: str
    start: int
    end: int


@dataclass(frozen=True)
class Marks:
    figures: Sequence[FigureMark]
    statements: Sequence[StatementMark]
    signals: Sequence[SignalMark]


_TYPE_WORDS = {"direct": "quoted", "indirect": "reported speech", "according_to": "according to"}
_VERDICT_WORDS = {"consistent": "consistent", "inconsistent": "inconsistent", "unverifiable": "cannot be verified",
                  "unchecked": "not checked"}


def _figures_in(figures: Sequence[FigureMark], lo: int, hi: int) -> list[FigureMark]:
    """The figures inside ``[lo, hi)``, in order, without overlaps (a later overlapping one is dropped)."""
    out: list[FigureMark] = []
    for f in sorted(figures, key=lambda f: (f.start, -f.end)):
        if f.start < lo or f.end > hi or f.end <= f.start:
            continue
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def _boundaries(lo: int, hi: int, figures: list[FigureMark], marks: Marks) -> list[int]:
    points = {lo, hi}
    for f in figures:
        points.update((f.start, f.end))
    inside = [(f.start, f.end) for f in figures]
    for span in (*marks.statements, *marks.signals):
        for p in (span.start, span.end):
            # a figure is never split: boundaries inside one snap to its edges
            if lo < p < hi and not any(s < p < e for s, e in inside):
                points.add(p)
    return sorted(points)


def _statement_at(statements: Sequence[StatementMark], a: int, b: int) -> StatementMark | None:
    covering = [s for s in statements if s.start <= a and s.end >= b]
    return min(covering, key=lambda s: s.end - s.start) if covering else None


def _signal_at(signals: Sequence[SignalMark], a: int, b: int) -> SignalMark | None:
    return next((s for s in signals if s.start <= a and s.end >= b), None)


def _open_statement(s: StatementMark, first: bool) -> Markup:
    title = f"{s.speaker} ({_TYPE_WORDS.get(s.type, s.type)})"
    anchor = Markup(' id="stmt-{}"').format(s.id) if first else Markup("")
    return Markup('<span class="stmt sp{}"{} data-statement="{}" title="{}">').format(
        s.colour % 8, anchor, s.id, title
    )


def _figure_html(f: FigureMark, inner: Markup) -> Markup:
    verdict = f.verdict if f.verdict in _VERDICT_WORDS else "unchecked"
    return Markup(
        '<a class="fig fig-{verdict}" id="fig-{id}" href="#figure-{id}" data-figure="{id}" '
        'title="{words}">{inner}</a>'
    ).format(verdict=verdict, id=f.id, words=f"{f.id}: {_VERDICT_WORDS[verdict]}", inner=inner)


def highlight(document: str, lo: int, hi: int, marks: Marks) -> Markup:
    """``document[lo:hi]`` as escaped HTML with figures as links, statements underlined and signals marked."""
    figures = _figures_in(marks.figures, lo, hi)
    points = _boundaries(lo, hi, figures, marks)
    figure_at = {f.start: f for f in figures}
    parts: list[Markup] = []
    current: StatementMark | None = None
    opened: set[str] = set()
    for a, b in pairwise(points):
        statement = _statement_at(marks.statements, a, b)
        if statement is not current:
            if current is not None:
                parts.append(Markup("</span>"))
            if statement is not None:
                parts.append(_open_statement(statement, statement.id not in opened))
                opened.add(statement.id)
            current = statement
        inner = escape(document[a:b])
        signal = _signal_at(marks.signals, a, b)
        if signal is not None:
            inner = Markup('<span class="signal signal-{}" title="{}">{}</span>').format(
                signal.type if signal.type in ("hedge", "dispute", "corroboration") else "other", signal.type, inner
            )
        figure = figure_at.get(a)
        if figure is not None and figure.end == b:
            inner = _figure_html(figure, inner)
        parts.append(inner)
    if current is not None:
        parts.append(Markup("</span>"))
    return Markup("").join(parts)
