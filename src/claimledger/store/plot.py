"""Draw a measure's timeline: each observation's value interval as a vertical bar at its date.

One colour per outlet; a period longer than a day is a thin horizontal line under the bar; an
open end (``more than``, ``nearly``) is an arrow; the figures of a ``cross_source``
contradiction are circled in red and joined by a dashed red line.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _middle(start: dt.date, end: dt.date) -> dt.date:
    return start + (end - start) / 2


def plot_timeline(timeline: dict[str, Any], path: str | os.PathLike[str]) -> int:
    """Save the chart of ``Ledger.timeline(...)`` to ``path`` (.png or .svg); returns the bars drawn."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    measure = timeline["measure"]
    observations = [o for o in timeline["observations"] if o.get("start_date")]
    figure, axes = plt.subplots(figsize=(10, 5))
    colours = plt.get_cmap("tab10")
    sources = sorted({o.get("source") or "unknown" for o in observations})
    colour_of = {s: colours(i % 10) for i, s in enumerate(sources)}
    slot_of = {s: i - (len(sources) - 1) / 2 for i, s in enumerate(sources)}
    days = [_day(o["start_date"]) for o in observations]
    span = (max(days) - min(days)).days if days and all(days) else 0  # type: ignore[type-var,operator]
    spread = max(1.0, span / 150)
    where: dict[str, tuple[dt.date, float]] = {}
    drawn = 0
    for o in observations:
        start, end = _day(o["start_date"]), _day(o["end_date"]) or _day(o["start_date"])
        assert start is not None and end is not None
        # figures of one day side by side, one slot per outlet
        x = _middle(start, end) + dt.timedelta(days=slot_of[o.get("source") or "unknown"] * spread)
        low, high, value = o.get("reads_low", o.get("low")), o.get("reads_high", o.get("high")), o.get("value")
        known = [v for v in (low, high, value, o.get("low"), o.get("high")) if v is not None]
        if not known:
            continue
        bottom = low if low is not None else min(known)
        top = high if high is not None else max(known)
        colour = colour_of[o.get("source") or "unknown"]
        axes.vlines(x, bottom, top, colors=[colour], linewidth=6, alpha=0.75)
        axes.plot([x, x], [bottom, top], marker="_", markersize=14, color=colour, linestyle="none")
        if low is None:
            axes.plot([x], [bottom], marker="v", color=colour)
        if high is None:
            axes.plot([x], [top], marker="^", color=colour)
        if value is not None:
            axes.plot([x], [value], marker="o", markersize=4, color="black")
        if end != start:
            axes.hlines(bottom, start, end, colors=[colour], linewidth=1, alpha=0.5)
        where[o["uid"]] = (x, value if value is not None else (bottom + top) / 2)
        drawn += 1
    for check in timeline.get("checks", []):
        if check["verdict"] != "inconsistent":
            continue
        points = [where[u] for u in check["quantity_ids"] if u in where]
        if len(points) == 2:
            (x1, y1), (x2, y2) = points
            axes.plot([x1, x2], [y1, y2], linestyle="--", color="red", linewidth=1)
            axes.scatter(
                [x1, x2], [y1, y2], s=160, facecolors="none", edgecolors="red", linewidths=1.5, zorder=5
            )
    for source in sources:
        axes.plot([], [], color=colour_of[source], linewidth=6, label=source)
    if any(c["verdict"] == "inconsistent" for c in timeline.get("checks", [])):
        axes.plot([], [], linestyle="--", color="red", label="contradiction (cross_source)")
    axes.legend(loc="best", fontsize="small")
    axes.set_title(measure["label"])
    axes.set_ylabel(measure.get("unit") or "")
    figure.autofmt_xdate()
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return drawn
