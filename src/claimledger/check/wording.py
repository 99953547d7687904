"""How checks write numbers for people: separators, currency signs, scale words, ranges.

>>> format_value(91_300_000, "money", "USD")
'$91.3 million'
>>> format_interval(88.86, 90.02, "percent")
'88.9%–90.0%'
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from claimledger.lang.en_tolerance import CURRENCY_SIGNS, SCALE_NAMES

INF = math.inf
DASH = "–"
_MAX_DECIMALS = 6


def format_number(x: float, decimals: int | None = None) -> str:
    """A number with thousands separators; ``decimals=None`` writes as few digits as it needs.

    >>> format_number(36500), format_number(131.3200), format_number(2.0 / 3, 2)
    ('36,500', '131.32', '0.67')
    """
    exact = decimals is None
    text = f"{x:,.{_MAX_DECIMALS if exact else decimals}f}"
    if exact:
        text = text.rstrip("0").rstrip(".")
    # "-0.0" after rounding a tiny negative reads as zero
    return text.lstrip("-") if text.startswith("-") and not text.strip("-0.,") else text


def format_value(x: float, kind: str, unit: str | None = None, decimals: int | None = None,
                 points: bool = False) -> str:
    """One value as people write it: ``$5.2 million``, ``90%``, ``4 points``, ``36,500``, ``12 km``.

    >>> format_value(5.7, "percent"), format_value(4, "percent", points=True), format_value(84e6, "count")
    ('5.7%', '4 points', '84 million')
    """
    if math.isinf(x):
        return "no limit" if x > 0 else "no lower limit"
    if kind == "percent":
        number = format_number(x, decimals)
        if points:
            return f"{number} point" if number == "1" else f"{number} points"
        return f"{number}%"
    number = _scaled(x, decimals) if kind in ("money", "count", "other") else format_number(x, decimals)
    if kind == "money" and unit:
        sign = CURRENCY_SIGNS.get(unit)
        if sign:
            return f"-{sign}{number[1:]}" if number.startswith("-") else f"{sign}{number}"
        return f"{unit} {number}"
    if kind in ("measure", "duration") and unit:
        return f"{number} {_plural(unit, x)}"
    return number


def format_interval(low: float, high: float, kind: str, unit: str | None = None, decimals: int | None = 1,
                    points: bool = False) -> str:
    """A range with as many decimals as it takes to tell its ends apart; open ends read as at most/least.

    ``decimals=None`` writes each end exactly (as few digits as it needs): readings of written figures.

    >>> format_interval(223.476, 223.509, "percent")
    '223.48%–223.51%'
    >>> format_interval(0, 6.33, "percent"), format_interval(40, INF, "percent")
    ('at most 6.3%', 'at least 40.0%')
    """
    if math.isinf(low) and math.isinf(high):
        return "any amount"
    if math.isinf(high):
        return f"at least {format_value(low, kind, unit, decimals, points)}"
    if math.isinf(low) or (low == 0 and high > 0):
        return f"at most {format_value(high, kind, unit, decimals, points)}"
    d = decimals
    while True:
        lo_text = format_value(low, kind, unit, d, points)
        hi_text = format_value(high, kind, unit, d, points)
        if d is None or lo_text != hi_text or d >= decimals + 3:
            break
        d += 1
    if lo_text == hi_text:
        return lo_text
    if points:  # "4.0–4.2 points", the unit once
        return f"{format_number(low, d)}{DASH}{hi_text}"
    return f"{lo_text}{DASH}{hi_text}"


def join_phrases(phrases: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``; repeated phrases once.

    >>> join_phrases(["x", "y", "x", "z"])
    'x, y and z'
    """
    unique = list(dict.fromkeys(p for p in phrases if p))
    if len(unique) <= 1:
        return "".join(unique)
    return f"{', '.join(unique[:-1])} and {unique[-1]}"


def sentence(text: str) -> str:
    """Capitalise the first letter and end with a full stop.

    >>> sentence("from 2,000 to 200 is a drop of 90.0% — consistent")
    'From 2,000 to 200 is a drop of 90.0% — consistent.'
    """
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else f"{text}."


def _scaled(x: float, decimals: int | None) -> str:
    """84000000 -> '84 million'; figures under a million keep separators."""
    for scale, name in SCALE_NAMES:
        if abs(x) >= scale:
            return f"{format_number(x / scale, decimals)} {name}"
    return format_number(x, decimals)


def _plural(unit: str, x: float) -> str:
    if x == 1 or not unit.isalpha() or len(unit) <= 2 or unit.endswith("s"):
        return unit
    return f"{unit}es" if unit.endswith(("ch", "sh", "x")) else f"{unit}s"
