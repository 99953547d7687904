"""A measure's timeline as a chart drawn on the server (SVG, no script): each observation's value interval
as a bar at its period, one colour per outlet, contradictions ringed in red and joined by a dashed line.

The geometry is computed here; ``templates/_timeline.svg`` draws it with autoescaping on.

>>> chart = timeline_chart({"observations": [], "checks": []})
>>> chart.bars, chart.undated
([], 0)
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

WIDTH, HEIGHT = 760, 340
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 16, 44
PALETTE_SIZE = 8
BAR_WIDTH = 8


@dataclass(frozen=True)
class Bar:
    """One observation drawn: its interval bar, period line, point and link."""

    x: float
    y_top: float
    y_bottom: float
    period_x1: float
    period_x2: float
    y_point: float | None
    open_top: bool
    open_bottom: bool
    colour: int
    contradicted: bool
    href: str
    label: str
    uid: str


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM
    bars: list[Bar] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    links: list[tuple[float, float, float, float]] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)
    undated: int = 0
    description: str = ""


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``[low, high]``.

    >>> nice_ticks(0, 2000), nice_ticks(0, 48000)
    ([0, 500, 1000, 1500, 2000], [0, 20000, 40000, 60000])
    """
    if high <= low:
        high = low + 1
    raw = (high - low) / max(1, count - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = [round(start, 10)]
    while ticks[-1] < high - step * 1e-9:  # the last tick is at or above ``high``
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _number(x: float) -> str:
    if abs(x) >= 1e6 and x == int(x):
        return f"{x / 1e6:g}M"
    return f"{int(x):,}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")


def _date_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    span = (last - first).days
    if span > 3 * 365:
        years = range(first.year + 1, last.year + 1)
        step = max(1, math.ceil(len(years) / 8))
        return [dt.date(y, 1, 1) for y in years[::step]]
    months = []
    year, month = first.year, first.month + 1
    while dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1) <= last:
        months.append(dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1))
        month += 1
    step = max(1, math.ceil(len(months) / 8))
    return months[::step] or [first]


def timeline_chart(timeline: dict[str, Any], article_href: Any = None) -> Chart:
    """The chart of ``Queries.timeline(...)``; ``article_href(article_id)`` makes each bar's link."""
    href = article_href or (lambda article_id: f"/articles/{article_id}")
    chart = Chart()
    dated = [o for o in timeline["observations"] if _day(o.get("start_date"))]
    chart.undated = len(timeline["observations"]) - len(dated)
    if not dated:
        return chart
    sources = sorted({o.get("source") or "unknown source" for o in dated})
    colour_of = {s: n % PALETTE_SIZE for n, s in enumerate(sources)}
    chart.sources = [(s, colour_of[s]) for s in sources]
    starts = [_day(o["start_date"]) for o in dated]
    ends = [_day(o.get("end_date")) or _day(o["start_date"]) for o in dated]
    first, last = min(d for d in starts if d), max(d for d in ends if d)
    pad = max(15, (last - first).days // 20)
    first, last = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
    lows = [_low(o) for o in dated]
    highs = [_high(o) for o in dated]
    values = [v for v in (*lows, *highs) if v is not None]
    y_low, y_high = min([*values, 0.0]), max([*values, 1.0])
    # an open top ("more than 40,000") needs room above its low end to show its arrow
    ticks = nice_ticks(y_low, y_high * (1.2 if None in highs else 1.05))
    y_low, y_high = ticks[0], ticks[-1]

    def x_of(day: dt.date) -> float:
        return chart.left + (day - first).days / max(1, (last - first).days) * (chart.right - chart.left)

    def y_of(value: float) -> float:
        return chart.bottom - (value - y_low) / (y_high - y_low) * (chart.bottom - chart.top)

    chart.y_ticks = [Tick(round(y_of(t), 1), _number(t)) for t in ticks]
    chart.x_ticks = [Tick(round(x_of(d), 1), d.isoformat()[:7] if (last - first).days <= 3 * 365 else str(d.year))
                     for d in _date_ticks(first, last)]
    contradicted = {uid for c in timeline.get("checks", []) if c["verdict"] == "inconsistent"
                    for uid in c.get("quantity_ids", [])}
    slots = {s: n - (len(sources) - 1) / 2 for n, s in enumerate(sources)}
    where: dict[str, tuple[float, float]] = {}
    for o, start, end, low, high in zip(dated, starts, ends, lows, highs, strict=True):
        assert start is not None and end is not None
        source = o.get("source") or "unknown source"
        x = x_of(start + (end - start) / 2) + slots[source] * 3
        top = y_of(high) if high is not None else chart.top
        bottom = y_of(low) if low is not None else chart.bottom
        if bottom - top < 3:
            top, bottom = top - 1.5, bottom + 1.5
        value = o.get("value")
        point = y_of(value) if value is not None else (top + bottom) / 2
        label = (f"{o.get('figure')} · {o.get('period') or start.isoformat()} · "
                 f"{o.get('speaker') or 'the article'} · {source}")
        uid = str(o.get("uid") or "")
        chart.bars.append(Bar(
            x=round(x, 1), y_top=round(top, 1), y_bottom=round(bottom, 1),
            period_x1=round(x_of(start), 1), period_x2=round(x_of(end), 1), y_point=round(point, 1),
            open_top=high is None, open_bottom=low is None, colour=colour_of[source],
            contradicted=uid in contradicted, href=href(o["article_id"]), label=label, uid=uid,
        ))
        where[uid] = (round(x, 1), round(point, 1))
    for c in timeline.get("checks", []):
        ids = c.get("quantity_ids", [])
        if c["verdict"] == "inconsistent" and len(ids) >= 2 and ids[0] in where and ids[1] in where:
            chart.links.append((*where[ids[0]], *where[ids[1]]))
    chart.description = (f"{len(chart.bars)} observations from {len(sources)} outlets between "
                         f"{min(d for d in starts if d).isoformat()} and {max(d for d in ends if d).isoformat()}; "
                         f"{len(chart.links)} contradictions marked")
    return chart


def _low(o: dict[str, Any]) -> float | None:
    """The interval's low end once rounding and approximators are read in; None when the words leave it open."""
    value = o.get("reads_low") if "reads_low" in o else o.get("low")
    return None if value is None else float(value)


def _high(o: dict[str, Any]) -> float | None:
    value = o.get("reads_high") if "reads_high" in o else o.get("high")
    return None if value is None else float(value)
