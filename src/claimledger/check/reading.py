"""The interval a written figure stands for: rounding of its digits, widened by its approximator.

Two principles, nothing else:

* **Rounding.** A figure stands for every value that rounds to it at its last
  written digit: ``224`` is 223.5–224.5, ``131.32`` is 131.315–131.325, ``$33M``
  is $32.5–33.5 million, ``1.5 million`` is 1.45–1.55 million. Number words are
  whole numbers (``eight pct`` is 7.5%–8.5%, ``tripled`` 2.5–3.5 times), fraction
  words read like the whole percent they name (``half`` is 49.5%–50.5%), and
  ``6 in 10`` rounds at its numerator (55%–65%).
* **Qualifiers.** The approximator or bound words widen that by the rule in
  :mod:`claimledger.lang.en_tolerance`: ``about``/``around`` ±10% (or the rounding,
  whichever is wider), ``nearly``/``almost`` 90%–100% of the figure, ``less
  than``/``within`` anything up to it, ``more than``/``well over`` anything from it
  up, ``up to``/``as many as`` 0 up to it. A bound is taken as written, not
  rounded: "more than 40 percent" starts at 40. Counts, money, durations,
  measures and ratios never go below 0.

>>> from claimledger.model import Quantity
>>> r = reading(Quantity("q1", "nearly 2,000 per month", 0, 22, "count", 2000, None, 2000,
...                      approximate=True, qualifier="nearly"))
>>> (r.low, r.high, r.stated, r.widened_by)
(1800.0, 2000.0, 'nearly 2,000', "approximator 'nearly'")
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from claimledger.check.wording import format_interval, format_value
from claimledger.lang.en_numbers import (
    DOZEN,
    FRACTION_WORDS,
    MULTIPLIER_RATIOS,
    MULTIPLIER_WORDS,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
)
from claimledger.lang.en_tolerance import (
    APPROXIMATE_SPREAD,
    FRACTION_WORD_HALF_UNIT,
    NON_NEGATIVE_KINDS,
    QUALIFIER_RULES,
    RATIO_LINKS,
    RULES,
)
from claimledger.model import Interval, Quantity

INF = math.inf

# Digits as written: "2,000", "131.32", the "28.4" of "$28.4million"; decimals are group 2.
_NUMERAL = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?!\d)")
# "6 in 10", "four out of five": the count rounds, the denominator is exact.
_RATIO_OF = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|[a-z]+)\s+(?:" + "|".join(re.escape(w) for w in RATIO_LINKS)
    + r")\s+(?P<den>\d{1,3}(?:,\d{3})+|\d+)\b",
    re.IGNORECASE,
)
# Scale words spelled out after number words ("two million"); one-letter scales only follow digits.
_WORD_SCALES = {w: s for w, s in SCALE_WORDS.items() if len(w) > 2}
_APPROXIMATORS = frozenset({"approximate", "just_under", "just_over"})
# Words that spell a number; a figure with none of them and no digits is vague ("dozens", "single-digit").
_FRACTION_TOKENS = {w for phrase in FRACTION_WORDS for w in re.split(r"[\s-]", phrase)} - {"a", "one"}
_NUMBER_WORDS = frozenset(
    {*UNITS_WORDS, *TENS_WORDS, *MULTIPLIER_WORDS, *DOZEN, *MULTIPLIER_RATIOS, *_FRACTION_TOKENS})
# A numeral explains a figure when the figure is its digits times a clean scale (1e6, 0.01, a dozen).
_CLEAN_SCALE_MISFIT = 0.01


@dataclass(frozen=True)
class Reading:
    """The interval a figure stands for, how it reads, and why it is wider than the number.

    ``widened_by`` is ``None`` for an exact figure, ``"rounding"``, ``"approximator 'nearly'"``
    or ``"bound 'more than'"``; ``note`` is the phrase an explanation uses for it
    ("around widens 200 by 10%"), ``None`` when the words say it already.

    >>> Reading(199.5, 200.5, "200", "rounding").to_interval(200)
    Interval(low=199.5, high=200.5, value=200)
    """

    low: float
    high: float
    stated: str
    widened_by: str | None = None
    note: str | None = None

    @property
    def rounding_only(self) -> bool:
        """True when nothing but the rounding of the digits widens it."""
        return self.widened_by in (None, "rounding")

    def scaled(self, factor: float) -> Reading:
        """The same reading in other units: a ratio of 0.4 as 40 (percent)."""
        low, high = sorted((self.low * factor, self.high * factor))
        return replace(self, low=low, high=high)

    def to_interval(self, value: float | None = None) -> Interval:
        """The model's :class:`Interval`: open ends are ``None``."""
        return to_interval(self.low, self.high, value)

    def describe(self, kind: str, unit: str | None = None, points: bool = False) -> str:
        """How the figure reads with its interval: ``90% (89.5%–90.5%)``; plain when exact."""
        span = format_interval(self.low, self.high, kind, unit, decimals=None, points=points)
        if span == self.stated or self.widened_by is None:
            return self.stated
        return f"{self.stated} ({span})"


def to_interval(low: float, high: float, value: float | None = None) -> Interval:
    """An :class:`Interval` from float ends, with ``None`` for an open end.

    >>> to_interval(-math.inf, 5.0)
    Interval(low=None, high=5.0, value=None)
    """
    return Interval(
        low=low if math.isfinite(low) else None,
        high=high if math.isfinite(high) else None,
        value=value,
    )


def reading(q: Quantity) -> Reading:
    """The interval ``q`` stands for: its rounding at the last written digit, widened by its qualifier.

    >>> from claimledger.model import Quantity
    >>> r = reading(Quantity("q", "224 pct", 0, 7, "percent", 224, 224, 224, unit="%"))
    >>> (r.low, r.high, r.stated, r.widened_by)
    (223.5, 224.5, '224%', 'rounding')
    >>> r = reading(Quantity("q", "around 200", 0, 10, "count", 200, 200, 200, approximate=True,
    ...                      qualifier="around"))
    >>> (r.low, r.high, r.note)
    (180.0, 220.0, 'around widens 200 by 10%')
    """
    anchors = _anchors(q)
    if anchors is None:
        return Reading(-INF, INF, q.text.strip(), "no figure")
    low_anchor, high_anchor = anchors
    rule = rule_of(q)
    low_factor, high_factor, rounds = RULES[rule]
    low = -INF if low_factor is None else low_anchor + (low_factor - 1.0) * abs(low_anchor)
    high = INF if high_factor is None else high_anchor + (high_factor - 1.0) * abs(high_anchor)
    low_half, high_half = half_units(q, low_anchor, high_anchor)
    if rounds:
        low = min(low, low_anchor - low_half)
        high = max(high, high_anchor + high_half)
    if q.kind in NON_NEGATIVE_KINDS and high >= 0:
        low = max(low, 0.0)
    low, high = _clean(low), _clean(high)
    stated = describe_figure(q)
    qualifier = _qualifier(q)
    if rule == "exact":
        widened = "rounding" if low_half or high_half else None
        return Reading(low, high, stated, widened, "rounding" if widened else None)
    if rule in _APPROXIMATORS:
        word = qualifier or "approximately"
        core = _describe_bare(q, low_anchor, high_anchor)
        if rule == "approximate":
            note = f"{word} widens {core} by {APPROXIMATE_SPREAD:.0%}"
        elif q.kind == "ratio":
            share = bool(_RATIO_OF.search(q.text))  # "nearly four in 10" reads best as percents
            reads = format_interval(low * 100 if share else low, high * 100 if share else high,
                                    "percent" if share else "ratio", None, decimals=None)
            note = f"{stated} reads as {reads}"
        else:
            reads = format_interval(low, high, q.kind, q.unit, decimals=None)
            note = f"{word} {core} reads as {reads}"
        return Reading(low, high, stated, f"approximator '{word}'", note)
    return Reading(low, high, stated, f"bound '{qualifier or rule.replace('_', ' ')}'")


def rule_of(q: Quantity) -> str:
    """The name of the widening rule for ``q``: from its qualifier, else from its bounds.

    >>> from claimledger.model import Quantity
    >>> rule_of(Quantity("q", "well over 80 million", 0, 20, "count", 8e7, 8e7, None, qualifier="Well over"))
    'at_least'
    """
    qualifier = _qualifier(q)
    if qualifier in QUALIFIER_RULES:
        return QUALIFIER_RULES[qualifier]
    has_low, has_high = q.low is not None, q.high is not None
    if has_high and not has_low:
        return "just_under" if q.approximate else "at_most"
    if has_low and not has_high:
        return "just_over" if q.approximate else "at_least"
    is_range = has_low and has_high and q.low != q.high
    # a vague amount ("hundreds", "single-digit") already spans what it means
    return "approximate" if q.approximate and not is_range else "exact"


def half_units(q: Quantity, low_anchor: float, high_anchor: float) -> tuple[float, float]:
    """Half a unit of the last written digit, at each end of the figure (in the figure's units).

    >>> from claimledger.model import Quantity
    >>> money = Quantity("q", "$1.5 million", 0, 12, "money", 1.5e6, 1.5e6, 1.5e6, unit="USD")
    >>> half_units(money, 1.5e6, 1.5e6)
    (50000.0, 50000.0)
    """
    text = q.text
    if q.kind == "ratio":
        match = _RATIO_OF.search(text)
        if match:
            denominator = float(match["den"].replace(",", ""))
            numerator = match["num"]
            decimals = len(numerator.split(".")[1]) if numerator[0].isdigit() and "." in numerator else 0
            half = 0.5 * 10.0**-decimals / denominator if denominator else 0.0
            return half, half
    numerals = [(float(m[1].replace(",", "") + (f".{m[2]}" if m[2] else "")), len(m[2] or ""))
                for m in _NUMERAL.finditer(text)]
    low_half = _numeral_half(numerals, low_anchor, first=True)
    high_half = _numeral_half(numerals, high_anchor, first=False)
    return (_word_half(text, low_anchor, q.kind) if low_half is None else low_half,
            _word_half(text, high_anchor, q.kind) if high_half is None else high_half)


def describe_figure(q: Quantity, points: bool = False) -> str:
    """How a figure reads in an explanation: ``nearly 2,000``, ``1,500–2,000``, ``$33 million``.

    >>> from claimledger.model import Quantity
    >>> describe_figure(Quantity("q", "a hair under $91.3 million", 0, 26, "money", 9.13e7, None, 9.13e7,
    ...                          approximate=True, qualifier="a hair under", unit="USD"))
    'a hair under $91.3 million'
    """
    anchors = _anchors(q)
    qualifier = _qualifier(q)
    written = " ".join(q.text.split())
    if qualifier and written.lower().startswith(qualifier):
        written = qualifier + written[len(qualifier):]  # "More than 6 in 10" -> "more than 6 in 10"
    if q.kind == "ratio" or anchors is None:
        return written
    low_anchor, high_anchor = anchors
    if _is_vague(q.text):
        return written  # a vague amount reads best as written: "single-digit", "dozens"
    core = _describe_bare(q, low_anchor, high_anchor, points)
    if qualifier and low_anchor == high_anchor:
        return f"{qualifier} {core}"
    return core


def point_value(q: Quantity) -> float | None:
    """The single value a figure names, if it names one: its value, else the one bound it gives.

    >>> from claimledger.model import Quantity
    >>> point_value(Quantity("q", "between 1,500 and 2,000", 0, 23, "count", None, 1500, 2000)) is None
    True
    """
    if q.value is not None:
        return float(q.value)
    if q.low is not None and q.high is not None:
        return float(q.low) if q.low == q.high else None
    bound = q.low if q.low is not None else q.high
    return None if bound is None else float(bound)


def _anchors(q: Quantity) -> tuple[float, float] | None:
    """The figure(s) as written: (A, B) for a range, (v, v) for a single figure."""
    if q.low is not None and q.high is not None and q.low != q.high:
        return float(min(q.low, q.high)), float(max(q.low, q.high))
    value = point_value(q)
    return None if value is None else (value, value)


def _qualifier(q: Quantity) -> str | None:
    return " ".join(q.qualifier.lower().split()) if q.qualifier else None


def _describe_bare(q: Quantity, low_anchor: float, high_anchor: float, points: bool = False) -> str:
    if low_anchor == high_anchor:
        return format_value(low_anchor, q.kind, q.unit, points=points)
    return format_interval(low_anchor, high_anchor, q.kind, q.unit, decimals=None, points=points)


def _numeral_half(numerals: list[tuple[float, int]], anchor: float, first: bool) -> float | None:
    """Half a unit of the numeral that explains ``anchor`` (its digits times a clean scale), if one does."""
    best: tuple[float, float] | None = None
    ordered = numerals if first else list(reversed(numerals))
    for number, decimals in ordered:
        scale = _scale(anchor, number)
        misfit = abs(math.log10(scale) - round(math.log10(scale)))
        if misfit > _CLEAN_SCALE_MISFIT and not math.isclose(scale, DOZEN["dozen"]):
            continue
        if best is None or misfit < best[0] - 1e-12:
            best = (misfit, 0.5 * 10.0**-decimals * scale)
    return None if best is None else best[1]


def _scale(anchor: float, number: float) -> float:
    """What the written digits were multiplied by: 33 -> 33e6 is 1e6 ("$33M"); 50 -> 0.5 is 0.01 (cents)."""
    if number == 0 or anchor == 0:
        return 1.0
    scale = abs(anchor / number)
    power = round(math.log10(scale))
    return 10.0**power if math.isclose(scale, 10.0**power, rel_tol=1e-6) else scale


def _is_vague(text: str) -> bool:
    """No digits and no number words: "dozens", "single-digit", "hundreds of thousands"."""
    if _NUMERAL.search(text):
        return False
    words = re.findall(r"[a-z]+", text.lower())
    return "digit" in words or not _NUMBER_WORDS.intersection(words)


def _word_half(text: str, anchor: float, kind: str) -> float:
    """Rounding of a figure written in words: "eight" ±0.5, "two million" ±0.5 million, "half" ±0.5%."""
    if _is_vague(text):
        return 0.0  # a vague amount: its interval is already what the words mean
    words = re.findall(r"[a-z]+", text.lower())
    scales = [_WORD_SCALES[w] for w in words if w in _WORD_SCALES]
    if scales and abs(anchor) >= max(scales):
        return 0.5 * max(scales)
    if float(anchor).is_integer():
        return 0.5
    return FRACTION_WORD_HALF_UNIT * (100.0 if kind == "percent" else 1.0)



def _clean(x: float) -> float:
    """Drop float noise from the widening (200 * 1.1 is 220, not 220.00000000000003)."""
    return float(f"{x:.12g}") if math.isfinite(x) else x
