"""The checks: does the arithmetic of the stated figures hold, within what their words allow?

Each check is a pure function of :class:`~claimledger.model.Quantity` objects and
returns a :class:`~claimledger.model.Check` whose explanation is one sentence
showing the arithmetic. Every figure is read as an interval
(:func:`~claimledger.check.reading.reading`: rounding, then its approximator), the
arithmetic is done on intervals, and the verdict follows one rule:

* ``inconsistent`` only when no reading of the words makes the arithmetic hold:
  the computed interval and the stated one do not meet;
* ``consistent`` when they meet;
* ``unverifiable`` when the comparison would mean nothing: figures in different
  kinds, units, currencies or rates; a percent change from a starting figure that
  could be zero; a computed interval open at both ends.

>>> from claimledger.model import Quantity
>>> q = lambda i, text, kind, v, lo, hi, **kw: Quantity(i, text, 0, len(text), kind, v, lo, hi, **kw)
>>> check = percent_change("c1", q("q1", "90 percent", "percent", 90, 90, 90, unit="%"),
...                        q("q2", "nearly 2,000", "count", 2000, None, 2000, approximate=True,
...                          qualifier="nearly"),
...                        q("q3", "200", "count", 200, 200, 200))
>>> check.verdict
'consistent'
>>> check.explanation
'From nearly 2,000 to 200 is a drop of 88.9%–90.0% (nearly 2,000 reads as 1,800–2,000, with rounding); \
stated 90% (89.5%–90.5%) — consistent.'
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from claimledger.check.reading import Reading, describe_figure, point_value, reading, to_interval
from claimledger.check.wording import format_interval, format_value, join_phrases, sentence
from claimledger.model import Check, CheckKind, Direction, Quantity, Verdict

INF = math.inf
Bounds = tuple[float, float]


def percent_change(check_id: str, stated: Quantity, before: Quantity, after: Quantity,
                   direction: Direction | None = None) -> Check:
    """Check a stated relative change (``90 percent``) or multiple (``tripled``) from ``before`` to ``after``.

    ``direction`` is the change's stated direction when known; otherwise it is the one the figures show.

    >>> from claimledger.model import Quantity
    >>> q = lambda i, text, kind, v: Quantity(i, text, 0, len(text), kind, v, v, v)
    >>> percent_change("c", q("s", "50%", "percent", 50), q("b", "2,000", "count", 2000),
    ...                q("a", "200", "count", 200)).verdict
    'inconsistent'
    """
    ids = (stated.id, before.id, after.id)
    rs, rb, ra = reading(stated), reading(before), reading(after)
    if stated.kind not in ("percent", "ratio"):
        return _unverifiable(check_id, "percent_change", ids,
                             f"{rs.stated} is neither a percent nor a multiple, so it states no change")
    problem = _no_figure([stated]) or _mismatch([before, after])
    if problem:
        return _unverifiable(check_id, "percent_change", ids, problem)
    if rb.low <= 0 <= rb.high:
        return _unverifiable(check_id, "percent_change", ids,
                             f"from {rb.stated} to {ra.stated} has no percent change to check, "
                             "as the starting figure could be zero")
    ratio = _divide((ra.low, ra.high), (rb.low, rb.high))
    pb, pa = point_value(before), point_value(after)
    point_ratio = pa / pb if pa is not None and pb else None
    route = f"from {rb.stated} to {ra.stated}"
    if stated.kind == "ratio":
        computed = ratio
        said = (rs.low, rs.high)
        shown = _computed_text(computed, point_ratio, "ratio", None, [rb, ra], decimals=2,
                               after=" times as much")
        verdict = _verdict(computed, said)
        text = (f"{route} is {shown}; stated {rs.stated} "
                f"({format_interval(rs.low, rs.high, 'ratio', decimals=None)} times) — {verdict}")
        return _check(check_id, "percent_change", ids, said, stated.value, computed, point_ratio, verdict,
                      text)
    change = (ratio[0] * 100 - 100, ratio[1] * 100 - 100)
    point_change = point_ratio * 100 - 100 if point_ratio is not None else None
    shows_rise = (point_change if point_change is not None else _middle(change)) >= 0
    rising = shows_rise if direction is None else direction == "increase"
    magnitude = change if rising else (-change[1], -change[0])
    point_magnitude = None if point_change is None else (point_change if rising else -point_change)
    said = (rs.low, rs.high) if (stated.value or 0) >= 0 else (-rs.high, -rs.low)
    verdict = _verdict(magnitude, said)
    verb = "rise" if rising else "drop"
    if verdict == "inconsistent" and rising != shows_rise:
        actual = magnitude if not rising else (-magnitude[1], -magnitude[0])
        actual_point = None if point_magnitude is None else -point_magnitude
        shown = _computed_text(actual, actual_point, "percent", None, [rb, ra])
        body = f"{route} is a {'rise' if shows_rise else 'drop'} of {shown}, not a {verb}"
    else:
        shown = _computed_text(magnitude, point_magnitude, "percent", None, [rb, ra])
        body = f"{route} is a {verb} of {shown}"
    text = f"{body}; stated {rs.describe('percent')} — {verdict}"
    return _check(check_id, "percent_change", ids, said, stated.value, magnitude, point_magnitude, verdict,
                  text)


def part_whole(check_id: str, part: Quantity | Sequence[Quantity], whole: Quantity,
               share: Quantity | None = None) -> Check:
    """Check that a part (or several parts together) is no larger than its whole, and the stated share.

    Without ``share``, ``stated`` is the whole and ``computed`` the part; with it, both are percents.

    >>> from claimledger.model import Quantity
    >>> q = lambda i, text, kind, v: Quantity(i, text, 0, len(text), kind, v, v, v)
    >>> part_whole("c", q("p", "996", "count", 996), q("w", "1,704", "count", 1704)).explanation
    '996 of 1,704 is 58.5% (58.4%–58.5% allowing for rounding), a part no larger than its whole — consistent.'
    """
    parts = [part] if isinstance(part, Quantity) else list(part)
    if not parts:
        raise ValueError(f"check {check_id!r}: part_whole needs at least one part")
    ids = (*(p.id for p in parts), whole.id, *((share.id,) if share else ()))
    problem = _mismatch([*parts, whole])
    if problem:
        return _unverifiable(check_id, "part_whole", ids, problem)
    part_readings = [reading(p) for p in parts]
    rw = reading(whole)
    total = _sum_bounds(part_readings)
    total_point = _sum_points(parts)
    whole_point = point_value(whole)
    share_bounds = _divide(total, (rw.low, rw.high))
    if share_bounds is None:
        return _unverifiable(check_id, "part_whole", ids, f"{rw.stated} could be zero or less")
    percents = (share_bounds[0] * 100, share_bounds[1] * 100)
    point_share = total_point / whole_point * 100 if total_point is not None and whole_point else None
    shown = _computed_text(percents, point_share, "percent", None, [*part_readings, rw])
    if len(parts) == 1:
        named = part_readings[0].stated
        subject, share_of = f"{named} is", f"{named} of {rw.stated} is {shown}"
    else:
        together = _computed_text(total, total_point, parts[0].kind, parts[0].unit, part_readings, None)
        subject = f"{join_phrases([r.stated for r in part_readings])} make {together},"
        share_of = f"{subject} which is {shown} of {rw.stated}"
    if not _meets(total, (-INF, rw.high)):
        text = f"{subject} more than {rw.stated}: a part larger than its whole — inconsistent"
        return _check(check_id, "part_whole", ids, (rw.low, rw.high), whole.value, total, total_point,
                      "inconsistent", text)
    if share is None:
        noun = "no larger than their whole" if len(parts) > 1 else "a part no larger than its whole"
        text = f"{share_of}, {noun} — consistent"
        return _check(check_id, "part_whole", ids, (rw.low, rw.high), whole.value, total, total_point,
                      "consistent", text)
    factor = 100.0 if share.kind == "ratio" else 1.0
    rs = reading(share).scaled(factor)
    said = (rs.low, rs.high)
    both = (max(percents[0], said[0]), min(percents[1], said[1]))
    # a share of a whole is at most 100%, so the stated share must meet the computed one below that
    verdict = "consistent" if _meets(percents, said) and _meets(both, (-INF, 100.0)) else "inconsistent"
    text = f"{share_of}; stated {rs.describe('percent')} — {verdict}"
    stated_point = None if share.value is None else share.value * factor
    return _check(check_id, "part_whole", ids, said, stated_point, percents, point_share, verdict, text)


def sum_check(check_id: str, parts: Sequence[Quantity], total: Quantity | float,
              complete: bool = True) -> Check:
    """Check that parts add up to their total; ``total`` may be a number (100.0 for shares of a whole).

    With ``complete=False`` the parts are only some of the whole, so they need only not exceed it.

    >>> from claimledger.model import Quantity
    >>> q = lambda i, text, v: Quantity(i, text, 0, len(text), "percent", v, v, v, unit="%")
    >>> sum_check("c", [q("a", "62%", 62), q("b", "38%", 38)], 100.0).explanation
    '62% + 38% = 100% (99%–101% allowing for rounding), matching the total of 100% — consistent.'
    """
    if not parts:
        raise ValueError(f"check {check_id!r}: sum_check needs at least one part")
    quantities = [*parts, *([total] if isinstance(total, Quantity) else [])]
    ids = tuple(q.id for q in quantities)
    problem = _mismatch(quantities)
    if problem:
        return _unverifiable(check_id, "sum", ids, problem)
    # shares of a whole: a ratio ("6 in 10") adds to percents, and a bare total of 100 is 100%
    percent = any(q.kind == "percent" for q in quantities) or (
        not isinstance(total, Quantity) and total == 100)
    readings = [_scaled_reading(p, percent) for p in parts]
    kind = "percent" if percent else parts[0].kind
    unit = None if percent else parts[0].unit
    added = _sum_bounds(readings)
    point = _sum_points(parts, 100.0 if percent else 1.0)
    if isinstance(total, Quantity):
        rt = _scaled_reading(total, percent)
        said, said_point, total_text = (rt.low, rt.high), point_value(total), rt.describe(kind, unit)
        if percent and total.kind == "ratio" and said_point is not None:
            said_point *= 100
    else:
        said, said_point = (float(total), float(total)), float(total)
        total_text = format_value(total, kind, unit)
    shown = _computed_text(added, point, kind, unit, readings, None)
    terms = f"{' + '.join(r.stated for r in readings)} = {shown}"
    if math.isinf(added[0]) and math.isinf(added[1]):
        return _unverifiable(check_id, "sum", ids, f"{terms}, which could be any amount")
    if complete:
        verdict = _verdict(added, said)
        relation = "matching" if verdict == "consistent" else (
            "more than" if added[0] > said[1] else "less than")
    else:
        verdict = "consistent" if _meets(added, (-INF, said[1])) else "inconsistent"
        relation = "no more than" if verdict == "consistent" else "more than"
    text = f"{terms}, {relation} the total of {total_text} — {verdict}"
    return _check(check_id, "sum", ids, said, said_point, added, point, verdict, text)


def difference_check(check_id: str, larger: Quantity, smaller: Quantity, stated_gap: Quantity,
                     within: bool = False) -> Check:
    """Check a stated gap or lead (``four-point lead``) against ``larger − smaller``; kind ``sum``.

    With ``within=True`` the gap need only be no wider than the stated figure either way
    ("within the margin of error of plus or minus four points").

    >>> from claimledger.model import Quantity
    >>> q = lambda i, text, v: Quantity(i, text, 0, len(text), "percent", v, v, v, unit="%")
    >>> difference_check("c", q("a", "46.2 percent", 46.2), q("b", "42.1 percent", 42.1),
    ...                  q("g", "four-point", 4)).explanation
    '46.2% − 42.1% = 4.1 points (4–4.2 points allowing for rounding); stated 4 points (3.5–4.5 points) \
— consistent.'
    """
    ids = (larger.id, smaller.id, stated_gap.id)
    problem = _mismatch([larger, smaller, stated_gap])
    if problem:
        return _unverifiable(check_id, "sum", ids, problem)
    percent = any(q.kind == "percent" for q in (larger, smaller, stated_gap))
    rl, rsm, rg = (_scaled_reading(q, percent) for q in (larger, smaller, stated_gap))
    kind, unit = ("percent", None) if percent else (larger.kind, larger.unit)
    gap = (rl.low - rsm.high, rl.high - rsm.low)
    pl, ps = _scaled_point(larger, percent), _scaled_point(smaller, percent)
    point = pl - ps if pl is not None and ps is not None else None
    said = (-rg.high, rg.high) if within else (rg.low, rg.high)
    verdict = _verdict(gap, said)
    shown = _computed_text(gap, point, kind, unit, [rl, rsm], None, points=percent)
    figure = describe_figure(stated_gap, points=percent) if stated_gap.kind != "ratio" else rg.stated
    span = format_interval(rg.low, rg.high, kind, unit, decimals=None, points=percent)
    described = figure if rg.widened_by is None or span == figure else f"{figure} ({span})"
    terms = f"{rl.stated} − {rsm.stated} = {shown}"
    if within:
        relation = "within" if verdict == "consistent" else "outside"
        text = f"{terms}, {relation} the stated {described} — {verdict}"
    else:
        text = f"{terms}; stated {described} — {verdict}"
    gap_point = _scaled_point(stated_gap, percent)
    return _check(check_id, "sum", ids, said, gap_point, gap, point, verdict, text)


def same_measure(check_id: str, a: Quantity, b: Quantity) -> Check:
    """Check the same measure stated twice: consistent when the two readings overlap.

    ``stated`` is ``a``'s interval and ``computed`` is ``b``'s.

    >>> from claimledger.model import Quantity
    >>> q = lambda i, text, v: Quantity(i, text, 0, len(text), "percent", v, v, v, unit="%")
    >>> same_measure("c", q("a", "46%", 46), q("b", "52%", 52)).explanation
    '46% (45.5%–46.5%) and 52% (51.5%–52.5%) do not overlap — inconsistent.'
    """
    ids = (a.id, b.id)
    problem = _mismatch([a, b])
    if problem:
        return _unverifiable(check_id, "same_measure", ids, problem)
    percent = "percent" in (a.kind, b.kind)
    ra, rb = _scaled_reading(a, percent), _scaled_reading(b, percent)
    kind, unit = ("percent", None) if percent else (a.kind, a.unit)
    first, second = (ra.low, ra.high), (rb.low, rb.high)
    verdict = _verdict(first, second)
    if first == second and ra.stated == rb.stated:
        text = f"{ra.stated} and {rb.stated} agree — {verdict}"
    else:
        relation = "overlap" if verdict == "consistent" else "do not overlap"
        text = f"{ra.describe(kind, unit)} and {rb.describe(kind, unit)} {relation} — {verdict}"
    return _check(check_id, "same_measure", ids, first, _scaled_point(a, percent), second,
                  _scaled_point(b, percent), verdict, text)


# --- interval arithmetic -------------------------------------------------------------------------


def _divide(a: Bounds, b: Bounds) -> Bounds | None:
    """``a / b`` over every value in each; None when ``b`` may be zero and the result is open both ways."""
    if b[0] > 0 or b[1] < 0:
        corners = [_quotient(x, y) for x in a for y in b]
        return min(corners), max(corners)
    if b[0] == 0 and b[1] > 0 and a[0] >= 0:
        return (a[0] / b[1] if math.isfinite(b[1]) else 0.0), INF
    return None


def _quotient(x: float, y: float) -> float:
    if math.isinf(x) and math.isinf(y):
        return 0.0 if x * y > 0 else -0.0  # the corner of two open ends: the other corners bound it
    return x / y


def _sum_bounds(readings: Sequence[Reading]) -> Bounds:
    return math.fsum(r.low for r in readings), math.fsum(r.high for r in readings)


def _meets(a: Bounds, b: Bounds) -> bool:
    """Do two intervals share a value? Allow for float noise far below any written digit."""
    finite = [abs(x) for x in (*a, *b) if math.isfinite(x)]
    slack = 1e-9 * max([1.0, *finite])
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def _verdict(computed: Bounds, stated: Bounds) -> Verdict:
    return "consistent" if _meets(computed, stated) else "inconsistent"


def _middle(bounds: Bounds) -> float:
    low, high = bounds
    if math.isinf(low) or math.isinf(high):
        return high if math.isinf(low) and not math.isinf(high) else low
    return (low + high) / 2


# --- figures -------------------------------------------------------------------------------------


def _scaled_reading(q: Quantity, percent: bool) -> Reading:
    """A ratio ("six in 10") read in percents when the check is about percents."""
    return reading(q).scaled(100.0) if percent and q.kind == "ratio" else reading(q)


def _scaled_point(q: Quantity, percent: bool) -> float | None:
    value = point_value(q)
    return value * 100 if value is not None and percent and q.kind == "ratio" else value


def _sum_points(quantities: Sequence[Quantity], ratio_factor: float = 1.0) -> float | None:
    values = [_scaled_point(q, ratio_factor == 100.0) for q in quantities]
    return None if any(v is None for v in values) else math.fsum(v for v in values if v is not None)


_FAMILY = {"percent": "share", "ratio": "share"}
_KIND_NAMES = {"count": "a count", "money": "money", "share": "a share", "measure": "a measure",
               "duration": "a duration", "other": "an amount"}


def _no_figure(quantities: Sequence[Quantity]) -> str | None:
    """Why a check cannot start: a quantity whose words give no bound at all."""
    for q in quantities:
        if reading(q).widened_by == "no figure":
            return f"'{' '.join(q.text.split())}' states no figure to check"
    return None


def _mismatch(quantities: Sequence[Quantity]) -> str | None:
    """Why these figures cannot be compared (no figure, different kinds, units or rates), or None."""
    missing = _no_figure(quantities)
    if missing:
        return missing
    first = quantities[0]
    for other in quantities[1:]:
        fa, fb = _FAMILY.get(first.kind, first.kind), _FAMILY.get(other.kind, other.kind)
        sa, sb = reading(first).stated, reading(other).stated
        if fa != fb:
            kinds = f"{sa} is {_KIND_NAMES.get(fa, fa)} and {sb} {_KIND_NAMES.get(fb, fb)}"
            return f"{kinds}, so they cannot be compared"
        if fa != "share" and first.unit and other.unit and first.unit != other.unit:
            units = f"{sa} is in {first.unit} and {sb} in {other.unit}"
            return f"{units}, so they cannot be compared without a rate"
        if first.per and other.per and first.per != other.per:
            return f"{sa} is per {first.per} and {sb} per {other.per}, so they cannot be compared"
    return None


# --- wording -------------------------------------------------------------------------------------


def _computed_text(bounds: Bounds, point: float | None, kind: str, unit: str | None,
                   readings: Sequence[Reading], decimals: int | None = 1, points: bool = False,
                   after: str = "") -> str:
    """``223.5% (223.48%–223.51% allowing for rounding)`` or ``85.3%–91.0% (around widens 200 by 10%)``.

    ``after`` follows the figure, before the parenthesis: ``3.00 times as much (2.98–3.02 ...)``.
    """
    low, high = bounds
    span = format_interval(low, high, kind, unit, decimals, points)
    rounded = any(r.widened_by == "rounding" for r in readings)
    notes = [r.note for r in readings if r.note and r.widened_by != "rounding"]
    lead, why = span, ""
    if notes:
        why = f"{join_phrases(notes)}{', with rounding' if rounded else ''}"
    elif all(r.rounding_only for r in readings) and point is not None and math.isfinite(low + high):
        lead = format_value(point, kind, unit, decimals, points)
        if rounded and lead != span:
            why = f"{span} allowing for rounding"
    elif rounded:
        why = "allowing for rounding"
    return f"{lead}{after} ({why})" if why else f"{lead}{after}"


def _check(check_id: str, kind: CheckKind, ids: tuple[str, ...], stated: Bounds, stated_point: float | None,
           computed: Bounds, computed_point: float | None, verdict: Verdict, text: str) -> Check:
    return Check(
        id=check_id,
        kind=kind,
        quantity_ids=ids,
        stated=to_interval(*stated, stated_point),
        computed=to_interval(*computed, computed_point),
        verdict=verdict,
        explanation=sentence(text),
    )


def _unverifiable(check_id: str, kind: CheckKind, ids: tuple[str, ...], reason: str) -> Check:
    return Check(id=check_id, kind=kind, quantity_ids=ids, stated=None, computed=None,
                 verdict="unverifiable", explanation=sentence(f"{reason} — unverifiable"))
